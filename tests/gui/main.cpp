// test_gui's main: starts wxWidgets for doctest, under `xvfb-run -a` when there is no display.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "i18n_setup.h"

#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/log.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

// A wx assertion would open a modal box and hang the run: print it and fail at the end instead.
int g_asserts = 0;
void onAssert(const wxString& file, int line, const wxString& func, const wxString& cond,
              const wxString& msg) {
    ++g_asserts;
    std::fprintf(stderr, "wx assertion failed: %s:%d %s: %s %s\n", file.utf8_str().data(), line,
                 func.utf8_str().data(), cond.utf8_str().data(), msg.utf8_str().data());
}

bool haveDisplay() {
    const char* x = std::getenv("DISPLAY");
    return x && *x;
}

// Runs this program again under xvfb-run; returns only when that cannot be done.
void reexecUnderXvfb(int argc, char** argv) {
    if (std::getenv("C175_GUI_TEST_UNDER_XVFB"))
        return; // xvfb-run ran us and still no display: do not loop
    setenv("C175_GUI_TEST_UNDER_XVFB", "1", 1);
    std::vector<char*> args;
    std::string a = "xvfb-run", b = "-a", c = "-s", d = "-screen 0 1600x1000x24";
    args.push_back(a.data());
    args.push_back(b.data());
    args.push_back(c.data());
    args.push_back(d.data());
    for (int i = 0; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    std::fflush(stdout);
    execvp("xvfb-run", args.data());
}

} // namespace

int main(int argc, char** argv) {
    if (!haveDisplay()) {
        reexecUnderXvfb(argc, argv);
        std::printf("test_gui: SKIPPED - no X display and xvfb-run could not be started "
                    "(install the xvfb and xauth packages)\n");
        return 0;
    }
    wxSetAssertHandler(onAssert);
    wxApp::SetInstance(new TestApp);
    if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "test_gui: wxWidgets could not start on DISPLAY=%s\n",
                     std::getenv("DISPLAY"));
        return 1;
    }
    // Log to stderr: the GUI log would open a message box at exit and wait for a click.
    delete wxLog::SetActiveTarget(new wxLogStderr);
    wxInitAllImageHandlers();
    c175::app::useUtf8Locale();
    c175::app::setupTranslations("vi");
    doctest::Context context(argc, argv);
    int result = context.run();
    if (g_asserts > 0) {
        std::fprintf(stderr, "test_gui: %d wx assertion(s) failed\n", g_asserts);
        result = result ? result : 1;
    }
    // Every test case has closed its windows and removed its files by now. Tearing down GTK and
    // joining what worker threads remain has been seen to hang after the summary (and so time
    // out the whole ctest run), so the result is reported and the process ends here.
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(result);
}
