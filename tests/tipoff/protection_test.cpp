// Reporter protection: the identity exists in the cache only as ciphertext, only a key holder's
// password opens it, reveals need the permission and a reason, and every attempt is audited.
#include "tipoff_fixture.h"

#include "audit/audit_log.h"
#include "auth/accounts.h"
#include "core/errors.h"
#include "tipoff/case_search.h"
#include "tipoff/crypto_box.h"
#include "tipoff/export.h"
#include "tipoff/reveal.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace c175;
using c175::test::TipoffWorld;

namespace {

const std::string kName = "Quách Thị Zéphyrine";
const std::string kCccd = "079304987651";
const std::string kPhone = "0978123456";

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

TEST_CASE("searching the cache file bytes for the reporter's identity finds nothing") {
    c175::test::TempDir dir;
    const std::string path = dir.file("cache.db");
    std::string id;
    {
        TipoffWorld w(path);
        // Blind indexes of the CCCD and phone are written too: they must not reveal them.
        const auto tip = tipoff::IntakeService(w.db).fileAs(
            "test", c175::test::identifiedTip(kName, kCccd, kPhone));
        id = tip.id;
        // Searching and exporting must not bring the identity out either.
        tipoff::CaseQuery q;
        q.text = "Đồng Xuân";
        CHECK(tipoff::searchCases(w.db, q).size() == 1);
        tipoff::exportCasesCsv(w.db, tipoff::CaseQuery{}, dir.file("cases.csv"));
        // Look while the WAL still holds the writes, then again after the checkpoint.
        for (const auto& f : {path, path + "-wal", dir.file("cases.csv")}) {
            const std::string bytes = fileBytes(f);
            CHECK_MESSAGE(bytes.find("Zéphyrine") == std::string::npos, f);
            CHECK_MESSAGE(bytes.find("Quách") == std::string::npos, f);
            CHECK_MESSAGE(bytes.find(kCccd) == std::string::npos, f);
            CHECK_MESSAGE(bytes.find(kPhone) == std::string::npos, f);
            CHECK_MESSAGE(bytes.find("+84978123456") == std::string::npos, f);
            CHECK_MESSAGE(bytes.find("Hàng Đào") == std::string::npos, f);
        }
    }
    const std::string bytes = fileBytes(path) + fileBytes(path + "-wal");
    CHECK(bytes.size() > 100000); // the cache was really written
    CHECK(bytes.find(kCccd) == std::string::npos);
    CHECK(bytes.find(kPhone) == std::string::npos);
    CHECK(bytes.find("Zéphyrine") == std::string::npos);

    // ... yet the holder of the key opens it.
    auto db = db::openCache(path);
    db::Statement q(db, "SELECT reporter_sealed FROM tipoffs WHERE id = ?");
    q.bind(1, id);
    REQUIRE(q.step());
    const auto json =
        tipoff::openReporter(db, {"officer", c175::test::kOfficerPassword}, q.getBlob(0));
    CHECK(json.find(kName) != std::string::npos);
    CHECK(json.find(kCccd) != std::string::npos);
}

TEST_CASE("reveal: permission, reason, password; every attempt audited") {
    TipoffWorld w;
    const auto tip =
        tipoff::IntakeService(w.db).fileAs("test", c175::test::identifiedTip(kName, kCccd, kPhone));
    auto auditCount = [&](const std::string& action) {
        return w.db.scalarInt("SELECT count(*) FROM audit_log WHERE action = '" + action + "'");
    };

    // An analyst sees lists but may not reveal.
    CHECK_THROWS_AS(tipoff::revealReporter(w.db, w.analyst, "whatever-pass", tip.id,
                                           "Cần liên hệ người báo tin"),
                    auth::AccessDenied);
    CHECK(auditCount("reveal_denied") == 1);

    // A reason must be typed.
    CHECK_THROWS_AS(
        tipoff::revealReporter(w.db, w.officer, c175::test::kOfficerPassword, tip.id, "vì"),
        core::ValidationError);

    // The wrong password does not open the key.
    CHECK_THROWS_AS(tipoff::revealReporter(w.db, w.officer, "Wrong#password1", tip.id,
                                           "Cần liên hệ người báo tin"),
                    tipoff::TipoffError);
    CHECK(auditCount("reveal_failed") == 1);

    // A case officer without a copy of the key cannot open it either.
    CHECK_THROWS_AS(tipoff::revealReporter(w.db, w.officer2, c175::test::kOfficerPassword, tip.id,
                                           "Cần liên hệ người báo tin"),
                    tipoff::TipoffError);
    CHECK(auditCount("reveal") == 0);

    const auto r = tipoff::revealReporter(w.db, w.officer, c175::test::kOfficerPassword, tip.id,
                                          "Cần liên hệ người báo tin để lấy lời khai");
    CHECK(r.name == kName);
    CHECK(r.cccd == kCccd);
    CHECK(r.phone == kPhone);
    CHECK(r.email == "nguoi.bao.tin@example.vn");
    CHECK_FALSE(r.shareWithAgencies);
    CHECK(auditCount("reveal") == 1);
    const auto entries = audit::AuditLog(w.db).recent(1);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].actor == "user:officer");
    CHECK(entries[0].entityId == tip.id);
    CHECK(entries[0].detail.find("lấy lời khai") != std::string::npos);
    CHECK(entries[0].detail.find(kCccd) == std::string::npos);
    // The admin holds a copy too.
    CHECK(tipoff::revealReporter(w.db, w.admin, c175::test::kAdminPassword, tip.id,
                                 "Kiểm tra theo yêu cầu lãnh đạo")
              .name == kName);
    CHECK(audit::AuditLog(w.db).verify().ok);

    // Nothing to reveal on an anonymous tip.
    const auto anon = tipoff::IntakeService(w.db).fileAs("test", c175::test::sampleTip());
    CHECK_THROWS_AS(tipoff::revealReporter(w.db, w.officer, c175::test::kOfficerPassword, anon.id,
                                           "Cần liên hệ người báo tin"),
                    tipoff::TipoffError);
}

