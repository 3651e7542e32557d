#include "screenshots.h"

#include "main_frame.h"

#include <wx/app.h>
#include <wx/aui/auibook.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/filename.h>
#include <wx/log.h>
#include <wx/stopwatch.h>
#include <wx/toplevel.h>
#include <wx/utils.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace c175::app {
namespace {

// A capture where every pixel has one colour means the toolkit gave us nothing.
bool isBlank(const wxImage& image) {
    if (!image.IsOk() || image.GetWidth() == 0)
        return true;
    const unsigned char* data = image.GetData();
    const size_t bytes = size_t(image.GetWidth()) * image.GetHeight() * 3;
    for (size_t i = 3; i < bytes; i += 3)
        if (data[i] != data[0] || data[i + 1] != data[1] || data[i + 2] != data[2])
            return false;
    return true;
}

wxImage captureWithImport(wxTopLevelWindow* window) {
    const wxRect rect = window->GetScreenRect();
    const auto tmp = std::filesystem::temp_directory_path() /
                     ("c175-capture-" + std::to_string(::getpid()) + ".png");
    const wxString command =
        wxString::Format("import -silent -window root -crop %dx%d+%d+%d +repage %s", rect.width,
                         rect.height, rect.x, rect.y, wxString::FromUTF8(tmp.string()));
    wxArrayString out, err;
    if (wxExecute(command, out, err, wxEXEC_SYNC | wxEXEC_NODISABLE) != 0) {
        wxLogMessage("Screen capture failed: %s", command);
        return {};
    }
    wxImage image(wxString::FromUTF8(tmp.string()), wxBITMAP_TYPE_PNG);
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    return image;
}

} // namespace

void settle(int ms) {
    wxStopWatch watch;
    do {
        wxTheApp->ProcessPendingEvents();
        wxTheApp->Yield(true);
        wxMilliSleep(10);
    } while (watch.Time() < ms);
}

wxImage captureWindow(wxTopLevelWindow* window) {
    window->Raise();
    window->Update();
    settle(50);
    // The X server's copy holds what a person sees: menu bar, status bar and the map's OpenGL
    // picture, which a wxWindowDC on GTK3 leaves out.
    if (wxImage image = captureWithImport(window); !isBlank(image))
        return image;
    const wxSize size = window->GetClientSize();
    wxBitmap bitmap(size);
    {
        wxClientDC source(window);
        wxMemoryDC target(bitmap);
        target.Blit(0, 0, size.x, size.y, &source, 0, 0);
    }
    return bitmap.ConvertToImage();
}

std::vector<std::string> savePaneScreenshots(MainFrame& frame, const std::string& dir) {
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG))
        wxImage::AddHandler(new wxPNGHandler);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::vector<std::string> paths;
    int number = 1;
    for (auto* pane : frame.panes()) {
        if (!pane)
            continue;
        frame.showPane(pane->id());
        settle(700); // panes page their first rows in; a map draws its first frame
        const wxImage image = captureWindow(&frame);
        char name[96];
        std::snprintf(name, sizeof name, "%02d-%s.png", number++, panels::paneKey(pane->id()));
        const std::string path = (std::filesystem::absolute(dir) / name).string();
        if (image.IsOk() && image.SaveFile(wxString::FromUTF8(path), wxBITMAP_TYPE_PNG))
            paths.push_back(path);
        else
            wxLogError("Could not save the screenshot %s.", wxString::FromUTF8(path));
    }
    return paths;
}

double msSinceProcessStart() {
    // Field 22 of /proc/self/stat: start time in clock ticks after boot (CLOCK_BOOTTIME).
    std::ifstream in("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && (fields >> field); ++i) {
    }
    const double startTicks = std::stod(field);
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

double residentMiB() {
    std::ifstream in("/proc/self/statm");
    long size = 0, resident = 0;
    in >> size >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

} // namespace c175::app
