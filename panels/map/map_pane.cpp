// The map pane: the unit list on the left of a splitter, the interactive map on the right.
#include "map/map_pane.h"

#include "common/pilot_panes.h"
#include "common/table_pane.h"
#include "map/map_record.h"
#include "map_view.h"

#include "geodata/units.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>

#include <algorithm>

namespace c175::panels {

// The administrative units with a province/commune switch in the toolbar.
class UnitList : public TablePane {
public:
    UnitList(wxWindow* parent, PaneContext& context)
        : TablePane(parent, context, PaneId::Map, browse::TableId::Provinces, _("Map")) {
        m_level = new wxChoice(this, wxID_ANY);
        m_level->Append(_("Provinces"));
        m_level->Append(_("Communes"));
        m_level->SetSelection(0);
        m_level->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            setTable(m_level->GetSelection() == 1 ? browse::TableId::Communes
                                                  : browse::TableId::Provinces);
        });
        toolbar()->Insert(1, m_level, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
        Layout();
    }

    void showLevelOf(const std::string& code) {
        // Province codes have two digits, commune codes five.
        const bool commune = code.size() > 2;
        m_level->SetSelection(commune ? 1 : 0);
        setTable(commune ? browse::TableId::Communes : browse::TableId::Provinces);
    }

    bool communeLevel() const { return m_level->GetSelection() == 1; }
    std::string selectedCode() const {
        const browse::Row* row = selectedRow();
        return row ? row->recordId : std::string();
    }

    std::function<void(const std::string&)> onUnitSelected;

private:
    void onSelectionChanged(const browse::Row* row) override {
        if (row && onUnitSelected)
            onUnitSelected(row->recordId);
    }

    wxChoice* m_level = nullptr;
};

namespace {

wxString fromUtf8(const std::string& text) {
    return wxString::FromUTF8(text);
}

// "Tip-off TG-2026-000123", "Kiosk KS-01-0001 (Hoàn Kiếm)": how the status bar names a record.
wxString describe(const MapRecord& record) {
    const wxString code = fromUtf8(record.code), name = fromUtf8(record.name);
    switch (record.kind) {
    case MapRecordKind::Tipoff:
        return wxString::Format(_("Tip-off %s"), code);
    case MapRecordKind::CameraAlert:
        return wxString::Format(_("Camera alert at camera %s (%s)"), code, name);
    case MapRecordKind::Kiosk:
        return wxString::Format(_("Kiosk %s (%s)"), code, name);
    case MapRecordKind::Camera:
        return wxString::Format(_("Camera %s (%s)"), code, name);
    case MapRecordKind::Lodging:
        return wxString::Format(_("Lodging %s (%s)"), code, name);
    }
    return code;
}

} // namespace

MapPane::MapPane(wxWindow* parent, PaneContext& context)
    : Pane(parent, wxID_ANY), m_context(context) {
    m_splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                      wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_splitter->SetMinimumPaneSize(FromDIP(200));
    m_list = new UnitList(m_splitter, context);

    m_mapView = new maps::MapView(m_splitter, *context.db);
    // A unit chosen in the list brings the map to it; a unit clicked on the map (or a province
    // picked in the map's chooser) is selected in the list, which shows its figures, without
    // moving the map under the pointer.
    m_list->onUnitSelected = [this](const std::string& code) {
        const bool quiet = code == m_quietUnit;
        m_quietUnit.clear();
        // The list selects its row again after every reload (a sync): the map stays put.
        const bool again = code == m_listUnit;
        m_listUnit = code;
        if (!quiet && !again)
            m_mapView->zoomToUnit(code);
    };
    m_mapView->setUnitClickHandler([this](const std::string& code) { selectUnitQuietly(code); });
    m_mapView->setProvinceChosenHandler(
        [this](const std::string& code) { selectUnitQuietly(code); });
    m_mapView->setIncidentClickHandler([this](const maps::Incident& incident) {
        const PaneId pane = incident.source == maps::IncidentSource::Tipoff ? PaneId::Tipoffs
                                                                            : PaneId::CameraAlerts;
        const auto allowed = panesFor(m_context.session);
        if (std::find(allowed.begin(), allowed.end(), pane) == allowed.end()) {
            say(pane == PaneId::Tipoffs ? _("Your role may not open tip-offs.")
                                        : _("Your role may not open camera alerts."));
            return;
        }
        if (m_context.openRecord)
            m_context.openRecord(pane, incident.id);
    });

    m_splitter->SplitVertically(m_list, m_mapView, FromDIP(520));
    m_splitter->SetSashGravity(0.0); // the map takes what the window gains
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_splitter, 1, wxEXPAND);
    SetSizer(sizer);
}

wxString MapPane::title() const {
    return _("Map");
}

void MapPane::reload() {
    m_list->reload();
}

std::string MapPane::selectedUnit() const {
    return m_list->selectedCode();
}

long MapPane::shownRowCount() const {
    return m_list->shownRowCount();
}

void MapPane::focusSearch() {
    m_list->focusSearch();
}

void MapPane::selectRecord(const std::string& recordId) {
    if (isPointRecordId(recordId)) {
        showPoint(recordId);
        return;
    }
    // Asked for from outside: go there even when the list has it selected already.
    m_mapView->zoomToUnit(recordId);
    selectUnitQuietly(recordId);
}

void MapPane::selectUnitQuietly(const std::string& code) {
    m_quietUnit = code;
    m_list->showLevelOf(code);
    m_list->selectRecord(code);
}

void MapPane::say(const wxString& text) {
    m_shownLabel = text;
    if (m_context.setStatus)
        m_context.setStatus(text);
}

void MapPane::showPoint(const std::string& recordId) {
    std::optional<MapRecord> record;
    try {
        record = findMapRecord(*m_context.db, recordId);
    } catch (const std::exception& e) {
        say(fromUtf8(e.what()));
        return;
    }
    if (!record) {
        say(_("That record is not in the cache any more."));
        return;
    }
    const wxString what = describe(*record);
    if (!record->hasPosition) {
        m_mapView->setMarker(std::nullopt);
        say(wxString::Format(_("%s has no position to show on the map."), what));
        return;
    }
    m_mapView->showRecord(record->lat, record->lon);
    // The unit holding the point is selected in the list (its figures below), the map stays.
    std::optional<geodata::AdminUnit> unit;
    try {
        unit = geodata::locate(*m_context.db, record->lon, record->lat,
                               m_list->communeLevel() ? "commune" : "province");
    } catch (const std::exception&) {
        unit.reset(); // no geodata: the point is still shown
    }
    if (unit) {
        selectUnitQuietly(unit->code);
        // Short: the status bar's message field is narrow, and the map in front says the rest.
        say(wxString::Format(_("%s, in %s"), what, fromUtf8(unit->name)));
    } else {
        say(what);
    }
}

Pane* createMapPane(wxWindow* parent, PaneContext& context) {
    return new MapPane(parent, context);
}

} // namespace c175::panels
