// Issue 5: the demo seed's tip-offs are realistic for protection and related cases: named
// reporters sealed to the centre key as intake seals them, keyed blind indexes that link tips by
// phone, CCCD and plate, tips close in place and time, real evidence files, and no reporter
// identity anywhere in the cache file in clear.
#include "core/progress.h"
#include "db/database.h"
#include "seed/seed.h"
#include "seed/seed_evidence.h"
#include "test_support.h"
#include "tipoff/centre_keys.h"
#include "tipoff/crypto_box.h"
#include "tipoff/evidence.h"
#include "tipoff/identity_tokens.h"
#include "tipoff/related_cases.h"

#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

using namespace c175;

namespace {

constexpr std::int64_t kAsOf = 1796302800; // 2026-12-03T13:00:00Z

std::string fileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

struct SeededFile {
    test::TempDir dir;
    std::string path = dir.file("demo.c175");
    SeededFile() {
        auto db = db::openCache(path);
        seed::SeedOptions options;
        options.scale = seed::Scale::Small;
        options.asOf = kAsOf;
        options.actor = "test";
        core::NoProgress progress;
        seed::seedDemo(db, options, progress);
    }
};

SeededFile& seeded() {
    static SeededFile instance;
    return instance;
}

bool inSameGroup(const std::vector<tipoff::CaseGroup>& groups, const std::string& a,
                 const std::string& b) {
    for (const auto& g : groups)
        if (std::find(g.ids.begin(), g.ids.end(), a) != g.ids.end())
            return std::find(g.ids.begin(), g.ids.end(), b) != g.ids.end();
    return false;
}

} // namespace

TEST_CASE("seeded tip-offs: related cases found for every reason, and grouped") {
    auto db = db::openCache(seeded().path);
    const auto groups = tipoff::relatedGroups(db);
    CHECK(groups.size() >= 4);
    const char* const live = "('merged', 'rejected')";
    for (const std::string kind : {"phone", "cccd", "plate"}) {
        CAPTURE(kind);
        // Two live tips sharing a digest of this kind.
        db::Statement pair(db, std::string("SELECT a.tipoff_id, b.tipoff_id FROM "
                                           "tipoff_blind_index a JOIN tipoff_blind_index b ON "
                                           "b.kind = a.kind AND b.digest = a.digest AND "
                                           "b.tipoff_id > a.tipoff_id JOIN tipoffs ta ON ta.id = "
                                           "a.tipoff_id JOIN tipoffs tb ON tb.id = b.tipoff_id "
                                           "WHERE a.kind = ? AND ta.status NOT IN ") +
                                   live + " AND tb.status NOT IN " + live + " LIMIT 1");
        pair.bind(1, kind);
        REQUIRE(pair.step());
        const std::string a = pair.getText(0), b = pair.getText(1);
        bool found = false;
        for (const auto& r : tipoff::relatedTo(db, a))
            if (r.id == b)
                found = std::find(r.reasons.begin(), r.reasons.end(), kind) != r.reasons.end();
        CHECK(found);
        CHECK(inSameGroup(groups, a, b));
    }
    // Close in place and time: some seeded tip is a second report of another's incident.
    db::Statement tips(db, "SELECT id FROM tipoffs WHERE status NOT IN ('merged', 'rejected') "
                           "ORDER BY received_at");
    int near = 0;
    while (tips.step() && near == 0) {
        for (const auto& r : tipoff::relatedTo(db, tips.getText(0))) {
            if (std::find(r.reasons.begin(), r.reasons.end(), "near") == r.reasons.end())
                continue;
            CHECK(r.metres < tipoff::kNearMetres);
            CHECK(r.hours < tipoff::kNearHours);
            if (r.status != "merged" && r.status != "rejected") {
                CHECK(inSameGroup(groups, tips.getText(0), r.id));
                ++near;
            }
        }
    }
    CHECK(near > 0);
}

TEST_CASE("seeded blind indexes are the ones intake would write for the same tip") {
    auto db = db::openCache(seeded().path);
    const tipoff::BlindIndexer indexer(db);
    db::Statement tips(db, "SELECT id, description FROM tipoffs");
    db::Statement rows(db, "SELECT kind || ':' || digest FROM tipoff_blind_index WHERE "
                           "tipoff_id = ? AND source = 'description'");
    int plates = 0;
    while (tips.step()) {
        std::set<std::string> expected, stored;
        for (const auto& t : tipoff::tokensFromText(tips.getText(1)))
            expected.insert(t.kind + ":" + indexer.digest(t.kind, t.value));
        rows.reset();
        rows.bind(1, tips.getText(0));
        while (rows.step())
            stored.insert(rows.getText(0));
        CHECK_MESSAGE(stored == expected, tips.getText(1));
        plates += static_cast<int>(stored.size());
    }
    CHECK(plates > 100);
    // Reporter tokens: one per named reporter at least (the phone), none for the anonymous.
    CHECK(db.scalarInt("SELECT count(*) FROM tipoffs t WHERE anonymous = 0 AND NOT EXISTS "
                       "(SELECT 1 FROM tipoff_blind_index b WHERE b.tipoff_id = t.id AND "
                       "b.kind = 'phone' AND b.source = 'reporter')") == 0);
    CHECK(db.scalarInt("SELECT count(*) FROM tipoff_blind_index b JOIN tipoffs t ON t.id = "
                       "b.tipoff_id WHERE t.anonymous = 1 AND b.source = 'reporter'") == 0);
}

