// Kernel density of points on a regular grid (the heat layer), in projected kilometres.
#pragma once
#include "projection.h"

#include <vector>

namespace c175::maps {

struct DensityGrid {
    double originX = 0, originY = 0; // centre of cell (0, 0)
    double cellKm = 1;
    int width = 0, height = 0;
    std::vector<float> values; // row-major from the bottom row; points per km²
    float maxValue = 0;
    float at(int col, int row) const {
        return values[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) +
                      static_cast<std::size_t>(col)];
    }
};

// Gaussian kernel density estimate (bandwidth in km) of the points over the box
// [minX, maxX]x[minY, maxY]: points are binned, then blurred by a separable Gaussian.
DensityGrid kernelDensity(const std::vector<XY>& points, double minX, double minY, double maxX,
                          double maxY, double cellKm, double bandwidthKm);

} // namespace c175::maps
