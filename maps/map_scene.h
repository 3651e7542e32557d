// The map as a VTK scene: units (density choropleth or plain), boundaries, labels, incidents,
// heat, kiosks/cameras and a legend, seen through an orthographic camera that this class
// drives (pan, zoom, fit). Shared by the console's Map pane and the offscreen export.
#pragma once
#include "classify.h"
#include "geodata/units.h"
#include "map_data.h"
#include "projection.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

class vtkRenderer;

namespace c175::maps {

struct SceneOptions {
    std::string level = "province"; // province or commune (2025 layer)
    bool density = true;            // choropleth of density; false = a neutral fill
    bool boundaries = true;
    bool labels = true;
    bool incidents = false;
    bool heat = false;
    bool devices = false;
    bool legend = true;
    IncidentFilter incidentFilter;
    ClassMethod method = ClassMethod::Quantiles;
    int classes = 5;
};

// A unit as shown: its figures and its density class (-1 when it has no figures).
struct ShownUnit {
    geodata::AdminUnit unit;
    std::optional<double> density;
    int densityClass = -1;
};

class MapScene {
public:
    MapScene(db::Database& db, vtkRenderer* renderer);
    ~MapScene();
    MapScene(const MapScene&) = delete;
    MapScene& operator=(const MapScene&) = delete;

    // Reloads what the change needs (classes, incidents, heat) on the next prepareFrame().
    void setOptions(const SceneOptions& options);
    const SceneOptions& options() const;
    // Replaces the incidents read from the cache (the bench feeds synthetic ones).
    void setIncidents(std::vector<Incident> incidents);
    std::size_t incidentCount() const;
    void setMarker(std::optional<geodata::LonLat> where);

    // The view. Pixels count from the bottom-left corner, as in VTK.
    void setViewportSize(int width, int height);
    void fitCountry();
    void fitBox(const geodata::BBox& lonLat);
    // Fits the view to a unit of any level; false when the code is unknown.
    bool zoomToUnit(const std::string& code);
    void centerOn(double lon, double lat, double kmPerPixel);
    void zoomAt(double factor, double px, double py); // factor > 1 zooms in, keeping (px, py)
    void panPixels(double dx, double dy);             // the map follows the pointer
    double kmPerPixel() const;
    XY center() const;
    int viewportWidth() const;
    int viewportHeight() const;
    XY toPixel(double lon, double lat) const;
    geodata::LonLat toLonLat(double px, double py) const;
    // The lon/lat box the viewport shows.
    geodata::BBox viewBox() const;

    // Before each Render(): camera, units in view (through the R*Tree), labels.
    void prepareFrame();

    const ShownUnit* unitAt(double px, double py) const;
    std::optional<Incident> incidentAt(double px, double py, double radiusPx = 6) const;
    const ShownUnit* findShown(const std::string& code) const;

    std::size_t loadedUnitCount() const;
    const Classes& classes() const;
    const std::vector<Rgb>& classColours() const;
    // "sapnhap.bando.com.vn, 2025": where the density figures come from.
    std::string figuresSource() const;
    const Projection& projection() const;

    // Incident colours by type, and device colours by status (legend and tests).
    static Rgb incidentColour(const std::string& type);
    static Rgb statusColour(const std::string& status);

    struct Impl;

private:
    std::unique_ptr<Impl> m;
};

} // namespace c175::maps
