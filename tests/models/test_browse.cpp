// The pilot lists' data side (BrowseService, table specs, cell formats) and camera alert triage.
#include "auth/roles.h"
#include "browse/alert_triage.h"
#include "browse/browse_service.h"
#include "browse/cell_format.h"
#include "core/errors.h"
#include "core/ids.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <ctime>

using namespace c175;
using auth::Role;
using browse::BrowseService;
using browse::Query;
using browse::TableId;

namespace {

auth::Session sessionAs(Role role, const std::string& username = "tester") {
    auth::Session s;
    s.userId = "u-" + username;
    s.username = username;
    s.displayName = username;
    s.role = role;
    return s;
}

void addProvince(db::Database& db, const std::string& code, const std::string& name,
                 std::int64_t population, double area) {
    db::Statement st(db, "INSERT INTO admin_units (code, layer, level, name, area_km2, population) "
                         "VALUES (?, '2025', 'province', ?, ?, ?)");
    st.bindAll(code, name, area, population);
    st.run();
}

void addKiosk(db::Database& db, const std::string& code, const std::string& name,
              const std::string& province, const std::string& status) {
    db::Statement st(db, "INSERT INTO kiosks (id, code, name, province_code, lat, lon, "
                         "installed_on, status, last_heartbeat_at) "
                         "VALUES (?, ?, ?, ?, 21.0, 105.8, '2025-01-01', ?, "
                         "'2026-12-03T13:11:38Z')");
    st.bindAll(core::newUuidV7(), code, name, province, status);
    st.run();
}

// A cache with two provinces, five kiosks, a camera with alerts and a sealed tip-off.
struct Fixture {
    test::TempDir dir;
    db::Database db = db::openCache(dir.file("cache.db"));

    Fixture() {
        addProvince(db, "01", "Hà Nội", 8'587'100, 3359.8);
        addProvince(db, "79", "Hồ Chí Minh", 14'002'600, 6772.6);
        addKiosk(db, "KIOSK-01-0001", "Chợ Đồng Xuân", "01", "online");
        addKiosk(db, "KIOSK-01-0002", "Ủy ban phường Ba Đình", "01", "offline");
        addKiosk(db, "KIOSK-79-0001", "Bến Thành", "79", "fault");
        addKiosk(db, "KIOSK-79-0002", "Đa Kao", "79", "maintenance");
        addKiosk(db, "KIOSK-79-0003", "An Khánh", "79", "online");
        db.exec("UPDATE kiosks SET deleted = 1 WHERE code = 'KIOSK-79-0003'");

        db.exec("INSERT INTO cameras (id, code, name, site_type, site_name, province_code, lat, "
                "lon, status) VALUES ('cam1', 'CAM-01-0001', 'Cổng chính', 'tourist', "
                "'Hồ Hoàn Kiếm', '01', 21.03, 105.85, 'online')");
        db::Statement alert(db,
                            "INSERT INTO camera_alerts (id, camera_id, at, kind, severity, "
                            "confidence, plate, triage) VALUES (?, 'cam1', ?, ?, ?, 0.9, ?, ?)");
        alert.bindAll("al1", "2026-12-03T01:00:00Z", "intrusion", 3, nullptr, "new").run();
        alert.bindAll("al2", "2026-12-03T02:00:00Z", "vehicle_violation", 2, "29A-123.45", "new")
            .run();
        alert.bindAll("al3", "2026-12-03T03:00:00Z", "crowd_overload", 1, nullptr, "dismissed")
            .run();
        alert.bindAll("al4", "2026-12-03T04:00:00Z", "intrusion", 3, nullptr, "new").run();
        db.exec("UPDATE camera_alerts SET deleted = 1 WHERE id = 'al4'");

        db::Statement tip(db, "INSERT INTO tipoffs (id, code, crime_type, description, "
                              "province_code, received_at, channel, reporter_sealed, "
                              "followup_code) VALUES (?, ?, 'drugs', 'mô tả', '01', "
                              "'2026-11-01T00:00:00Z', 'hotline', ?, 'FOLLOW-SECRET')");
        tip.bindAll("t1", "TG-2026-000001");
        tip.bindBlob(3, std::vector<std::uint8_t>{'S', 'E', 'C', 'R', 'E', 'T'});
        tip.run();
    }
};

std::vector<std::string> column(BrowseService& service, const std::vector<std::int64_t>& ids,
                                std::size_t col) {
    std::vector<std::string> out;
    for (const auto& row : service.fetch(ids))
        out.push_back(row.cells.at(col));
    return out;
}

} // namespace

