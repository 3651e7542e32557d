// Round trip with a real c175-hub: pull every entity, push edits, replays, conflicts, scope.
#include "auth/accounts.h"
#include "changes/change_capture.h"
#include "core/errors.h"
#include "core/ids.h"
#include "core/progress.h"
#include "engine/conflicts.h"
#include "engine/sync_engine.h"
#include "seed/seed.h"
#include "sync_helpers.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

using namespace c175;

namespace {

struct Client {
    explicit Client(const std::string& path) : db(db::openCache(path)) {}
    db::Database db;
    sync::SyncStats sync(const std::string& url, const std::string& user, const std::string& pw) {
        sync::HubClient hub(url);
        hub.login(user, pw);
        sync::SyncEngine engine(db, hub);
        core::NoProgress none;
        return engine.runOnce(none);
    }
};

void requireSameAsHub(db::Database& hub, db::Database& client, bool welfare = true) {
    sync::Schema schema(hub);
    for (const auto& e : schema.all()) {
        if (!welfare && (e.name == "households" || e.name == "beneficiaries" ||
                         e.name == "applications" || e.name == "programmes"))
            continue;
        INFO("entity " << e.name);
        CHECK(test::dumpEntity(hub, e) == test::dumpEntity(client, e));
    }
}

std::string firstId(db::Database& db, const std::string& sql) {
    return db.scalarText(sql).value();
}

} // namespace

TEST_CASE("round trip with a real hub: pull every entity, push edits once, merge, conflicts") {
    test::TempDir dir;
    const auto hubPath = dir.file("hub.db");
    test::seedSmallHub(hubPath);
    test::HubProcess hub(hubPath);
    hub.start();

    Client a(dir.file("a.db")), b(dir.file("b.db"));
    auto stats = a.sync(hub.url(), "admin", test::demoPassword("admin"));
    CHECK(stats.pushComplete);
    CHECK(stats.pullComplete);
    CHECK(stats.pulled > 10000);
    {
        auto hubDb = db::openCache(hubPath);
        requireSameAsHub(hubDb, a.db);
    }

    // A new tip-off and a status change on client a go up; b pulls them.
    const std::string tipId =
        firstId(a.db, "SELECT id FROM tipoffs WHERE status = 'received' ORDER BY id LIMIT 1");
    const std::string newId = core::newUuidV7();
    {
        db::Transaction tx(a.db);
        db::Statement ins(
            a.db, "INSERT INTO tipoffs(id, code, crime_type, description, received_at, channel) "
                  "VALUES (?, 'TG-2026-999999', 'drugs', 'Mua bán ma tuý ở chợ', "
                  "'2026-12-01T08:00:00Z', 'hotline')");
        ins.bind(1, newId);
        ins.run();
        changes::recordUpsert(
            a.db, "tipoffs", newId,
            R"({"code":"TG-2026-999999","crime_type":"drugs","description":"Mua bán ma tuý ở chợ","received_at":"2026-12-01T08:00:00Z","channel":"hotline"})",
            "admin");
        db::Statement upd(a.db, "UPDATE tipoffs SET status = 'verifying' WHERE id = ?");
        upd.bind(1, tipId);
        upd.run();
        changes::recordUpsert(a.db, "tipoffs", tipId, R"({"status":"verifying"})", "admin");
        tx.commit();
    }
    stats = a.sync(hub.url(), "admin", test::demoPassword("admin"));
    CHECK(stats.accepted == 2);
    CHECK(changes::pendingCount(a.db) == 0);
    b.sync(hub.url(), "admin", test::demoPassword("admin"));
    CHECK(b.db.scalarText("SELECT status FROM tipoffs WHERE id = '" + tipId + "'").value() ==
          "verifying");
    CHECK(b.db.scalarText("SELECT description FROM tipoffs WHERE id = '" + newId + "'").value() ==
          "Mua bán ma tuý ở chợ");
    {
        auto hubDb = db::openCache(hubPath);
        requireSameAsHub(hubDb, a.db);
        requireSameAsHub(hubDb, b.db);
    }

    // Different fields merge; the same field becomes a conflict a person resolves.
    auto edit = [](Client& c, const std::string& id, const std::string& col,
                   const std::string& value) {
        db::Transaction tx(c.db);
        db::Statement u(c.db, "UPDATE tipoffs SET " + col + " = ? WHERE id = ?");
        u.bindAll(value, id);
        u.run();
        changes::recordUpsert(c.db, "tipoffs", id, "{\"" + col + "\":\"" + value + "\"}", "admin");
        tx.commit();
    };
    edit(a, tipId, "address", "12 Hàng Bạc");
    edit(b, tipId, "subtype", "buôn bán");
    edit(a, tipId, "assignee", "officer");
    edit(b, tipId, "assignee", "admin");
    a.sync(hub.url(), "admin", test::demoPassword("admin"));
    stats = b.sync(hub.url(), "admin", test::demoPassword("admin"));
    CHECK(stats.conflicts == 1);
    auto conflicts = sync::listConflicts(b.db);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].field == "assignee");
    CHECK(conflicts[0].mine == "\"admin\"");
    CHECK(conflicts[0].theirs == "\"officer\"");
    CHECK(b.db.scalarText("SELECT address FROM tipoffs WHERE id = '" + tipId + "'").value() ==
          "12 Hàng Bạc");
    CHECK_THROWS_AS(
        sync::resolveConflict(b.db, conflicts[0].id, sync::Decision::Edited, "not json", "admin"),
        core::ValidationError);
    sync::resolveConflict(b.db, conflicts[0].id, sync::Decision::Edited, "\"reviewer\"", "admin");
    CHECK(sync::openConflictCount(b.db) == 0);
    CHECK(b.db.scalarInt(
              "SELECT count(*) FROM audit_log WHERE action = 'sync_conflict_resolved'") == 1);
    b.sync(hub.url(), "admin", test::demoPassword("admin"));
    a.sync(hub.url(), "admin", test::demoPassword("admin"));
    {
        auto hubDb = db::openCache(hubPath);
        CHECK(hubDb
                  .scalarText("SELECT assignee || '/' || subtype || '/' || address FROM tipoffs "
                              "WHERE id = '" +
                              tipId + "'")
                  .value() == "reviewer/buôn bán/12 Hàng Bạc");
        requireSameAsHub(hubDb, a.db);
        requireSameAsHub(hubDb, b.db);
    }

    // A case closed at the hub is not reopened by a stale edit: it becomes a conflict.
    {
        auto hubDb = db::openCache(hubPath);
        (void)hubDb;
    }
    edit(a, tipId, "status", "closed");
    a.sync(hub.url(), "admin", test::demoPassword("admin"));
    edit(b, tipId, "status", "investigating");
    stats = b.sync(hub.url(), "admin", test::demoPassword("admin"));
    CHECK(stats.conflicts == 1);
    {
        auto hubDb = db::openCache(hubPath);
        CHECK(hubDb.scalarText("SELECT status FROM tipoffs WHERE id = '" + tipId + "'").value() ==
              "closed");
    }
    conflicts = sync::listConflicts(b.db);
    REQUIRE(conflicts.size() == 1);
    sync::resolveConflict(b.db, conflicts[0].id, sync::Decision::Theirs, "", "admin");
    b.sync(hub.url(), "admin", test::demoPassword("admin"));
    {
        auto hubDb = db::openCache(hubPath);
        requireSameAsHub(hubDb, b.db);
    }
}

