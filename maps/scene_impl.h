// Internal state of MapScene shared by its source files (not part of the maps API).
#pragma once
#include "map_scene.h"

#include <vtkActor.h>
#include <vtkActor2D.h>
#include <vtkImageActor.h>
#include <vtkImageData.h>
#include <vtkPolyData.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTexture.h>

#include <array>
#include <limits>
#include <map>
#include <unordered_map>

namespace c175::maps {

// One unit's projected geometry, triangulated once and kept while the program runs.
struct UnitMesh {
    std::vector<XY> points;
    std::vector<std::array<vtkIdType, 3>> triangles;
    std::vector<std::vector<XY>> rings;
    XY labelAt;
    double widthKm = 0;
};

struct MapScene::Impl {
    Impl(db::Database& database, vtkRenderer* r) : db(database), renderer(r) {}

    db::Database& db;
    vtkRenderer* renderer;
    unsigned long depthObserver = 0;
    Projection projection;
    SceneOptions options;

    // The view.
    XY centre;
    double kmPerPixel = 2.0;
    int width = 800, height = 600;

    // Figures and classes of every unit of the level (for stable colours while panning).
    std::unordered_map<std::string, ShownUnit> figures;
    Classes classes;
    std::vector<Rgb> colours;
    std::string source;
    int sourceYear = 0;
    geodata::BBox countryBox;
    bool figuresDirty = true;

    // Units loaded for the view through the R*Tree.
    std::vector<ShownUnit> shown;
    std::vector<const UnitMesh*> shownMeshes;
    std::vector<geodata::MultiPolygon> shownShapes;
    std::map<std::string, UnitMesh> meshCache;    // key: code
    std::map<std::string, UnitMesh> outlineCache; // province lines over communes
    std::vector<const UnitMesh*> provinceMeshes;  // outlines drawn over communes
    geodata::BBox loadedBox;
    bool unitsDirty = true;
    bool colourDirty = true;
    // Boundaries are generalised to half a pixel of the zoom band they were built for (a band
    // spans a factor of two in km per pixel), so the national view draws far fewer segments.
    int outlineBand = std::numeric_limits<int>::min();

    // Incidents, heat, devices, marker.
    std::vector<Incident> incidents;
    std::vector<XY> incidentXY;
    bool incidentsExternal = false;
    bool incidentsDirty = true;
    bool heatDirty = true;
    bool devicesDirty = true;
    std::optional<geodata::LonLat> marker;
    bool markerDirty = true;

    vtkSmartPointer<vtkActor> fillActor, outlineActor, provinceOutlineActor, kioskActor,
        cameraActor, markerActor;
    vtkSmartPointer<vtkImageActor> heatActor;
    // Incidents are drawn on the CPU into one screen-sized image, shown as textured tiles (see
    // rasterIncidents), redrawn when the view or the incidents change.
    vtkSmartPointer<vtkActor> incidentTiles;
    vtkSmartPointer<vtkImageData> incidentRaster;
    vtkSmartPointer<vtkTexture> incidentTexture;
    std::vector<Rgb> incidentRgb;
    std::array<double, 4> incidentRasterView{};
    bool incidentRasterDirty = true;
    std::vector<vtkSmartPointer<vtkTextActor>> labelPool;
    std::vector<vtkSmartPointer<vtkProp>> legendProps;
    bool legendDirty = true;
    int legendForHeight = 0;

    // map_scene.cpp
    void loadFigures();
    void reloadUnits(const geodata::BBox& view);
    const UnitMesh& meshFor(const std::string& code, const geodata::MultiPolygon& shape,
                            bool fill = true);
    void rebuildUnitActors();
    void rebuildOutlines();
    void applyCamera();
    bool needsReload(const geodata::BBox& view) const;
    // scene_layers.cpp
    void rebuildIncidents();
    void rasterIncidents();
    std::vector<char> paintIncidentSquares(); // returns the tiles that hold a point
    vtkSmartPointer<vtkPolyData> tileQuads(const std::vector<char>& used) const;
    void rebuildHeat();
    void rebuildDevices();
    void rebuildMarker();
    // scene_labels.cpp
    void placeUnitLabels();
    void rebuildLegend();
};

// Shared helpers of the scene files.
vtkSmartPointer<vtkActor> flatActor(double z);
void styleText(vtkTextActor* actor, int size, bool bold);

// Layer depths: later layers draw over earlier ones.
inline constexpr double kFillZ = 0.0, kOutlineZ = 0.5, kProvinceOutlineZ = 0.6, kHeatZ = 1.0,
                        kDeviceZ = 1.5, kIncidentZ = 2.0, kMarkerZ = 2.5;

} // namespace c175::maps
