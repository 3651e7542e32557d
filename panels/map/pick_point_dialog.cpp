#include "map/pick_point_dialog.h"
#include "common/stock_buttons.h"

#include "map_view.h"

#include "geodata/units.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace c175::panels {
namespace {

wxString fromUtf8(const std::string& s) {
    return wxString::FromUTF8(s);
}

// The commune and province holding the point, as a person reads it.
wxString unitNameAt(db::Database& db, double lat, double lon) {
    try {
        if (auto commune = geodata::locate(db, lon, lat, "commune")) {
            const auto province = geodata::findUnit(db, commune->parentCode);
            return province ? wxString::Format(_("%s, %s"), fromUtf8(commune->name),
                                               fromUtf8(province->name))
                            : fromUtf8(commune->name);
        }
        if (auto province = geodata::locate(db, lon, lat))
            return fromUtf8(province->name);
        return _("no administrative unit holds this point (at sea?)");
    } catch (const std::exception& e) {
        return fromUtf8(e.what());
    }
}

} // namespace

PickPointDialog::PickPointDialog(wxWindow* parent, db::Database& db,
                                 std::optional<geodata::LonLat> initial)
    : wxDialog(parent, wxID_ANY, _("Pick a place on the map"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "pick_point"),
      m_db(db) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                _("Click the place where it happened. Drag to pan; zoom with the "
                                  "wheel or + and -; choose a province to go there.")),
               0, wxALL, FromDIP(8));
    m_map = new maps::MapView(this, db, maps::MapView::Mode::Picker);
    m_map->SetMinSize(FromDIP(wxSize(760, 500)));
    sizer->Add(m_map, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    m_place = new wxStaticText(this, wxID_ANY, _("No place picked yet."), wxDefaultPosition,
                               wxDefaultSize, wxST_ELLIPSIZE_END);
    m_place->SetFont(m_place->GetFont().Bold());
    sizer->Add(m_place, 0, wxEXPAND | wxALL, FromDIP(8));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    labelStockButtons(this);
    m_ok = static_cast<wxButton*>(FindWindow(wxID_OK));
    m_ok->SetLabel(_("Use this place"));
    m_ok->Enable(false);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizerAndFit(sizer);
    CentreOnParent();

    // Plain land and boundaries: nothing to read here but where the pin is.
    auto options = m_map->options();
    options.density = false;
    options.legend = false;
    m_map->setOptions(options);
    m_map->setPointClickHandler([this](double lon, double lat) { setPoint(lat, lon); });
    if (initial) {
        // Zoomed in on the typed place, communes drawn (showRecord switches the level).
        m_map->showRecord(initial->lat, initial->lon);
        setPoint(initial->lat, initial->lon);
    }
}

void PickPointDialog::setPoint(double lat, double lon) {
    m_point = geodata::LonLat{lon, lat};
    m_map->setMarker(m_point);
    m_place->SetLabel(wxString::Format(_("%s, %s: %s"), wxString::FromCDouble(lat, 6),
                                       wxString::FromCDouble(lon, 6), unitNameAt(m_db, lat, lon)));
    m_ok->Enable(true);
}

wxString PickPointDialog::placeText() const {
    return m_place->GetLabel();
}

} // namespace c175::panels
