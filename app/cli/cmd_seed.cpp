// c175ctl seed: fills a cache with the deterministic demo data of every pilot model.
#include "command.h"

#include "core/i18n.h"
#include "core/ids.h"
#include "core/progress.h"
#include "db/migrations.h"
#include "seed/seed.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace c175::cli {
namespace {

// A bar redrawn in place on a terminal; one line per stage when stderr is a file or a pipe.
class SeedProgress final : public core::Progress {
public:
    SeedProgress() : m_terminal(isatty(STDERR_FILENO) != 0) {}
    ~SeedProgress() override { finishLine(); }

    void update(std::string_view stage, std::int64_t done, std::int64_t total) override {
        const bool newStage = stage != m_stage;
        if (newStage) {
            finishLine();
            m_stage = stage;
            if (!m_terminal)
                std::cerr << stage << "...\n";
        }
        if (!m_terminal)
            return;
        const auto now = std::chrono::steady_clock::now();
        if (!newStage && done != total && now - m_lastDraw < std::chrono::milliseconds(100))
            return;
        m_lastDraw = now;
        constexpr int kWidth = 30;
        const double share = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0;
        const int filled = static_cast<int>(share * kWidth);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(kWidth, '.');
        std::fprintf(stderr, "\r%-22.*s [%s] %3d%%  %lld/%lld\033[K",
                     static_cast<int>(m_stage.size()), m_stage.c_str(), bar.c_str(),
                     static_cast<int>(share * 100), static_cast<long long>(done),
                     static_cast<long long>(total));
        std::fflush(stderr);
        m_drawn = true;
    }

private:
    void finishLine() {
        if (m_drawn)
            std::fputc('\n', stderr);
        m_drawn = false;
    }
    bool m_terminal;
    bool m_drawn = false;
    std::string m_stage;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

std::uint64_t parseSeed(const std::string& text) {
    std::uint64_t value = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || res.ec != std::errc() || res.ptr != text.data() + text.size())
        throw UsageError(core::fmt(
            core::tr("--seed must be a whole number from 0 to 18446744073709551615 (got \"{}\")"),
            text));
    return value;
}

int runSeed(Context& ctx) {
    // Every argument is checked before the cache is opened, so bad usage creates nothing.
    const std::string scaleText = takeOption(ctx.args, "--scale");
    const std::string seedText = takeOption(ctx.args, "--seed", "175");
    const std::string geodataDir = takeOption(ctx.args, "--geodata");
    const bool noGeodata = takeFlag(ctx.args, "--no-geodata");
    const std::string asOfText = takeOption(ctx.args, "--as-of");
    expectNoMore(ctx.args);
    const auto scale = seed::parseScale(scaleText);
    if (!scale)
        throw UsageError(
            scaleText.empty()
                ? std::string(core::tr("--scale is required: small or large"))
                : core::fmt(core::tr("--scale must be small or large (got \"{}\")"), scaleText));
    seed::SeedOptions options;
    options.scale = *scale;
    options.seed = parseSeed(seedText);
    // The data leads up to now unless a moment is given: the same seed and --as-of give the
    // same cache on any day.
    if (!asOfText.empty() && (!core::parseIsoTime(asOfText, options.asOf) || options.asOf <= 0))
        throw UsageError(
            core::fmt(core::tr("--as-of must be a date or UTC time such as 2026-12-03 or "
                               "2026-12-03T13:00:00Z (got \"{}\")"),
                      asOfText));
    options.actor = ctx.osUser;
    options.geodataDir = noGeodata ? "" : geodataDir.empty() ? seed::findGeodataDir() : geodataDir;
    const std::string& path = requireDb(ctx);

    auto db = db::openCache(path);
    seed::SeedReport report;
    {
        SeedProgress progress;
        report = seed::seedDemo(db, options, progress);
    }
    if (!report.note.empty())
        std::cerr << report.note << '\n';
    for (const auto& [table, rows] : report.counts)
        std::printf("  %-20s %12lld\n", table.c_str(), static_cast<long long>(rows));
    std::cout << core::fmt(core::tr("Seeded {} in {} s (seed {})."), path,
                           static_cast<double>(static_cast<long long>(report.seconds * 10)) / 10,
                           options.seed)
              << '\n';
    return 0;
}

const bool registered = registerCommand(
    {"seed",
     "c175ctl --db FILE seed --scale small|large [--seed N] [--as-of TIME] [--geodata DIR | "
     "--no-geodata]",
     "fill a new cache with deterministic demo data of every pilot model", runSeed});

} // namespace
} // namespace c175::cli
