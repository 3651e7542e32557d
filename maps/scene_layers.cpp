// MapScene's point layers: incidents (drawn on the CPU into an image), the heat image,
// kiosks/cameras and the "show on map" pin.
#include "heat.h"
#include "map_scene.h"
#include "scene_impl.h"

#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkImageMapper3D.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace c175::maps {

Rgb MapScene::incidentColour(const std::string& type) {
    // Tip-off crime types, then camera alert kinds (distinct hues, Tableau 10 / Set1).
    static const std::map<std::string, Rgb> colours{
        {"criminal", {214, 39, 40}},     {"economic", {31, 119, 180}},
        {"drugs", {148, 103, 189}},      {"environment", {44, 160, 44}},
        {"cyber", {23, 190, 207}},       {"traffic", {255, 127, 14}},
        {"other", {127, 127, 127}},      {"restricted_zone", {140, 86, 75}},
        {"intrusion", {227, 119, 194}},  {"abnormal_behaviour", {188, 189, 34}},
        {"crowd_overload", {0, 0, 128}}, {"vehicle_violation", {255, 215, 0}},
    };
    auto it = colours.find(type);
    return it == colours.end() ? Rgb{60, 60, 60} : it->second;
}

Rgb MapScene::statusColour(const std::string& status) {
    if (status == "online")
        return {26, 152, 80};
    if (status == "fault")
        return {215, 25, 28};
    if (status == "maintenance")
        return {253, 174, 97};
    return {110, 110, 110}; // offline and anything unknown
}

namespace {

vtkSmartPointer<vtkPolyData> colouredPoints(const std::vector<XY>& xy,
                                            const std::vector<Rgb>& colours) {
    vtkNew<vtkPoints> points;
    points->SetDataTypeToFloat();
    points->SetNumberOfPoints(static_cast<vtkIdType>(xy.size()));
    vtkNew<vtkUnsignedCharArray> rgb;
    rgb->SetNumberOfComponents(3);
    rgb->SetNumberOfTuples(static_cast<vtkIdType>(xy.size()));
    vtkNew<vtkCellArray> verts;
    verts->AllocateExact(static_cast<vtkIdType>(xy.size()), static_cast<vtkIdType>(xy.size()));
    for (std::size_t i = 0; i < xy.size(); ++i) {
        const auto id = static_cast<vtkIdType>(i);
        points->SetPoint(id, xy[i].x, xy[i].y, 0);
        rgb->SetTypedTuple(id, colours[i].data());
        verts->InsertNextCell(1, &id);
    }
    auto pd = vtkSmartPointer<vtkPolyData>::New();
    pd->SetPoints(points);
    pd->SetVerts(verts);
    pd->GetPointData()->SetScalars(rgb);
    return pd;
}

vtkSmartPointer<vtkActor> pointActor(vtkRenderer* renderer, double z, float size) {
    auto actor = flatActor(z);
    actor->GetProperty()->SetPointSize(size);
    auto* mapper = vtkPolyDataMapper::SafeDownCast(actor->GetMapper());
    mapper->SetColorModeToDirectScalars();
    mapper->SetScalarModeToUsePointData();
    renderer->AddActor(actor);
    return actor;
}

vtkSmartPointer<vtkImageActor> imageActor(vtkRenderer* renderer, double z) {
    auto actor = vtkSmartPointer<vtkImageActor>::New();
    actor->SetPosition(0, 0, z);
    actor->PickableOff();
    renderer->AddActor(actor);
    return actor;
}

// Side of an incident's square, and of the tiles of the incident image, in device pixels.
constexpr int kIncidentPx = 4, kTilePx = 32;

// Rasterisers snap vertices to a sub-pixel grid (llvmpipe: 1/256 pixel); doing the same puts a
// point that sits on a pixel boundary on the same side as GL would.
double snap(double windowCoordinate) {
    return std::round(windowCoordinate * 256.0) / 256.0;
}

} // namespace

void MapScene::Impl::rebuildIncidents() {
    if (!incidentsExternal) {
        incidents.clear();
        if (options.incidents || options.heat)
            incidents = loadIncidents(db, options.incidentFilter);
    }
    incidentXY.clear();
    incidentXY.reserve(incidents.size());
    incidentRgb.clear();
    incidentRgb.reserve(incidents.size());
    for (const auto& i : incidents) {
        incidentXY.push_back(projection.project(i.lon, i.lat));
        incidentRgb.push_back(MapScene::incidentColour(i.type));
    }
    if (!heatActor)
        heatActor = imageActor(renderer, kHeatZ);
    if (!incidentTiles) {
        incidentRaster = vtkSmartPointer<vtkImageData>::New();
        incidentTexture = vtkSmartPointer<vtkTexture>::New();
        incidentTexture->SetInputData(incidentRaster);
        incidentTexture->InterpolateOff(); // one texel per pixel: exact colours
        incidentTiles = flatActor(kIncidentZ);
        incidentTiles->SetTexture(incidentTexture);
        // Texels are either opaque or empty, and VTK's shader discards empty ones, so the tiles
        // can stay in the opaque pass (the translucent pass is an order-independent blend that
        // costs llvmpipe several full-screen passes and mixes colours).
        incidentTiles->ForceOpaqueOn();
        renderer->AddActor(incidentTiles);
    }
    incidentsDirty = false;
    incidentRasterDirty = true;
    heatDirty = true;
    legendDirty = true;
}

