// bench_map: loading units into VTK and pan/zoom frame times of the map (issue 4), offscreen.
// Prints "name: value unit" lines. Needs an X display (run under xvfb-run).
#include "db/migrations.h"
#include "geodata/import.h"
#include "map_export.h"
#include "map_scene.h"

#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <time.h>

using namespace c175;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// CPU time of the whole process (llvmpipe's threads included): steadier than wall time when
// other programs share the machine.
double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double rssMb() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atof(line.c_str() + 6) / 1024.0;
    return 0;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

// Time to read a level from the cache and build its VTK geometry (fresh scene, empty caches).
double loadMs(db::Database& db, const std::string& level) {
    vtkNew<vtkRenderer> renderer;
    maps::MapScene scene(db, renderer);
    maps::SceneOptions o;
    o.level = level;
    o.labels = false;
    const auto start = Clock::now();
    scene.setOptions(o);
    scene.setViewportSize(1600, 1000);
    scene.fitCountry();
    scene.prepareFrame();
    return msSince(start);
}

} // namespace

int main() {
    std::string why;
    if (!maps::displayAvailable(why)) {
        std::cerr << "bench_map: " << why << "\n";
        return 1;
    }
    const char* env = std::getenv("C175_GEODATA");
    const std::string geo = env && *env ? env : C175_GEODATA_DIR;
    const auto path = std::filesystem::temp_directory_path() / "c175-bench-map.db";
    std::filesystem::remove(path);
    {
        auto db = db::openCache(path.string());
        core::NoProgress none;
        geodata::importDirectory(db, geo, "bench", none);
    }
    auto db = db::openCache(path.string());

    const double provinces = loadMs(db, "province");
    const double communes = loadMs(db, "commune");
    std::cout << "load_provinces_ms: " << provinces << " ms\n";
    std::cout << "load_communes_ms: " << communes << " ms\n";

    // 100,000 incidents spread over the communes (uniform in random communes' boxes).
    std::mt19937 rng(175);
    const auto units = geodata::listUnits(db, "2025", "commune");
    std::vector<maps::Incident> incidents;
    incidents.reserve(100000);
    const char* types[] = {"criminal", "economic", "drugs", "traffic", "cyber", "intrusion"};
    for (int i = 0; i < 100000; ++i) {
        const auto& u = units[rng() % units.size()];
        std::uniform_real_distribution<double> lon(u.bbox.minLon, u.bbox.maxLon),
            lat(u.bbox.minLat, u.bbox.maxLat);
        incidents.push_back({std::to_string(i), maps::IncidentSource::Tipoff, types[rng() % 6],
                             "2026-05-01T00:00:00Z", lon(rng), lat(rng)});
    }

    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetSize(1600, 1000);
    window->AddRenderer(renderer);
    maps::MapScene scene(db, renderer);
    std::vector<double> cpuTimes;
    auto frame = [&] {
        const auto start = Clock::now();
        const double cpuStart = cpuMs();
        scene.prepareFrame();
        window->Render();
        window->WaitForCompletion();
        cpuTimes.push_back(cpuMs() - cpuStart);
        return msSince(start);
    };
    scene.setViewportSize(1600, 1000);
    // Baseline: the same window with nothing but the background (ratios survive other GPUs).
    scene.setOptions([] {
        maps::SceneOptions o;
        o.density = o.boundaries = o.labels = o.legend = false;
        return o;
    }());
    frame();
    std::vector<double> baseline;
    for (int i = 0; i < 10; ++i)
        baseline.push_back(frame());

    maps::SceneOptions o;
    o.level = "commune";
    o.incidents = true;
    scene.setOptions(o);
    scene.setIncidents(std::move(incidents));
    scene.fitCountry();
    frame(); // first frame loads and uploads everything
    std::vector<double> times;
    cpuTimes.clear();
    for (int i = 0; i < 60; ++i) {
        switch (i % 6) {
        case 0:
        case 1:
            scene.zoomAt(1.3, 800 + (i % 5) * 20, 500); // zoom in
            break;
        case 2:
        case 3:
            scene.panPixels(60, -40);
            break;
        default:
            scene.zoomAt(1 / 1.3, 800, 500); // zoom out
        }
        times.push_back(frame());
    }
    std::cout << "frame_ms_p50: " << percentile(times, 0.5) << " ms\n";
    std::cout << "frame_ms_p95: " << percentile(times, 0.95) << " ms\n";
    std::cout << "frame_cpu_ms_p50: " << percentile(cpuTimes, 0.5) << " ms\n";
    std::cout << "frame_ms_baseline_p50: " << percentile(baseline, 0.5) << " ms\n";
    std::cout << "rss_mb: " << rssMb() << " MB\n";
    // Wall times on llvmpipe depend on what else runs on the machine: print how busy it was.
    double load = 0;
    std::ifstream("/proc/loadavg") >> load;
    std::cout << "load_average_1m: " << load << "\n";
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    return 0;
}