TEST_CASE("browse: rowids list every live row and fetch returns them in that order") {
    Fixture f;
    BrowseService kiosks(f.db, sessionAs(Role::Operator), TableId::Kiosks);
    const auto ids = kiosks.rowids({});
    CHECK(ids.size() == 4); // the deleted kiosk is not listed
    CHECK(static_cast<std::int64_t>(ids.size()) == kiosks.count());
    CHECK(static_cast<std::int64_t>(ids.size()) ==
          f.db.scalarInt("SELECT count(*) FROM kiosks WHERE deleted = 0"));

    std::vector<std::int64_t> reversed(ids.rbegin(), ids.rend());
    const auto rows = kiosks.fetch(reversed);
    REQUIRE(rows.size() == 4);
    for (std::size_t i = 0; i < rows.size(); ++i)
        CHECK(rows[i].rowid == reversed[i]);
    // Default sort: code ascending; the province shows by name.
    CHECK(rows.back().cells[0] == "KIOSK-01-0001");
    CHECK(rows.back().cells[2] == "Hà Nội");
    CHECK(rows.back().raw[3] == "online");
    CHECK(rows.back().cells[3] == "Online");
    CHECK(rows.back().cells[4] == "03/12/2026 20:11"); // 13:11 UTC is 20:11 in Vietnam
    // Fetch skips rowids that are not (or no longer) in the list.
    CHECK(kiosks.fetch({ids[0], 999999}).size() == 1);
}

TEST_CASE("browse: search folds case and diacritics, đ included") {
    Fixture f;
    BrowseService kiosks(f.db, sessionAs(Role::Operator), TableId::Kiosks);
    const auto name = [&](const std::string& filter) {
        return column(kiosks, kiosks.rowids({filter, {}, {}}), 1);
    };
    CHECK(name("dong") == std::vector<std::string>{"Chợ Đồng Xuân"});
    CHECK(name("  ĐỒNG xuân ") == std::vector<std::string>{"Chợ Đồng Xuân"});
    CHECK(name("uy ban") == std::vector<std::string>{"Ủy ban phường Ba Đình"});
    CHECK(name("ho chi minh").size() == 2); // the province name is searched too
    CHECK(name("maintenance") == std::vector<std::string>{"Đa Kao"}); // status label
    CHECK(name("an khanh").empty());                                  // deleted
    CHECK(name("%").empty());                                         // LIKE wildcards are literal
    CHECK(browse::likePattern("Đồng 50%_") == "%dong 50\\%\\_%");
}

TEST_CASE("browse: sorting reorders rowids by the column, names in folded order") {
    Fixture f;
    BrowseService kiosks(f.db, sessionAs(Role::Admin), TableId::Kiosks);
    Query byName{"", 1, true};
    CHECK(
        column(kiosks, kiosks.rowids(byName), 1) ==
        std::vector<std::string>{"Bến Thành", "Chợ Đồng Xuân", "Đa Kao", "Ủy ban phường Ba Đình"});
    byName.ascending = false;
    CHECK(column(kiosks, kiosks.rowids(byName), 1).front() == "Ủy ban phường Ba Đình");

    BrowseService alerts(f.db, sessionAs(Role::Operator), TableId::CameraAlerts);
    // Default: newest first; the tombstone al4 is left out.
    CHECK(alerts.rowids({}).size() == 3);
    CHECK(alerts.fetch(alerts.rowids({})).front().recordId == "al3");
    CHECK(alerts.fetch(alerts.rowids({"", 4, false})).front().cells[4] == "High");
    CHECK(alerts.fetch(alerts.rowids({"29a", {}, {}})).at(0).recordId == "al2");
}

