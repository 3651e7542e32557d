// The map pane: the unit list on the left of a splitter, the interactive map on the right.
#include "map/map_pane.h"

#include "common/pilot_panes.h"
#include "common/table_pane.h"
#include "map_view.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>

namespace c175::panels {
namespace {

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

    std::function<void(const std::string&)> onUnitSelected;

private:
    void onSelectionChanged(const browse::Row* row) override {
        if (row && onUnitSelected)
            onUnitSelected(row->recordId);
    }

    wxChoice* m_level = nullptr;
};

} // namespace

MapPane::MapPane(wxWindow* parent, PaneContext& context) : Pane(parent, wxID_ANY) {
    m_splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                      wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_splitter->SetMinimumPaneSize(FromDIP(200));
    m_list = new UnitList(m_splitter, context);

    m_mapView = new maps::MapView(m_splitter, *context.db);
    // A unit chosen in the list brings the map to it; a unit clicked on the map is selected in
    // the list (which shows its figures) without moving the map under the pointer.
    static_cast<UnitList*>(m_list)->onUnitSelected = [this](const std::string& code) {
        if (!m_selectingFromMap)
            m_mapView->zoomToUnit(code);
    };
    m_mapView->setUnitClickHandler([this](const std::string& code) {
        m_selectingFromMap = true;
        selectRecord(code);
        m_selectingFromMap = false;
    });
    m_mapView->setIncidentClickHandler([&context](const maps::Incident& incident) {
        if (context.openRecord)
            context.openRecord(incident.source == maps::IncidentSource::Tipoff
                                   ? PaneId::Tipoffs
                                   : PaneId::CameraAlerts,
                               incident.id);
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

long MapPane::shownRowCount() const {
    return m_list->shownRowCount();
}

void MapPane::focusSearch() {
    m_list->focusSearch();
}

void MapPane::selectRecord(const std::string& recordId) {
    static_cast<UnitList*>(m_list)->showLevelOf(recordId);
    m_list->selectRecord(recordId);
}

Pane* createMapPane(wxWindow* parent, PaneContext& context) {
    return new MapPane(parent, context);
}

} // namespace c175::panels