// 100,000 points as GL_POINTS cost llvmpipe about 50 ms of CPU a frame (per-primitive setup),
// more than the whole choropleth. Here they are drawn on the CPU into one image, one texel per
// device pixel, in the same order and with the same squares as GL points of size 4, and only
// the 32-pixel tiles that hold a point are drawn, as textured quads (texturing the whole
// viewport would add ~20 ms of fragment work on llvmpipe).
void MapScene::Impl::rasterIncidents() {
    incidentTiles->SetVisibility(options.incidents && !incidentXY.empty());
    if (!options.incidents || incidentXY.empty())
        return;
    const std::array<double, 4> view{centre.x, centre.y, kmPerPixel,
                                     static_cast<double>(width) * 65536 + height};
    if (!incidentRasterDirty && view == incidentRasterView)
        return;
    incidentRasterDirty = false;
    incidentRasterView = view;
    const auto used = paintIncidentSquares();
    incidentRaster->Modified();
    vtkPolyDataMapper::SafeDownCast(incidentTiles->GetMapper())->SetInputData(tileQuads(used));
}

std::vector<char> MapScene::Impl::paintIncidentSquares() {
    int dims[3] = {0, 0, 0};
    incidentRaster->GetDimensions(dims);
    if (dims[0] != width || dims[1] != height) {
        incidentRaster->SetDimensions(width, height, 1);
        incidentRaster->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    }
    auto* px = static_cast<unsigned char*>(incidentRaster->GetScalarPointer());
    const auto rowBytes = 4 * static_cast<std::size_t>(width);
    std::fill(px, px + rowBytes * static_cast<std::size_t>(height), 0);
    const int tilesX = (width + kTilePx - 1) / kTilePx, tilesY = (height + kTilePx - 1) / kTilePx;
    std::vector<char> used(static_cast<std::size_t>(tilesX) * static_cast<std::size_t>(tilesY));
    const double half = kIncidentPx / 2.0;
    for (std::size_t k = 0; k < incidentXY.size(); ++k) {
        // Window coordinates of the point, then the pixels whose centres fall in its square
        // (GL's rule for points).
        const double sx = snap(width / 2.0 + (incidentXY[k].x - centre.x) / kmPerPixel);
        const double sy = snap(height / 2.0 + (incidentXY[k].y - centre.y) / kmPerPixel);
        if (sx < -half || sy < -half || sx > width + half || sy > height + half)
            continue;
        const int x0 = static_cast<int>(std::ceil(sx - half - 0.5));
        const int y0 = static_cast<int>(std::ceil(sy - half - 0.5));
        const int xa = std::max(x0, 0), xb = std::min(x0 + kIncidentPx, width);
        const int ya = std::max(y0, 0), yb = std::min(y0 + kIncidentPx, height);
        if (xa >= xb || ya >= yb)
            continue;
        const Rgb& c = incidentRgb[k];
        for (int y = ya; y < yb; ++y) {
            unsigned char* out = px + rowBytes * static_cast<std::size_t>(y) + 4 * xa;
            for (int x = xa; x < xb; ++x, out += 4) {
                out[0] = c[0];
                out[1] = c[1];
                out[2] = c[2];
                out[3] = 255;
            }
        }
        for (int ty : {ya / kTilePx, (yb - 1) / kTilePx})
            for (int tx : {xa / kTilePx, (xb - 1) / kTilePx})
                used[static_cast<std::size_t>(ty * tilesX + tx)] = 1;
    }
    return used;
}

