// The map pane: the administrative unit list (province/commune) beside the interactive map.
#pragma once
#include "common/pane.h"

#include <string>

class wxChoice;
class wxSplitterWindow;

namespace c175::maps {
class MapView;
}

namespace c175::panels {

class TablePane;

class MapPane : public Pane {
public:
    MapPane(wxWindow* parent, PaneContext& context);

    PaneId id() const override { return PaneId::Map; }
    wxString title() const override;
    void reload() override;
    long shownRowCount() const override;
    void focusSearch() override;
    // A unit code ("01", "00004"); switches to the commune level for a commune code.
    void selectRecord(const std::string& recordId) override;

private:
    TablePane* m_list = nullptr;
    wxChoice* m_level = nullptr;
    wxSplitterWindow* m_splitter = nullptr;
    maps::MapView* m_mapView = nullptr;
    bool m_selectingFromMap = false;
};

} // namespace c175::panels
