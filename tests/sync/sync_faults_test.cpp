// Sync under faults: a proxy that drops, resets, delays, fails and truncates; kill -9 of the
// client during push and during pull. Afterwards hub and client hold exactly the same rows.
#include "changes/change_capture.h"
#include "core/ids.h"
#include "fault_proxy.h"
#include "sync_helpers.h"

#include <chrono>
#include <cstdlib>
#include <thread>

using namespace c175;

namespace {

// `updates` note edits of existing alerts and `inserts` new alerts, one transaction each batch.
std::vector<std::string> editAlerts(db::Database& db, int updates, int inserts,
                                    const std::string& tag) {
    std::vector<std::string> created;
    db::Transaction tx(db);
    db::Statement pick(db, "SELECT id FROM camera_alerts ORDER BY id LIMIT ?");
    pick.bind(1, updates);
    std::vector<std::string> ids;
    while (pick.step())
        ids.push_back(pick.getText(0));
    REQUIRE(static_cast<int>(ids.size()) == updates);
    for (const auto& id : ids) {
        const std::string note = tag + " " + id.substr(id.size() - 6);
        db::Statement upd(db, "UPDATE camera_alerts SET note = ? WHERE id = ?");
        upd.bindAll(note, id);
        upd.run();
        changes::recordUpsert(db, "camera_alerts", id, "{\"note\":\"" + note + "\"}", "os:test");
    }
    const std::string camera = db.scalarText("SELECT id FROM cameras ORDER BY id LIMIT 1").value();
    for (int i = 0; i < inserts; ++i) {
        const std::string id = core::newUuidV7();
        db::Statement ins(db, "INSERT INTO camera_alerts(id, camera_id, at, kind, severity, "
                              "confidence, note) VALUES (?, ?, '2026-12-03T09:00:00Z', "
                              "'intrusion', 2, 0.75, ?)");
        ins.bindAll(id, camera, tag);
        ins.run();
        changes::recordUpsert(db, "camera_alerts", id,
                              "{\"camera_id\":\"" + camera +
                                  "\",\"at\":\"2026-12-03T09:00:00Z\",\"kind\":\"intrusion\","
                                  "\"severity\":2,\"confidence\":0.75,\"note\":\"" +
                                  tag + "\"}",
                              "os:test");
        created.push_back(id);
    }
    tx.commit();
    return created;
}

std::int64_t countWhere(db::Database& db, const std::string& sql) {
    return db.scalarInt(sql);
}

} // namespace

TEST_CASE("a sync of thousands of rows through a faulty network loses and doubles nothing") {
    test::TempDir dir;
    const auto hubPath = dir.file("hub.db");
    test::seedSmallHub(hubPath);
    test::HubProcess hub(hubPath);
    hub.start();
    // C175_PROXY_SEED replays the faults of a failed run.
    const char* fixed = std::getenv("C175_PROXY_SEED");
    const unsigned seed = fixed ? static_cast<unsigned>(std::strtoul(fixed, nullptr, 10))
                                : static_cast<unsigned>(std::random_device{}());
    INFO("proxy seed " << seed << " (C175_PROXY_SEED replays it)");
    test::FaultProxy proxy(hub.port(), seed, 0.4);

    test::SyncClient client(dir.file("c.db"));
    client.pageSize = 300; // many requests, so many of them meet a fault
    client.pushBatch = 150;
    client.syncUntilDone(proxy.url());
    std::int64_t alertsBefore = 0;
    {
        auto hubDb = db::openCache(hubPath);
        test::requireSameRows(hubDb, client.db);
        alertsBefore = countWhere(hubDb, "SELECT count(*) FROM camera_alerts");
    }
    CHECK(countWhere(client.db, "SELECT count(*) FROM camera_alerts") > 1000);

    const auto created = editAlerts(client.db, 1500, 1000, "mạng chập chờn");
    CHECK(changes::pendingCount(client.db) == 2500);
    client.syncUntilDone(proxy.url());
    CHECK(changes::pendingCount(client.db) == 0);
    CHECK(countWhere(client.db, "SELECT count(*) FROM sync_rejected") == 0);
    {
        auto hubDb = db::openCache(hubPath);
        CHECK(countWhere(hubDb, "SELECT count(*) FROM camera_alerts") == alertsBefore + 1000);
        CHECK(
            countWhere(hubDb, "SELECT count(*) FROM camera_alerts WHERE note = 'mạng chập chờn'") ==
            1000);
        CHECK(countWhere(hubDb, "SELECT count(*) FROM camera_alerts WHERE note LIKE 'mạng chập "
                                "chờn %'") == 1500);
        // Each operation is recorded once, accepted once.
        CHECK(countWhere(hubDb, "SELECT count(*) FROM hub_ops WHERE status = 'accepted'") == 2500);
        test::requireSameRows(hubDb, client.db);
    }
    const auto& c = proxy.counts();
    MESSAGE("proxy: clean " << c.clean.load() << ", dropped " << c.dropped.load() << ", reset "
                            << c.reset.load() << ", delayed " << c.delayed.load() << ", 5xx "
                            << c.error5xx.load() << ", truncated " << c.truncated.load());
    CHECK(c.dropped + c.reset + c.error5xx + c.truncated > 5);
    CHECK(c.truncated > 0);
}

