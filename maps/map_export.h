// Offscreen rendering of the map to a PNG (reports, tests): `c175ctl map export`.
#pragma once
#include "db/database.h"
#include "map_scene.h"

#include <stdexcept>
#include <string>

class vtkRenderWindow;
class vtkWindowToImageFilter;
template <class T> class vtkSmartPointer;

namespace c175::maps {

// The frame just rendered in `window` (back buffer, RGB), read into the returned filter's output.
vtkSmartPointer<vtkWindowToImageFilter> grabFrame(vtkRenderWindow* window);

class MapError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ExportOptions {
    std::string layer = "density"; // density, incidents or heat
    std::string level = "province";
    int width = 1600;
    int height = 1000;
    std::string outPath;
    IncidentFilter filter;
    bool labels = true;
    bool legend = true;
    ClassMethod method = ClassMethod::Quantiles;
};

// Where things landed in the image (pixels from the bottom-left, as vtkPNGReader reads them).
struct ExportResult {
    Projection projection;
    XY centre;
    double kmPerPixel = 1;
    int width = 0, height = 0;
    std::size_t units = 0;
    std::size_t incidents = 0;
    Classes classes;
    std::vector<Rgb> colours;
    XY pixelOf(double lon, double lat) const;
};

// Debian's VTK renders through X: true when an X display answers. `why` says what is missing.
bool displayAvailable(std::string& why);

// Throws MapError (no display, bad option, file not written).
ExportResult exportPng(db::Database& db, const ExportOptions& options);

} // namespace c175::maps
