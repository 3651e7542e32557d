// Change capture: outbox entries, HLC order, base capture for the three-way merge.
#include "changes/change_capture.h"
#include "core/errors.h"
#include "db/database.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

using namespace c175;

namespace {

void insertKiosk(db::Database& db, const std::string& id, std::int64_t rev = 0) {
    db::Statement q(db, "INSERT INTO kiosks(id, code, name, province_code, lat, lon, installed_on, "
                        "status, rev) VALUES (?, ?, 'Kiosk', '01', 21.0, 105.8, '2025-01-01', "
                        "'online', ?)");
    q.bindAll(id, "KIOSK-" + id, rev);
    q.run();
}

} // namespace

TEST_CASE("recordUpsert writes the outbox entry and stamps the row in the edit's transaction") {
    auto db = test::memoryCache();
    {
        db::Transaction tx(db);
        insertKiosk(db, "k1");
        const auto opId = changes::recordUpsert(db, "kiosks", "k1", R"({"name":"Kiosk"})", "alice");
        CHECK(opId.size() == 36);
        tx.commit();
    }
    CHECK(changes::pendingCount(db) == 1);
    CHECK(db.scalarText("SELECT updated_by FROM kiosks WHERE id='k1'").value() == "alice");
    const auto hlc = db.scalarText("SELECT updated_at FROM kiosks WHERE id='k1'").value();
    CHECK(db.scalarText("SELECT hlc FROM sync_outbox").value() == hlc);
    CHECK(db.scalarText("SELECT payload FROM sync_outbox").value() == R"({"name":"Kiosk"})");

    // A rolled-back edit leaves no outbox entry behind.
    {
        db::Transaction tx(db);
        db.exec("UPDATE kiosks SET name = 'X' WHERE id = 'k1'");
        changes::recordUpsert(db, "kiosks", "k1", R"({"name":"X"})", "alice");
    }
    CHECK(changes::pendingCount(db) == 1);
    CHECK(db.scalarText("SELECT name FROM kiosks").value() == "Kiosk");
}

TEST_CASE("recordUpsert refuses bad input and work outside a transaction") {
    auto db = test::memoryCache();
    insertKiosk(db, "k1");
    CHECK_THROWS_AS(changes::recordUpsert(db, "kiosks", "k1", "{}", "a"), std::logic_error);
    db::Transaction tx(db);
    CHECK_THROWS_AS(changes::recordUpsert(db, "nope", "k1", "{}", "a"), core::ValidationError);
    CHECK_THROWS_AS(changes::recordUpsert(db, "users", "k1", "{}", "a"), core::ValidationError);
    CHECK_THROWS_AS(changes::recordUpsert(db, "kiosks", "k1", "[1]", "a"), core::ValidationError);
    CHECK_THROWS_AS(changes::recordUpsert(db, "kiosks", "k1", "{bad", "a"), core::ValidationError);
    CHECK_THROWS_AS(changes::recordUpsert(db, "kiosks", "k1", R"({"colour":1})", "a"),
                    core::ValidationError);
    CHECK_THROWS_AS(changes::recordUpsert(db, "kiosks", "k1", R"({"rev":9})", "a"),
                    core::ValidationError);
    CHECK_THROWS_AS(changes::recordUpsert(db, "kiosks", "missing", "{}", "a"),
                    core::ValidationError);
    try {
        changes::recordUpsert(db, "kiosks", "k1", R"({"colour":1})", "a");
    } catch (const core::ValidationError& e) {
        CHECK(e.field() == "fields");
        CHECK(std::string(e.what()).find("colour") != std::string::npos);
    }
}

TEST_CASE("recordDelete leaves a tombstone") {
    auto db = test::memoryCache();
    db::Transaction tx(db);
    insertKiosk(db, "k1", 4);
    changes::recordDelete(db, "kiosks", "k1", "bob");
    tx.commit();
    CHECK(db.scalarInt("SELECT deleted FROM kiosks") == 1);
    CHECK(db.scalarText("SELECT op FROM sync_outbox").value() == "delete");
    CHECK(db.scalarInt("SELECT base_rev FROM sync_outbox") == 4);
}

TEST_CASE("the hybrid logical clock only moves forward, past observed values too") {
    auto db = test::memoryCache();
    std::string prev = changes::nextHlc(db);
    for (int i = 0; i < 2000; ++i) {
        const auto next = changes::nextHlc(db);
        REQUIRE(next > prev);
        prev = next;
    }
    changes::observeHlc(db, "9999999999999.00007.abcdef01");
    const auto after = changes::nextHlc(db);
    CHECK(after.substr(0, 19) == "9999999999999.00008");
    changes::observeHlc(db, "garbage");
    CHECK(changes::nextHlc(db) > after);
}

TEST_CASE("capture triggers keep the row as it was at its synced rev, once") {
    auto db = test::memoryCache();
    const auto entities = changes::syncedEntities(db);
    CHECK(entities.size() >= 19);
    CHECK(std::find(entities.begin(), entities.end(), "tipoffs") != entities.end());
    CHECK(std::find(entities.begin(), entities.end(), "users") == entities.end());
    changes::installCaptureTriggers(db);
    insertKiosk(db, "k1", 7);
    insertKiosk(db, "k2", 0);
    db.exec("UPDATE kiosks SET name = 'First' WHERE id = 'k1'");
    db.exec("UPDATE kiosks SET name = 'Second' WHERE id = 'k1'");
    db.exec("UPDATE kiosks SET name = 'Local' WHERE id = 'k2'");
    CHECK(db.scalarInt("SELECT count(*) FROM sync_base") == 1);
    CHECK(db.scalarText("SELECT json_extract(json, '$.name') FROM sync_base").value() == "Kiosk");
    CHECK(db.scalarInt("SELECT rev FROM sync_base") == 7);
    // No capture while the engine applies pulled rows.
    db.exec("INSERT INTO sync_state(key, value) VALUES ('capture_off', '1')");
    db.exec("DELETE FROM sync_base");
    db.exec("UPDATE kiosks SET name = 'Pulled' WHERE id = 'k1'");
    CHECK(db.scalarInt("SELECT count(*) FROM sync_base") == 0);
}
