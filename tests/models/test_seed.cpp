// Demo data (issue 2, item 5): counts, validity of every identity value, workflow consistency,
// determinism, refusal of a second seed, all-or-nothing on cancel, and the stats counts.
#include "auth/accounts.h"
#include "auth/password.h"
#include "core/ids.h"
#include "core/progress.h"
#include "db/database.h"
#include "db/migrations.h"
#include "seed/seed.h"
#include "seed/seed_context.h"
#include "stats/counts.h"
#include "test_support.h"
#include "tipoff/centre_keys.h"
#include "values/case_code.h"
#include "values/cccd.h"
#include "values/phone.h"
#include "values/plate.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

using namespace c175;

namespace {

// 2026-12-03T13:00:00Z: fixed so the data is the same whenever the test runs.
constexpr std::int64_t kAsOf = 1796302800;

seed::SeedOptions smallOptions(std::uint64_t seedValue = 175) {
    seed::SeedOptions o;
    o.scale = seed::Scale::Small;
    o.seed = seedValue;
    o.asOf = kAsOf;
    o.actor = "test";
    return o;
}

std::string geodataDir() {
    const std::filesystem::path dir = C175_GEODATA_DIR;
    return std::filesystem::exists(dir / "vn_provinces_34_2025.geojson") ? dir.string() : "";
}

// One small seed with geodata, shared by the read-only checks below (seeding takes seconds).
struct Seeded {
    test::TempDir dir;
    db::Database db;
    seed::SeedReport report;
    Seeded() : db(db::openCache(dir.file("seeded.c175"))) {
        auto options = smallOptions();
        options.geodataDir = geodataDir();
        core::NoProgress progress;
        report = seed::seedDemo(db, options, progress);
    }
};
Seeded& seeded() {
    static Seeded instance;
    return instance;
}

class CancelAfter final : public core::Progress {
public:
    explicit CancelAfter(int updates) : m_left(updates) {}
    void update(std::string_view, std::int64_t, std::int64_t) override { --m_left; }
    bool cancelled() const override { return m_left <= 0; }

private:
    int m_left;
};

} // namespace

TEST_CASE("parseScale knows small and large only") {
    CHECK(seed::parseScale("small") == seed::Scale::Small);
    CHECK(seed::parseScale("large") == seed::Scale::Large);
    CHECK_FALSE(seed::parseScale("medium"));
    CHECK_FALSE(seed::parseScale(""));
    CHECK_FALSE(seed::parseScale("Small"));
}

TEST_CASE("demo users: one per role with passwords that pass the policy") {
    std::set<std::string> roles;
    for (const auto& u : seed::demoUsers()) {
        roles.insert(u.role);
        CHECK(u.password == "Demo@175-" + u.username);
        CHECK(u.password.size() >= 10);
    }
    CHECK(roles == std::set<std::string>{"operator", "case_officer", "welfare_reviewer",
                                         "welfare_approver", "analyst", "admin"});
}

