#include "map_canvas.h"

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>

#include <wx/dcclient.h>
#include <wx/intl.h>

#include <cmath>
#include <iomanip>
#include <sstream>
#include <utility>

namespace c175::maps {
namespace {

wxGLAttributes canvasAttributes() {
    wxGLAttributes attrs;
    attrs.PlatformDefaults().RGBA().DoubleBuffer().Depth(24).EndList();
    return attrs;
}

// 8718000 -> "8.718.000" (Vietnamese digit grouping). Built forwards: GCC 12 warns falsely
// (-Wrestrict) on std::string::insert here.
std::string groupThousands(std::int64_t v) {
    const std::string digits = std::to_string(v);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-')
            out += '.';
        out += digits[i];
    }
    return out;
}

} // namespace

MapCanvas::MapCanvas(wxWindow* parent, db::Database& db)
    : wxGLCanvas(parent, canvasAttributes(), wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxWANTS_CHARS) {
    wxGLContextAttrs ctxAttrs;
    ctxAttrs.CoreProfile().OGLVersion(3, 2).EndList();
    m_context = std::make_unique<wxGLContext>(this, nullptr, &ctxAttrs);
    m_window = vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New();
    m_window->AddRenderer(m_renderer);
    m_scene = std::make_unique<MapScene>(db, m_renderer);

    // VTK asks the host to make the context current, to say whether it is, and to swap.
    auto makeCurrent = vtkSmartPointer<vtkCallbackCommand>::New();
    makeCurrent->SetClientData(this);
    makeCurrent->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        auto* canvas = static_cast<MapCanvas*>(self);
        canvas->SetCurrent(*canvas->m_context);
    });
    auto isCurrent = vtkSmartPointer<vtkCallbackCommand>::New();
    isCurrent->SetCallback([](vtkObject*, unsigned long, void*, void* callData) {
        *static_cast<bool*>(callData) = true;
    });
    auto frame = vtkSmartPointer<vtkCallbackCommand>::New();
    frame->SetClientData(this);
    frame->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<MapCanvas*>(self)->SwapBuffers();
    });
    m_window->AddObserver(vtkCommand::WindowMakeCurrentEvent, makeCurrent);
    m_window->AddObserver(vtkCommand::WindowIsCurrentEvent, isCurrent);
    m_window->AddObserver(vtkCommand::WindowFrameEvent, frame);

    Bind(wxEVT_PAINT, &MapCanvas::onPaint, this);
    Bind(wxEVT_SIZE, &MapCanvas::onSize, this);
    Bind(wxEVT_ERASE_BACKGROUND, [](wxEraseEvent&) {}); // VTK paints every pixel
    for (auto type : {wxEVT_LEFT_DOWN, wxEVT_LEFT_UP, wxEVT_MOTION, wxEVT_LEAVE_WINDOW})
        Bind(type, &MapCanvas::onMouse, this);
    Bind(wxEVT_MOUSEWHEEL, &MapCanvas::onWheel, this);
    Bind(wxEVT_KEY_DOWN, &MapCanvas::onKey, this);
}

MapCanvas::~MapCanvas() {
    if (m_initialised) {
        SetCurrent(*m_context);
        m_window->Finalize();
    }
}

void MapCanvas::initialiseVtk() {
    SetCurrent(*m_context);
    m_window->SetReadyForRendering(true);
    m_window->SetMapped(true);
    m_window->SetIsDirect(true);
    m_window->SetOwnContext(false);
    m_window->InitializeFromCurrentContext();
    m_initialised = true;
}

void MapCanvas::syncViewportSize() {
    const wxSize size = GetClientSize() * GetContentScaleFactor();
    m_window->SetSize(std::max(size.x, 1), std::max(size.y, 1));
    m_scene->setViewportSize(std::max(size.x, 1), std::max(size.y, 1));
}

void MapCanvas::onPaint(wxPaintEvent&) {
    wxPaintDC dc(this); // required by wx even though VTK draws
    if (!IsShownOnScreen())
        return;
    if (!m_initialised) {
        initialiseVtk();
        syncViewportSize();
        if (m_pendingView)
            std::exchange(m_pendingView, nullptr)(*m_scene);
        else
            m_scene->fitCountry();
    }
    SetCurrent(*m_context);
    syncViewportSize();
    m_scene->prepareFrame();
    m_window->Render();
}

void MapCanvas::whenReady(std::function<void(MapScene&)> apply) {
    if (m_initialised) {
        apply(*m_scene);
        redraw();
    } else {
        m_pendingView = std::move(apply);
    }
}

