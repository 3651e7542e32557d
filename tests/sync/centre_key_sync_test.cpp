// The centre key through sync: a console that starts empty gets the public and blind-index keys
// (so it can seal and index offline), only its own user's wrapped private key, and cannot change
// the centre key or another user's wrap at the hub.
#include "changes/change_capture.h"
#include "sync_helpers.h"
#include "tipoff/centre_keys.h"

#include <doctest/doctest.h>

using namespace c175;

namespace {

std::string blobHex(db::Database& db, const std::string& sql) {
    return db.scalarText("SELECT hex((" + sql + "))").value_or("");
}

} // namespace

TEST_CASE("the centre key reaches every console; each wrapped copy only its own user") {
    test::TempDir dir;
    const auto hubPath = dir.file("hub.db");
    test::seedSmallHub(hubPath);
    test::HubProcess hub(hubPath);
    hub.start();
    auto hubDb = db::openCache(hubPath);
    REQUIRE(tipoff::hasCentreKeys(hubDb));
    const std::string hubPublic = blobHex(hubDb, "SELECT public_key FROM tipoff_centre_key");
    REQUIRE(hubDb.scalarInt("SELECT count(*) FROM tipoff_key_wraps") >= 2);

    // The case officer's console: keys, its own wrap, and no one else's.
    test::SyncClient officer(dir.file("officer.db"));
    officer.syncOnce(hub.url(), "officer");
    CHECK(tipoff::hasCentreKeys(officer.db));
    CHECK(blobHex(officer.db, "SELECT public_key FROM tipoff_centre_key") == hubPublic);
    CHECK(blobHex(officer.db, "SELECT blind_key FROM tipoff_centre_key") ==
          blobHex(hubDb, "SELECT blind_key FROM tipoff_centre_key"));
    CHECK(officer.db.scalarInt("SELECT count(*) FROM tipoff_key_wraps") == 1);
    CHECK(tipoff::holdsCentreKey(officer.db, "officer"));
    CHECK_FALSE(tipoff::holdsCentreKey(officer.db, "admin"));

    // It seals offline, and opens with the officer's password what the hub's data sealed.
    const auto sealed = tipoff::sealReporter(officer.db, R"({"name":"Nguyễn Văn A"})");
    CHECK(tipoff::openReporter(officer.db, {"officer", test::demoPassword("officer")}, sealed) ==
          R"({"name":"Nguyễn Văn A"})");
    const auto seededBox = officer.db.scalarText(
        "SELECT hex(reporter_sealed) FROM tipoffs WHERE reporter_sealed IS NOT NULL LIMIT 1");
    if (seededBox) {
        db::Statement box(officer.db, "SELECT reporter_sealed FROM tipoffs WHERE reporter_sealed "
                                      "IS NOT NULL LIMIT 1");
        REQUIRE(box.step());
        const auto bytes = box.getBlob(0);
        CHECK_NOTHROW(
            tipoff::openReporter(officer.db, {"officer", test::demoPassword("officer")}, bytes));
    }
    // The blind indexes computed here match the hub's (same key).
    CHECK(tipoff::BlindIndexer(officer.db).digest("phone", "0912345678") ==
          tipoff::BlindIndexer(hubDb).digest("phone", "0912345678"));

    // An analyst (no reveal permission) gets the keys to read and index, and no wrap at all.
    test::SyncClient analyst(dir.file("analyst.db"));
    analyst.syncOnce(hub.url(), "analyst");
    CHECK(analyst.db.scalarInt("SELECT count(*) FROM tipoff_key_wraps") == 0);

    // The officer's console may not change the centre key nor write another user's wrap.
    {
        db::Transaction tx(officer.db);
        officer.db.exec("UPDATE tipoff_centre_key SET created_by = 'officer'");
        changes::recordUpsert(officer.db, "tipoff_centre_key", "1", R"({"created_by":"officer"})",
                              "user:officer");
        officer.db.exec("INSERT INTO tipoff_key_wraps(username, key_id, kdf, nonce, wrapped, "
                        "created_at, created_by) SELECT 'admin', key_id, kdf, nonce, wrapped, "
                        "created_at, created_by FROM tipoff_key_wraps WHERE username = 'officer'");
        changes::recordUpsert(
            officer.db, "tipoff_key_wraps", "admin",
            officer.db
                .scalarText("SELECT json_object('key_id', key_id, 'kdf', kdf, 'nonce', hex(nonce), "
                            "'wrapped', hex(wrapped), 'created_at', created_at, 'created_by', "
                            "created_by) FROM tipoff_key_wraps WHERE username = 'admin'")
                .value(),
            "user:officer");
        tx.commit();
    }
    const auto stats = officer.syncOnce(hub.url(), "officer");
    CHECK(stats.rejected == 2);
    CHECK(officer.db.scalarInt("SELECT count(*) FROM sync_rejected WHERE reason LIKE '%hub%' AND "
                               "entity = 'tipoff_centre_key'") == 1);
    CHECK(officer.db.scalarInt("SELECT count(*) FROM sync_rejected WHERE entity = "
                               "'tipoff_key_wraps' AND row_id = 'admin'") == 1);
    CHECK(blobHex(hubDb, "SELECT public_key FROM tipoff_centre_key") == hubPublic);
    CHECK(hubDb.scalarText("SELECT created_by FROM tipoff_centre_key").value() != "officer");
    CHECK(hubDb.scalarText("SELECT hex(wrapped) FROM tipoff_key_wraps WHERE username = 'admin'")
              .value() != officer.db
                              .scalarText("SELECT hex(wrapped) FROM tipoff_key_wraps WHERE "
                                          "username = 'officer'")
                              .value());
}