// One quad per used tile, at the world position of its pixels, textured with its texels.
vtkSmartPointer<vtkPolyData> MapScene::Impl::tileQuads(const std::vector<char>& used) const {
    const int tilesX = (width + kTilePx - 1) / kTilePx, tilesY = (height + kTilePx - 1) / kTilePx;
    vtkNew<vtkPoints> points;
    points->SetDataTypeToFloat();
    vtkNew<vtkFloatArray> tcoords;
    tcoords->SetNumberOfComponents(2);
    vtkNew<vtkCellArray> quads;
    for (int ty = 0; ty < tilesY; ++ty)
        for (int tx = 0; tx < tilesX; ++tx) {
            if (!used[static_cast<std::size_t>(ty * tilesX + tx)])
                continue;
            const int x0 = tx * kTilePx, x1 = std::min(x0 + kTilePx, width);
            const int y0 = ty * kTilePx, y1 = std::min(y0 + kTilePx, height);
            vtkIdType ids[4];
            int corner = 0;
            for (const auto& [x, y] : {std::pair{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}) {
                ids[corner++] =
                    points->InsertNextPoint(centre.x + (x - width / 2.0) * kmPerPixel,
                                            centre.y + (y - height / 2.0) * kmPerPixel, 0);
                const float uv[2] = {static_cast<float>(x) / static_cast<float>(width),
                                     static_cast<float>(y) / static_cast<float>(height)};
                tcoords->InsertNextTypedTuple(uv);
            }
            quads->InsertNextCell(4, ids);
        }
    auto pd = vtkSmartPointer<vtkPolyData>::New();
    pd->SetPoints(points);
    pd->SetPolys(quads);
    pd->GetPointData()->SetTCoords(tcoords);
    return pd;
}

void MapScene::Impl::rebuildHeat() {
    heatDirty = false;
    if (!heatActor)
        heatActor = imageActor(renderer, kHeatZ);
    heatActor->SetVisibility(options.heat && !incidentXY.empty());
    if (!options.heat || incidentXY.empty())
        return;
    // Over the country box (not the view), so panning needs no recomputation.
    double minX = 1e18, minY = 1e18, maxX = -1e18, maxY = -1e18;
    for (double lon : {countryBox.minLon, countryBox.maxLon})
        for (double lat :
             {countryBox.minLat, (countryBox.minLat + countryBox.maxLat) / 2, countryBox.maxLat}) {
            const XY p = projection.project(lon, lat);
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y);
            maxY = std::max(maxY, p.y);
        }
    const double cell = 3.0, bandwidth = 12.0;
    const auto grid =
        kernelDensity(incidentXY, minX - 50, minY - 50, maxX + 50, maxY + 50, cell, bandwidth);
    vtkNew<vtkImageData> image;
    image->SetDimensions(grid.width, grid.height, 1);
    image->SetOrigin(grid.originX, grid.originY, 0);
    image->SetSpacing(cell, cell, 1);
    image->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    auto* px = static_cast<unsigned char*>(image->GetScalarPointer());
    // Square-root scale so sparse areas still show; yellow to dark red, transparent at zero.
    const float top = grid.maxValue > 0 ? grid.maxValue : 1.f;
    for (int row = 0; row < grid.height; ++row)
        for (int col = 0; col < grid.width; ++col) {
            const float t = std::sqrt(std::clamp(grid.at(col, row) / top, 0.f, 1.f));
            unsigned char* out = px + 4 * (static_cast<std::size_t>(row) * grid.width + col);
            out[0] = static_cast<unsigned char>(255 - 80 * t);
            out[1] = static_cast<unsigned char>(230 * (1 - t));
            out[2] = static_cast<unsigned char>(60 * (1 - t));
            out[3] = static_cast<unsigned char>(t < 0.03f ? 0 : 60 + 170 * t);
        }
    heatActor->GetMapper()->SetInputData(image);
    heatActor->SetInterpolate(true);
}

void MapScene::Impl::rebuildDevices() {
    devicesDirty = false;
    std::vector<Device> devices;
    if (options.devices)
        devices = loadDevices(db);
    std::vector<XY> kioskXY, cameraXY;
    std::vector<Rgb> kioskRgb, cameraRgb;
    for (const auto& d : devices) {
        auto& xy = d.kind == DeviceKind::Kiosk ? kioskXY : cameraXY;
        auto& rgb = d.kind == DeviceKind::Kiosk ? kioskRgb : cameraRgb;
        xy.push_back(projection.project(d.lon, d.lat));
        rgb.push_back(MapScene::statusColour(d.status));
    }
    if (!kioskActor) {
        kioskActor = pointActor(renderer, kDeviceZ, 8.0f);
        cameraActor = pointActor(renderer, kDeviceZ + 0.1, 6.0f);
        cameraActor->GetProperty()->RenderPointsAsSpheresOn();
    }
    vtkPolyDataMapper::SafeDownCast(kioskActor->GetMapper())
        ->SetInputData(colouredPoints(kioskXY, kioskRgb));
    vtkPolyDataMapper::SafeDownCast(cameraActor->GetMapper())
        ->SetInputData(colouredPoints(cameraXY, cameraRgb));
    kioskActor->SetVisibility(options.devices);
    cameraActor->SetVisibility(options.devices);
    legendDirty = true;
}

void MapScene::Impl::rebuildMarker() {
    markerDirty = false;
    if (!markerActor) {
        markerActor = pointActor(renderer, kMarkerZ, 14.0f);
        markerActor->GetProperty()->RenderPointsAsSpheresOn();
    }
    std::vector<XY> xy;
    if (marker)
        xy.push_back(projection.project(marker->lon, marker->lat));
    vtkPolyDataMapper::SafeDownCast(markerActor->GetMapper())
        ->SetInputData(colouredPoints(xy, std::vector<Rgb>(xy.size(), Rgb{0, 90, 200})));
    markerActor->SetVisibility(marker.has_value());
}

} // namespace c175::maps
