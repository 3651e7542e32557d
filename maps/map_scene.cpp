#include "map_scene.h"

#include "scene_impl.h"
#include "shape_mesh.h"

#include <vtk_glew.h>

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkOpenGLRenderWindow.h>
#include <vtkOpenGLState.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace c175::maps {

vtkSmartPointer<vtkActor> flatActor(double z) {
    auto actor = vtkSmartPointer<vtkActor>::New();
    vtkNew<vtkPolyDataMapper> mapper;
    actor->SetMapper(mapper);
    // Flat colours: a map is not lit, and the export's pixels must equal the legend's colours.
    actor->GetProperty()->SetAmbient(1.0);
    actor->GetProperty()->SetDiffuse(0.0);
    actor->GetProperty()->SetSpecular(0.0);
    // Unlit shaders: the same colours for a third less fragment work on llvmpipe.
    actor->GetProperty()->LightingOff();
    actor->SetPosition(0, 0, z);
    actor->PickableOff();
    return actor;
}

namespace {

// The 2D props (legend panel, swatches, text) share one depth, so each must pass the depth test
// where an earlier one drew. VTK sets GL_LEQUAL when it creates its own context (the export),
// but in a window bound to the console's wxGLCanvas context the test stayed at GL's default
// GL_LESS: the legend's swatches and text lost to its panel (issue 4). Setting it at the start
// of every render makes both paths draw the same.
void depthLessOrEqual(vtkObject* caller, unsigned long, void*, void*) {
    auto* renderer = static_cast<vtkRenderer*>(caller);
    if (auto* window = vtkOpenGLRenderWindow::SafeDownCast(renderer->GetRenderWindow()))
        window->GetState()->vtkglDepthFunc(GL_LEQUAL);
}

} // namespace

MapScene::MapScene(db::Database& db, vtkRenderer* renderer)
    : m(std::make_unique<Impl>(db, renderer)) {
    vtkNew<vtkCallbackCommand> depth;
    depth->SetCallback(depthLessOrEqual);
    m->depthObserver = renderer->AddObserver(vtkCommand::StartEvent, depth);
    renderer->SetBackground(0.87, 0.93, 0.97); // the sea
    m->fillActor = flatActor(kFillZ);
    m->outlineActor = flatActor(kOutlineZ);
    m->outlineActor->GetProperty()->SetColor(0.35, 0.35, 0.35);
    m->provinceOutlineActor = flatActor(kProvinceOutlineZ);
    m->provinceOutlineActor->GetProperty()->SetColor(0.15, 0.15, 0.15);
    m->provinceOutlineActor->GetProperty()->SetLineWidth(2.0);
    for (auto& a : {m->fillActor, m->outlineActor, m->provinceOutlineActor})
        renderer->AddActor(a);
    fitCountry();
}

MapScene::~MapScene() {
    m->renderer->RemoveObserver(m->depthObserver);
}

void MapScene::setOptions(const SceneOptions& o) {
    auto& cur = m->options;
    const bool filterChanged = o.incidentFilter.from != cur.incidentFilter.from ||
                               o.incidentFilter.to != cur.incidentFilter.to ||
                               o.incidentFilter.types != cur.incidentFilter.types ||
                               o.incidentFilter.tipoffs != cur.incidentFilter.tipoffs ||
                               o.incidentFilter.cameraAlerts != cur.incidentFilter.cameraAlerts;
    if (o.level != cur.level || o.method != cur.method || o.classes != cur.classes)
        m->figuresDirty = true;
    if (o.density != cur.density || o.boundaries != cur.boundaries)
        m->colourDirty = true;
    if (filterChanged) {
        m->incidentsExternal = false;
        m->incidentsDirty = true;
    }
    if (o.incidents != cur.incidents || o.heat != cur.heat)
        m->incidentsDirty = true;
    if (o.devices != cur.devices)
        m->devicesDirty = true;
    m->legendDirty = true;
    cur = o;
}

const SceneOptions& MapScene::options() const {
    return m->options;
}

void MapScene::setIncidents(std::vector<Incident> incidents) {
    m->incidents = std::move(incidents);
    m->incidentsExternal = true;
    m->incidentsDirty = true;
    m->legendDirty = true;
}

std::size_t MapScene::incidentCount() const {
    return m->incidents.size();
}

void MapScene::setMarker(std::optional<geodata::LonLat> where) {
    m->marker = where;
    m->markerDirty = true;
}

