#include "map_view.h"

#include "map_canvas.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace c175::maps {

MapView::MapView(wxWindow* parent, db::Database& db) : wxPanel(parent, wxID_ANY) {
    m_canvas = new MapCanvas(this, db);

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Level:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             4);
    m_level = new wxChoice(this, wxID_ANY);
    m_level->Append(_("Provinces"));
    m_level->Append(_("Communes"));
    bar->Add(m_level, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    m_density = new wxCheckBox(this, wxID_ANY, _("Density"));
    m_labels = new wxCheckBox(this, wxID_ANY, _("Labels"));
    m_incidents = new wxCheckBox(this, wxID_ANY, _("Incidents"));
    m_heat = new wxCheckBox(this, wxID_ANY, _("Heat"));
    m_devices = new wxCheckBox(this, wxID_ANY, _("Kiosks and cameras"));
    for (auto* box : {m_density, m_labels, m_incidents, m_heat, m_devices})
        bar->Add(box, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    auto* fit = new wxButton(this, wxID_ANY, _("Whole country"));
    bar->Add(fit, 0, wxALIGN_CENTER_VERTICAL);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxEXPAND | wxALL, 4);
    sizer->Add(m_canvas, 1, wxEXPAND);
    SetSizer(sizer);
    syncControls();

    auto apply = [this](wxCommandEvent&) {
        SceneOptions o = options();
        o.level = m_level->GetSelection() == 1 ? "commune" : "province";
        o.density = m_density->GetValue();
        o.labels = m_labels->GetValue();
        o.incidents = m_incidents->GetValue();
        o.heat = m_heat->GetValue();
        o.devices = m_devices->GetValue();
        setOptions(o);
    };
    m_level->Bind(wxEVT_CHOICE, apply);
    for (auto* box : {m_density, m_labels, m_incidents, m_heat, m_devices})
        box->Bind(wxEVT_CHECKBOX, apply);
    fit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        m_canvas->scene().fitCountry();
        m_canvas->redraw();
    });
}

MapView::~MapView() = default;

void MapView::syncControls() {
    const auto& o = options();
    m_level->SetSelection(o.level == "commune" ? 1 : 0);
    m_density->SetValue(o.density);
    m_labels->SetValue(o.labels);
    m_incidents->SetValue(o.incidents);
    m_heat->SetValue(o.heat);
    m_devices->SetValue(o.devices);
}

void MapView::setUnitClickHandler(std::function<void(const std::string&)> handler) {
    m_canvas->onUnitClick = std::move(handler);
}

void MapView::setIncidentClickHandler(std::function<void(const Incident&)> handler) {
    m_canvas->onIncidentClick = std::move(handler);
}

void MapView::showRecord(double lat, double lon) {
    auto& scene = m_canvas->scene();
    scene.centerOn(lon, lat, 0.05); // about 50 m a pixel: streets of a commune
    scene.setMarker(geodata::LonLat{lon, lat});
    m_canvas->redraw();
}

void MapView::zoomToUnit(const std::string& code) {
    if (m_canvas->scene().zoomToUnit(code))
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

wxString MapView::describeAt(const wxPoint& position) const {
    return m_canvas->describeAt(position);
}

} // namespace c175::maps