TEST_CASE("seeded evidence: real files in the store, rows matching their content") {
    auto db = db::openCache(seeded().path);
    const tipoff::EvidenceStore store(tipoff::EvidenceStore::besideCache(seeded().path));
    const auto total = db.scalarInt("SELECT count(*) FROM tipoff_evidence");
    CHECK(total > 50);
    CHECK(db.scalarInt("SELECT count(DISTINCT media_type) FROM tipoff_evidence") == 2);
    db::Statement q(db, "SELECT DISTINCT sha256, media_type, size_bytes, file_name FROM "
                        "tipoff_evidence");
    int files = 0;
    while (q.step()) {
        const std::string bytes = fileBytes(store.pathOf(q.getText(0)));
        REQUIRE_MESSAGE(!bytes.empty(), q.getText(3));
        CHECK(tipoff::crypto::toHex(tipoff::crypto::sha256(bytes)) == q.getText(0));
        CHECK(tipoff::sniffMediaType(bytes.substr(0, 64)) == q.getText(1));
        CHECK(static_cast<std::int64_t>(bytes.size()) == q.getInt64(2));
        ++files;
    }
    CHECK(files >= 6);
}

TEST_CASE("generated media are well formed") {
    const std::string png = seed::demoPng(4, 3, 1);
    CHECK(tipoff::sniffMediaType(png) == "image/png");
    // IHDR: 13 bytes, 4 x 3, and the file ends with the IEND chunk and its fixed CRC.
    CHECK(png.substr(12, 4) == "IHDR");
    CHECK(png.substr(png.size() - 12) == std::string("\0\0\0\0IEND\xAE\x42\x60\x82", 12));
    const std::string wav = seed::demoWav(0.5, 440);
    CHECK(tipoff::sniffMediaType(wav) == "audio/wav");
    CHECK(wav.size() == 44 + 4000);
}

TEST_CASE("the seeded cache file holds no reporter's name, phone or CCCD in clear") {
    // Read the reporters back through the key (the demo case officer's), then search the bytes.
    std::vector<std::string> names, phones, cccds;
    {
        auto db = db::openCache(seeded().path);
        db::Statement q(db, "SELECT reporter_sealed FROM tipoffs WHERE anonymous = 0 "
                            "ORDER BY code LIMIT 60");
        while (q.step()) {
            const std::string json =
                tipoff::openReporter(db, {"officer", test::demoPassword("officer")}, q.getBlob(0));
            const auto o = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
            names.push_back(o->getValue<std::string>("name"));
            phones.push_back(o->getValue<std::string>("phone"));
            if (const auto cccd = o->getValue<std::string>("cccd"); !cccd.empty())
                cccds.push_back(cccd);
        }
        REQUIRE(names.size() == 60);
        REQUIRE(cccds.size() > 20);
        // A person's name may be someone else's too (a household head, a beneficiary): only
        // names that no other table holds in clear are searched for.
        db::Statement other(db, "SELECT (SELECT count(*) FROM households WHERE head_name = ?1) + "
                                "(SELECT count(*) FROM beneficiaries WHERE full_name = ?1) + "
                                "(SELECT count(*) FROM users WHERE display_name = ?1)");
        std::vector<std::string> unique;
        for (const auto& n : names) {
            other.reset();
            other.bind(1, n);
            REQUIRE(other.step());
            if (other.getInt64(0) == 0)
                unique.push_back(n);
        }
        names.swap(unique);
        CHECK(names.size() > 30);
    }
    const auto& path = seeded().path;
    const std::string bytes = fileBytes(path) + fileBytes(path + "-wal");
    REQUIRE(bytes.size() > 10'000'000);
    for (const auto& n : names)
        CHECK_MESSAGE(bytes.find(n) == std::string::npos, n);
    for (const auto& p : phones) {
        CHECK_MESSAGE(bytes.find(p) == std::string::npos, p);
        CHECK_MESSAGE(bytes.find("+84" + p.substr(1)) == std::string::npos, p);
    }
    for (const auto& c : cccds)
        CHECK_MESSAGE(bytes.find(c) == std::string::npos, c);
}
