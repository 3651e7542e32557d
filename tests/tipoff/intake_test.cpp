// Intake: validation of every field, nothing stored on refusal, evidence by content, case codes.
#include "tipoff_fixture.h"

#include "audit/audit_log.h"
#include "core/errors.h"
#include "tipoff/crypto_box.h"
#include "tipoff/evidence.h"
#include "tipoff/tipoff_types.h"
#include "values/case_code.h"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

using namespace c175;
using c175::test::TipoffWorld;

namespace {

std::string refusedField(tipoff::IntakeService& intake, const tipoff::IntakeInput& in) {
    try {
        intake.fileAs("test", in);
    } catch (const core::ValidationError& e) {
        return e.field();
    }
    return "(accepted)";
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

} // namespace

TEST_CASE("a 1,001-character description is refused and nothing is stored") {
    TipoffWorld w;
    tipoff::IntakeService intake(w.db);
    const auto auditBefore = w.count("audit_log");
    const auto outboxBefore = w.count("sync_outbox");
    auto in = c175::test::sampleTip();
    // 1,001 Vietnamese letters: 2 bytes each in UTF-8, so bytes would mislead a byte count.
    in.description.clear();
    for (int i = 0; i < 1001; ++i)
        in.description += "đ";
    try {
        intake.fileAs("test", in);
        FAIL("accepted a 1,001-character description");
    } catch (const core::ValidationError& e) {
        CHECK(e.field() == "description");
        CHECK(std::string(e.rule()).find("1000") != std::string::npos);
    }
    CHECK(w.count("tipoffs") == 0);
    CHECK(w.count("tipoff_history") == 0);
    CHECK(w.count("tipoff_notices") == 0);
    CHECK(w.count("audit_log") == auditBefore);
    CHECK(w.count("sync_outbox") == outboxBefore);
    CHECK(w.count("tipoff_fts") == 0);

    // Exactly 1,000 characters go in.
    in.description = in.description.substr(2);
    const auto r = intake.fileAs("test", in);
    CHECK(w.db.scalarInt("SELECT length(description) FROM tipoffs") == 1000);
    CHECK_FALSE(r.code.empty());
}

TEST_CASE("each invalid field is named") {
    TipoffWorld w;
    tipoff::IntakeService intake(w.db);
    auto in = c175::test::sampleTip();
    in.crimeType = "piracy";
    CHECK(refusedField(intake, in) == "crime_type");
    in = c175::test::sampleTip();
    in.subtype = "online_fraud"; // a cyber subtype on a drugs tip
    CHECK(refusedField(intake, in) == "subtype");
    in = c175::test::sampleTip();
    in.latitude = 48.85; // Paris
    in.longitude = 2.35;
    CHECK(refusedField(intake, in) == "location");
    in = c175::test::sampleTip();
    in.longitude.reset();
    CHECK(refusedField(intake, in) == "location");
    in = c175::test::sampleTip();
    in.occurredAt = "2026-11-30 21:00"; // no T, no offset
    CHECK(refusedField(intake, in) == "occurred_at");
    in = c175::test::sampleTip();
    in.occurredAt = "2026-11-30T21:00:00"; // no offset
    CHECK(refusedField(intake, in) == "occurred_at");
    in = c175::test::sampleTip();
    in.discoveredAt = "2026-11-29T21:00:00+07:00"; // before it happened
    CHECK(refusedField(intake, in) == "discovered_at");
    in = c175::test::sampleTip();
    in.occurredAt = "2999-01-01T00:00:00Z";
    CHECK(refusedField(intake, in) == "occurred_at");
    in = c175::test::sampleTip();
    in.channel = "fax";
    CHECK(refusedField(intake, in) == "channel");
    in = c175::test::identifiedTip("Trần Thị B", "001199000123", "0912345678");
    in.reporter.cccd = "12345";
    CHECK(refusedField(intake, in) == "reporter.cccd");
    in = c175::test::identifiedTip("Trần Thị B", "001199000123", "0912345678");
    in.reporter.phone = "0112345678";
    CHECK(refusedField(intake, in) == "reporter.phone");
    in = c175::test::identifiedTip("Trần Thị B", "001199000123", "0912345678");
    in.reporter.email = "not-an-email";
    CHECK(refusedField(intake, in) == "reporter.email");
    in = c175::test::identifiedTip("", "001199000123", "0912345678");
    CHECK(refusedField(intake, in) == "reporter.name");
    in = c175::test::identifiedTip("Trần Thị B", "001199000123", "0912345678");
    in.anonymous = true; // anonymous but identity given
    CHECK(refusedField(intake, in) == "reporter");
    in = c175::test::sampleTip();
    in.peopleInvolved = -1;
    CHECK(refusedField(intake, in) == "people_involved");
    in = c175::test::sampleTip();
    in.behaviours = {""};
    CHECK(refusedField(intake, in) == "behaviours[0]");
    CHECK(w.count("tipoffs") == 0);
}

TEST_CASE("intake JSON: known fields, types checked, unknown fields refused") {
    const auto in = tipoff::intakeFromJson(
        R"({"crime_type":"cyber","subtype":"online_fraud","description":"Lừa đảo",
            "latitude":10.77,"longitude":106.7,"address":"Quận 1","occurred_at":
            "2026-11-01T08:00:00+07:00","discovered_at":"2026-11-02T08:00:00+07:00",
            "channel":"web","anonymous":false,"reporter":{"name":"A","cccd":"001199000123",
            "phone":"0912345678","email":"a@b.vn","address":"x","share_with_agencies":true},
            "people_involved":1,"objects_involved":2,"behaviours":["gọi điện"],
            "evidence":[{"file":"a.jpg","description":"ảnh"}]})");
    CHECK(in.crimeType == "cyber");
    CHECK(*in.latitude == doctest::Approx(10.77));
    CHECK(in.anonymous == false);
    CHECK(in.reporter.shareWithAgencies);
    CHECK(in.objectsInvolved == 2);
    CHECK(in.evidence.size() == 1);
    CHECK(in.behaviours.at(0) == "gọi điện");
    CHECK_THROWS_AS(tipoff::intakeFromJson(R"({"latitude":"north"})"), core::ValidationError);
    CHECK_THROWS_AS(tipoff::intakeFromJson(R"({"colour":"red"})"), core::ValidationError);
    CHECK_THROWS_AS(tipoff::intakeFromJson("[1"), core::ValidationError);
    const auto items = tipoff::intakeArrayFromJson(R"([{"crime_type":"drugs"}, 5, {"x":1}])");
    REQUIRE(items.size() == 3);
    CHECK(items[0].input.has_value());
    CHECK(items[1].field == "record");
    CHECK(items[2].field == "x");
}