void MapCanvas::onSize(wxSizeEvent& event) {
    event.Skip();
    Refresh(false);
}

void MapCanvas::toScenePixels(const wxPoint& p, double& x, double& y) const {
    const double scale = GetContentScaleFactor();
    x = p.x * scale;
    y = (GetClientSize().y - p.y) * scale;
}

wxString MapCanvas::describeAt(const wxPoint& p) const {
    double x = 0, y = 0;
    toScenePixels(p, x, y);
    if (auto incident = m_scene->incidentAt(x, y))
        return wxString::Format(_("Incident %s (%s), %s"), wxString::FromUTF8(incident->type),
                                incident->source == IncidentSource::Tipoff ? _("tip-off")
                                                                           : _("camera alert"),
                                wxString::FromUTF8(incident->at));
    const ShownUnit* unit = m_scene->unitAt(x, y);
    if (!unit)
        return {};
    wxString text =
        wxString::FromUTF8(unit->unit.fullName.empty() ? unit->unit.name : unit->unit.fullName);
    if (unit->unit.population)
        text += "\n" + wxString::Format(_("Population: %s"),
                                        wxString::FromUTF8(groupThousands(*unit->unit.population)));
    else
        text += "\n" + _("Population: no figures");
    if (unit->density) {
        std::ostringstream d;
        d << std::fixed << std::setprecision(*unit->density < 10 ? 1 : 0) << *unit->density;
        text +=
            "\n" + wxString::Format(_("Density: %s people per km²"), wxString::FromUTF8(d.str()));
    }
    return text;
}

void MapCanvas::onMouse(wxMouseEvent& event) {
    const wxPoint at = event.GetPosition();
    if (event.LeftDown()) {
        SetFocus();
        m_dragging = true;
        m_pressAt = m_lastAt = at;
        if (!HasCapture())
            CaptureMouse();
        return;
    }
    if (event.LeftUp()) {
        if (HasCapture())
            ReleaseMouse();
        const bool moved = std::abs(at.x - m_pressAt.x) + std::abs(at.y - m_pressAt.y) > 3;
        m_dragging = false;
        if (moved)
            return;
        double x = 0, y = 0;
        toScenePixels(at, x, y);
        if (onPointClick) {
            const auto where = m_scene->toLonLat(x, y);
            onPointClick(where.lon, where.lat);
        } else if (auto incident = m_scene->incidentAt(x, y)) {
            if (onIncidentClick)
                onIncidentClick(*incident);
        } else if (const ShownUnit* unit = m_scene->unitAt(x, y)) {
            if (onUnitClick)
                onUnitClick(unit->unit.code);
        }
        return;
    }
    if (event.Dragging() && m_dragging) {
        const double scale = GetContentScaleFactor();
        // wx y grows downwards, the scene's upwards.
        m_scene->panPixels((at.x - m_lastAt.x) * scale, -(at.y - m_lastAt.y) * scale);
        m_lastAt = at;
        Refresh(false);
        return;
    }
    if (event.Moving()) {
        const wxString tip = describeAt(at);
        if (tip != m_tip) {
            m_tip = tip;
            if (tip.empty())
                UnsetToolTip();
            else
                SetToolTip(tip);
        }
    }
}

void MapCanvas::onWheel(wxMouseEvent& event) {
    double x = 0, y = 0;
    toScenePixels(event.GetPosition(), x, y);
    const double steps =
        static_cast<double>(event.GetWheelRotation()) / std::max(event.GetWheelDelta(), 1);
    m_scene->zoomAt(std::pow(1.25, steps), x, y);
    Refresh(false);
}

void MapCanvas::onKey(wxKeyEvent& event) {
    const double w = m_scene->viewportWidth(), h = m_scene->viewportHeight();
    switch (event.GetKeyCode()) {
    case '+':
    case '=':
    case WXK_NUMPAD_ADD:
        m_scene->zoomAt(1.5, w / 2, h / 2);
        break;
    case '-':
    case WXK_NUMPAD_SUBTRACT:
        m_scene->zoomAt(1 / 1.5, w / 2, h / 2);
        break;
    case WXK_LEFT:
        m_scene->panPixels(w / 8, 0);
        break;
    case WXK_RIGHT:
        m_scene->panPixels(-w / 8, 0);
        break;
    case WXK_UP:
        m_scene->panPixels(0, -h / 8);
        break;
    case WXK_DOWN:
        m_scene->panPixels(0, h / 8);
        break;
    case WXK_HOME:
        m_scene->fitCountry();
        break;
    default:
        event.Skip();
        return;
    }
    Refresh(false);
}

} // namespace c175::maps
