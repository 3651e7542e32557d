// test_maps' main: starts wx when an X display is present, so the MapView cases can run
// (under xvfb-run); without one they skip and the other cases run as usual.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <wx/app.h>
#include <wx/init.h>

#include <cstdlib>

int main(int argc, char** argv) {
    bool wxStarted = false;
    if (const char* display = std::getenv("DISPLAY"); display && *display) {
        // wx sees only the program name: the rest are doctest's options.
        int wxArgc = 1;
        wxApp::SetInstance(new wxApp());
        wxStarted = wxEntryStart(wxArgc, argv) && wxTheApp->CallOnInit();
    }
    doctest::Context context(argc, argv);
    const int rc = context.run();
    if (wxStarted) {
        wxTheApp->OnExit();
        wxEntryCleanup();
    }
    return rc;
}
