// Helpers of the GUI tests: a seeded cache shared by the cases, waiting on the event loop,
// running programs, and typing through wxUIActionSimulator.
#pragma once
#include "test_support.h"

#include "seed/seed.h"

#include <wx/app.h>
#include <wx/stopwatch.h>
#include <wx/uiaction.h>
#include <wx/utils.h>
#include <wx/window.h>

#include <array>
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <string>

namespace c175::test {

// Runs the event loop until `done()` or `ms` have passed; returns done().
inline bool waitFor(const std::function<bool()>& done, int ms) {
    wxStopWatch watch;
    while (!done()) {
        if (watch.Time() > ms)
            return done();
        wxTheApp->ProcessPendingEvents();
        wxTheApp->Yield(true);
        wxMilliSleep(10);
    }
    return true;
}

inline void pump(int ms) {
    waitFor([] { return false; }, ms);
}

struct CommandResult {
    int status = -1;
    std::string output; // stdout and stderr together
};

inline CommandResult runCommand(const std::string& command) {
    CommandResult result;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return result;
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), int(buffer.size()), pipe))
        result.output += buffer.data();
    const int raw = pclose(pipe);
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return result;
}

inline std::string binDir() {
    return C175_BIN_DIR;
}

// One small demo cache for the whole run, made by the real c175ctl (seeding takes seconds).
inline const std::string& seededCache() {
    static TempDir dir;
    static const std::string path = [] {
        const std::string file = dir.file("cache.db");
        const auto result =
            runCommand(binDir() + "/c175ctl --db '" + file + "' seed --scale small");
        if (result.status != 0)
            throw std::runtime_error("c175ctl seed failed: " + result.output);
        return file;
    }();
    return path;
}

// Clicks in the middle of a window with the real pointer.
inline void clickOn(wxUIActionSimulator& sim, wxWindow* window) {
    const wxRect rect = window->GetScreenRect();
    sim.MouseMove(rect.x + rect.width / 2, rect.y + rect.height / 2);
    pump(50);
    sim.MouseClick();
    pump(100);
}

} // namespace c175::test
