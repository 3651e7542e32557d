// The console's sync worker (SyncService) against a real hub that stops and comes back: it goes
// Offline promptly, keeps the edits made meanwhile, and pushes them when the hub returns.
#include "changes/change_capture.h"
#include "core/ids.h"
#include "engine/sync_service.h"
#include "sync_helpers.h"

#include <doctest/doctest.h>

#include <chrono>
#include <mutex>
#include <thread>

using namespace c175;

namespace {

using Clock = std::chrono::steady_clock;

// Every status the worker published, in order, for waiting on a state.
class StatusLog {
public:
    void add(const sync::SyncStatus& s) {
        std::lock_guard lock(m_mutex);
        m_all.push_back(s);
    }
    std::size_t size() const {
        std::lock_guard lock(m_mutex);
        return m_all.size();
    }
    // Waits until a status published after `from` satisfies `pred`; ms waited, or -1.
    template <typename Pred> long waitFor(std::size_t from, Pred pred, int timeoutMs) const {
        const auto t0 = Clock::now();
        while (Clock::now() - t0 < std::chrono::milliseconds(timeoutMs)) {
            {
                std::lock_guard lock(m_mutex);
                for (std::size_t i = from; i < m_all.size(); ++i)
                    if (pred(m_all[i]))
                        return static_cast<long>(
                            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0)
                                .count());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return -1;
    }
    std::string trail(std::size_t from) const {
        std::lock_guard lock(m_mutex);
        static const char* names[] = {"offline", "syncing", "idle", "error", "cancelled"};
        std::string out;
        for (std::size_t i = from; i < m_all.size(); ++i)
            if (i == from || m_all[i].state != m_all[i - 1].state)
                out += std::string(names[static_cast<int>(m_all[i].state)]) + "(" +
                       m_all[i].message + ") ";
        return out;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<sync::SyncStatus> m_all;
};

bool isIdle(const sync::SyncStatus& s) {
    return s.state == sync::SyncState::Idle;
}
bool isOffline(const sync::SyncStatus& s) {
    return s.state == sync::SyncState::Offline;
}

// A seeded hub on a loopback port, an empty cache, and the options of a worker syncing them.
struct WorkerWorld {
    test::TempDir dir;
    std::string hubPath = dir.file("hub.db");
    std::string cachePath = dir.file("cache.db");
    test::HubProcess hub{hubPath};
    StatusLog log;
    sync::ServiceOptions options;
    WorkerWorld() {
        test::seedSmallHub(hubPath);
        { auto created = db::openCache(cachePath); }
        hub.start();
        options.cachePath = cachePath;
        options.hubUrl = hub.url();
        options.username = "admin";
        options.password = test::demoPassword("admin");
        options.eventWaitSeconds = 2;
    }
};

void editAddress(db::Database& db, const std::string& id, const std::string& address) {
    db::Transaction tx(db);
    db::Statement u(db, "UPDATE tipoffs SET address = ? WHERE id = ?");
    u.bindAll(address, id);
    u.run();
    changes::recordUpsert(db, "tipoffs", id, "{\"address\":\"" + address + "\"}", "admin");
    tx.commit();
}

} // namespace

TEST_CASE("the sync worker goes offline when the hub stops and catches up when it returns") {
    WorkerWorld w;
    const int port = w.hub.port();

    w.options.maxOfflinePauseMs = 2000;
    sync::SyncService service(w.options, [&](const sync::SyncStatus& s) { w.log.add(s); });
    service.start();
    REQUIRE(w.log.waitFor(0, isIdle, 120000) >= 0);

    auto cache = db::openCache(w.cachePath);
    const std::string tipId =
        cache.scalarText("SELECT id FROM tipoffs ORDER BY id LIMIT 1").value_or("");
    REQUIRE_FALSE(tipId.empty());

    // Several rounds: the stop lands at different moments of the long-poll and the syncs.
    for (int round = 0; round < 4; ++round) {
        CAPTURE(round);
        std::this_thread::sleep_for(std::chrono::milliseconds(300 * round));
        const std::size_t before = w.log.size();
        w.hub.stop();
        service.syncNow();
        const long offlineMs = w.log.waitFor(before, isOffline, 20000);
        INFO("states after the stop: " << w.log.trail(before));
        REQUIRE(offlineMs >= 0);
        MESSAGE("round " << round << ": offline after " << offlineMs << " ms");

        // Work goes on offline; the edit waits in the outbox.
        const std::string address = "Số " + std::to_string(round + 1) + " Hàng Bạc";
        editAddress(cache, tipId, address);
        service.syncNow();
        CHECK(changes::pendingCount(cache) >= 1);

        const std::size_t restarted = w.log.size();
        w.hub.start(port);
        // Back online without being asked: the backoff timer retries, pushes and goes Idle.
        const long idleMs = w.log.waitFor(
            restarted, [](const sync::SyncStatus& s) { return isIdle(s) && s.pending == 0; },
            30000);
        INFO("states after the restart: " << w.log.trail(restarted));
        REQUIRE(idleMs >= 0);
        auto hubDb = db::openCache(w.hubPath);
        CHECK(hubDb.scalarText("SELECT address FROM tipoffs WHERE id = '" + tipId + "'")
                  .value_or("") == address);
    }
    service.stop();
    CHECK(changes::pendingCount(cache) == 0);
}

TEST_CASE("Cancel stops the running sync and the worker waits for the next nudge") {
    WorkerWorld w;

    sync::SyncService service(w.options, [&](const sync::SyncStatus& s) { w.log.add(s); });
    service.start();
    // Cancel as soon as the first pull reports rows.
    REQUIRE(w.log.waitFor(
                0, [](const sync::SyncStatus& s) { return s.done > 0; }, 60000) >= 0);
    service.cancelCurrent();
    const long cancelledMs = w.log.waitFor(
        0, [](const sync::SyncStatus& s) { return s.state == sync::SyncState::Cancelled; }, 10000);
    INFO("states: " << w.log.trail(0));
    REQUIRE(cancelledMs >= 0);
    // It stays cancelled (no new sync starts by itself within a few seconds)...
    const std::size_t afterCancel = w.log.size();
    std::this_thread::sleep_for(std::chrono::seconds(3));
    CHECK(w.log.waitFor(
              afterCancel, [](const sync::SyncStatus& s) { return s.done > 0; }, 10) < 0);
    CHECK(service.status().state == sync::SyncState::Cancelled);
    {
        auto cache = db::openCache(w.cachePath);
        const auto hubRows = db::openCache(w.hubPath).scalarInt("SELECT COUNT(*) FROM kiosks");
        CHECK(cache.scalarInt("SELECT COUNT(*) FROM kiosks") <= hubRows);
    }
    // ...until asked again; then it completes and every row is there.
    service.syncNow();
    REQUIRE(w.log.waitFor(afterCancel, isIdle, 120000) >= 0);
    service.stop();
    auto cache = db::openCache(w.cachePath);
    auto hubDb = db::openCache(w.hubPath);
    test::requireSameRows(hubDb, cache);
}