TEST_CASE("browse: a role without the permission cannot browse, and the tip-off list never "
          "carries the reporter") {
    Fixture f;
    const auto op = sessionAs(Role::Operator);
    CHECK_THROWS_AS(BrowseService(f.db, op, TableId::Tipoffs), auth::AccessDenied);
    CHECK_THROWS_AS(BrowseService(f.db, op, TableId::Welfare), auth::AccessDenied);
    CHECK_THROWS_AS(BrowseService(f.db, op, TableId::Tourism), auth::AccessDenied);
    CHECK_THROWS_AS(BrowseService(f.db, sessionAs(Role::Analyst), TableId::Welfare),
                    auth::AccessDenied);
    CHECK_THROWS_AS(BrowseService(f.db, sessionAs(Role::WelfareReviewer), TableId::Kiosks),
                    auth::AccessDenied);
    CHECK_NOTHROW(BrowseService(f.db, sessionAs(Role::WelfareApprover), TableId::Welfare));
    CHECK_NOTHROW(BrowseService(f.db, op, TableId::Provinces));

    BrowseService tips(f.db, sessionAs(Role::Analyst), TableId::Tipoffs);
    for (const auto& c : tips.spec().columns) {
        CHECK(c.sql.find("reporter") == std::string::npos);
        CHECK(c.sql.find("followup") == std::string::npos);
    }
    const auto rows = tips.fetch(tips.rowids({}));
    REQUIRE(rows.size() == 1);
    for (const auto& cell : rows[0].raw) {
        CHECK(cell.find("SECRET") == std::string::npos);
    }
    CHECK(rows[0].cells[1] == "Drugs");
    CHECK(rows[0].cells[3] == "Hà Nội");
    CHECK(tips.rowids({"secret", {}, {}}).empty());
    CHECK(tips.rowids({"ha noi", {}, {}}).size() == 1); // through the area's unit names
    CHECK(tips.rowids({"DRUG", {}, {}}).size() == 1);   // through the type's label
    CHECK(tips.rowids({"cyber", {}, {}}).empty());
}

TEST_CASE("browse: an area-scoped session sees its province only") {
    Fixture f;
    auto scoped = sessionAs(Role::Operator);
    scoped.provinceCode = "79";
    BrowseService kiosks(f.db, scoped, TableId::Kiosks);
    CHECK(kiosks.count() == 2);
    CHECK(kiosks.rowids({"dong", {}, {}}).empty());
    CHECK(kiosks.rowids({"kao", {}, {}}).size() == 1);
    const auto hanoi = BrowseService(f.db, sessionAs(Role::Admin), TableId::Kiosks).rowids({})[0];
    CHECK(kiosks.fetch({hanoi}).empty());

    BrowseService provinces(f.db, scoped, TableId::Provinces);
    const auto rows = provinces.fetch(provinces.rowids({}));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells[1] == "Hồ Chí Minh");
    CHECK(rows[0].cells[2] == "14.002.600");
    CHECK(rows[0].cells[4] == "2.067,5"); // people per km²
}

TEST_CASE("browse: cell formats are Vietnamese") {
    CHECK(browse::formatThousands(0) == "0");
    CHECK(browse::formatThousands(999) == "999");
    CHECK(browse::formatThousands(1'000'000) == "1.000.000");
    CHECK(browse::formatThousands(-1234) == "-1.234");
    CHECK(browse::formatDecimal(1234.56) == "1.234,6");
    CHECK(browse::formatDecimal(0.04) == "0,0");
    CHECK(browse::formatVietnamTime("2026-12-31T20:30:00Z") == "01/01/2027 03:30");
    CHECK(browse::formatVietnamTime("not a time") == "not a time");
    CHECK(browse::formatDay("2026-02-03") == "03/02/2026");
    browse::Column money;
    money.format = browse::Format::Money;
    CHECK(browse::formatCell(money, "1500000", false) == "1.500.000 ₫");
    CHECK(browse::formatCell(money, "", true).empty());
}

