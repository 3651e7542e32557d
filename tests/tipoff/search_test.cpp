// Search (accent-insensitive, đ folded), filters and sorting; related-case grouping; figures and
// exports.
#include "tipoff_fixture.h"

#include "tipoff/case_search.h"
#include "tipoff/case_stats.h"
#include "tipoff/case_workflow.h"
#include "tipoff/export.h"
#include "tipoff/identity_tokens.h"
#include "tipoff/related_cases.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace c175;
using c175::test::TipoffWorld;
using tipoff::Status;

namespace {

tipoff::IntakeResult fileTip(db::Database& db, const std::string& type, const std::string& desc,
                             const std::string& address, double lat, double lon,
                             const std::string& occurred) {
    auto in = c175::test::sampleTip();
    in.crimeType = type;
    in.subtype = "";
    in.description = desc;
    in.address = address;
    in.latitude = lat;
    in.longitude = lon;
    in.occurredAt = occurred;
    in.discoveredAt.clear();
    return tipoff::IntakeService(db).fileAs("test", in);
}

std::vector<std::string> codesFor(db::Database& db, const std::string& text) {
    tipoff::CaseQuery q;
    q.text = text;
    std::vector<std::string> out;
    for (const auto& c : tipoff::searchCases(db, q))
        out.push_back(c.code);
    return out;
}

void transition(TipoffWorld& w, const std::string& id, Status s,
                std::optional<tipoff::Outcome> outcome = std::nullopt) {
    tipoff::TransitionRequest r;
    r.tipoffId = id;
    r.to = s;
    r.note = "bước tiếp";
    r.assignee = "officer";
    r.outcome = outcome;
    tipoff::CaseWorkflow(w.db).transition(w.officer, r);
}

} // namespace

TEST_CASE("search folds case and diacritics, đ included") {
    TipoffWorld w;
    const auto a = fileTip(w.db, "drugs", "Buôn bán ma túy ở chợ Đồng Xuân", "Hoàn Kiếm, Hà Nội",
                           21.0385, 105.8497, "2026-11-01T20:00:00+07:00");
    const auto b = fileTip(w.db, "economic", "Hàng giả bán tràn lan", "Phố Đội Cấn, Ba Đình",
                           21.0360, 105.8200, "2026-11-02T20:00:00+07:00");
    CHECK(codesFor(w.db, "dong xuan") == std::vector<std::string>{a.code});
    CHECK(codesFor(w.db, "ĐỒNG XUÂN") == std::vector<std::string>{a.code});
    // Decomposed input (NFD, as some keyboards send it).
    CHECK(codesFor(w.db, "Đo\xCC\x82\xCC\x80ng") == std::vector<std::string>{a.code});
    CHECK(codesFor(w.db, "doi can") == std::vector<std::string>{b.code}); // address, đ -> d
    CHECK(codesFor(w.db, "hang gia") == std::vector<std::string>{b.code});
    CHECK(codesFor(w.db, "ma tuy").size() == 1);
    CHECK(codesFor(w.db, "dong") == std::vector<std::string>{a.code});
    CHECK(codesFor(w.db, "dong xu") == std::vector<std::string>{a.code}); // prefix while typing
    CHECK(codesFor(w.db, "ha").size() == 2);                              // Hà Nội, Hàng
    CHECK(codesFor(w.db, "saigon").empty());
    CHECK(codesFor(w.db, "\"; DROP TABLE tipoffs; --").empty()); // quotes cannot break out
    CHECK(codesFor(w.db, "!!!").empty());
    CHECK(w.count("tipoffs") == 2);
    CHECK(tipoff::ftsExpression("Đồng  Xuân!") == "\"dong\" \"xuan\"*");
}

TEST_CASE("search filters and sorting") {
    TipoffWorld w;
    const auto a =
        fileTip(w.db, "drugs", "ma túy một", "Hà Nội", 21.03, 105.85, "2026-11-01T20:00:00+07:00");
    const auto b =
        fileTip(w.db, "cyber", "lừa đảo hai", "Hà Nội", 21.03, 105.85, "2026-11-02T20:00:00+07:00");
    const auto c =
        fileTip(w.db, "cyber", "lừa đảo ba", "Đà Nẵng", 16.05, 108.2, "2026-11-03T20:00:00+07:00");
    transition(w, b.id, Status::Verifying);
    tipoff::CaseQuery q;
    q.crimeType = tipoff::CrimeType::Cyber;
    CHECK(tipoff::countCases(w.db, q) == 2);
    q.status = Status::Verifying;
    auto list = tipoff::searchCases(w.db, q);
    REQUIRE(list.size() == 1);
    CHECK(list[0].code == b.code);
    q = {};
    q.sort = tipoff::SortKey::Code;
    q.descending = false;
    list = tipoff::searchCases(w.db, q);
    REQUIRE(list.size() == 3);
    CHECK(list[0].code == a.code);
    CHECK(list[2].code == c.code);
    q.limit = 1;
    q.offset = 1;
    list = tipoff::searchCases(w.db, q);
    REQUIRE(list.size() == 1);
    CHECK(list[0].code == b.code);
    q = {};
    q.receivedFrom = "2999-01-01";
    CHECK(tipoff::countCases(w.db, q) == 0);
    q = {};
    q.text = "lua dao";
    q.crimeType = tipoff::CrimeType::Cyber;
    CHECK(tipoff::countCases(w.db, q) == 2);
    q.assignee = "nobody";
    CHECK(tipoff::countCases(w.db, q) == 0);
}

