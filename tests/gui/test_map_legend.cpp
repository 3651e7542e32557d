// Regression test (issue 4): the legend on the live map canvas (wxGLCanvas) showed its white
// panel only, without colour swatches or text, while the offscreen export drew it whole. VTK
// recorded the host context's depth test (GL_LESS) and the swatches and text, at the panel's
// depth, lost to it. The canvas is pointed at open sea so that the only class colours and dark
// pixels on screen are the legend's.
#include "gui_support.h"

#include "map_canvas.h"
#include "screenshots.h"

#include "geodata/import.h"

#include <doctest/doctest.h>

#include <wx/frame.h>
#include <wx/sizer.h>

#include <cstdlib>

using namespace c175;

namespace {

bool near(const unsigned char* px, const maps::Rgb& c, int tolerance = 3) {
    for (int i = 0; i < 3; ++i)
        if (std::abs(int(px[i]) - int(c[static_cast<std::size_t>(i)])) > tolerance)
            return false;
    return true;
}

} // namespace

TEST_CASE("map canvas legend shows its swatches and text, not only its panel") {
    auto db = test::memoryCache();
    core::NoProgress none;
    geodata::importDirectory(db, C175_GEODATA_DIR, "test", none);

    auto* frame = new wxFrame(nullptr, wxID_ANY, "legend", wxDefaultPosition, wxSize(900, 650));
    auto* canvas = new maps::MapCanvas(frame, db);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(canvas, 1, wxEXPAND);
    frame->SetSizer(sizer);
    // Far out at sea south-east of the Trường Sa islands: no unit in view.
    canvas->whenReady([](maps::MapScene& scene) { scene.centerOn(118.0, 3.0, 0.5); });
    frame->Show();
    REQUIRE(test::waitFor([&] { return canvas->ready(); }, 20000));
    canvas->redraw();
    test::pump(500);

    const auto& scene = canvas->scene();
    REQUIRE(scene.loadedUnitCount() == 0);
    const auto colours = scene.classColours();
    REQUIRE(colours.size() == 5);

    const wxImage shot = app::captureWindow(frame);
    REQUIRE(shot.IsOk());
    const wxPoint at = canvas->GetScreenPosition() - frame->GetScreenPosition();
    const wxSize size = canvas->GetSize();
    REQUIRE(at.x + size.x <= shot.GetWidth());
    REQUIRE(at.y + size.y <= shot.GetHeight());

    std::vector<int> swatchPixels(colours.size(), 0);
    int darkPixels = 0, panelPixels = 0;
    const unsigned char* data = shot.GetData();
    for (int y = at.y; y < at.y + size.y; ++y)
        for (int x = at.x; x < at.x + size.x; ++x) {
            const unsigned char* px =
                data + 3 * (static_cast<std::size_t>(y) * shot.GetWidth() + x);
            for (std::size_t c = 0; c < colours.size(); ++c)
                swatchPixels[c] += near(px, colours[c]) ? 1 : 0;
            darkPixels += px[0] < 90 && px[1] < 90 && px[2] < 90 ? 1 : 0;
            panelPixels += px[0] > 248 && px[1] > 248 && px[2] > 248 ? 1 : 0;
        }
    CHECK(panelPixels > 10000);
    // A swatch is 14 x 14 pixels.
    for (std::size_t c = 0; c < colours.size(); ++c) {
        INFO("class " << c);
        CHECK(swatchPixels[c] >= 150);
    }
    // The title, five ranges, the source and the class method in dark text.
    CHECK(darkPixels > 300);
    frame->Destroy();
    test::pump(100);
}