void MapScene::setViewportSize(int width, int height) {
    if (width != m->width || height != m->height)
        m->legendDirty = true;
    m->width = std::max(width, 1);
    m->height = std::max(height, 1);
}

void MapScene::fitCountry() {
    if (m->figuresDirty)
        m->loadFigures();
    fitBox(m->countryBox);
}

void MapScene::fitBox(const geodata::BBox& b) {
    double minX = std::numeric_limits<double>::max(), maxX = -minX, minY = minX, maxY = -minX;
    for (double lon : {b.minLon, (b.minLon + b.maxLon) / 2, b.maxLon})
        for (double lat : {b.minLat, (b.minLat + b.maxLat) / 2, b.maxLat}) {
            const XY p = m->projection.project(lon, lat);
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y);
            maxY = std::max(maxY, p.y);
        }
    m->centre = {(minX + maxX) / 2, (minY + maxY) / 2};
    m->kmPerPixel = std::max({(maxX - minX) / m->width, (maxY - minY) / m->height, 0.001}) * 1.05;
}

bool MapScene::zoomToUnit(const std::string& code) {
    const auto unit = geodata::findUnit(m->db, code);
    if (!unit)
        return false;
    fitBox(unit->bbox);
    return true;
}

void MapScene::centerOn(double lon, double lat, double kmPerPixel) {
    m->centre = m->projection.project(lon, lat);
    m->kmPerPixel = std::clamp(kmPerPixel, 0.005, 20.0);
}

void MapScene::zoomAt(double factor, double px, double py) {
    if (factor <= 0)
        return;
    const double before = m->kmPerPixel;
    const double after = std::clamp(before / factor, 0.005, 20.0);
    // Keep the world point under (px, py) fixed.
    const double wx = m->centre.x + (px - m->width / 2.0) * before;
    const double wy = m->centre.y + (py - m->height / 2.0) * before;
    m->centre = {wx - (px - m->width / 2.0) * after, wy - (py - m->height / 2.0) * after};
    m->kmPerPixel = after;
}

void MapScene::panPixels(double dx, double dy) {
    m->centre.x -= dx * m->kmPerPixel;
    m->centre.y -= dy * m->kmPerPixel;
}

double MapScene::kmPerPixel() const {
    return m->kmPerPixel;
}
XY MapScene::center() const {
    return m->centre;
}
int MapScene::viewportWidth() const {
    return m->width;
}
int MapScene::viewportHeight() const {
    return m->height;
}
const Projection& MapScene::projection() const {
    return m->projection;
}

XY MapScene::toPixel(double lon, double lat) const {
    const XY p = m->projection.project(lon, lat);
    return {m->width / 2.0 + (p.x - m->centre.x) / m->kmPerPixel,
            m->height / 2.0 + (p.y - m->centre.y) / m->kmPerPixel};
}

geodata::LonLat MapScene::toLonLat(double px, double py) const {
    geodata::LonLat out;
    m->projection.unproject(m->centre.x + (px - m->width / 2.0) * m->kmPerPixel,
                            m->centre.y + (py - m->height / 2.0) * m->kmPerPixel, out.lon, out.lat);
    return out;
}

geodata::BBox MapScene::viewBox() const {
    geodata::BBox b{180, 90, -180, -90};
    for (double fx : {0.0, 0.5, 1.0})
        for (double fy : {0.0, 0.5, 1.0}) {
            const auto p = toLonLat(fx * m->width, fy * m->height);
            b.minLon = std::min(b.minLon, p.lon);
            b.maxLon = std::max(b.maxLon, p.lon);
            b.minLat = std::min(b.minLat, p.lat);
            b.maxLat = std::max(b.maxLat, p.lat);
        }
    return b;
}

