#include "seed/seed.h"

#include "audit/audit_log.h"
#include "auth/accounts.h"
#include "core/i18n.h"
#include "core/ids.h"
#include "core/progress.h"
#include "db/database.h"
#include "geodata/import.h"
#include "seed/seed_context.h"
#include "tipoff/centre_keys.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace c175::seed {
namespace {

// Tables whose rows mean the cache already holds pilot data (seeding would mix two worlds).
const char* const kPilotTables[] = {"kiosks",     "cameras",       "camera_alerts", "tipoffs",
                                    "households", "beneficiaries", "programmes",    "applications",
                                    "lodgings",   "stays"};

void refuseIfSeeded(db::Database& db) {
    std::int64_t rows = 0;
    for (const char* table : kPilotTables)
        rows +=
            db.scalarInt(std::string("SELECT count(*) FROM (SELECT 1 FROM ") + table + " LIMIT 1)");
    if (rows > 0)
        throw db::DbError(core::fmt(
            core::tr("The cache \"{}\" already holds pilot data; demo data is only seeded into a "
                     "cache without any, so nothing was changed."),
            db.path()));
}

// Faster writes for the seed's one big transaction; the previous settings come back after.
// - synchronous OFF: a crash mid-seed loses only the uncommitted seed.
// - foreign keys OFF: every reference is made by the seed itself (test_seed runs
//   foreign_key_check), and the lookups would cost a third of the time.
// - a rollback journal instead of WAL while it runs: new pages go to the file once, where WAL
//   would write them to the log (again each time the cache spills) and then copy them over.
//   When another connection holds the file in WAL mode the switch fails and WAL stays.
class BulkWriteSettings {
public:
    explicit BulkWriteSettings(db::Database& db)
        : m_db(db), m_synchronous(db.scalarInt("PRAGMA synchronous")),
          m_cacheSize(db.scalarInt("PRAGMA cache_size")),
          m_foreignKeys(db.scalarInt("PRAGMA foreign_keys")) {
        m_db.exec("PRAGMA synchronous = OFF");
        m_db.exec("PRAGMA cache_size = -262144"); // 256 MiB
        m_db.exec("PRAGMA foreign_keys = OFF");
        if (m_db.scalarText("PRAGMA journal_mode").value_or("") == "wal") {
            try {
                m_leftWal = m_db.scalarText("PRAGMA journal_mode = DELETE").value_or("") != "wal";
            } catch (const db::DbError&) {
                m_leftWal = false;
            }
        }
    }
    ~BulkWriteSettings() {
        try {
            if (m_leftWal)
                m_db.scalarText("PRAGMA journal_mode = WAL");
            m_db.exec("PRAGMA foreign_keys = " + std::to_string(m_foreignKeys));
            m_db.exec("PRAGMA synchronous = " + std::to_string(m_synchronous));
            m_db.exec("PRAGMA cache_size = " + std::to_string(m_cacheSize));
        } catch (...) {
            // The connection keeps working with the bulk settings; nothing to report.
        }
    }
    BulkWriteSettings(const BulkWriteSettings&) = delete;
    BulkWriteSettings& operator=(const BulkWriteSettings&) = delete;

private:
    db::Database& m_db;
    std::int64_t m_synchronous;
    std::int64_t m_cacheSize;
    std::int64_t m_foreignKeys;
    bool m_leftWal = false;
};

// Secondary indexes of the big tables are dropped inside the seed's transaction and built again
// at its end: sorting once is much cheaper than millions of inserts at random places. UNIQUE
// constraints (autoindexes, no SQL) stay, so duplicates are still refused as they come.
class DeferredIndexes {
public:
    explicit DeferredIndexes(db::Database& db) : m_db(db) {
        static const char* const kTables[] = {
            "camera_alerts", "stays",        "tipoff_history",     "kiosk_heartbeats",
            "tipoffs",       "applications", "beneficiaries",      "tipoff_notices",
            "kiosk_faults",  "gate_counts",  "tipoff_blind_index", "tipoff_evidence"};
        db::Statement q(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                            "tbl_name = ? AND sql IS NOT NULL");
        for (const char* table : kTables) {
            q.reset();
            q.bind(1, table);
            while (q.step())
                m_indexes.emplace_back(q.getText(0), q.getText(1));
        }
        for (const auto& [name, sql] : m_indexes)
            m_db.exec("DROP INDEX \"" + name + "\"");
    }
    void rebuild(core::Progress& progress) {
        const auto total = static_cast<std::int64_t>(m_indexes.size());
        std::int64_t done = 0;
        for (const auto& [name, sql] : m_indexes) {
            progress.checkpoint();
            progress.update(core::tr("Indexes"), done++, total);
            m_db.exec(sql);
        }
        progress.update(core::tr("Indexes"), total, total);
    }

private:
    db::Database& m_db;
    std::vector<std::pair<std::string, std::string>> m_indexes;
};

std::int64_t countCommunes(db::Database& db) {
    return db.scalarInt("SELECT count(*) FROM admin_units WHERE layer = '2025' AND "
                        "level = 'commune' AND deleted = 0");
}

// Demo users through the account service (hashing, validation and audit as for any account),
// as one step of the seed's transaction. Existing names are left alone.
void seedUsers(SeedContext& ctx) {
    auth::AccountService accounts(ctx.db);
    std::int64_t made = 0;
    for (const auto& u : demoUsers()) {
        if (const auto existing = accounts.find(u.username)) {
            ctx.userIds[u.username] = existing->id;
            continue;
        }
        const auto user = accounts.addUser(ctx.options.actor, u.username, u.displayName,
                                           *auth::parseRole(u.role), u.password);
        ctx.userIds[u.username] = user.id;
        ++made;
    }
    ctx.counts["users"] = made;
}

bool holdsGeodata(const std::filesystem::path& dir) {
    std::error_code ec;
    return !dir.empty() && std::filesystem::is_regular_file(dir / geodata::kProvincesFile, ec);
}

} // namespace

