// MapScene's point layers: incidents, the heat image, kiosks/cameras and the "show on map" pin.
#include "heat.h"
#include "map_scene.h"
#include "scene_impl.h"

#include <vtkCellArray.h>
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

} // namespace

void MapScene::Impl::rebuildIncidents() {
    if (!incidentsExternal) {
        incidents.clear();
        if (options.incidents || options.heat)
            incidents = loadIncidents(db, options.incidentFilter);
    }
    incidentXY.clear();
    incidentXY.reserve(incidents.size());
    std::vector<Rgb> colours;
    colours.reserve(incidents.size());
    for (const auto& i : incidents) {
        incidentXY.push_back(projection.project(i.lon, i.lat));
        colours.push_back(MapScene::incidentColour(i.type));
    }
    if (!incidentActor)
        incidentActor = pointActor(renderer, kIncidentZ, 4.0f);
    vtkPolyDataMapper::SafeDownCast(incidentActor->GetMapper())
        ->SetInputData(colouredPoints(incidentXY, colours));
    incidentActor->SetVisibility(options.incidents);
    incidentsDirty = false;
    heatDirty = true;
    legendDirty = true;
}

void MapScene::Impl::rebuildHeat() {
    heatDirty = false;
    if (!heatActor) {
        heatActor = vtkSmartPointer<vtkImageActor>::New();
        heatActor->SetPosition(0, 0, kHeatZ);
        heatActor->PickableOff();
        renderer->AddActor(heatActor);
    }
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