void MapScene::Impl::loadFigures() {
    figures.clear();
    std::vector<double> densities;
    countryBox = geodata::BBox{180, 90, -180, -90};
    source.clear();
    sourceYear = 0;
    for (auto& u : geodata::listUnits(db, "2025", options.level)) {
        ShownUnit s;
        s.density = u.density();
        if (s.density)
            densities.push_back(*s.density);
        countryBox.minLon = std::min(countryBox.minLon, u.bbox.minLon);
        countryBox.maxLon = std::max(countryBox.maxLon, u.bbox.maxLon);
        countryBox.minLat = std::min(countryBox.minLat, u.bbox.minLat);
        countryBox.maxLat = std::max(countryBox.maxLat, u.bbox.maxLat);
        if (source.empty() && !u.popSource.empty()) {
            source = u.popSource;
            sourceYear = u.popYear.value_or(0);
        }
        s.unit = std::move(u);
        std::string code = s.unit.code;
        figures.emplace(std::move(code), std::move(s));
    }
    if (figures.empty())
        countryBox = geodata::BBox{102.1, 8.2, 109.5, 23.4}; // Vietnam's mainland
    classes = makeClasses(densities, options.classes, options.method);
    colours = sequentialRamp(classes.count());
    for (auto& [code, s] : figures)
        if (s.density)
            s.densityClass = classes.classOf(*s.density);
    figuresDirty = false;
    unitsDirty = true;
    legendDirty = true;
    provinceMeshes.clear();
    if (options.level == "commune")
        for (const auto& p : geodata::loadShapes(db, "2025", "province"))
            provinceMeshes.push_back(&meshFor(p.unit.code, p.shape, false));
}

namespace {

// A point inside the largest part: the middle of the widest inside span of a horizontal line
// through the part's middle latitude (a centroid can fall outside a concave unit).
geodata::LonLat interiorPoint(const geodata::MultiPolygon& shape) {
    const geodata::Polygon* best = nullptr;
    double bestArea = -1;
    for (const auto& polygon : shape) {
        const auto b = geodata::boundsOf({polygon});
        if (b.width() * b.height() > bestArea) {
            bestArea = b.width() * b.height();
            best = &polygon;
        }
    }
    if (!best)
        return {};
    const auto b = geodata::boundsOf({*best});
    const double lat = (b.minLat + b.maxLat) / 2 + b.height() * 1e-7;
    std::vector<double> xs;
    for (const auto& ring : *best)
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const auto &a = ring[i], &c = ring[j];
            if ((a.lat > lat) != (c.lat > lat))
                xs.push_back(a.lon + (lat - a.lat) * (c.lon - a.lon) / (c.lat - a.lat));
        }
    std::sort(xs.begin(), xs.end());
    double widest = -1, mid = (b.minLon + b.maxLon) / 2;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > widest) {
            widest = xs[i + 1] - xs[i];
            mid = (xs[i] + xs[i + 1]) / 2;
        }
    return {mid, lat};
}

} // namespace

const UnitMesh& MapScene::Impl::meshFor(const std::string& code, const geodata::MultiPolygon& shape,
                                        bool fill) {
    auto& cache = fill ? meshCache : outlineCache;
    if (auto it = cache.find(code); it != cache.end())
        return it->second;
    UnitMesh mesh;
    ShapeMesh sm(projection);
    if (fill)
        sm.addFill(shape);
    auto pd = sm.fillPolyData();
    mesh.points.resize(static_cast<std::size_t>(pd->GetNumberOfPoints()));
    for (vtkIdType i = 0; i < pd->GetNumberOfPoints(); ++i) {
        double p[3];
        pd->GetPoint(i, p);
        mesh.points[static_cast<std::size_t>(i)] = {p[0], p[1]};
    }
    vtkIdType n = 0;
    const vtkIdType* ids = nullptr;
    auto* polys = pd->GetPolys();
    for (polys->InitTraversal(); polys->GetNextCell(n, ids);)
        if (n == 3)
            mesh.triangles.push_back({ids[0], ids[1], ids[2]});
    for (const auto& polygon : shape)
        for (const auto& ring : polygon) {
            std::vector<XY> xy;
            xy.reserve(ring.size());
            for (const auto& p : ring)
                xy.push_back(projection.project(p.lon, p.lat));
            mesh.rings.push_back(std::move(xy));
        }
    const auto label = interiorPoint(shape);
    mesh.labelAt = projection.project(label.lon, label.lat);
    const auto b = geodata::boundsOf(shape);
    mesh.widthKm = projection.project(b.maxLon, (b.minLat + b.maxLat) / 2).x -
                   projection.project(b.minLon, (b.minLat + b.maxLat) / 2).x;
    return cache.emplace(code, std::move(mesh)).first->second;
}

bool MapScene::Impl::needsReload(const geodata::BBox& view) const {
    if (unitsDirty)
        return true;
    const bool inside = view.minLon >= loadedBox.minLon && view.maxLon <= loadedBox.maxLon &&
                        view.minLat >= loadedBox.minLat && view.maxLat <= loadedBox.maxLat;
    // Zoomed far in since the last load: load the smaller set.
    const double loadedArea = loadedBox.width() * loadedBox.height();
    const double viewArea = std::max(view.width() * view.height(), 1e-9);
    return !inside || loadedArea > 16 * viewArea * 4;
}

