#include "map_view.h"

#include "map_canvas.h"
#include "province_chooser.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace c175::maps {

MapView::MapView(wxWindow* parent, db::Database& db, Mode mode) : wxPanel(parent, wxID_ANY) {
    m_canvas = new MapCanvas(this, db);

    // Row 1: where to look. Row 2: what to draw.
    auto* place = new wxBoxSizer(wxHORIZONTAL);
    m_provinces = new ProvinceChooser(this, db);
    m_provinces->SetMinSize(wxSize(FromDIP(220), -1));
    place->Add(new wxStaticText(this, wxID_ANY, _("Province:")), 0,
               wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    place->Add(m_provinces, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    auto* fit = new wxButton(this, wxID_ANY, _("Whole country"));
    fit->SetToolTip(_("Show the whole country (Home)"));
    place->Add(fit, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    place->Add(new wxStaticText(this, wxID_ANY, _("Level:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
               FromDIP(4));
    m_level = new wxChoice(this, wxID_ANY);
    m_level->Append(_("Provinces"));
    m_level->Append(_("Communes"));
    place->Add(m_level, 0, wxALIGN_CENTER_VERTICAL);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(place, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
    if (mode == Mode::Full) {
        auto* layers = new wxBoxSizer(wxHORIZONTAL);
        layers->Add(new wxStaticText(this, wxID_ANY, _("Layers:")), 0,
                    wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
        m_density = new wxCheckBox(this, wxID_ANY, _("Density"));
        m_boundaries = new wxCheckBox(this, wxID_ANY, _("Boundaries"));
        m_labels = new wxCheckBox(this, wxID_ANY, _("Labels"));
        m_incidents = new wxCheckBox(this, wxID_ANY, _("Incidents"));
        m_heat = new wxCheckBox(this, wxID_ANY, _("Heat"));
        m_devices = new wxCheckBox(this, wxID_ANY, _("Kiosks and cameras"));
        m_incidents->SetToolTip(_("Tip-offs and camera alerts; click one to open it"));
        m_devices->SetToolTip(_("Coloured by status: green online, grey offline, red fault, "
                                "orange maintenance"));
        for (auto* box : {m_density, m_boundaries, m_labels, m_incidents, m_heat, m_devices}) {
            layers->Add(box, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
            box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { applyControls(); });
        }
        sizer->Add(layers, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
    }
    sizer->AddSpacer(FromDIP(4));
    sizer->Add(m_canvas, 1, wxEXPAND);
    SetSizer(sizer);
    syncControls();

    m_level->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { applyControls(); });
    fit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { fitCountry(); });
    m_provinces->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { chooseProvince(); });
    m_provinces->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { chooseProvince(); });
    // The canvas fits the country on Home; the chooser then names no province any more.
    m_canvas->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_HOME)
            m_provinces->showCode({});
        event.Skip();
    });
}

MapView::~MapView() = default;

void MapView::syncControls() {
    const auto& o = options();
    m_level->SetSelection(o.level == "commune" ? 1 : 0);
    const std::pair<wxCheckBox*, bool> boxes[] = {
        {m_density, o.density}, {m_boundaries, o.boundaries},
        {m_labels, o.labels},   {m_incidents, o.incidents},
        {m_heat, o.heat},       {m_devices, o.devices}};
    for (const auto& [box, value] : boxes)
        if (box)
            box->SetValue(value);
}

void MapView::applyControls() {
    SceneOptions o = options();
    o.level = m_level->GetSelection() == 1 ? "commune" : "province";
    if (m_density) {
        o.density = m_density->GetValue();
        o.boundaries = m_boundaries->GetValue();
        o.labels = m_labels->GetValue();
        o.incidents = m_incidents->GetValue();
        o.heat = m_heat->GetValue();
        o.devices = m_devices->GetValue();
    }
    setOptions(o);
}

void MapView::chooseProvince() {
    const std::string code = m_provinces->chosenCode();
    if (code.empty())
        return;
    m_provinces->showCode(code); // the full name, also when it was typed without accents
    zoomToUnit(code);
    if (m_onProvinceChosen)
        m_onProvinceChosen(code);
    m_canvas->SetFocus(); // arrows and +/- work on the map straight away
}

void MapView::setUnitClickHandler(std::function<void(const std::string&)> handler) {
    m_canvas->onUnitClick = std::move(handler);
}

void MapView::setIncidentClickHandler(std::function<void(const Incident&)> handler) {
    m_canvas->onIncidentClick = std::move(handler);
}

void MapView::setPointClickHandler(std::function<void(double lon, double lat)> handler) {
    m_canvas->onPointClick = std::move(handler);
}

void MapView::setProvinceChosenHandler(std::function<void(const std::string&)> handler) {
    m_onProvinceChosen = std::move(handler);
}

void MapView::showRecord(double lat, double lon) {
    // At street zoom a province is one flat colour: communes give the point its surroundings.
    if (options().level == "province")
        setLevel("commune");
    m_canvas->scene().setMarker(geodata::LonLat{lon, lat});
    m_canvas->whenReady([lon, lat](MapScene& scene) {
        scene.centerOn(lon, lat, 0.05); // about 50 m a pixel: streets of a commune
    });
    m_canvas->redraw();
}

void MapView::zoomToUnit(const std::string& code) {
    m_provinces->showCode(code.size() == 2 ? code : std::string());
    m_canvas->whenReady([code](MapScene& scene) { scene.zoomToUnit(code); });
}

void MapView::fitCountry() {
    m_provinces->showCode({});
    m_canvas->whenReady([](MapScene& scene) { scene.fitCountry(); });
}

void MapView::setMarker(std::optional<geodata::LonLat> where) {
    m_canvas->scene().setMarker(where);
    m_canvas->redraw();
}

void MapView::setLevel(const std::string& level) {
    SceneOptions o = options();
    o.level = level;
    setOptions(o);
}

void MapView::setOptions(const SceneOptions& o) {
    m_canvas->scene().setOptions(o);
    syncControls();
    m_canvas->redraw();
}

const SceneOptions& MapView::options() const {
    return m_canvas->scene().options();
}

wxWindow* MapView::canvas() const {
    return m_canvas;
}

MapScene* MapView::scene() const {
    return &m_canvas->scene();
}

bool MapView::ready() const {
    return m_canvas->ready();
}

wxString MapView::describeAt(const wxPoint& position) const {
    return m_canvas->describeAt(position);
}

wxPoint MapView::positionOf(double lon, double lat) const {
    const auto p = m_canvas->scene().toPixel(lon, lat);
    const double scale = m_canvas->GetContentScaleFactor();
    return {static_cast<int>(p.x / scale),
            m_canvas->GetClientSize().y - static_cast<int>(p.y / scale)};
}

} // namespace c175::maps
