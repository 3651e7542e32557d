// MapView in a real window (GUI test, needs a display: tests/cli/geodata_map.sh runs it under
// xvfb-run): keys zoom, a click on Hà Nội reports its code, hover describes the unit.
#include "geodata/import.h"
#include "map_view.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <wx/app.h>
#include <wx/frame.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <chrono>
#include <thread>

using namespace c175;

namespace {

void pump(int ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < until) {
        wxYield();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

} // namespace

TEST_CASE("map view: keys zoom, clicking Hà Nội reports 01, hover shows the figures") {
    if (!wxTheApp) {
        MESSAGE("no display: MapView cases skipped (run under xvfb-run)");
        return;
    }
    auto db = test::memoryCache();
    core::NoProgress none;
    geodata::importDirectory(db, C175_GEODATA_DIR, "test", none);

    auto* frame = new wxFrame(nullptr, wxID_ANY, "map", wxPoint(0, 0), wxSize(900, 700));
    auto* view = new maps::MapView(frame, db);
    std::string clicked;
    view->setUnitClickHandler([&](const std::string& code) { clicked = code; });
    frame->Show();
    frame->Raise();
    pump(1500);
    auto* scene = view->scene();
    REQUIRE(scene);
    CHECK(scene->loadedUnitCount() == 34);

    // Zoom in with the keyboard.
    wxUIActionSimulator sim;
    view->canvas()->SetFocus();
    pump(200);
    const double before = scene->kmPerPixel();
    sim.Char('+');
    pump(500);
    CHECK(scene->kmPerPixel() < before);

    // Click on Hà Nội: the scene's pixels count from the bottom-left, wx's from the top-left.
    auto* canvas = view->canvas();
    const double scale = canvas->GetContentScaleFactor();
    const auto p = scene->toPixel(105.8342, 21.0278);
    const wxPoint local(static_cast<int>(p.x / scale),
                        canvas->GetClientSize().y - static_cast<int>(p.y / scale));
    REQUIRE(canvas->GetClientRect().Contains(local));
    sim.MouseMove(canvas->ClientToScreen(local));
    pump(300);
    sim.MouseClick();
    pump(500);
    CHECK(clicked == "01");
    const wxString tip = view->describeAt(local);
    CHECK(tip.Contains(wxString::FromUTF8("Hà Nội")));
    CHECK(tip.Contains("8.718.000"));

    // Commune level, zoomed into the city: the R*Tree keeps the loaded set small.
    view->setLevel("commune");
    scene->centerOn(105.8342, 21.0278, 0.05);
    canvas->Refresh();
    canvas->Update();
    pump(800);
    CHECK(scene->loadedUnitCount() > 0);
    CHECK(scene->loadedUnitCount() < 400);
    frame->Destroy();
    pump(200);
}