TEST_CASE("kill -9 of c175ctl sync during pull and during push, then a restart: same rows") {
    test::TempDir dir;
    const auto hubPath = dir.file("hub.db");
    test::seedSmallHub(hubPath);
    test::HubProcess hub(hubPath);
    hub.start();
    const auto clientPath = dir.file("c.db");
    auto watch = db::openCache(clientPath); // the test's own view of the client's cache

    // During pull: killed once the first page has committed, before the last.
    bool killedInPull = false;
    for (int attempt = 0; attempt < 4 && !killedInPull; ++attempt) {
        watch.exec("DELETE FROM sync_state WHERE key = 'cursor'");
        const pid_t pid = test::spawnCtlSync(clientPath, hub.url());
        while (test::exitedWith(pid) < 0) {
            const auto cursor =
                watch.scalarText("SELECT value FROM sync_state WHERE key = 'cursor'");
            if (cursor && std::stoll(*cursor) > 0) {
                kill(pid, SIGKILL);
                killedInPull = test::waitExit(pid) == 128;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    REQUIRE(killedInPull);
    {
        auto hubDb = db::openCache(hubPath);
        CHECK(countWhere(watch, "SELECT count(*) FROM camera_alerts") <
              countWhere(hubDb, "SELECT count(*) FROM camera_alerts") +
                  countWhere(hubDb, "SELECT count(*) FROM tipoffs") + 1);
    }
    CHECK(test::waitExit(test::spawnCtlSync(clientPath, hub.url())) == 0);
    {
        auto hubDb = db::openCache(hubPath);
        test::requireSameRows(hubDb, watch);
    }

    // During push: 4,000 changes in batches of 500; killed once some batch has been answered.
    std::int64_t alertsBefore = 0;
    {
        auto hubDb = db::openCache(hubPath);
        alertsBefore = countWhere(hubDb, "SELECT count(*) FROM camera_alerts");
    }
    editAlerts(watch, 3000, 1000, "mất điện");
    const std::int64_t pending = changes::pendingCount(watch);
    REQUIRE(pending == 4000);
    const pid_t pid = test::spawnCtlSync(clientPath, hub.url());
    bool killedInPush = false;
    while (test::exitedWith(pid) < 0) {
        const auto left = changes::pendingCount(watch);
        if (left < pending && left > 0) {
            kill(pid, SIGKILL);
            killedInPush = test::waitExit(pid) == 128;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(killedInPush);
    CHECK(changes::pendingCount(watch) > 0);
    CHECK(test::waitExit(test::spawnCtlSync(clientPath, hub.url())) == 0);
    CHECK(changes::pendingCount(watch) == 0);
    {
        auto hubDb = db::openCache(hubPath);
        CHECK(countWhere(hubDb, "SELECT count(*) FROM camera_alerts") == alertsBefore + 1000);
        CHECK(countWhere(hubDb, "SELECT count(*) FROM camera_alerts WHERE note LIKE 'mất điện%'") ==
              4000);
        CHECK(countWhere(hubDb, "SELECT count(*) FROM hub_ops WHERE status = 'accepted'") == 4000);
        test::requireSameRows(hubDb, watch);
    }
}
