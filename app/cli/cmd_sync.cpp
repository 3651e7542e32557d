// c175ctl sync: one full sync with the hub, headless (push, then pull); 0 only when both finish.
#include "command.h"

#include "core/i18n.h"
#include "core/progress.h"
#include "db/migrations.h"
#include "engine/conflicts.h"
#include "engine/sync_engine.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace c175::cli {
namespace {

class ConsoleProgress final : public core::Progress {
public:
    void update(std::string_view stage, std::int64_t done, std::int64_t total) override {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < std::chrono::milliseconds(250) && done != total)
            return;
        m_last = now;
        if (isatty(STDERR_FILENO))
            std::fprintf(stderr, "\r%.*s: %lld / %lld   ", static_cast<int>(stage.size()),
                         stage.data(), static_cast<long long>(done), static_cast<long long>(total));
    }

private:
    std::chrono::steady_clock::time_point m_last{};
};

int runSync(Context& ctx) {
    const std::string hubUrl = takeOption(ctx.args, "--hub");
    const std::string user = takeOption(ctx.args, "--user");
    const std::string caFile = takeOption(ctx.args, "--ca-file");
    expectNoMore(ctx.args);
    if (hubUrl.empty())
        throw UsageError(core::tr("--hub URL is required"));
    if (user.empty())
        throw UsageError(core::tr("--user NAME is required"));
    const std::string& path = requireDb(ctx);
    const std::string password = readPassword(core::tr("Password: "), false);
    auto db = db::openCache(path);
    sync::HttpOptions http;
    http.caFile = caFile;
    sync::HubClient hub(hubUrl, http);
    try {
        hub.login(user, password);
        sync::SyncEngine engine(db, hub);
        ConsoleProgress progress;
        const auto stats = engine.runOnce(progress);
        if (isatty(STDERR_FILENO))
            std::cerr << '\n';
        std::cout << core::fmt(core::tr("Sent {} changes ({} accepted, {} conflicts, {} refused); "
                                        "received {} rows, {} bytes, in {} s."),
                               stats.pushed, stats.accepted, stats.conflicts, stats.rejected,
                               stats.pulled, stats.wireBytes,
                               static_cast<double>(static_cast<long long>(stats.seconds * 100)) /
                                   100)
                  << '\n';
        const auto open = sync::openConflictCount(db);
        if (open > 0)
            std::cout << core::fmt(core::tr("{} conflicts wait for a decision."), open) << '\n';
        return stats.pushComplete && stats.pullComplete ? 0 : 1;
    } catch (const sync::OfflineError& e) {
        std::cerr << e.what() << '\n';
        return 3;
    } catch (const sync::HubError& e) {
        std::cerr << core::fmt(core::tr("The hub refused: {}"), e.what()) << '\n';
        return 1;
    }
}

const bool registered = registerCommand(
    {"sync", "c175ctl --db FILE sync --hub URL --user NAME [--ca-file PEM]",
     "push local changes to the hub, then pull its changes (password from C175_PASSWORD)",
     runSync});

} // namespace
} // namespace c175::cli
