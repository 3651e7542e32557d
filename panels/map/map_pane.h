// The map pane: the administrative unit list (province/commune) beside the map view's place.
#pragma once
#include "common/pane.h"

#include <functional>
#include <string>

class wxChoice;
class wxSplitterWindow;

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

    // Where the map view goes: create it with mapParent() as its parent, then setMapView().
    // Until then a placeholder holds the place (panels does not depend on maps/wx).
    wxWindow* mapParent();
    void setMapView(wxWindow* view);
    // Called with the unit code when the selection in the list changes (to centre the map).
    void setOnUnitSelected(std::function<void(const std::string& unitCode)> callback);

private:
    TablePane* m_list = nullptr;
    wxChoice* m_level = nullptr;
    wxSplitterWindow* m_splitter = nullptr;
    wxWindow* m_mapView = nullptr;
};

} // namespace c175::panels
