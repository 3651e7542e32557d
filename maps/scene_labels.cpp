// MapScene's text: unit labels placed without piling up, and the legend with its source line.
#include "core/i18n.h"
#include "labels.h"
#include "map_scene.h"
#include "scene_impl.h"

#include <vtkActor2D.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProperty2D.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <sstream>

namespace c175::maps {

namespace {

// VTK's built-in fonts lack most Vietnamese letters; DejaVu Sans has them all.
const char* vietnameseFont() {
    static const std::string path = [] {
        for (const char* p : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                              "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"}) {
            std::error_code ec;
            if (std::filesystem::exists(p, ec))
                return std::string(p);
        }
        return std::string();
    }();
    return path.empty() ? nullptr : path.c_str();
}

} // namespace

void styleText(vtkTextActor* actor, int size, bool bold) {
    auto* p = actor->GetTextProperty();
    if (const char* font = vietnameseFont()) {
        p->SetFontFamily(VTK_FONT_FILE);
        p->SetFontFile(bold ? (std::string(font).find("DejaVuSans.ttf") != std::string::npos
                                   ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
                                   : font)
                            : font);
    }
    p->SetFontSize(size);
    p->SetColor(0.1, 0.1, 0.1);
    p->SetBold(bold);
}

void MapScene::Impl::placeUnitLabels() {
    std::vector<LabelCandidate> candidates;
    std::vector<std::size_t> unitOf;
    const int fontSize = 12;
    if (options.labels) {
        const bool communes = options.level == "commune";
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const auto& mesh = *shownMeshes[i];
            // Communes are named only once they are big enough on screen to hold a name.
            const double widthPx = mesh.widthKm / kmPerPixel;
            if (communes && widthPx < 40)
                continue;
            const double x = width / 2.0 + (mesh.labelAt.x - centre.x) / kmPerPixel;
            const double y = height / 2.0 + (mesh.labelAt.y - centre.y) / kmPerPixel;
            if (x < 0 || y < 0 || x > width || y > height)
                continue;
            const auto& u = shown[i].unit;
            candidates.push_back({x, y, estimateTextWidth(u.name, fontSize), fontSize + 4.0,
                                  static_cast<double>(u.population.value_or(0))});
            unitOf.push_back(i);
        }
    }
    const auto chosen = placeLabels(candidates, width, height);
    while (labelPool.size() < chosen.size()) {
        auto actor = vtkSmartPointer<vtkTextActor>::New();
        styleText(actor, fontSize, false);
        actor->GetTextProperty()->SetJustificationToCentered();
        actor->GetTextProperty()->SetVerticalJustificationToCentered();
        actor->GetTextProperty()->SetBackgroundColor(1, 1, 1);
        actor->GetTextProperty()->SetBackgroundOpacity(0.55);
        renderer->AddActor2D(actor);
        labelPool.push_back(actor);
    }
    for (std::size_t k = 0; k < labelPool.size(); ++k) {
        auto& actor = labelPool[k];
        if (k >= chosen.size()) {
            actor->SetVisibility(false);
            continue;
        }
        const auto& c = candidates[chosen[k]];
        actor->SetInput(shown[unitOf[chosen[k]]].unit.name.c_str());
        actor->SetDisplayPosition(static_cast<int>(std::lround(c.x)),
                                  static_cast<int>(std::lround(c.y)));
        actor->SetVisibility(true);
    }
}

namespace {

std::string formatFigure(double v) {
    std::ostringstream out;
    if (v < 10)
        out << std::fixed << std::setprecision(1) << v;
    else
        out << std::fixed << std::setprecision(0) << v;
    return out.str();
}

struct LegendRow {
    std::optional<Rgb> swatch;
    std::string text;
    bool bold = false;
};

const char* typeLabel(const std::string& type) {
    if (type == "criminal")
        return core::tr("Criminal");
    if (type == "economic")
        return core::tr("Economic");
    if (type == "drugs")
        return core::tr("Drugs");
    if (type == "environment")
        return core::tr("Environment");
    if (type == "cyber")
        return core::tr("Cyber");
    if (type == "traffic")
        return core::tr("Traffic");
    if (type == "restricted_zone")
        return core::tr("Restricted zone");
    if (type == "intrusion")
        return core::tr("Intrusion");
    if (type == "abnormal_behaviour")
        return core::tr("Abnormal behaviour");
    if (type == "crowd_overload")
        return core::tr("Crowd overload");
    if (type == "vehicle_violation")
        return core::tr("Vehicle violation");
    return core::tr("Other");
}

} // namespace