TEST_CASE("key holders: grant, re-wrap after a password change, no second centre key") {
    TipoffWorld w;
    CHECK_FALSE(tipoff::holdsCentreKey(w.db, "officer2"));
    CHECK_THROWS_AS(tipoff::grantCentreKey(w.db, "test", {"officer", "Wrong#password1"},
                                           {"officer2", "Second#pass-175"}),
                    tipoff::TipoffError);
    tipoff::grantCentreKey(w.db, "test", {"officer", c175::test::kOfficerPassword},
                           {"officer2", "Second#pass-175"});
    CHECK(tipoff::holdsCentreKey(w.db, "officer2"));
    const auto sealed = tipoff::sealReporter(w.db, R"({"name":"X"})");
    CHECK(tipoff::openReporter(w.db, {"officer2", "Second#pass-175"}, sealed) == R"({"name":"X"})");
    tipoff::rewrapCentreKey(w.db, "test", "officer2", "Second#pass-175", "Changed#pass-175");
    CHECK_THROWS_AS(tipoff::openReporter(w.db, {"officer2", "Second#pass-175"}, sealed),
                    tipoff::TipoffError);
    CHECK(tipoff::openReporter(w.db, {"officer2", "Changed#pass-175"}, sealed) ==
          R"({"name":"X"})");
    CHECK_THROWS_AS(tipoff::createCentreKeys(w.db, "test", {}), tipoff::TipoffError);
    CHECK(w.db.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'grant_centre_key'") == 1);
}

TEST_CASE("sealed boxes: fresh per message, tamper-evident, bound to the centre key") {
    using namespace tipoff::crypto;
    const KeyPair centre = generateX25519();
    const KeyPair other = generateX25519();
    const Bytes a = seal(centre.publicKey, "bí mật", "ctx");
    const Bytes b = seal(centre.publicKey, "bí mật", "ctx");
    CHECK(a != b); // ephemeral key and nonce differ
    CHECK(open(centre.privateKey, a, "ctx") == "bí mật");
    CHECK_THROWS(open(other.privateKey, a, "ctx"));
    CHECK_THROWS(open(centre.privateKey, a, "other context"));
    Bytes tampered = a;
    tampered[tampered.size() - 20] ^= 1;
    CHECK_THROWS(open(centre.privateKey, tampered, "ctx"));
    CHECK_THROWS(open(centre.privateKey, Bytes(10, 0), "ctx"));
    CHECK(fromBase64(toBase64(Bytes{1, 2, 3, 4, 5})) == Bytes{1, 2, 3, 4, 5});
}

// Issue 5: a password change must not lose the reveal key; a reset removes the copy it can no
// longer open, says so, and a key holder grants it again.
TEST_CASE("password change keeps the reveal key; an admin reset removes it until granted again") {
    auto db = db::openCache(":memory:");
    auth::AccountService accounts(db);
    accounts.addUser("test", "canbo.an", "Cán bộ An", auth::Role::CaseOfficer, "An#password-175");
    accounts.addUser("test", "canbo.binh", "Cán bộ Bình", auth::Role::CaseOfficer,
                     "Binh#password-175");
    const auto anBefore = accounts.login("canbo.an", "An#password-175");
    accounts.addUser("test", "quantri", "Quản trị", auth::Role::Admin, "Admin#password-175");
    const auto adminSession = accounts.login("quantri", "Admin#password-175");
    tipoff::createCentreKeys(
        db, "test", {{"canbo.an", "An#password-175"}, {"canbo.binh", "Binh#password-175"}});
    const auto tip =
        tipoff::IntakeService(db).fileAs("test", c175::test::identifiedTip(kName, kCccd, kPhone));
    const std::string reason = "Cần liên hệ người báo tin để lấy lời khai";
    auto auditCount = [&](const std::string& action) {
        return db.scalarInt("SELECT count(*) FROM audit_log WHERE action = '" + action + "'");
    };

    // A wrong current password changes nothing.
    CHECK_THROWS_AS(accounts.changeOwnPassword(anBefore, "Wrong#password-1", "An#new-password-175"),
                    core::ValidationError);
    CHECK(accounts.login("canbo.an", "An#password-175").username == "canbo.an");

    // Changing one's own password re-wraps the copy in the same step.
    const auto changed =
        accounts.changeOwnPassword(anBefore, "An#password-175", "An#new-password-175");
    CHECK(changed.keyRewrapped);
    CHECK_FALSE(changed.keyRemoved);
    const auto an = accounts.login("canbo.an", "An#new-password-175");
    CHECK(tipoff::revealReporter(db, an, "An#new-password-175", tip.id, reason).name == kName);
    CHECK_THROWS_AS(tipoff::revealReporter(db, an, "An#password-175", tip.id, reason),
                    tipoff::TipoffError);
    CHECK(auditCount("rewrap_centre_key") == 1);

    // An administrator resets Bình's password: the old one is unknown, the copy is removed.
    const auto reset = accounts.setPassword(adminSession, "canbo.binh", "Binh#reset-pass-175");
    CHECK(reset.keyRemoved);
    CHECK_FALSE(reset.keyRewrapped);
    CHECK(reset.message.find("canbo.binh") != std::string::npos);
    CHECK(reset.message.find("grant-key") != std::string::npos);
    CHECK_FALSE(tipoff::holdsCentreKey(db, "canbo.binh"));
    CHECK(auditCount("revoke_centre_key") == 1);
    const auto binh = accounts.login("canbo.binh", "Binh#reset-pass-175");
    CHECK_THROWS_WITH_AS(tipoff::revealReporter(db, binh, "Binh#reset-pass-175", tip.id, reason),
                         doctest::Contains("holds no copy of the centre key"), tipoff::TipoffError);

    // An's copy is untouched by the reset; An grants Bình again under Bình's new password.
    tipoff::grantCentreKey(db, an.actor(), {"canbo.an", "An#new-password-175"},
                           {"canbo.binh", "Binh#reset-pass-175"});
    CHECK(tipoff::revealReporter(db, binh, "Binh#reset-pass-175", tip.id, reason).cccd == kCccd);

    // A reset of someone without a copy says nothing about keys.
    const auto plain = accounts.setPassword("test", "quantri", "Admin#changed-175");
    CHECK_FALSE(plain.keyRemoved);
    CHECK(plain.message.empty());
    CHECK(audit::AuditLog(db).verify().ok);
}
