// Roles, passwords, accounts and sign-in lockout, all without a GUI.
#include "audit/audit_log.h"
#include "auth/accounts.h"
#include "auth/password.h"
#include "auth/roles.h"
#include "core/errors.h"
#include "core/ids.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <regex>

using namespace c175;
using auth::Permission;
using auth::Role;

namespace {

auth::Session sessionFor(Role role, const std::string& username = "someone") {
    auth::Session s;
    s.userId = "u-" + username;
    s.username = username;
    s.displayName = username;
    s.role = role;
    return s;
}

std::string storedHash(db::Database& db, const std::string& username) {
    db::Statement st(db, "SELECT password_hash FROM users WHERE username = ?");
    st.bind(1, username);
    REQUIRE(st.step());
    return st.getText(0);
}

std::int64_t auditCount(db::Database& db, const std::string& action) {
    db::Statement st(db, "SELECT count(*) FROM audit_log WHERE action = ?");
    st.bind(1, action);
    st.step();
    return st.getInt64(0);
}

// A clock the test moves by hand.
struct FakeClock {
    std::chrono::system_clock::time_point now =
        std::chrono::system_clock::time_point{} + std::chrono::seconds(1'800'000'000);
    auth::Clock clock() {
        return [this] { return now; };
    }
};

const std::string kGood = "đúng-mật-khẩu-2026";

} // namespace

TEST_CASE("role names round-trip and unknown names are refused") {
    CHECK(auth::allRoles().size() == 6);
    for (Role r : auth::allRoles()) {
        CHECK(auth::parseRole(auth::roleName(r)) == r);
        CHECK_FALSE(auth::roleLabel(r).empty());
    }
    CHECK(auth::roleName(Role::CaseOfficer) == "case_officer");
    CHECK(auth::roleName(Role::WelfareApprover) == "welfare_approver");
    CHECK(auth::roleLabel(Role::CaseOfficer) == "Case officer");
    CHECK_FALSE(auth::parseRole("superuser"));
    CHECK_FALSE(auth::parseRole("Admin"));
    CHECK_FALSE(auth::parseRole(""));
}

TEST_CASE("the permission matrix") {
    for (Permission p : auth::allPermissions()) {
        CHECK(auth::roleHas(Role::Admin, p));
        CHECK_FALSE(auth::permissionName(p).empty());
    }
    for (Role r : auth::allRoles())
        CHECK(auth::roleHas(r, Permission::Sync));

    CHECK(auth::roleHas(Role::Operator, Permission::ManageKiosks));
    CHECK(auth::roleHas(Role::Operator, Permission::TriageCameraAlerts));
    CHECK_FALSE(auth::roleHas(Role::Operator, Permission::ViewTipoffs));
    CHECK_FALSE(auth::roleHas(Role::Operator, Permission::ManageUsers));

    CHECK(auth::roleHas(Role::CaseOfficer, Permission::RevealReporter));
    CHECK(auth::roleHas(Role::CaseOfficer, Permission::AssignTipoffs));
    CHECK_FALSE(auth::roleHas(Role::CaseOfficer, Permission::ViewWelfare));

    CHECK(auth::roleHas(Role::WelfareReviewer, Permission::ReviewWelfare));
    CHECK_FALSE(auth::roleHas(Role::WelfareReviewer, Permission::ApproveWelfare));
    CHECK(auth::roleHas(Role::WelfareApprover, Permission::ApproveWelfare));
    CHECK_FALSE(auth::roleHas(Role::WelfareApprover, Permission::ReviewWelfare));

    CHECK(auth::roleHas(Role::Analyst, Permission::ViewStatistics));
    CHECK(auth::roleHas(Role::Analyst, Permission::ViewTipoffs));
    CHECK(auth::roleHas(Role::Analyst, Permission::ViewTourism));
    CHECK_FALSE(auth::roleHas(Role::Analyst, Permission::RevealReporter));
    CHECK_FALSE(auth::roleHas(Role::Analyst, Permission::WorkTipoffs));
    CHECK_FALSE(auth::roleHas(Role::Analyst, Permission::ViewWelfare));
    CHECK_FALSE(auth::roleHas(Role::Analyst, Permission::ReviewWelfare));
    CHECK_FALSE(auth::roleHas(Role::Analyst, Permission::ManageKiosks));

    // Only the administrator manages users and verifies the audit log.
    for (Role r : auth::allRoles()) {
        CHECK(auth::roleHas(r, Permission::ManageUsers) == (r == Role::Admin));
        CHECK(auth::roleHas(r, Permission::VerifyAudit) == (r == Role::Admin));
    }
}

TEST_CASE("require throws AccessDenied naming the user, role and permission") {
    const auto analyst = sessionFor(Role::Analyst, "lan.analyst");
    CHECK_NOTHROW(auth::require(analyst, Permission::ViewMap));
    try {
        auth::require(analyst, Permission::RevealReporter);
        FAIL("require did not throw");
    } catch (const auth::AccessDenied& e) {
        const std::string msg = e.what();
        CHECK(e.permission() == Permission::RevealReporter);
        CHECK(e.username() == "lan.analyst");
        CHECK(msg.find("lan.analyst") != std::string::npos);
        CHECK(msg.find("Analyst") != std::string::npos);
        CHECK(msg.find("reveal a reporter's identity") != std::string::npos);
    }
}

TEST_CASE("password hashes are salted scrypt in the documented format") {
    const std::string a = auth::hashPassword(kGood);
    const std::string b = auth::hashPassword(kGood);
    const std::regex format(R"(scrypt\$15\$8\$3\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=)");
    CHECK(std::regex_match(a, format));
    CHECK(a != b); // a fresh salt each time
    CHECK(auth::verifyPassword(kGood, a));
    CHECK(auth::verifyPassword(kGood, b));
    CHECK_FALSE(auth::verifyPassword("đúng-mật-khẩu-2027", a));
    CHECK_FALSE(auth::verifyPassword("", a));

    // A changed key, a changed parameter and malformed text are all refused.
    std::string tampered = a;
    tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
    CHECK_FALSE(auth::verifyPassword(kGood, tampered));
    std::string otherR = a;
    otherR.replace(otherR.find("$8$"), 3, "$4$");
    CHECK_FALSE(auth::verifyPassword(kGood, otherR));
    CHECK_FALSE(auth::verifyPassword(kGood, ""));
    CHECK_FALSE(auth::verifyPassword(kGood, "scrypt$15$8$3$abc$def"));
    CHECK_FALSE(auth::verifyPassword(kGood, "pbkdf2$1$1$1$AAAA$AAAA"));
    // A forged hash asking for absurd work is refused without trying it.
    std::string huge = a;
    huge.replace(0, 9, "scrypt$40");
    CHECK_FALSE(auth::verifyPassword(kGood, huge));
}

TEST_CASE("the password policy asks for at least 10 characters") {
    CHECK_NOTHROW(auth::checkPasswordPolicy("0123456789"));
    CHECK_NOTHROW(auth::checkPasswordPolicy("mậtkhẩu123")); // 10 characters, more bytes
    try {
        auth::checkPasswordPolicy("ậậậậậậậậậ"); // 9 characters in 27 bytes
        FAIL("a 9-character password was accepted");
    } catch (const core::ValidationError& e) {
        CHECK(e.field() == "password");
        CHECK(std::string(e.what()).find("10") != std::string::npos);
    }
    CHECK_THROWS_AS(auth::checkPasswordPolicy(""), core::ValidationError);
}

TEST_CASE("adding users validates names and audits the change") {
    auto db = test::memoryCache();
    auth::AccountService accounts(db);
    const auto u = accounts.addUser("os:tester", "lan.nguyen", "Nguyễn Thị Lan", Role::CaseOfficer,
                                    kGood, std::string("79"));
    CHECK(u.username == "lan.nguyen");
    CHECK(u.id.size() == 36);
    const auto found = accounts.find("LAN.NGUYEN");
    REQUIRE(found);
    CHECK(found->displayName == "Nguyễn Thị Lan");
    CHECK(found->role == Role::CaseOfficer);
    CHECK(found->provinceCode == "79");
    CHECK_FALSE(found->disabled);
    CHECK(auth::verifyPassword(kGood, storedHash(db, "lan.nguyen")));

    db::Statement st(db, "SELECT actor, action, entity_id FROM audit_log ORDER BY seq DESC");
    REQUIRE(st.step());
    CHECK(st.getText(0) == "os:tester");
    CHECK(st.getText(1) == "user_create");
    CHECK(st.getText(2) == u.id);

    const auto before = db.scalarInt("SELECT count(*) FROM users");
    const auto auditBefore = audit::AuditLog(db).count();
    auto expectField = [&](const std::string& field, auto&& call) {
        try {
            call();
            FAIL("bad input was accepted");
        } catch (const core::ValidationError& e) {
            CHECK(e.field() == field);
        }
    };
    expectField("username", [&] { accounts.addUser("os:t", "ab", "X", Role::Admin, kGood); });
    expectField("username",
                [&] { accounts.addUser("os:t", std::string(33, 'a'), "X", Role::Admin, kGood); });
    expectField("username", [&] { accounts.addUser("os:t", "Lan", "X", Role::Admin, kGood); });
    expectField("username",
                [&] { accounts.addUser("os:t", "lan nguyen", "X", Role::Admin, kGood); });
    expectField("username",
                [&] { accounts.addUser("os:t", "lan.nguyen", "X", Role::Admin, kGood); });
    expectField("password",
                [&] { accounts.addUser("os:t", "minh", "Minh", Role::Admin, "short"); });
    expectField("display_name",
                [&] { accounts.addUser("os:t", "minh", "  ", Role::Admin, kGood); });
    expectField("province",
                [&] { accounts.addUser("os:t", "minh", "Minh", Role::Admin, kGood, "7"); });
    CHECK(db.scalarInt("SELECT count(*) FROM users") == before);
    CHECK(audit::AuditLog(db).count() == auditBefore);
    CHECK_NOTHROW(accounts.addUser("os:t", "a.b_c-9", "Ok", Role::Analyst, kGood));
}

TEST_CASE("a role without ManageUsers cannot change accounts, and nothing is written") {
    auto db = test::memoryCache();
    auth::AccountService accounts(db);
    accounts.addUser("os:tester", "tuan", "Trần Văn Tuấn", Role::Operator, kGood);
    const std::string hashBefore = storedHash(db, "tuan");
    const auto users = db.scalarInt("SELECT count(*) FROM users");
    const auto entries = audit::AuditLog(db).count();

    for (Role r : auth::allRoles()) {
        if (r == Role::Admin)
            continue;
        const auto by = sessionFor(r, "tuan");
        CAPTURE(auth::roleName(r));
        CHECK_THROWS_AS(accounts.addUser(by, "intruder", "Intruder", Role::Admin, kGood),
                        auth::AccessDenied);
        CHECK_THROWS_AS(accounts.setPassword(by, "tuan", "another-password-1"), auth::AccessDenied);
        CHECK_THROWS_AS(accounts.setDisabled(by, "tuan", true), auth::AccessDenied);
    }
    CHECK(db.scalarInt("SELECT count(*) FROM users") == users);
    CHECK_FALSE(accounts.find("intruder"));
    CHECK(storedHash(db, "tuan") == hashBefore);
    CHECK_FALSE(accounts.find("tuan")->disabled);
    CHECK(audit::AuditLog(db).count() == entries);

    // The administrator may, and is named in the log; but may not disable themself.
    const auto admin = sessionFor(Role::Admin, "root.admin");
    accounts.addUser(admin, "hoa", "Lê Thị Hoa", Role::WelfareReviewer, kGood);
    CHECK(accounts.find("hoa"));
    CHECK(db.scalarText("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1") ==
          "user:root.admin");
    CHECK_THROWS_AS(accounts.setDisabled(admin, "root.admin", true), core::ValidationError);
}

TEST_CASE("five failed sign-ins lock the account for 15 minutes") {
    auto db = test::memoryCache();
    FakeClock clock;
    auth::AccountService accounts(db, clock.clock());
    accounts.addUser("os:tester", "minh", "Phạm Minh", Role::Analyst, kGood);

    std::string wrongMessage;
    for (int i = 1; i <= 4; ++i) {
        try {
            accounts.login("minh", "wrong-password-" + std::to_string(i));
            FAIL("a wrong password was accepted");
        } catch (const auth::LoginError& e) {
            CHECK(e.reason() == auth::LoginError::Reason::BadCredentials);
            CHECK_FALSE(e.lockedUntil());
            wrongMessage = e.what();
        }
        CHECK(accounts.find("minh")->failedLogins == i);
        clock.now += std::chrono::seconds(10);
    }
    // The message never says which part was wrong: an unknown name reads the same.
    try {
        accounts.login("nobody", kGood);
        FAIL("an unknown user signed in");
    } catch (const auth::LoginError& e) {
        CHECK(e.reason() == auth::LoginError::Reason::BadCredentials);
        CHECK(std::string(e.what()) == wrongMessage);
    }

    const auto lockedAt = clock.now;
    try {
        accounts.login("minh", "wrong-password-5");
        FAIL("a wrong password was accepted");
    } catch (const auth::LoginError& e) {
        CHECK(e.reason() == auth::LoginError::Reason::Locked);
        REQUIRE(e.lockedUntil());
        CHECK(*e.lockedUntil() == core::formatUtc(lockedAt + std::chrono::minutes(15)));
        CHECK(std::string(e.what()).find(*e.lockedUntil()) != std::string::npos);
    }
    CHECK(accounts.isLocked(*accounts.find("minh")));

    // Locked: even the right password is refused, with a message unlike the wrong-password one.
    clock.now = lockedAt + std::chrono::minutes(14) + std::chrono::seconds(59);
    try {
        accounts.login("minh", kGood);
        FAIL("a locked account signed in");
    } catch (const auth::LoginError& e) {
        CHECK(e.reason() == auth::LoginError::Reason::Locked);
        CHECK(std::string(e.what()) != wrongMessage);
    }

    clock.now = lockedAt + std::chrono::minutes(15) + std::chrono::seconds(1);
    CHECK_FALSE(accounts.isLocked(*accounts.find("minh")));
    const auto session = accounts.login("MINH", kGood);
    CHECK(session.username == "minh");
    CHECK(session.role == Role::Analyst);
    CHECK(session.displayName == "Phạm Minh");
    const auto after = accounts.find("minh");
    CHECK(after->failedLogins == 0);
    CHECK(after->lastLoginAt == core::formatUtc(clock.now));

    CHECK(auditCount(db, "login_failed") == 6); // 5 for minh, 1 unknown name
    CHECK(auditCount(db, "account_locked") == 1);
    CHECK(auditCount(db, "login_refused") == 1);
    CHECK(auditCount(db, "login") == 1);
    CHECK(audit::AuditLog(db).verify().ok);
}

TEST_CASE("a success resets the failure count") {
    auto db = test::memoryCache();
    FakeClock clock;
    auth::AccountService accounts(db, clock.clock());
    accounts.addUser("os:tester", "thu", "Đỗ Thu", Role::Operator, kGood);
    for (int i = 0; i < 4; ++i)
        CHECK_THROWS_AS(accounts.login("thu", "not-the-password"), auth::LoginError);
    CHECK_NOTHROW(accounts.login("thu", kGood));
    CHECK(accounts.find("thu")->failedLogins == 0);
    try {
        accounts.login("thu", "not-the-password");
        FAIL("a wrong password was accepted");
    } catch (const auth::LoginError& e) {
        CHECK(e.reason() == auth::LoginError::Reason::BadCredentials); // 1 in a row, not 5
    }
}

TEST_CASE("disabled accounts are refused; enabling and new passwords work") {
    auto db = test::memoryCache();
    FakeClock clock;
    auth::AccountService accounts(db, clock.clock());
    accounts.addUser("os:tester", "vy.hoang", "Hoàng Vy", Role::WelfareApprover, kGood);
    accounts.setDisabled("os:tester", "vy.hoang", true);
    CHECK(accounts.find("vy.hoang")->disabled);
    try {
        accounts.login("vy.hoang", kGood);
        FAIL("a disabled account signed in");
    } catch (const auth::LoginError& e) {
        CHECK(e.reason() == auth::LoginError::Reason::Disabled);
    }
    // A wrong password on a disabled account says only "wrong", revealing nothing more.
    try {
        accounts.login("vy.hoang", "not-the-password");
        FAIL("a wrong password was accepted");
    } catch (const auth::LoginError& e) {
        CHECK(e.reason() == auth::LoginError::Reason::BadCredentials);
    }
    accounts.setDisabled("os:tester", "vy.hoang", false);
    CHECK_NOTHROW(accounts.login("vy.hoang", kGood));

    accounts.setPassword("os:tester", "vy.hoang", "một-mật-khẩu-mới");
    CHECK_THROWS_AS(accounts.login("vy.hoang", kGood), auth::LoginError);
    CHECK(accounts.login("vy.hoang", "một-mật-khẩu-mới").username == "vy.hoang");
    CHECK_THROWS_AS(accounts.setPassword("os:tester", "vy.hoang", "short"), core::ValidationError);
    CHECK_THROWS_AS(accounts.setPassword("os:tester", "ghost", kGood), core::ValidationError);
    CHECK(auditCount(db, "user_disable") == 1);
    CHECK(auditCount(db, "user_enable") == 1);
    CHECK(auditCount(db, "user_password") == 1);
    const auto list = accounts.list();
    REQUIRE(list.size() == 1);
    CHECK(list[0].username == "vy.hoang");
}

TEST_CASE("accounts live in a real cache file and survive reopening") {
    test::TempDir dir;
    const auto path = dir.file("cache.c175");
    {
        auto db = db::openCache(path);
        auth::AccountService(db).addUser("os:tester", "khanh", "Vũ Khánh", Role::Admin, kGood);
    }
    auto db = db::openCache(path);
    auth::AccountService accounts(db);
    const auto s = accounts.login("khanh", kGood);
    CHECK(s.has(Permission::ManageUsers));
    CHECK(audit::AuditLog(db).verify().entries == 2);
}