TEST_CASE("identity tokens in descriptions are validated before they count") {
    const auto tokens = tipoff::tokensFromText(
        "Gọi 0912.345.678 hoặc +84 987 654 321, xe 51F-123.45, CCCD 001099012345; "
        "số tài khoản 123456789012345 không phải điện thoại");
    auto has = [&](const std::string& kind, const std::string& value) {
        for (const auto& t : tokens)
            if (t.kind == kind && t.value == value)
                return true;
        return false;
    };
    CHECK(has("phone", "0912345678"));
    CHECK(has("phone", "0987654321"));
    CHECK(has("plate", "51F-123.45"));
    CHECK(has("cccd", "001099012345"));
    CHECK(tokens.size() == 4);
}

TEST_CASE("related cases: shared phone, CCCD or plate by blind index; near in place and time") {
    TipoffWorld w;
    // Two cyber-fraud tips naming the same scammer's phone, written differently.
    const auto p1 = fileTip(w.db, "cyber", "Bị lừa qua số 0912 345 678", "TP HCM", 10.77, 106.70,
                            "2026-10-01T10:00:00+07:00");
    const auto p2 = fileTip(w.db, "cyber", "Kẻ gian gọi từ +84912345678 mạo danh công an",
                            "Cần Thơ", 10.03, 105.78, "2026-11-15T10:00:00+07:00");
    // Two tips 300 m and 5 hours apart.
    const auto n1 = fileTip(w.db, "criminal", "Trộm cắp xe máy", "Hải Phòng", 20.8449, 106.6881,
                            "2026-11-10T20:00:00+07:00");
    const auto n2 = fileTip(w.db, "criminal", "Cướp giật túi xách", "Hải Phòng", 20.8476, 106.6881,
                            "2026-11-11T01:00:00+07:00");
    // Near in place but a week later: not related.
    const auto far = fileTip(w.db, "criminal", "Đánh nhau", "Hải Phòng", 20.8449, 106.6881,
                             "2026-11-18T20:00:00+07:00");
    // Same reporter (CCCD) on two different matters.
    const auto r1 = tipoff::IntakeService(w.db).fileAs(
        "test", c175::test::identifiedTip("Vũ E", "001199000123", "0355123456"));
    auto other = c175::test::identifiedTip("Vũ E", "001199000123", "0355123456");
    other.latitude = 16.05;
    other.longitude = 108.2;
    const auto r2 = tipoff::IntakeService(w.db).fileAs("test", other);
    // A plate.
    const auto v1 = fileTip(w.db, "traffic", "Xe 29-B1 123.45 đua xe", "Hà Nội", 21.0, 105.8,
                            "2026-09-01T22:00:00+07:00");
    const auto v2 = fileTip(w.db, "traffic", "Xe biển 29B1-12345 lạng lách", "Hà Nội", 21.2, 105.6,
                            "2026-10-20T22:00:00+07:00");

    auto rel = tipoff::relatedTo(w.db, p1.id);
    REQUIRE(rel.size() == 1);
    CHECK(rel[0].code == p2.code);
    CHECK(rel[0].reasons == std::vector<std::string>{"phone"});

    rel = tipoff::relatedTo(w.db, n1.id);
    REQUIRE(rel.size() == 1);
    CHECK(rel[0].code == n2.code);
    CHECK(rel[0].reasons == std::vector<std::string>{"near"});
    CHECK(rel[0].metres == doctest::Approx(300).epsilon(0.02));
    CHECK(rel[0].hours == doctest::Approx(5));

    rel = tipoff::relatedTo(w.db, r1.id);
    REQUIRE_FALSE(rel.empty());
    CHECK(rel[0].code == r2.code);
    CHECK(std::find(rel[0].reasons.begin(), rel[0].reasons.end(), "cccd") != rel[0].reasons.end());
    CHECK(std::find(rel[0].reasons.begin(), rel[0].reasons.end(), "phone") != rel[0].reasons.end());

    rel = tipoff::relatedTo(w.db, v2.id);
    REQUIRE(rel.size() == 1);
    CHECK(rel[0].code == v1.code);
    CHECK(rel[0].reasons == std::vector<std::string>{"plate"});
    CHECK(tipoff::relatedTo(w.db, far.id).empty());

    const auto groups = tipoff::relatedGroups(w.db);
    std::vector<std::vector<std::string>> got;
    for (const auto& g : groups)
        got.push_back(g.codes);
    auto sorted = [](std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    CHECK(groups.size() == 4);
    for (const auto& expected :
         {sorted({p1.code, p2.code}), sorted({n1.code, n2.code}), sorted({v1.code, v2.code})})
        CHECK(std::find(got.begin(), got.end(), expected) != got.end());
    // The two identified tips are filed at the sample's place and time, so they group with the
    // first drug tip-offs only by identity: r1 and r2 are one group.
    CHECK(std::find(got.begin(), got.end(), sorted({r1.code, r2.code})) != got.end());
    // The blind index holds digests, never the phone itself.
    CHECK(w.db.scalarInt("SELECT count(*) FROM tipoff_blind_index WHERE digest LIKE '%0912%' "
                         "OR length(digest) <> 64") == 0);
}

TEST_CASE("figures: counts, success rate, processing time, overdue, export") {
    c175::test::TempDir dir;
    TipoffWorld w;
    std::vector<tipoff::IntakeResult> tips;
    for (int i = 0; i < 4; ++i)
        tips.push_back(fileTip(w.db, i < 3 ? "cyber" : "drugs", "vụ " + std::to_string(i), "Hà Nội",
                               21.0 + 0.5 * i, 105.8, "2026-11-01T20:00:00+07:00"));
    auto conclude = [&](const std::string& id, tipoff::Outcome o, const std::string& concludedAt) {
        transition(w, id, Status::Verifying);
        transition(w, id, Status::Assigned);
        transition(w, id, Status::Investigating);
        transition(w, id, Status::Concluded, o);
        db::Statement fix(w.db, "UPDATE tipoffs SET received_at = '2026-11-01T00:00:00Z', "
                                "concluded_at = ? WHERE id = ?");
        fix.bindAll(concludedAt, id);
        fix.run();
    };
    conclude(tips[0].id, tipoff::Outcome::Substantiated, "2026-11-02T00:00:00Z");   // 24 h
    conclude(tips[1].id, tipoff::Outcome::Unsubstantiated, "2026-11-03T00:00:00Z"); // 48 h
    conclude(tips[2].id, tipoff::Outcome::Substantiated, "2026-11-05T00:00:00Z");   // 96 h
    w.db.exec("UPDATE tipoffs SET satisfaction = 4 WHERE outcome = 'substantiated'");
    w.db.exec("UPDATE tipoffs SET due_at = '2026-01-01T00:00:00Z' WHERE outcome IS NULL");

    const auto s = tipoff::computeStats(w.db);
    CHECK(s.total == 4);
    REQUIRE(s.byCrimeType.size() == 2);
    CHECK(s.byCrimeType[0] == std::pair<std::string, std::int64_t>{"cyber", 3});
    CHECK(s.concluded == 3);
    CHECK(s.substantiated == 2);
    CHECK(*s.successRate == doctest::Approx(2.0 / 3.0));
    CHECK(*s.medianProcessingHours == doctest::Approx(48));
    CHECK(*s.meanProcessingHours == doctest::Approx((24 + 48 + 96) / 3.0));
    CHECK(s.overdue == 1);
    CHECK(s.satisfactionCount == 2);
    CHECK(*s.satisfactionMean == doctest::Approx(4));
    const auto json = tipoff::statsToJson(s);
    CHECK(json.find("\"total\":4") != std::string::npos);
    CHECK(json.find("\"success_rate\":0.666") != std::string::npos);
    CHECK(json.find("\"median_processing_hours\":48") != std::string::npos);

    tipoff::StatsFilter f;
    f.crimeType = tipoff::CrimeType::Drugs;
    CHECK(tipoff::computeStats(w.db, f).total == 1);

    CHECK(tipoff::exportCasesCsv(w.db, {}, dir.file("cases.csv")) == 4);
    std::ifstream in(dir.file("cases.csv"), std::ios::binary);
    const std::string csv{std::istreambuf_iterator<char>(in), {}};
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 5);
    CHECK(tipoff::exportXlsx(w.db, {}, s, dir.file("cases.xlsx")) == 4);
    std::ifstream x(dir.file("cases.xlsx"), std::ios::binary);
    std::string head(2, '\0');
    x.read(head.data(), 2);
    CHECK(head == "PK"); // a zip container, as XLSX is
    tipoff::exportStatsCsv(s, dir.file("figures.csv"));
    CHECK(std::filesystem::file_size(dir.file("figures.csv")) > 50);
    CHECK(tipoff::csvField("a,\"b\"") == "\"a,\"\"b\"\"\"");
}
