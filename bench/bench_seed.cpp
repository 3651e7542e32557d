// Seeds the small and the large demo data into temporary files and prints the time and file size
// (issue 2: "the time and file size of seed --scale large").
#include "core/progress.h"
#include "db/migrations.h"
#include "seed/seed.h"
#include "stats/counts.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <unistd.h>

namespace {

std::uintmax_t cacheBytes(const std::filesystem::path& file) {
    std::uintmax_t bytes = 0;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(file.string() + suffix, ec);
        if (!ec)
            bytes += size;
    }
    return bytes;
}

// Seconds spent in each stage of the seed (from one progress label to the next), so a change to
// one stage can be measured apart from the noise of the others.
class StageTimer final : public c175::core::Progress {
public:
    void update(std::string_view stage, std::int64_t, std::int64_t) override {
        if (stage == m_stage)
            return;
        close();
        m_stage = std::string(stage);
        m_started = std::chrono::steady_clock::now();
    }
    void close() {
        if (m_stage.empty())
            return;
        auto& seconds = m_seconds[m_stage];
        seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
        m_stage.clear();
    }
    const std::map<std::string, double>& seconds() const { return m_seconds; }

private:
    std::string m_stage;
    std::chrono::steady_clock::time_point m_started;
    std::map<std::string, double> m_seconds;
};

std::string key(std::string label) {
    for (auto& c : label)
        c = (c >= 'A' && c <= 'Z')                               ? static_cast<char>(c - 'A' + 'a')
            : ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? c
                                                                 : '_';
    return label;
}

void run(const char* name, c175::seed::Scale scale, const std::filesystem::path& dir) {
    const auto file = dir / (std::string(name) + ".c175");
    const auto started = std::chrono::steady_clock::now();
    c175::seed::SeedReport report;
    StageTimer stages;
    {
        auto db = c175::db::openCache(file.string());
        c175::seed::SeedOptions options;
        options.scale = scale;
        options.geodataDir = c175::seed::findGeodataDir();
        if (options.geodataDir.empty() && std::filesystem::exists(C175_GEODATA_DIR))
            options.geodataDir = C175_GEODATA_DIR;
        report = c175::seed::seedDemo(db, options, stages);
        stages.close();
    } // closing checkpoints the WAL into the file: part of the cost
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("seed_%s_s: %.2f s\n", name, seconds);
    std::printf("seed_%s_file_mb: %.1f MB\n", name,
                static_cast<double>(cacheBytes(file)) / (1024.0 * 1024.0));
    for (const auto& [stage, secs] : stages.seconds())
        std::printf("seed_%s_stage_%s_s: %.2f s\n", name, key(stage).c_str(), secs);
    std::printf("seed_%s_geodata: %s\n", name, report.geodataImported ? "yes" : "no");
    for (const char* key : {"camera_alerts", "tipoffs", "beneficiaries", "stays", "admin_units"})
        if (report.counts.count(key))
            std::printf("seed_%s_%s: %lld rows\n", name, key,
                        static_cast<long long>(report.counts.at(key)));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    // --small-only skips the large seed (about a gigabyte and a minute or more).
    const bool smallOnly = argc > 1 && std::strcmp(argv[1], "--small-only") == 0;
    const auto dir =
        std::filesystem::temp_directory_path() / ("c175-bench-seed-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    try {
        run("small", c175::seed::Scale::Small, dir);
        if (!smallOnly)
            run("large", c175::seed::Scale::Large, dir);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_seed: %s\n", e.what());
        std::filesystem::remove_all(dir);
        return 1;
    }
    std::filesystem::remove_all(dir);
    return 0;
}