void MapScene::Impl::reloadUnits(const geodata::BBox& view) {
    // Load a margin of half a view on each side, so a small pan needs no query.
    const geodata::BBox padded{view.minLon - view.width() / 2, view.minLat - view.height() / 2,
                               view.maxLon + view.width() / 2, view.maxLat + view.height() / 2};
    auto loaded = geodata::loadShapes(db, "2025", options.level, padded);
    shown.clear();
    shownMeshes.clear();
    shownShapes.clear();
    for (auto& s : loaded) {
        if (s.shape.empty())
            continue;
        ShownUnit su;
        if (auto it = figures.find(s.unit.code); it != figures.end())
            su = it->second;
        else
            su.unit = s.unit;
        shownMeshes.push_back(&meshFor(s.unit.code, s.shape));
        shown.push_back(std::move(su));
        shownShapes.push_back(std::move(s.shape));
    }
    loadedBox = padded;
    unitsDirty = false;
    colourDirty = true;
}

void MapScene::Impl::rebuildUnitActors() {
    vtkIdType total = 0, triangles = 0;
    for (const auto* mesh : shownMeshes) {
        total += static_cast<vtkIdType>(mesh->points.size());
        triangles += static_cast<vtkIdType>(mesh->triangles.size());
    }
    vtkNew<vtkPoints> points;
    points->SetDataTypeToFloat();
    points->SetNumberOfPoints(total);
    vtkNew<vtkCellArray> polys;
    polys->AllocateExact(triangles, triangles * 3);
    vtkNew<vtkUnsignedCharArray> colour;
    colour->SetNumberOfComponents(3);
    // Colours per point, not per triangle: each unit has its own points, and VTK draws cell
    // colours through a texture lookup per fragment (measured slower on llvmpipe).
    colour->SetNumberOfTuples(total);
    const Rgb neutral{236, 232, 222};
    vtkIdType base = 0;
    for (std::size_t u = 0; u < shownMeshes.size(); ++u) {
        const auto& mesh = *shownMeshes[u];
        const auto& s = shown[u];
        Rgb c = neutral;
        if (options.density)
            c = s.densityClass >= 0 ? colours[static_cast<std::size_t>(s.densityClass)]
                                    : kNoDataColour;
        for (std::size_t i = 0; i < mesh.points.size(); ++i) {
            const auto id = base + static_cast<vtkIdType>(i);
            points->SetPoint(id, mesh.points[i].x, mesh.points[i].y, 0);
            colour->SetTypedTuple(id, c.data());
        }
        for (const auto& t : mesh.triangles) {
            const vtkIdType ids[3] = {t[0] + base, t[1] + base, t[2] + base};
            polys->InsertNextCell(3, ids);
        }
        base += static_cast<vtkIdType>(mesh.points.size());
    }
    vtkNew<vtkPolyData> fill;
    fill->SetPoints(points);
    fill->SetPolys(polys);
    fill->GetPointData()->SetScalars(colour);
    auto* fillMapper = vtkPolyDataMapper::SafeDownCast(fillActor->GetMapper());
    fillMapper->SetInputData(fill);
    fillMapper->SetScalarModeToUsePointData();
    fillMapper->SetColorModeToDirectScalars();

    rebuildOutlines();
    colourDirty = false;
}

namespace {

int outlineBandOf(double kmPerPixel) {
    return static_cast<int>(std::floor(std::log2(kmPerPixel)));
}

} // namespace