TEST_CASE("evidence: type from content, size limit, SHA-256, content-addressed copy") {
    c175::test::TempDir dir;
    TipoffWorld w;
    tipoff::IntakeOptions options;
    options.evidenceRoot = dir.path() / "store";
    options.maxEvidenceBytes = 1000;
    tipoff::IntakeService intake(w.db, options);

    const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(100, 'p');
    writeBytes(dir.file("shot.jpg"), png); // the name says JPEG, the content is PNG
    writeBytes(dir.file("fake.mp4"), "this is only text, whatever the name says");
    writeBytes(dir.file("big.png"), png + std::string(1000, 'x'));
    writeBytes(dir.file("voice.mp3"), std::string("ID3\x04\0\0", 6) + std::string(50, 'a'));

    auto in = c175::test::sampleTip();
    in.evidence = {{dir.file("fake.mp4"), "video"}};
    CHECK(refusedField(intake, in) == "evidence[0].file");
    in.evidence = {{dir.file("big.png"), "too big"}};
    CHECK(refusedField(intake, in) == "evidence[0].file");
    in.evidence = {{dir.file("missing.png"), "gone"}};
    CHECK(refusedField(intake, in) == "evidence[0].file");
    CHECK(w.count("tipoffs") == 0);

    in.evidence = {{dir.file("shot.jpg"), "ảnh chụp"}, {dir.file("voice.mp3"), "ghi âm"}};
    const auto r = intake.fileAs("test", in);
    db::Statement q(w.db, "SELECT media_type, sha256, size_bytes, description FROM "
                          "tipoff_evidence WHERE tipoff_id = ? ORDER BY media_type");
    q.bind(1, r.id);
    REQUIRE(q.step());
    CHECK(q.getText(0) == "audio/mpeg");
    REQUIRE(q.step());
    CHECK(q.getText(0) == "image/png");
    // sha256 of the PNG bytes, computed independently here.
    const std::string expected = tipoff::crypto::toHex(tipoff::crypto::sha256(png));
    CHECK(q.getText(1) == expected);
    CHECK(q.getInt64(2) == static_cast<std::int64_t>(png.size()));
    CHECK(q.getText(3) == "ảnh chụp");
    const auto stored = tipoff::EvidenceStore(options.evidenceRoot).pathOf(expected);
    REQUIRE(std::filesystem::exists(stored));
    CHECK(std::filesystem::file_size(stored) == png.size());
}