void MapScene::Impl::rebuildLegend() {
    for (auto& p : legendProps)
        renderer->RemoveViewProp(p);
    legendProps.clear();
    legendDirty = false;
    legendForHeight = height;
    if (!options.legend)
        return;
    std::vector<LegendRow> rows;
    if (options.density) {
        rows.push_back({std::nullopt,
                        options.level == "commune"
                            ? core::tr("Population density by commune (people per km²)")
                            : core::tr("Population density by province (people per km²)"),
                        true});
        double low = classes.minimum;
        for (int i = 0; i < classes.count(); ++i) {
            const double high = classes.upper[static_cast<std::size_t>(i)];
            rows.push_back({colours[static_cast<std::size_t>(i)],
                            formatFigure(low) + " – " + formatFigure(high)});
            low = high;
        }
        bool missing = false;
        for (const auto& [code, s] : figures)
            missing = missing || !s.density;
        if (missing)
            rows.push_back({kNoDataColour, core::tr("No figures")});
        const std::string publisher = source.substr(0, source.find(" ("));
        rows.push_back({std::nullopt, core::fmt(core::tr("Population and official area: {}, {}"),
                                                publisher, sourceYear)});
        rows.push_back({std::nullopt, options.method == ClassMethod::Quantiles
                                          ? core::tr("Classes: quantiles")
                                          : core::tr("Classes: natural breaks (Jenks)")});
    }
    if (options.incidents || options.heat) {
        rows.push_back(
            {std::nullopt, core::fmt(core::tr("Incidents shown: {}"), incidents.size()), true});
        if (!options.incidentFilter.from.empty() || !options.incidentFilter.to.empty())
            rows.push_back(
                {std::nullopt, core::fmt(core::tr("From {} to {}"), options.incidentFilter.from,
                                         options.incidentFilter.to)});
        if (options.incidents) {
            std::map<std::string, bool> types;
            for (const auto& i : incidents)
                types[i.type] = true;
            for (const auto& [type, yes] : types)
                rows.push_back({MapScene::incidentColour(type), typeLabel(type)});
        }
        if (options.heat)
            rows.push_back({std::nullopt, core::tr("Heat: kernel density, 12 km bandwidth")});
    }
    if (options.devices) {
        rows.push_back({std::nullopt, core::tr("Kiosks (squares) and cameras (dots)"), true});
        rows.push_back({MapScene::statusColour("online"), core::tr("Online")});
        rows.push_back({MapScene::statusColour("offline"), core::tr("Offline")});
        rows.push_back({MapScene::statusColour("fault"), core::tr("Fault")});
        rows.push_back({MapScene::statusColour("maintenance"), core::tr("Maintenance")});
    }
    if (rows.empty())
        return;

    const int lineHeight = 18, margin = 10, swatch = 14, fontSize = 12;
    double textWidth = 0;
    for (const auto& r : rows)
        textWidth = std::max(textWidth, estimateTextWidth(r.text, fontSize) + (r.swatch ? 22 : 0));
    const int boxWidth = static_cast<int>(textWidth) + 2 * margin;
    const int boxHeight = static_cast<int>(rows.size()) * lineHeight + margin;

    // Boxes: the white panel, then one swatch per coloured row.
    vtkNew<vtkPoints> pts;
    vtkNew<vtkCellArray> quads;
    vtkNew<vtkUnsignedCharArray> rgba;
    rgba->SetNumberOfComponents(4);
    auto quad = [&](double x0, double y0, double x1, double y1, Rgb c, unsigned char a) {
        const vtkIdType ids[4] = {pts->InsertNextPoint(x0, y0, 0), pts->InsertNextPoint(x1, y0, 0),
                                  pts->InsertNextPoint(x1, y1, 0), pts->InsertNextPoint(x0, y1, 0)};
        quads->InsertNextCell(4, ids);
        const unsigned char v[4] = {c[0], c[1], c[2], a};
        rgba->InsertNextTypedTuple(v);
    };
    // Top-right: over the open sea east of Vietnam at the national view.
    const int left = std::max(margin, width - margin - boxWidth);
    const int bottom = std::max(margin, height - margin - boxHeight);
    quad(left, bottom, left + boxWidth, bottom + boxHeight, {255, 255, 255}, 225);
    int y = bottom + boxHeight - lineHeight;
    for (const auto& r : rows) {
        int x = left + margin;
        if (r.swatch) {
            quad(x, y + 2, x + swatch, y + 2 + swatch, *r.swatch, 255);
            x += 22;
        }
        auto text = vtkSmartPointer<vtkTextActor>::New();
        styleText(text, fontSize, r.bold);
        text->SetInput(r.text.c_str());
        text->SetDisplayPosition(x, y + 3);
        renderer->AddActor2D(text);
        legendProps.push_back(text);
        y -= lineHeight;
    }
    vtkNew<vtkPolyData> pd;
    pd->SetPoints(pts);
    pd->SetPolys(quads);
    pd->GetCellData()->SetScalars(rgba);
    vtkNew<vtkPolyDataMapper2D> mapper;
    mapper->SetInputData(pd);
    mapper->SetColorModeToDirectScalars();
    mapper->SetScalarModeToUseCellData();
    auto boxes = vtkSmartPointer<vtkActor2D>::New();
    boxes->SetMapper(mapper);
    renderer->AddActor2D(boxes);
    legendProps.insert(legendProps.begin(), boxes);
    // Text after the boxes, so it draws on top.
    for (std::size_t i = 1; i < legendProps.size(); ++i) {
        renderer->RemoveViewProp(legendProps[i]);
        renderer->AddActor2D(legendProps[i]);
    }
}

} // namespace c175::maps
