// The map pane: the administrative unit list (province/commune) beside the interactive map.
#pragma once
#include "common/pane.h"

#include <string>

class wxSplitterWindow;

namespace c175::maps {
class MapView;
}

namespace c175::panels {

class TablePane;
class UnitList;

class MapPane : public Pane {
public:
    MapPane(wxWindow* parent, PaneContext& context);

    PaneId id() const override { return PaneId::Map; }
    wxString title() const override;
    void reload() override;
    long shownRowCount() const override;
    void focusSearch() override;
    // A unit code ("01", "00004"; switches to the commune level for a commune code), or a point
    // record ("tipoff:<id>", "camera_alert:<id>", "kiosk:<id>", "camera:<id>", "lodging:<id>",
    // see map_record.h): the map centres on it, pins it and the status bar names it.
    void selectRecord(const std::string& recordId) override;

    // For tests: the map, and what the last "Show on map" said in the status bar.
    maps::MapView* mapView() const { return m_mapView; }
    const wxString& shownLabel() const { return m_shownLabel; }
    std::string selectedUnit() const; // the unit code selected in the list, or empty

private:
    void showPoint(const std::string& recordId);
    // Selects the unit in the list without moving the map (it was chosen on the map).
    void selectUnitQuietly(const std::string& code);
    void say(const wxString& text);

    PaneContext& m_context;
    UnitList* m_list = nullptr;
    wxSplitterWindow* m_splitter = nullptr;
    maps::MapView* m_mapView = nullptr;
    std::string m_quietUnit; // the list selection that must not move the map
    std::string m_listUnit;  // the unit the list selected last
    wxString m_shownLabel;
};

} // namespace c175::panels