void MapScene::Impl::rebuildOutlines() {
    outlineBand = outlineBandOf(kmPerPixel);
    // Half a pixel at the finest zoom of the band: the simplified line differs from the full one
    // by less than a pixel on screen.
    const double tolerance = 0.5 * std::exp2(outlineBand);
    auto outline = [tolerance](const std::vector<const UnitMesh*>& meshes) {
        vtkNew<vtkPoints> pts;
        pts->SetDataTypeToFloat();
        vtkNew<vtkCellArray> lines;
        for (const auto* mesh : meshes)
            for (const auto& ring : mesh->rings) {
                const auto line = simplifyLine(ring, tolerance);
                lines->InsertNextCell(static_cast<int>(line.size()));
                for (const auto& p : line)
                    lines->InsertCellPoint(pts->InsertNextPoint(p.x, p.y, 0));
            }
        auto pd = vtkSmartPointer<vtkPolyData>::New();
        pd->SetPoints(pts);
        pd->SetLines(lines);
        return pd;
    };
    vtkPolyDataMapper::SafeDownCast(outlineActor->GetMapper())->SetInputData(outline(shownMeshes));
    outlineActor->SetVisibility(options.boundaries);
    const bool provinceLines = options.level == "commune" && options.boundaries;
    vtkPolyDataMapper::SafeDownCast(provinceOutlineActor->GetMapper())
        ->SetInputData(outline(provinceLines ? provinceMeshes : std::vector<const UnitMesh*>{}));
    provinceOutlineActor->SetVisibility(provinceLines);
    // Commune outlines are finer, so the province lines stand out over them.
    outlineActor->GetProperty()->SetLineWidth(options.level == "commune" ? 0.6f : 1.2f);
}

void MapScene::Impl::applyCamera() {
    auto* camera = renderer->GetActiveCamera();
    camera->ParallelProjectionOn();
    camera->SetFocalPoint(centre.x, centre.y, 0);
    camera->SetPosition(centre.x, centre.y, 100);
    camera->SetViewUp(0, 1, 0);
    camera->SetParallelScale(height * kmPerPixel / 2);
    camera->SetClippingRange(1, 200);
}

void MapScene::prepareFrame() {
    // VTK asks for 8x multisampling by default; on llvmpipe that alone cost ~180 ms a frame at
    // 1600x1000, a flat map does not need it, and exported pixels must equal the legend's
    // colours. Set here so the console's canvas, the export and the bench all get it.
    if (auto* window = m->renderer->GetRenderWindow(); window && window->GetMultiSamples() != 0)
        window->SetMultiSamples(0);
    if (m->figuresDirty)
        m->loadFigures();
    const auto view = viewBox();
    if (m->needsReload(view))
        m->reloadUnits(view);
    if (m->colourDirty)
        m->rebuildUnitActors();
    else if (outlineBandOf(m->kmPerPixel) != m->outlineBand)
        m->rebuildOutlines();
    if (m->incidentsDirty)
        m->rebuildIncidents();
    if (m->heatDirty)
        m->rebuildHeat();
    if (m->devicesDirty)
        m->rebuildDevices();
    if (m->markerDirty)
        m->rebuildMarker();
    m->applyCamera();
    if (m->incidentTiles)
        m->rasterIncidents();
    m->placeUnitLabels();
    if (m->legendDirty || m->legendForHeight != m->height)
        m->rebuildLegend();
}

const ShownUnit* MapScene::unitAt(double px, double py) const {
    const auto p = toLonLat(px, py);
    for (std::size_t i = 0; i < m->shown.size(); ++i)
        if (m->shown[i].unit.bbox.contains(p.lon, p.lat) &&
            geodata::contains(m->shownShapes[i], p.lon, p.lat))
            return &m->shown[i];
    return nullptr;
}

std::optional<Incident> MapScene::incidentAt(double px, double py, double radiusPx) const {
    if (!m->options.incidents)
        return std::nullopt;
    const double wx = m->centre.x + (px - m->width / 2.0) * m->kmPerPixel;
    const double wy = m->centre.y + (py - m->height / 2.0) * m->kmPerPixel;
    const double r = radiusPx * m->kmPerPixel;
    double best = r * r;
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < m->incidentXY.size(); ++i) {
        const double dx = m->incidentXY[i].x - wx, dy = m->incidentXY[i].y - wy;
        if (dx * dx + dy * dy <= best) {
            best = dx * dx + dy * dy;
            found = i;
        }
    }
    if (!found)
        return std::nullopt;
    return m->incidents[*found];
}

const ShownUnit* MapScene::findShown(const std::string& code) const {
    auto it = m->figures.find(code);
    return it == m->figures.end() ? nullptr : &it->second;
}

std::size_t MapScene::loadedUnitCount() const {
    return m->shown.size();
}
const Classes& MapScene::classes() const {
    return m->classes;
}
const std::vector<Rgb>& MapScene::classColours() const {
    return m->colours;
}

std::string MapScene::figuresSource() const {
    // The CSV's source column starts with the publisher; the rest is provenance detail.
    std::string publisher = m->source.substr(0, m->source.find(" ("));
    if (publisher.empty())
        return {};
    return m->sourceYear ? publisher + ", " + std::to_string(m->sourceYear) : publisher;
}

} // namespace c175::maps
