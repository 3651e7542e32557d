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

class MapView : public wxPanel {
public:
    MapView(wxWindow* parent, db::Database& db);
    ~MapView() override;

    // Called with the unit code when a unit is clicked (not after a drag).
    void setUnitClickHandler(std::function<void(const std::string& unitCode)> handler);
    // Called when an incident point is clicked, so its pane can open it.
    void setIncidentClickHandler(std::function<void(const Incident& incident)> handler);

    // "Show on map": centres on the point at commune zoom and pins it.
    void showRecord(double lat, double lon);
    void zoomToUnit(const std::string& code);
    void setLevel(const std::string& level); // province or commune
    void setOptions(const SceneOptions& options);
    const SceneOptions& options() const;

    // For tests and the pane: the canvas receiving mouse and keys, and the scene it draws.
    wxWindow* canvas() const;
    MapScene* scene() const; // null until the canvas has been shown once
    // The text of the hover tooltip for a canvas position (pixels from the top-left).
    wxString describeAt(const wxPoint& position) const;

private:
    void syncControls();

    MapCanvas* m_canvas = nullptr;
    wxChoice* m_level = nullptr;
    wxCheckBox* m_density = nullptr;
    wxCheckBox* m_incidents = nullptr;
    wxCheckBox* m_heat = nullptr;
    wxCheckBox* m_devices = nullptr;
    wxCheckBox* m_labels = nullptr;
};

} // namespace c175::maps
