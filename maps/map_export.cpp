#include "map_export.h"

#include "core/i18n.h"

#include <X11/Xlib.h>
#include <vtkNew.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkWindowToImageFilter.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace c175::maps {

XY ExportResult::pixelOf(double lon, double lat) const {
    const XY p = projection.project(lon, lat);
    return {width / 2.0 + (p.x - centre.x) / kmPerPixel,
            height / 2.0 + (p.y - centre.y) / kmPerPixel};
}

bool displayAvailable(std::string& why) {
    const char* name = std::getenv("DISPLAY");
    if (!name || !*name) {
        why = core::tr("Rendering the map needs an X display and DISPLAY is not set; run the "
                       "command under xvfb-run (for example: xvfb-run -a c175ctl ...).");
        return false;
    }
    // A display that was just started (xvfb-run) may refuse the first connection for a moment.
    Display* display = nullptr;
    for (int attempt = 0; attempt < 10 && !display; ++attempt) {
        display = XOpenDisplay(nullptr);
        if (!display)
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    if (!display) {
        why = core::fmt(core::tr("Rendering the map needs an X display and \"{}\" does not "
                                 "answer; run the command under xvfb-run (for example: xvfb-run "
                                 "-a c175ctl ...)."),
                        name);
        return false;
    }
    XCloseDisplay(display);
    return true;
}

ExportResult exportPng(db::Database& db, const ExportOptions& o) {
    if (o.layer != "density" && o.layer != "incidents" && o.layer != "heat")
        throw MapError(core::fmt(core::tr("Unknown map layer \"{}\": use density, incidents or "
                                          "heat."),
                                 o.layer));
    if (o.level != "province" && o.level != "commune")
        throw MapError(
            core::fmt(core::tr("Unknown level \"{}\": use province or commune."), o.level));
    if (o.width < 64 || o.height < 64 || o.width > 8192 || o.height > 8192)
        throw MapError(core::fmt(core::tr("Image size {}x{} is out of range (64 to 8192 pixels "
                                          "a side)."),
                                 o.width, o.height));
    if (o.outPath.empty())
        throw MapError(core::tr("No output file given."));
    std::string why;
    if (!displayAvailable(why))
        throw MapError(why);

    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetMultiSamples(0); // exact legend colours in the pixels
    window->SetSize(o.width, o.height);
    window->AddRenderer(renderer);

    MapScene scene(db, renderer);
    SceneOptions s;
    s.level = o.level;
    s.method = o.method;
    s.labels = o.labels;
    s.legend = o.legend;
    s.density = o.layer == "density";
    s.incidents = o.layer == "incidents";
    s.heat = o.layer == "heat";
    s.incidentFilter = o.filter;
    scene.setOptions(s);
    scene.setViewportSize(o.width, o.height);
    scene.fitCountry();
    scene.prepareFrame();
    window->Render();

    auto grab = grabFrame(window);
    vtkNew<vtkPNGWriter> writer;
    writer->SetFileName(o.outPath.c_str());
    writer->SetInputConnection(grab->GetOutputPort());
    writer->Write();
    std::error_code ec;
    if (writer->GetErrorCode() != 0 || !std::filesystem::exists(o.outPath, ec) ||
        std::filesystem::file_size(o.outPath, ec) == 0)
        throw MapError(core::fmt(core::tr("Could not write the image \"{}\"."), o.outPath));

    ExportResult r;
    r.projection = scene.projection();
    r.centre = scene.center();
    r.kmPerPixel = scene.kmPerPixel();
    r.width = o.width;
    r.height = o.height;
    r.units = scene.loadedUnitCount();
    r.incidents = scene.incidentCount();
    r.classes = scene.classes();
    r.colours = scene.classColours();
    return r;
}

vtkSmartPointer<vtkWindowToImageFilter> grabFrame(vtkRenderWindow* window) {
    auto grab = vtkSmartPointer<vtkWindowToImageFilter>::New();
    grab->SetInput(window);
    grab->SetInputBufferTypeToRGB();
    grab->ReadFrontBufferOff();
    grab->Update();
    return grab;
}

} // namespace c175::maps
