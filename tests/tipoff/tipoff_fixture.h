// Shared set-up of the tip-off tests: a cache with users of every role, a centre key, and a
// valid intake record to vary.
#pragma once
#include "auth/roles.h"
#include "core/ids.h"
#include "db/database.h"
#include "test_support.h"
#include "tipoff/centre_keys.h"
#include "tipoff/intake.h"

#include <string>

namespace c175::test {

inline constexpr const char* kOfficerPassword = "Officer#pass-175";
inline constexpr const char* kAdminPassword = "Admin#pass-175";

// A user row with a placeholder hash: these tests sign nobody in, they build Sessions.
inline auth::Session addUser(db::Database& db, const std::string& name, auth::Role role) {
    const std::string id = core::newUuidV7();
    db::Statement ins(db, "INSERT INTO users(id, username, display_name, role, password_hash, "
                          "created_at) VALUES (?,?,?,?,'x',?)");
    ins.bindAll(id, name, name, std::string(auth::roleName(role)), core::nowUtc());
    ins.run();
    auth::Session s;
    s.userId = id;
    s.username = name;
    s.displayName = name;
    s.role = role;
    return s;
}

struct TipoffWorld {
    db::Database db;
    auth::Session officer, officer2, admin, analyst, operatorUser;
    explicit TipoffWorld(const std::string& path = ":memory:", bool withKey = true)
        : db(db::openCache(path)) {
        officer = addUser(db, "officer", auth::Role::CaseOfficer);
        officer2 = addUser(db, "officer2", auth::Role::CaseOfficer);
        admin = addUser(db, "admin", auth::Role::Admin);
        analyst = addUser(db, "analyst", auth::Role::Analyst);
        operatorUser = addUser(db, "operator", auth::Role::Operator);
        if (withKey)
            tipoff::createCentreKeys(db, "test",
                                     {{"officer", kOfficerPassword}, {"admin", kAdminPassword}});
    }
    std::int64_t count(const std::string& table) {
        return db.scalarInt("SELECT count(*) FROM " + table);
    }
};

inline tipoff::IntakeInput sampleTip() {
    tipoff::IntakeInput in;
    in.crimeType = "drugs";
    in.subtype = "trafficking";
    in.description = "Có người bán ma túy ở cổng chợ Đồng Xuân vào buổi tối.";
    in.latitude = 21.0385;
    in.longitude = 105.8497;
    in.address = "Chợ Đồng Xuân, phường Hoàn Kiếm, Hà Nội";
    in.occurredAt = "2026-11-30T21:00:00+07:00";
    in.discoveredAt = "2026-11-30T22:15:00+07:00";
    in.channel = "hotline";
    in.anonymous = true;
    in.peopleInvolved = 2;
    return in;
}

inline tipoff::IntakeInput identifiedTip(const std::string& name, const std::string& cccd,
                                         const std::string& phone) {
    auto in = sampleTip();
    in.anonymous = false;
    in.reporter.name = name;
    in.reporter.cccd = cccd;
    in.reporter.phone = phone;
    in.reporter.email = "nguoi.bao.tin@example.vn";
    in.reporter.address = "Số 12 phố Hàng Đào, Hà Nội";
    in.reporter.shareWithAgencies = false;
    return in;
}

} // namespace c175::test
