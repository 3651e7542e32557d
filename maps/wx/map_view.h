// The Map pane's interactive map: a wxGLCanvas showing a MapScene through a
// vtkGenericOpenGLRenderWindow (see ../shared/notes/vtk-in-wx.md), with its small toolbar.
#pragma once
#include "map_scene.h"

#include <wx/panel.h>

#include <functional>
#include <memory>
#include <string>

class wxChoice;
class wxCheckBox;

namespace c175::maps {

class MapCanvas;
class ProvinceChooser;

class MapView : public wxPanel {
public:
    // Full: province chooser, level and layer switches. Picker: chooser and level only (the
    // point picker dialog needs no layers).
    enum class Mode { Full, Picker };

    MapView(wxWindow* parent, db::Database& db, Mode mode = Mode::Full);
    ~MapView() override;

    // Called with the unit code when a unit is clicked (not after a drag).
    void setUnitClickHandler(std::function<void(const std::string& unitCode)> handler);
    // Called when an incident point is clicked, so its pane can open it.
    void setIncidentClickHandler(std::function<void(const Incident& incident)> handler);
    // When set, clicks report the point instead of units and incidents (the point picker).
    void setPointClickHandler(std::function<void(double lon, double lat)> handler);
    // Called after the province chooser brought the map to a province.
    void setProvinceChosenHandler(std::function<void(const std::string& code)> handler);

    // "Show on map": centres on the point at commune zoom and pins it. Works before the map
    // has been shown too: the view is applied at its first frame.
    void showRecord(double lat, double lon);
    void zoomToUnit(const std::string& code);
    void fitCountry(); // "Whole country" (Home)
    void setMarker(std::optional<geodata::LonLat> where);
    void setLevel(const std::string& level); // province or commune
    void setOptions(const SceneOptions& options);
    const SceneOptions& options() const;

    // For tests and the pane: the canvas receiving mouse and keys, and the scene it draws.
    wxWindow* canvas() const;
    MapScene* scene() const;
    bool ready() const; // the canvas has drawn its first frame
    // The text of the hover tooltip for a canvas position (pixels from the top-left).
    wxString describeAt(const wxPoint& position) const;
    // The canvas position (top-left origin, window pixels) of a point on the map.
    wxPoint positionOf(double lon, double lat) const;
    ProvinceChooser* provinceChooser() const { return m_provinces; }
    wxCheckBox* devicesCtrl() const { return m_devices; }
    wxCheckBox* incidentsCtrl() const { return m_incidents; }

private:
    void syncControls();
    void applyControls();
    void chooseProvince();

    MapCanvas* m_canvas = nullptr;
    ProvinceChooser* m_provinces = nullptr;
    wxChoice* m_level = nullptr;
    wxCheckBox* m_density = nullptr;
    wxCheckBox* m_boundaries = nullptr;
    wxCheckBox* m_incidents = nullptr;
    wxCheckBox* m_heat = nullptr;
    wxCheckBox* m_devices = nullptr;
    wxCheckBox* m_labels = nullptr;
    std::function<void(const std::string&)> m_onProvinceChosen;
};

} // namespace c175::maps
