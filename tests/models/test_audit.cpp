// The hash-chained audit log: appending, transactions, and detecting tampering.
#include "audit/audit_log.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace c175;

namespace {

void appendFive(audit::AuditLog& log) {
    log.append("os:root", "user_create", "user", "u1", "username=lan");
    log.append("user:lan", "login", "user", "u1");
    log.append("user:lan", "reveal", "tipoff", "t42", "reason=court order");
    log.append("user:lan", "update", "tipoff", "t42", "status=closed");
    log.append("os:root", "user_disable", "user", "u1");
}

// What an attacker with the file can do: the append-only triggers go first.
void dropTriggers(db::Database& db) {
    db.exec("DROP TRIGGER audit_log_no_update");
    db.exec("DROP TRIGGER audit_log_no_delete");
}

} // namespace

TEST_CASE("an empty log is intact") {
    auto db = test::memoryCache();
    const auto r = audit::AuditLog(db).verify();
    CHECK(r.ok);
    CHECK(r.entries == 0);
    CHECK(r.problem.empty());
}

TEST_CASE("entries chain by hash and move the head") {
    auto db = test::memoryCache();
    audit::AuditLog log(db);
    CHECK(log.append("os:root", "user_create", "user", "u1") == 1);
    CHECK(log.append("user:lan", "login") == 2);
    const auto entries = log.recent(10);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].seq == 2); // newest first
    CHECK(entries[1].prevHash == audit::AuditLog::genesisHash());
    CHECK(entries[0].prevHash == entries[1].hash);
    CHECK(entries[0].hash.size() == 64);
    for (const auto& e : entries)
        CHECK(audit::AuditLog::computeHash(e) == e.hash);
    CHECK(db.scalarInt("SELECT seq FROM audit_head") == 2);
    CHECK(db.scalarText("SELECT hash FROM audit_head") == entries[0].hash);
    CHECK(log.recent(10, 2).size() == 1);
    const auto r = log.verify();
    CHECK(r.ok);
    CHECK(r.entries == 2);
}

TEST_CASE("the encoding keeps field boundaries") {
    audit::Entry a;
    a.seq = 1;
    a.at = "2026-01-01T00:00:00Z";
    a.actor = "ab";
    a.action = "c";
    a.prevHash = audit::AuditLog::genesisHash();
    audit::Entry b = a;
    b.actor = "a";
    b.action = "bc";
    CHECK(audit::AuditLog::computeHash(a) != audit::AuditLog::computeHash(b));
    audit::Entry c = a;
    c.seq = 11;
    CHECK(audit::AuditLog::computeHash(a) != audit::AuditLog::computeHash(c));
}

TEST_CASE("append joins the caller's transaction") {
    auto db = test::memoryCache();
    audit::AuditLog log(db);
    {
        db::Transaction tx(db);
        log.append("os:root", "update", "kiosk", "k1");
        CHECK(db.inTransaction());
        // No commit: the change and its entry roll back together.
    }
    CHECK(log.count() == 0);
    CHECK(db.scalarInt("SELECT count(*) FROM audit_head") == 0);
    {
        db::Transaction tx(db);
        log.append("os:root", "update", "kiosk", "k1");
        tx.commit();
    }
    CHECK(log.count() == 1);
    CHECK(log.verify().ok);
}

TEST_CASE("the schema forbids changing or deleting entries") {
    auto db = test::memoryCache();
    audit::AuditLog log(db);
    appendFive(log);
    CHECK_THROWS_AS(db.exec("UPDATE audit_log SET detail = 'x' WHERE seq = 3"), db::DbError);
    CHECK_THROWS_AS(db.exec("DELETE FROM audit_log WHERE seq = 5"), db::DbError);
    CHECK(log.verify().ok);
}

TEST_CASE("verify names the first changed entry") {
    auto db = test::memoryCache();
    audit::AuditLog log(db);
    appendFive(log);
    dropTriggers(db);
    db.exec("UPDATE audit_log SET detail = 'reason=curiosity' WHERE seq = 3");
    const auto r = log.verify();
    CHECK_FALSE(r.ok);
    CHECK(r.firstBadSeq == 3);
    CHECK(r.problem.find("3") != std::string::npos);
    CHECK(r.problem.find("changed") != std::string::npos);
}

TEST_CASE("a changed entry with a recomputed hash breaks the next link") {
    auto db = test::memoryCache();
    audit::AuditLog log(db);
    appendFive(log);
    dropTriggers(db);
    auto e = log.recent(1, 4).at(0); // seq 3
    REQUIRE(e.seq == 3);
    e.detail = "reason=curiosity";
    e.hash = audit::AuditLog::computeHash(e);
    db::Statement(db, "UPDATE audit_log SET detail = ?, hash = ? WHERE seq = 3")
        .bindAll(e.detail, e.hash)
        .run();
    const auto r = log.verify();
    CHECK_FALSE(r.ok);
    CHECK(r.firstBadSeq == 4);
}

TEST_CASE("verify finds a removed entry in the middle") {
    auto db = test::memoryCache();
    audit::AuditLog log(db);
    appendFive(log);
    dropTriggers(db);
    db.exec("DELETE FROM audit_log WHERE seq = 2");
    const auto r = log.verify();
    CHECK_FALSE(r.ok);
    CHECK(r.firstBadSeq == 2);
    CHECK(r.problem.find("missing") != std::string::npos);
}

TEST_CASE("verify finds entries cut off the end") {
    auto db = test::memoryCache();
    audit::AuditLog log(db);
    appendFive(log);
    dropTriggers(db);
    db.exec("DELETE FROM audit_log WHERE seq >= 4");
    const auto r = log.verify();
    CHECK_FALSE(r.ok);
    CHECK(r.entries == 3);
    CHECK(r.firstBadSeq == 4);

    // Moving the head's seq back is not enough: its hash still names entry 5.
    db.exec("UPDATE audit_head SET seq = 3");
    const auto r2 = log.verify();
    CHECK_FALSE(r2.ok);
    CHECK(r2.firstBadSeq == 3);
}

TEST_CASE("verify finds reordered entries") {
    auto db = test::memoryCache();
    audit::AuditLog log(db);
    appendFive(log);
    dropTriggers(db);
    // Swap the contents of entries 2 and 3, keeping the seq numbers in order.
    db.exec("UPDATE audit_log SET seq = -2 WHERE seq = 2");
    db.exec("UPDATE audit_log SET seq = 2 WHERE seq = 3");
    db.exec("UPDATE audit_log SET seq = 3 WHERE seq = -2");
    const auto r = log.verify();
    CHECK_FALSE(r.ok);
    CHECK(r.firstBadSeq == 2);
}

TEST_CASE("verify finds a removed head and works on a real file") {
    test::TempDir dir;
    const auto path = dir.file("audit.c175");
    {
        auto db = db::openCache(path);
        audit::AuditLog log(db);
        appendFive(log);
        CHECK(log.verify().ok);
    }
    auto db = db::openCache(path);
    audit::AuditLog log(db);
    CHECK(log.verify().entries == 5);
    db.exec("DELETE FROM audit_head");
    const auto r = log.verify();
    CHECK_FALSE(r.ok);
    CHECK(r.firstBadSeq == 1);
}
