// The printable tip-off report (issue 5, item 8): its KPIs are case_stats' figures for the period,
// its tables add up, the overdue list holds the late cases, and it never carries a reporter's
// identity.
#include "tipoff_fixture.h"

#include "browse/cell_format.h"
#include "core/errors.h"
#include "core/progress.h"
#include "db/migrations.h"
#include "seed/seed.h"
#include "tipoff/case_stats.h"
#include "tipoff/centre_keys.h"
#include "tipoff/report.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

using namespace c175;

namespace {

constexpr const char* kName = "Trịnh Thị Bảo Ngọc";
constexpr const char* kCccd = "001190012345";
constexpr const char* kPhone = "0912345678";

// The small demo seed up to 1 Dec 2026, with reporters sealed to the centre key, plus one
// identified tip filed through intake (received 30 Nov 2026, 23:00 in Vietnam) whose identity must
// stay out.
struct SeededCache {
    db::Database db = db::openCache(":memory:");
    tipoff::IntakeResult identified;
    SeededCache() {
        seed::SeedOptions options;
        options.geodataDir = seed::findGeodataDir();
        REQUIRE(core::parseIsoTime("2026-12-01T00:00:00Z", options.asOf));
        core::NoProgress progress;
        seed::seedDemo(db, options, progress);
        tipoff::IntakeOptions intake;
        std::int64_t received = 0;
        REQUIRE(core::parseIsoTime("2026-11-30T16:00:00Z", received));
        intake.nowUnix = [received] { return received; };
        identified = tipoff::IntakeService(db, intake)
                         .fileAs("test", test::identifiedTip(kName, kCccd, kPhone));
    }
};

SeededCache& seeded() {
    static SeededCache cache;
    return cache;
}

bool contains(const std::string& html, const std::string& text) {
    return html.find(text) != std::string::npos;
}

} // namespace

TEST_CASE("report: the KPIs are case_stats' figures for the period, and no identity shows") {
    auto& cache = seeded();
    auto& db = cache.db;
    tipoff::ReportOptions options;
    options.fromDay = "2026-09-01";
    options.toDay = "2026-11-30";
    options.nowUtc = "2026-12-01T00:00:00Z";
    options.overdueLimit = 100000;
    const auto data = tipoff::collectReport(db, options);

    // The period is Vietnam days: 1 Sep 00:00 +07 to 1 Dec 00:00 +07, i.e. these UTC bounds.
    const auto expectedTotal =
        db.scalarInt("SELECT COUNT(*) FROM tipoffs WHERE deleted = 0 AND received_at >= "
                     "'2026-08-31T17:00:00Z' AND received_at < '2026-11-30T17:00:00Z'");
    REQUIRE(expectedTotal > 20);
    tipoff::StatsFilter filter;
    filter.receivedFrom = "2026-08-31T17:00:00Z";
    filter.receivedTo = "2026-11-30T17:00:00Z";
    filter.nowUtc = options.nowUtc;
    const auto stats = tipoff::computeStats(db, filter);
    CHECK(stats.total == expectedTotal);
    CHECK(data.stats.total == stats.total);
    CHECK(data.stats.overdue == stats.overdue);
    REQUIRE(stats.successRate);
    REQUIRE(stats.medianProcessingHours);
    REQUIRE(stats.overdue > 0);

    const std::string html = tipoff::reportHtml(data);
    // The numbers as case_stats computed them, in the report's Vietnamese number format.
    CHECK(contains(html, "<b>" + browse::formatThousands(stats.total) + "</b>"));
    CHECK(contains(html, browse::formatDecimal(*stats.successRate * 100, 1) + "% (" +
                             browse::formatThousands(stats.substantiated) + " "));
    CHECK(contains(html, browse::formatDecimal(*stats.medianProcessingHours, 1) + " "));
    CHECK(contains(html, browse::formatDecimal(*stats.meanProcessingHours, 1) + " "));
    CHECK(contains(html, "<b>" + browse::formatThousands(stats.overdue) + "</b>"));
    if (stats.satisfactionMean)
        CHECK(contains(html, browse::formatDecimal(*stats.satisfactionMean, 2) + " / 5"));
    CHECK(contains(html, "01/09/2026"));
    CHECK(contains(html, "30/11/2026"));

    // The identified tip is in the period and open past its due date (now is far ahead)...
    auto late = options;
    late.nowUtc = "2027-06-01T00:00:00Z";
    const std::string lateHtml = tipoff::reportHtml(tipoff::collectReport(db, late));
    CHECK(contains(lateHtml, cache.identified.code));
    // ...and neither of the reports holds its reporter: name, CCCD, phone, email or address.
    for (const std::string& report : {html, lateHtml})
        for (const std::string& secret :
             {std::string(kName), std::string(kCccd), std::string(kPhone),
              std::string("nguoi.bao.tin@example.vn"), std::string("Hàng Đào")}) {
            INFO(secret);
            CHECK_FALSE(contains(report, secret));
        }
    // Nor any seeded reporter: the report's text never comes from the sealed column.
    CHECK_FALSE(contains(html, "reporter_sealed"));
}

