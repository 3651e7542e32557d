// Shared pieces of the sync fault, crash and convergence tests: a seeded hub template, clients,
// syncing until done, replica comparison, child processes of c175ctl.
#pragma once
#include "core/progress.h"
#include "db/migrations.h"
#include "engine/conflicts.h"
#include "engine/sync_engine.h"
#include "hub_fixture.h"
#include "seed/seed.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace c175::test {

// Seeding takes seconds: one small seeded template per test run, copied for each hub.
inline void seedSmallHub(const std::string& path) {
    static TempDir templateDir;
    static const std::string templatePath = templateDir.file("template.db");
    if (!std::filesystem::exists(templatePath)) {
        auto db = db::openCache(templatePath);
        seed::SeedOptions options;
        options.scale = seed::Scale::Small;
        options.seed = 11;
        options.geodataDir = "";
        core::NoProgress none;
        seed::seedDemo(db, options, none);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::filesystem::copy_file(templatePath, path);
}

struct SyncClient {
    explicit SyncClient(const std::string& path) : db(db::openCache(path)) {}
    db::Database db;
    int pageSize = 5000, pushBatch = 500;
    sync::RetryPolicy retry{12, 20, 400};

    sync::SyncStats syncOnce(const std::string& url, const std::string& user = "admin") {
        sync::HubClient hub(url);
        hub.setRetryPolicy(retry);
        hub.login(user, demoPassword(user));
        sync::SyncEngine engine(db, hub);
        engine.pageSize = pageSize;
        engine.pushBatch = pushBatch;
        core::NoProgress none;
        return engine.runOnce(none);
    }
    // Retries whole syncs while the network fails; the last one must complete.
    sync::SyncStats syncUntilDone(const std::string& url, int tries = 40) {
        for (int i = 0;; ++i) {
            try {
                return syncOnce(url);
            } catch (const sync::OfflineError& e) {
                if (i + 1 >= tries)
                    throw;
            }
        }
    }
};

// Every synced entity holds exactly the same rows on both sides.
inline void requireSameRows(db::Database& hub, db::Database& client) {
    sync::Schema schema(hub);
    for (const auto& e : schema.all()) {
        INFO("entity " << e.name);
        CHECK(dumpEntity(hub, e) == dumpEntity(client, e));
    }
}

inline pid_t spawnCtlSync(const std::string& dbPath, const std::string& url) {
    const pid_t pid = fork();
    if (pid == 0) {
        setenv("C175_PASSWORD", demoPassword("admin").c_str(), 1);
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        const std::string exe = std::string(C175_BIN_DIR) + "/c175ctl";
        execl(exe.c_str(), exe.c_str(), "--db", dbPath.c_str(), "sync", "--hub", url.c_str(),
              "--user", "admin", static_cast<char*>(nullptr));
        _exit(127);
    }
    return pid;
}

// -1 while running; the exit code once it ended (reaped).
inline int exitedWith(pid_t pid) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

inline int waitExit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

} // namespace c175::test