TEST_CASE("media types are recognised by their first bytes") {
    CHECK(tipoff::sniffMediaType("\xFF\xD8\xFF\xE0") == "image/jpeg");
    CHECK(tipoff::sniffMediaType(std::string("\0\0\0\x18"
                                             "ftypmp42",
                                             12)) == "video/mp4");
    CHECK(tipoff::sniffMediaType(std::string("\0\0\0\x18"
                                             "ftypM4A ",
                                             12)) == "audio/mp4");
    CHECK(tipoff::sniffMediaType(std::string("RIFF\x24\x08\0\0WAVEfmt ", 16)) == "audio/wav");
    CHECK(tipoff::sniffMediaType("\xFF\xFB\x90\x64") == "audio/mpeg");
    CHECK(tipoff::sniffMediaType("GIF89a") == "");
    CHECK(tipoff::sniffMediaType("%PDF-1.7") == "");
}

TEST_CASE("case codes: offline form, per-cache device tag, no collisions between caches") {
    c175::test::TempDir dir;
    std::set<std::string> codes;
    std::set<std::string> tags;
    for (int cache = 0; cache < 2; ++cache) {
        TipoffWorld w(dir.file("c" + std::to_string(cache) + ".db"), false);
        tipoff::IntakeService intake(w.db);
        for (int i = 0; i < 3; ++i) {
            const auto r = intake.fileAs("test", c175::test::sampleTip());
            const auto code = values::CaseCode::parse(r.code);
            CHECK(code.isOffline());
            CHECK(code.prefix() == "TG");
            CHECK(code.sequence() == i + 1);
            tags.insert(code.deviceTag());
            codes.insert(r.code);
        }
    }
    CHECK(codes.size() == 6);
    CHECK(tags.size() == 2);
}

TEST_CASE("intake writes history, notice, audit and outbox in one go; due date per type") {
    TipoffWorld w;
    tipoff::IntakeOptions options;
    options.nowUnix = [] { return std::int64_t{1796000000}; };
    tipoff::IntakeService intake(w.db, options);
    auto in = c175::test::sampleTip();
    in.crimeType = "traffic";
    in.subtype = "street_racing";
    in.occurredAt = "2026-11-29T21:00:00+07:00"; // before the injected clock
    in.discoveredAt.clear();
    const auto r = intake.fileAs("os:tester", in);
    CHECK(r.dueAt == core::formatUtcSeconds(1796000000 + 10 * 86400));
    CHECK(w.count("tipoff_history") == 1);
    db::Statement n(w.db, "SELECT channel, state FROM tipoff_notices");
    REQUIRE(n.step());
    CHECK(n.getText(0) == "followup"); // anonymous: only through the follow-up code
    CHECK(n.getText(1) == "queued");
    CHECK(w.db.scalarInt("SELECT count(*) FROM sync_outbox WHERE entity = 'tipoffs'") == 1);
    CHECK(w.db.scalarInt("SELECT count(*) FROM sync_outbox WHERE entity = 'tipoff_history'") == 1);
    CHECK(w.db.scalarInt("SELECT count(*) FROM sync_outbox WHERE entity = 'tipoff_notices'") == 1);
    CHECK(w.db.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'create' AND "
                         "entity = 'tipoffs'") == 1);
    // The follow-up code is kept only as a hash.
    CHECK(w.db.scalarText("SELECT followup_code FROM tipoffs") ==
          tipoff::followupHash(r.followupCode));
    CHECK(w.db.scalarInt("SELECT count(*) FROM tipoffs WHERE followup_code = '" + r.followupCode +
                         "'") == 0);
    CHECK(audit::AuditLog(w.db).verify().ok);
}

TEST_CASE("an identified tip needs the centre key to seal the reporter") {
    TipoffWorld w(":memory:", false);
    tipoff::IntakeService intake(w.db);
    CHECK_THROWS_AS(
        intake.fileAs("test", c175::test::identifiedTip("Lê C", "001199000123", "0912345678")),
        tipoff::TipoffError);
    CHECK(w.count("tipoffs") == 0);
}

TEST_CASE("creating tip-offs needs the permission") {
    TipoffWorld w;
    tipoff::IntakeService intake(w.db);
    CHECK_THROWS_AS(intake.file(w.analyst, c175::test::sampleTip()), auth::AccessDenied);
    CHECK_THROWS_AS(intake.file(w.operatorUser, c175::test::sampleTip()), auth::AccessDenied);
    CHECK_NOTHROW(intake.file(w.officer, c175::test::sampleTip()));
    CHECK(w.count("tipoffs") == 1);
}