TEST_CASE("role scope: a case officer pulls no welfare rows; an operator cannot change a tip-off") {
    test::TempDir dir;
    const auto hubPath = dir.file("hub.db");
    test::seedSmallHub(hubPath);
    test::HubProcess hub(hubPath);
    hub.start();
    Client officer(dir.file("o.db"));
    officer.sync(hub.url(), "officer", test::demoPassword("officer"));
    CHECK(officer.db.scalarInt("SELECT count(*) FROM beneficiaries") == 0);
    CHECK(officer.db.scalarInt("SELECT count(*) FROM applications") == 0);
    CHECK(officer.db.scalarInt("SELECT count(*) FROM tipoffs") > 0);

    // An operator's cache holds a tip-off row (copied in) and tries to push a status change.
    Client op(dir.file("op.db"));
    op.sync(hub.url(), "operator", test::demoPassword("operator"));
    CHECK(op.db.scalarInt("SELECT count(*) FROM tipoffs") == 0);
    const std::string tipId = officer.db.scalarText("SELECT id FROM tipoffs LIMIT 1").value();
    {
        sync::Schema schema(officer.db);
        sync::RowStore from(officer.db, schema);
        sync::RowStore to(op.db, schema);
        sync::Values row;
        REQUIRE(from.read(*schema.find("tipoffs"), tipId, row));
        op.db.exec("PRAGMA foreign_keys = OFF");
        to.write(*schema.find("tipoffs"), row);
        db::Transaction tx(op.db);
        op.db.exec("UPDATE tipoffs SET status = 'closed' WHERE id = '" + tipId + "'");
        changes::recordUpsert(op.db, "tipoffs", tipId, R"({"status":"closed"})", "operator");
        tx.commit();
    }
    const auto stats = op.sync(hub.url(), "operator", test::demoPassword("operator"));
    CHECK(stats.rejected == 1);
    CHECK(op.db.scalarInt("SELECT count(*) FROM sync_rejected") == 1);
    CHECK(op.db.scalarText("SELECT reason FROM sync_rejected").value().find("status") !=
          std::string::npos);
    auto hubDb = db::openCache(hubPath);
    CHECK(hubDb.scalarText("SELECT status FROM tipoffs WHERE id = '" + tipId + "'").value() !=
          "closed");
}