TEST_CASE("report: tables and weeks add up to the total; the overdue list is the late cases") {
    auto& db = seeded().db;
    tipoff::ReportOptions options;
    options.fromDay = "2026-06-01";
    options.toDay = "2026-11-30";
    options.nowUtc = "2026-12-01T00:00:00Z";
    options.overdueLimit = 100000;
    const auto data = tipoff::collectReport(db, options);
    const auto sum = [](const auto& rows) {
        return std::accumulate(rows.begin(), rows.end(), std::int64_t{0},
                               [](std::int64_t a, const auto& r) { return a + r.second; });
    };
    CHECK(sum(data.byType) == data.stats.total);
    CHECK(sum(data.byProvince) == data.stats.total);
    CHECK(sum(data.byWeek) == data.stats.total);
    CHECK(data.byProvince.size() <= options.topProvinces + 1);
    REQUIRE(data.charts.size() == 3);
    CHECK(data.charts[0].values.size() == data.byType.size());
    CHECK(data.charts[2].kind == tipoff::ReportChart::Kind::Columns);
    // Weeks are consecutive Mondays.
    for (std::size_t i = 1; i < data.byWeek.size(); ++i) {
        std::int64_t a = 0, b = 0;
        REQUIRE(core::parseIsoTime(data.byWeek[i - 1].first, a));
        REQUIRE(core::parseIsoTime(data.byWeek[i].first, b));
        CHECK(b - a == 7 * 86400);
    }

    CHECK(static_cast<std::int64_t>(data.overdue.size()) == data.stats.overdue);
    for (const auto& c : data.overdue) {
        CHECK(tipoff::isOverdue(c.status, c.dueAt, options.nowUtc));
        CHECK(c.dueAt < options.nowUtc);
    }
    // A short list says how many it leaves out.
    if (data.stats.overdue > 2) {
        auto few = options;
        few.overdueLimit = 2;
        const auto shortData = tipoff::collectReport(db, few);
        CHECK(shortData.overdue.size() == 2);
        CHECK(contains(tipoff::reportHtml(shortData),
                       browse::formatThousands(data.stats.overdue) + " "));
    }
}

TEST_CASE("report: the overdue rule") {
    const std::string now = "2026-12-01T00:00:00Z";
    CHECK(tipoff::isOverdue("investigating", "2026-11-30T23:59:59Z", now));
    CHECK(tipoff::isOverdue("received", "2026-01-01T00:00:00Z", now));
    CHECK_FALSE(tipoff::isOverdue("investigating", "2026-12-01T00:00:01Z", now));
    CHECK_FALSE(tipoff::isOverdue("closed", "2026-01-01T00:00:00Z", now));
    CHECK_FALSE(tipoff::isOverdue("concluded", "2026-01-01T00:00:00Z", now));
    CHECK_FALSE(tipoff::isOverdue("investigating", "", now));
    CHECK_FALSE(tipoff::isOverdue("nonsense", "2026-01-01T00:00:00Z", now));

    // The SQL form counts the same cases as the rule applied row by row, everywhere and in one
    // province; the figures agree.
    auto& db = seeded().db;
    auto byRule = [&](const std::string& province) {
        std::int64_t n = 0;
        db::Statement q(db, "SELECT status, coalesce(due_at, ''), coalesce(province_code, '') "
                            "FROM tipoffs WHERE deleted = 0");
        while (q.step())
            if ((province.empty() || q.getText(2) == province) &&
                tipoff::isOverdue(q.getText(0), q.getText(1), now))
                ++n;
        return n;
    };
    const auto all = tipoff::countOverdue(db, std::nullopt, now);
    CHECK(all > 0);
    CHECK(all == byRule(""));
    CHECK(tipoff::countOverdue(db, std::string("01"), now) == byRule("01"));
    tipoff::StatsFilter filter;
    filter.nowUtc = now;
    CHECK(tipoff::computeStats(db, filter).overdue == all);
}

TEST_CASE("report: bad periods are refused naming the field; the file is written whole") {
    auto& db = seeded().db;
    tipoff::ReportOptions bad;
    bad.fromDay = "2026-13-01";
    try {
        tipoff::collectReport(db, bad);
        FAIL("a month 13 was accepted");
    } catch (const core::ValidationError& e) {
        CHECK(e.field() == "from");
    }
    bad.fromDay = "2026-11-30";
    bad.toDay = "2026-11-01";
    try {
        tipoff::collectReport(db, bad);
        FAIL("an end before the start was accepted");
    } catch (const core::ValidationError& e) {
        CHECK(e.field() == "to");
    }
    bad.toDay = "30/11/2026";
    CHECK_THROWS_AS(tipoff::statsFilterOf(bad), core::ValidationError);

    test::TempDir dir;
    const std::string path = dir.file("report.html");
    tipoff::ReportOptions all;
    const std::string html = tipoff::reportHtml(tipoff::collectReport(db, all),
                                                [](const tipoff::ReportChart&, std::size_t i) {
                                                    return "chart" + std::to_string(i) + ".png";
                                                });
    CHECK(contains(html, "<img src=\"chart2.png\""));
    tipoff::writeReportFile(path, html);
    std::ifstream in(path, std::ios::binary);
    std::stringstream back;
    back << in.rdbuf();
    CHECK(back.str() == html);
    CHECK_FALSE(std::filesystem::exists(path + ".part"));
    // A folder that does not exist: refused, naming the file, nothing left behind.
    const std::string nowhere = dir.file("missing/report.html");
    CHECK_THROWS_WITH_AS(tipoff::writeReportFile(nowhere, html), doctest::Contains("report.html"),
                         tipoff::TipoffError);
    CHECK_FALSE(std::filesystem::exists(nowhere));
}

TEST_CASE("report: pngDataUri is base64 on one line") {
    CHECK(tipoff::pngDataUri("\x89PNG") == "data:image/png;base64,iVBORw==");
    CHECK(tipoff::pngDataUri(std::string(200, 'a')).find('\n') == std::string::npos);
}