TEST_CASE("small seed: the expected counts, also as stats reports them") {
    auto& s = seeded();
    const auto counts = stats::countAll(s.db);
    CHECK(counts.at("kiosks") == 200);
    CHECK(counts.at("cameras") == 300);
    CHECK(counts.at("camera_alerts") == 20'000);
    CHECK(counts.at("tipoffs") == 2'000);
    CHECK(counts.at("beneficiaries") == 5'000);
    CHECK(counts.at("lodgings") == 1'000);
    CHECK(counts.at("stays") == 50'000);
    CHECK(counts.at("programmes") == 8);
    CHECK(counts.at("users") == 6);
    CHECK(counts.at("applications") > 3'000);
    CHECK(counts.at("households") > 1'000);
    CHECK(counts.at("kiosk_heartbeats") > 10'000);
    CHECK(counts.at("gate_counts") > 1'000);
    CHECK(counts.at("tipoff_history") > counts.at("tipoffs"));
    for (const char* key :
         {"kiosks", "cameras", "camera_alerts", "tipoffs", "beneficiaries", "applications",
          "lodgings", "stays", "kiosk_faults", "kiosk_maintenance", "households"})
        CHECK_MESSAGE(s.report.counts.at(key) == counts.at(key), key);
    if (!geodataDir().empty()) {
        CHECK(s.report.geodataImported);
        CHECK(counts.at("provinces") == 34);
        CHECK(counts.at("communes") == 3321);
        CHECK(counts.at("admin_units") >= 3355);
    }
    // One audit entry per seeded table (and per demo user).
    CHECK(s.db.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'seed'") >= 15);
    CHECK(s.db.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'user_create'") == 6);
}

TEST_CASE("small seed: every CCCD, phone and plate is valid; CCCDs agree with birth and sex") {
    auto& s = seeded();
    db::Statement q(s.db, "SELECT cccd, birth_date, sex, phone FROM beneficiaries");
    std::set<std::string> seen;
    int rows = 0;
    while (q.step()) {
        ++rows;
        const std::string cccd = q.getText(0);
        const int year = std::stoi(q.getText(1).substr(0, 4));
        const auto parsed = values::Cccd::parse(cccd, year);
        CHECK(parsed.female() == (q.getText(2) == "female"));
        CHECK(seen.insert(cccd).second);
        if (!q.isNull(3))
            CHECK(values::PhoneNumber::parse(q.getText(3)).str() == q.getText(3));
    }
    CHECK(rows == 5'000);
    db::Statement plates(s.db, "SELECT plate FROM camera_alerts WHERE plate IS NOT NULL");
    int plateRows = 0;
    while (plates.step()) {
        ++plateRows;
        CHECK(values::VehiclePlate::parse(plates.getText(0)).str() == plates.getText(0));
    }
    CHECK(plateRows > 1'000);
    CHECK(s.db.scalarInt("SELECT count(*) FROM camera_alerts WHERE kind = 'vehicle_violation' "
                         "AND plate IS NULL") == 0);
    CHECK(s.db.scalarInt("SELECT count(*) FROM camera_alerts WHERE kind = 'crowd_overload' AND "
                         "(people IS NULL OR people < 1)") == 0);
}

TEST_CASE("small seed: every status, kind and type occurs; tip-off history follows the status") {
    auto& s = seeded();
    CHECK(s.db.scalarInt("SELECT count(DISTINCT status) FROM tipoffs") == 8);
    CHECK(s.db.scalarInt("SELECT count(DISTINCT crime_type) FROM tipoffs") == 7);
    CHECK(s.db.scalarInt("SELECT count(DISTINCT kind) FROM camera_alerts") == 5);
    CHECK(s.db.scalarInt("SELECT count(DISTINCT triage) FROM camera_alerts") == 5);
    CHECK(s.db.scalarInt("SELECT count(DISTINCT status) FROM applications") == 6);
    CHECK(s.db.scalarInt("SELECT count(DISTINCT status) FROM kiosks") == 4);
    CHECK(s.db.scalarInt("SELECT count(DISTINCT kind) FROM lodgings") == 5);
    CHECK(s.db.scalarInt("SELECT count(DISTINCT site_type) FROM cameras") == 3);
    // The newest history row of each case is its status; the first is its receipt.
    CHECK(
        s.db.scalarInt("SELECT count(*) FROM tipoffs t WHERE t.status <> (SELECT h.to_status FROM "
                       "tipoff_history h WHERE h.tipoff_id = t.id ORDER BY h.at DESC, h.rowid DESC "
                       "LIMIT 1)") == 0);
    CHECK(s.db.scalarInt("SELECT count(*) FROM tipoff_history WHERE from_status IS NULL AND "
                         "to_status = 'received'") == 2'000);
    CHECK(s.db.scalarInt("SELECT count(*) FROM tipoffs WHERE status = 'merged' AND "
                         "merged_into IS NULL") == 0);
    CHECK(s.db.scalarInt("SELECT count(*) FROM tipoffs WHERE length(description) > 1000") == 0);
    CHECK(s.db.scalarInt("SELECT count(*) FROM tipoffs WHERE received_at > '2026-12-03T13:00:00Z' "
                         "OR concluded_at > '2026-12-03T13:00:00Z'") == 0);
    db::Statement codes(s.db, "SELECT code FROM tipoffs");
    while (codes.step())
        CHECK_FALSE(values::CaseCode::parse(codes.getText(0)).isOffline());
    // A kiosk's last heartbeat is the newest heartbeat row.
    CHECK(s.db.scalarInt("SELECT count(*) FROM kiosks k WHERE k.last_heartbeat_at <> (SELECT "
                         "max(at) FROM kiosk_heartbeats h WHERE h.kiosk_id = k.id)") == 0);
    CHECK(s.db.scalarInt("SELECT count(*) FROM kiosks k WHERE k.status = 'fault' AND NOT EXISTS "
                         "(SELECT 1 FROM kiosk_faults f WHERE f.kiosk_id = k.id AND "
                         "f.resolved_at IS NULL)") == 0);
    // Summer and the 30/4 holiday draw more check-ins than November.
    const auto perDay = [&](const char* from, const char* to, int days) {
        db::Statement q(s.db, "SELECT count(*) FROM stays WHERE check_in BETWEEN ? AND ?");
        q.bindAll(from, to);
        q.step();
        return static_cast<double>(q.getInt64(0)) / days;
    };
    CHECK(perDay("2026-04-28", "2026-05-03", 6) > 1.8 * perDay("2025-11-03", "2025-11-23", 21));
    CHECK(perDay("2026-07-01", "2026-07-31", 31) > 1.3 * perDay("2025-11-03", "2025-11-23", 21));
}

TEST_CASE("small seed: records lie in real communes of their province") {
    if (geodataDir().empty())
        return;
    auto& s = seeded();
    for (const char* table : {"kiosks", "households", "lodgings", "tipoffs"}) {
        const std::string sql =
            std::string("SELECT count(*) FROM ") + table +
            " t WHERE t.commune_code IS NULL OR NOT EXISTS (SELECT 1 FROM admin_units u WHERE "
            "u.code = t.commune_code AND u.parent_code = t.province_code)";
        CHECK_MESSAGE(s.db.scalarInt(sql) == 0, table);
    }
    CHECK(s.db.scalarInt("SELECT count(*) FROM kiosks WHERE lat NOT BETWEEN 6 AND 23.5 OR "
                         "lon NOT BETWEEN 102 AND 118") == 0);
}

TEST_CASE("the same seed gives the same data; another seed different data") {
    auto once = [](std::uint64_t seedValue) {
        auto db = test::memoryCache();
        core::NoProgress progress;
        const auto report = seed::seedDemo(db, smallOptions(seedValue), progress);
        return std::make_tuple(
            report.counts,
            db.scalarText("SELECT code || '|' || description FROM tipoffs "
                          "ORDER BY code LIMIT 1")
                .value_or(""),
            db.scalarText("SELECT group_concat(cccd) FROM (SELECT cccd FROM "
                          "beneficiaries ORDER BY rowid LIMIT 50)")
                .value_or(""),
            db.scalarText("SELECT id FROM stays ORDER BY rowid DESC LIMIT 1").value_or(""));
    };
    const auto a = once(7);
    const auto b = once(7);
    const auto c = once(8);
    CHECK(std::get<0>(a) == std::get<0>(b));
    CHECK(std::get<1>(a) == std::get<1>(b));
    CHECK(std::get<2>(a) == std::get<2>(b));
    CHECK(std::get<3>(a) == std::get<3>(b));
    CHECK_FALSE(std::get<1>(a).empty());
    CHECK(std::get<2>(a) != std::get<2>(c));
}

TEST_CASE("a cache that already holds pilot data is refused and left as it was") {
    auto& s = seeded();
    const auto before = stats::countAll(s.db);
    core::NoProgress progress;
    CHECK_THROWS_WITH_AS(seed::seedDemo(s.db, smallOptions(), progress),
                         doctest::Contains("already holds pilot data"), db::DbError);
    CHECK(stats::countAll(s.db) == before);
}

TEST_CASE("cancelling a seed leaves the cache as it was") {
    auto db = test::memoryCache();
    const auto auditBefore = db.scalarInt("SELECT count(*) FROM audit_log");
    CancelAfter progress(40);
    CHECK_THROWS_AS(seed::seedDemo(db, smallOptions(), progress), core::Cancelled);
    for (const auto& [table, rows] : stats::countAll(db))
        CHECK_MESSAGE(rows == (table == "audit_log" ? auditBefore : 0), table);
    // And the cache can still be seeded afterwards.
    core::NoProgress none;
    CHECK(seed::seedDemo(db, smallOptions(), none).counts.at("kiosks") == 200);
}

TEST_CASE("without geodata the seed still writes everything and says where to get it") {
    auto db = test::memoryCache();
    core::NoProgress progress;
    const auto report = seed::seedDemo(db, smallOptions(), progress);
    CHECK_FALSE(report.geodataImported);
    CHECK(report.note.find("C175_GEODATA") != std::string::npos);
    CHECK(report.counts.at("stays") == 50'000);
    CHECK(db.scalarInt("SELECT count(*) FROM kiosks WHERE commune_code IS NOT NULL") == 0);
}

TEST_CASE("findGeodataDir follows C175_GEODATA") {
    test::TempDir empty;
    const char* old = std::getenv("C175_GEODATA");
    const std::string saved = old ? old : "";
    if (!geodataDir().empty()) {
        setenv("C175_GEODATA", geodataDir().c_str(), 1);
        CHECK(seed::findGeodataDir() == geodataDir());
    }
    // A folder without the files is passed over for the next candidate.
    setenv("C175_GEODATA", empty.path().c_str(), 1);
    CHECK(seed::findGeodataDir() != empty.path().string());
    if (old)
        setenv("C175_GEODATA", saved.c_str(), 1);
    else
        unsetenv("C175_GEODATA");
}

TEST_CASE("demo users can sign in with the passwords the README lists") {
    auto& s = seeded();
    for (const auto& u : seed::demoUsers()) {
        const auto hash = s.db.scalarText("SELECT password_hash FROM users WHERE username = '" +
                                          u.username + "' AND role = '" + u.role + "'");
        REQUIRE_MESSAGE(hash, u.username);
        CHECK_MESSAGE(auth::verifyPassword(u.password, *hash), u.username);
        CHECK_FALSE(auth::verifyPassword(u.password + "x", *hash));
    }
    auth::AccountService accounts(s.db);
    CHECK(accounts.login("officer", "Demo@175-officer").username == "officer");
}

TEST_CASE("small seed: every reference points at a row that exists") {
    auto& s = seeded();
    db::Statement check(s.db, "PRAGMA foreign_key_check");
    CHECK_FALSE(check.step());
    CHECK(s.db.scalarText("PRAGMA integrity_check").value_or("") == "ok");
    // The bulk settings are undone: WAL and foreign keys are back.
    CHECK(s.db.scalarText("PRAGMA journal_mode").value_or("") == "wal");
    CHECK(s.db.scalarInt("PRAGMA foreign_keys") == 1);
    // Indexes dropped for the load are there again.
    CHECK(s.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                         "('camera_alerts_at', 'stays_check_in', 'tipoffs_status')") == 3);
}

TEST_CASE("named reporters are sealed; the demo case officer can open them") {
    auto& s = seeded();
    CHECK(s.db.scalarInt("SELECT count(*) FROM tipoffs WHERE anonymous = 0") > 300);
    CHECK(s.db.scalarInt("SELECT count(*) FROM tipoffs WHERE (anonymous = 0) <> "
                         "(reporter_sealed IS NOT NULL)") == 0);
    CHECK(s.db.scalarInt("SELECT count(*) FROM tipoffs WHERE followup_code IS NULL") == 0);
    db::Statement q(s.db, "SELECT reporter_sealed FROM tipoffs WHERE anonymous = 0 LIMIT 12");
    int withCccd = 0;
    while (q.step()) {
        const std::string json =
            tipoff::openReporter(s.db, {"officer", "Demo@175-officer"}, q.getBlob(0));
        const auto at = json.find("\"cccd\":\"");
        REQUIRE(at != std::string::npos);
        // Some reporters give only a phone number.
        const std::string cccd = json.substr(at + 8, json.find('"', at + 8) - (at + 8));
        if (!cccd.empty()) {
            ++withCccd;
            CHECK_NOTHROW(values::Cccd::parse(cccd));
        }
        CHECK(json.find("\"name\":\"") != std::string::npos);
        CHECK(json.find("\"phone\":\"0") != std::string::npos);
    }
    CHECK(withCccd > 0);
}
