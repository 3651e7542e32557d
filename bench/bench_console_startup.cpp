// bench_console_startup [CACHE]: time from starting c175-console to a usable window on a large
// cache (median of 5) and its resident memory after every pane has been opened (issue 2).
// Without CACHE it seeds /tmp/c175-bench-large.db with `c175ctl seed --scale large` (once).
#include "gui_support.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace {

std::string quote(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char** argv) {
    const std::string bin = C175_BIN_DIR;
    std::string cache = argc > 1 ? argv[1] : "/tmp/c175-bench-large.db";
    if (argc <= 1 && !std::filesystem::exists(cache)) {
        std::printf("seeding %s with c175ctl seed --scale large ...\n", cache.c_str());
        std::fflush(stdout);
        const auto start = std::chrono::steady_clock::now();
        const auto seeded = c175::test::runCommand(quote(bin + "/c175ctl") + " --db " +
                                                   quote(cache) + " seed --scale large");
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (seeded.status != 0) {
            std::fprintf(stderr, "seeding failed:\n%s", seeded.output.c_str());
            return 1;
        }
        std::printf("seed_large_s: %.1f s\n", seconds);
        std::printf("seed_large_file_mb: %.1f MB\n",
                    double(std::filesystem::file_size(cache)) / (1024.0 * 1024.0));
    }
    if (!std::filesystem::exists(cache)) {
        std::fprintf(stderr, "no cache at %s\n", cache.c_str());
        return 1;
    }

    // A scratch config/state so the runs neither read nor change the person's settings.
    const auto scratch = std::filesystem::temp_directory_path() / "c175-bench-console";
    std::filesystem::create_directories(scratch);
    const char* display = std::getenv("DISPLAY");
    const std::string prefix = (display && *display)
                                   ? std::string()
                                   : std::string("xvfb-run -a -s '-screen 0 1600x1000x24' ");
    const std::string command = "env XDG_CONFIG_HOME=" + quote((scratch / "config").string()) +
                                " XDG_STATE_HOME=" + quote((scratch / "state").string()) +
                                " C175_PASSWORD=" + quote(c175::test::demoPassword("admin")) + " " +
                                prefix + quote(bin + "/c175-console") + " --db " + quote(cache) +
                                " --user admin --report-startup";

    const std::regex startupLine(R"(startup_ms: ([0-9.]+))"), rssLine(R"(rss_mb: ([0-9.]+))");
    std::vector<double> startup, rss;
    for (int i = 0; i < 5; ++i) {
        const auto r = c175::test::runCommand(command);
        std::smatch a, b;
        if (r.status != 0 || !std::regex_search(r.output, a, startupLine) ||
            !std::regex_search(r.output, b, rssLine)) {
            std::fprintf(stderr, "run %d failed (status %d):\n%s", i + 1, r.status,
                         r.output.c_str());
            return 1;
        }
        startup.push_back(std::stod(a[1]));
        rss.push_back(std::stod(b[1]));
        std::printf("run %d: startup %.0f ms, rss %.1f MB\n", i + 1, startup.back(), rss.back());
        std::fflush(stdout);
    }
    std::printf("cache: %s (%.1f MB)\n", cache.c_str(),
                double(std::filesystem::file_size(cache)) / (1024.0 * 1024.0));
    std::printf("console_startup_ms_p50: %.0f ms\n", median(startup));
    std::printf("console_rss_mb: %.1f MB\n", median(rss));
    return 0;
}