TEST_CASE("triage: an operator acknowledges an alert; the edit, outbox and audit commit together") {
    Fixture f;
    const auto op = sessionAs(Role::Operator, "op1");
    browse::AlertTriage triage(f.db, op);
    const auto audits = f.db.scalarInt("SELECT count(*) FROM audit_log");
    CHECK(triage.apply("al1", browse::TriageAction::Acknowledge) == "acknowledged");
    CHECK(
        f.db.scalarText("SELECT triage || '/' || handled_by FROM camera_alerts WHERE id = 'al1'") ==
        "acknowledged/op1");
    CHECK(f.db.scalarInt("SELECT count(*) FROM sync_outbox WHERE entity = 'camera_alerts' AND "
                         "row_id = 'al1'") == 1);
    CHECK(f.db.scalarInt("SELECT count(*) FROM audit_log") == audits + 1);

    // A dismissed alert is final; an unknown one is refused; nothing is written either way.
    CHECK_THROWS_AS(triage.apply("al3", browse::TriageAction::Acknowledge), core::ValidationError);
    CHECK_THROWS_AS(triage.apply("nope", browse::TriageAction::Dismiss), core::ValidationError);
    CHECK(f.db.scalarText("SELECT triage FROM camera_alerts WHERE id = 'al3'") == "dismissed");
    CHECK(f.db.scalarInt("SELECT count(*) FROM sync_outbox") == 1);

    // The analyst reads alerts but may not triage them.
    browse::AlertTriage analyst(f.db, sessionAs(Role::Analyst));
    CHECK_THROWS_AS(analyst.apply("al2", browse::TriageAction::Dismiss), auth::AccessDenied);
    CHECK(f.db.scalarText("SELECT triage FROM camera_alerts WHERE id = 'al2'") == "new");
    CHECK(browse::triageAllowed("acknowledged", browse::TriageAction::Resolve));
    CHECK_FALSE(browse::triageAllowed("new", browse::TriageAction::Resolve));
}

// Run with --no-skip: fills a cache with a million camera alerts and times the list's index.
TEST_CASE("browse: a million alerts list in well under a second" * doctest::skip()) {
    Fixture f;
    {
        db::Transaction tx(f.db);
        db::Statement st(f.db, "INSERT INTO camera_alerts (id, camera_id, at, kind, severity, "
                               "confidence) VALUES (?, 'cam1', ?, 'intrusion', 2, 0.5)");
        for (int i = 0; i < 1'000'000; ++i)
            st.bindAll("x" + std::to_string(i), core::formatUtcSeconds(1'700'000'000 + i * 37L))
                .run();
        tx.commit();
    }
    BrowseService alerts(f.db, sessionAs(Role::Operator), TableId::CameraAlerts);
    // CPU time as well as wall time: the figure that does not depend on what else the machine runs.
    const auto measure = [](auto&& work) {
        const auto wall = std::chrono::steady_clock::now();
        const std::clock_t cpu = std::clock();
        work();
        return std::make_pair(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now() - wall)
                                  .count(),
                              static_cast<long>((std::clock() - cpu) * 1000 / CLOCKS_PER_SEC));
    };
    std::vector<std::int64_t> ids;
    const auto [wall, cpu] = measure([&] { ids = alerts.rowids({}); });
    MESSAGE("rowids of ", ids.size(), " alerts: ", wall, " ms wall, ", cpu, " ms CPU");
    CHECK(ids.size() == 1'000'003);
    CHECK(cpu < 1000);

    std::vector<std::int64_t> found;
    const auto [fwall, fcpu] = measure([&] { found = alerts.rowids({"hoan kiem", 5, true}); });
    MESSAGE("filtered (every row matches) and sorted by plate: ", fwall, " ms wall, ", fcpu,
            " ms CPU");
    CHECK(found.size() == 1'000'003);
}
