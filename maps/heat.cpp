#include "heat.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace c175::maps {

DensityGrid kernelDensity(const std::vector<XY>& points, double minX, double minY, double maxX,
                          double maxY, double cellKm, double bandwidthKm) {
    DensityGrid g;
    g.cellKm = cellKm;
    g.width = std::max(1, static_cast<int>(std::ceil((maxX - minX) / cellKm)));
    g.height = std::max(1, static_cast<int>(std::ceil((maxY - minY) / cellKm)));
    g.originX = minX + cellKm / 2;
    g.originY = minY + cellKm / 2;
    const auto w = static_cast<std::size_t>(g.width), h = static_cast<std::size_t>(g.height);
    std::vector<float> bins(w * h, 0.f);
    for (const auto& p : points) {
        const auto cx = static_cast<long>(std::floor((p.x - minX) / cellKm));
        const auto cy = static_cast<long>(std::floor((p.y - minY) / cellKm));
        if (cx >= 0 && cy >= 0 && cx < g.width && cy < g.height)
            bins[static_cast<std::size_t>(cy) * w + static_cast<std::size_t>(cx)] += 1.f;
    }
    // Kernel weights in cells, truncated at 3 sigma, normalised so the grid integrates to the
    // number of points (then divided by the cell area for a density).
    const double sigma = std::max(bandwidthKm / cellKm, 0.5);
    const int radius = static_cast<int>(std::ceil(3 * sigma));
    std::vector<float> kernel(static_cast<std::size_t>(2 * radius + 1));
    double sum = 0;
    for (int i = -radius; i <= radius; ++i)
        sum += kernel[static_cast<std::size_t>(i + radius)] =
            static_cast<float>(std::exp(-0.5 * i * i / (sigma * sigma)));
    for (auto& k : kernel)
        k = static_cast<float>(k / sum);
    std::vector<float> tmp(w * h, 0.f);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x) {
            const float v = bins[y * w + x];
            if (v == 0.f)
                continue;
            for (int i = -radius; i <= radius; ++i) {
                const long xx = static_cast<long>(x) + i;
                if (xx >= 0 && xx < g.width)
                    tmp[y * w + static_cast<std::size_t>(xx)] +=
                        v * kernel[static_cast<std::size_t>(i + radius)];
            }
        }
    g.values.assign(w * h, 0.f);
    const float perArea = static_cast<float>(1.0 / (cellKm * cellKm));
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x) {
            const float v = tmp[y * w + x];
            if (v == 0.f)
                continue;
            for (int i = -radius; i <= radius; ++i) {
                const long yy = static_cast<long>(y) + i;
                if (yy >= 0 && yy < g.height)
                    g.values[static_cast<std::size_t>(yy) * w + x] +=
                        v * kernel[static_cast<std::size_t>(i + radius)] * perArea;
            }
        }
    g.maxValue = g.values.empty() ? 0.f : *std::max_element(g.values.begin(), g.values.end());
    return g;
}

} // namespace c175::maps
