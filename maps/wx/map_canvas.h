// The GL canvas under MapView: owns the VTK render window bound to wx's GL context, and turns
// mouse and keys into pan, zoom, hover and clicks on the MapScene.
#pragma once
#include "map_scene.h"

#include <wx/glcanvas.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>

class vtkGenericOpenGLRenderWindow;

namespace c175::maps {

class MapCanvas : public wxGLCanvas {
public:
    MapCanvas(wxWindow* parent, db::Database& db);
    ~MapCanvas() override;

    MapScene& scene() { return *m_scene; }
    const MapScene& scene() const { return *m_scene; }
    // Pixels as the scene counts them (bottom-left origin, device pixels) for a wx position.
    void toScenePixels(const wxPoint& p, double& x, double& y) const;
    wxString describeAt(const wxPoint& p) const;
    void redraw() { Refresh(false); }
    // Runs `apply` on the scene now when the canvas has drawn, else at its first frame in place
    // of fitting the country (a view asked for before the pane was shown is kept).
    void whenReady(std::function<void(MapScene&)> apply);
    bool ready() const { return m_initialised; }

    std::function<void(const std::string&)> onUnitClick;
    std::function<void(const Incident&)> onIncidentClick;
    // When set, a click reports the point (lon, lat) instead of picking incidents and units.
    std::function<void(double lon, double lat)> onPointClick;

private:
    void onPaint(wxPaintEvent&);
    void onSize(wxSizeEvent&);
    void onMouse(wxMouseEvent&);
    void onWheel(wxMouseEvent&);
    void onKey(wxKeyEvent&);
    void initialiseVtk();
    void syncViewportSize();

    std::unique_ptr<wxGLContext> m_context;
    vtkSmartPointer<vtkGenericOpenGLRenderWindow> m_window;
    vtkNew<vtkRenderer> m_renderer;
    std::unique_ptr<MapScene> m_scene;
    bool m_initialised = false;
    std::function<void(MapScene&)> m_pendingView;
    bool m_dragging = false;
    wxPoint m_pressAt, m_lastAt;
    wxString m_tip;
};

} // namespace c175::maps