std::optional<Scale> parseScale(std::string_view text) {
    if (text == "small")
        return Scale::Small;
    if (text == "large")
        return Scale::Large;
    return std::nullopt;
}

const std::vector<DemoUser>& demoUsers() {
    static const std::vector<DemoUser> users = {
        {"operator", "Nguyễn Văn Hùng", "operator", "Demo@175-operator"},
        {"officer", "Trần Thị Mai", "case_officer", "Demo@175-officer"},
        {"reviewer", "Lê Minh Tuấn", "welfare_reviewer", "Demo@175-reviewer"},
        {"approver", "Phạm Thị Hương", "welfare_approver", "Demo@175-approver"},
        {"analyst", "Hoàng Đức Anh", "analyst", "Demo@175-analyst"},
        {"admin", "Võ Thanh Bình", "admin", "Demo@175-admin"},
    };
    return users;
}

std::string findGeodataDir() {
    if (const char* env = std::getenv("C175_GEODATA"); env && *env && holdsGeodata(env))
        return env;
#ifdef C175_DEFAULT_GEODATA
    if (holdsGeodata(C175_DEFAULT_GEODATA))
        return std::filesystem::path(C175_DEFAULT_GEODATA).lexically_normal().string();
#endif
    if (holdsGeodata("../shared/data/geo"))
        return std::filesystem::absolute("../shared/data/geo").lexically_normal().string();
    return "";
}

SeedReport seedDemo(db::Database& db, const SeedOptions& options, core::Progress& progress) {
    const auto started = std::chrono::steady_clock::now();
    refuseIfSeeded(db);
    SeedReport report;

    BulkWriteSettings bulk(db);
    db::Transaction tx(db);
    // Everything below, the geodata import included, is one transaction: a failure or a cancel
    // leaves the cache as it was.
    if (countCommunes(db) == 0) {
        if (!options.geodataDir.empty()) {
            geodata::importDirectory(db, options.geodataDir, options.actor, progress);
            report.geodataImported = true;
        } else {
            report.note = core::tr(
                "No geodata folder was found, so the demo data has no provinces or communes "
                "of its own and lies near the provincial capitals. Get the files described in "
                "../shared/data/geo/README.txt, point C175_GEODATA at their folder and seed a "
                "new cache, or run c175ctl --db FILE geodata import DIR first.");
        }
    }
    DeferredIndexes indexes(db);
    SeedContext ctx(db, options, progress);
    ctx.loadCommunes();
    seedUsers(ctx);
    // The centre key pair, wrapped for the demo case officer and administrator, so the named
    // reporters below can be sealed and revealed in the demo.
    if (!tipoff::hasCentreKeys(db))
        tipoff::createCentreKeys(db, options.actor,
                                 {{"officer", "Demo@175-officer"}, {"admin", "Demo@175-admin"}});
    seedKiosks(ctx);
    seedCameras(ctx);
    seedTipoffs(ctx);
    seedWelfare(ctx);
    seedTourism(ctx);
    indexes.rebuild(progress);
    progress.checkpoint();
    tx.commit();
    report.counts = ctx.counts;
    report.counts["admin_units"] =
        db.scalarInt("SELECT count(*) FROM admin_units WHERE deleted = 0");
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

} // namespace c175::seed
