// Capturing the main frame to PNG, and the unattended run (--screenshots, --report-startup).
#pragma once
#include <wx/image.h>

#include <string>
#include <vector>

class wxTopLevelWindow;

namespace c175::app {

class MainFrame;

// Lets pending paints and queued events run for about `ms` milliseconds.
void settle(int ms);

// The frame as it is on screen, from the X display (ImageMagick `import`); where that is not
// possible, the client area drawn through a wxClientDC.
wxImage captureWindow(wxTopLevelWindow* window);

// Brings each pane to the front, saves <dir>/<NN>-<pane key>.png and returns the paths.
std::vector<std::string> savePaneScreenshots(MainFrame& frame, const std::string& dir);

// Milliseconds since this process started, and its resident memory in MiB (/proc/self).
double msSinceProcessStart();
double residentMiB();

} // namespace c175::app
