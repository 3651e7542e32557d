// The map pane: the unit list on the left of a splitter, the map view (or its placeholder) right.
#include "map/map_pane.h"

#include "common/pilot_panes.h"
#include "common/table_pane.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

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

    auto* placeholder = new wxPanel(m_splitter, wxID_ANY);
    auto* note = new wxStaticText(placeholder, wxID_ANY, _("The map view appears here."));
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    auto* placeholderSizer = new wxBoxSizer(wxVERTICAL);
    placeholderSizer->AddStretchSpacer();
    placeholderSizer->Add(note, 0, wxALIGN_CENTER);
    placeholderSizer->AddStretchSpacer();
    placeholder->SetSizer(placeholderSizer);
    m_mapView = placeholder;

    m_splitter->SplitVertically(m_list, m_mapView, FromDIP(740));
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

wxWindow* MapPane::mapParent() {
    return m_splitter;
}

void MapPane::setMapView(wxWindow* view) {
    if (!view || view == m_mapView)
        return;
    wxWindow* old = m_mapView;
    m_splitter->ReplaceWindow(old, view);
    m_mapView = view;
    old->Destroy();
}

void MapPane::setOnUnitSelected(std::function<void(const std::string&)> callback) {
    static_cast<UnitList*>(m_list)->onUnitSelected = std::move(callback);
}

Pane* createMapPane(wxWindow* parent, PaneContext& context) {
    return new MapPane(parent, context);
}

} // namespace c175::panels
