#include "stats/counts.h"

#include "db/database.h"

namespace c175::stats {
namespace {

// Every table a person would ask "how many?" about; those with a `deleted` column count only
// live rows.
const char* const kTables[] = {"admin_units",
                               "users",
                               "kiosks",
                               "kiosk_heartbeats",
                               "kiosk_usage_daily",
                               "kiosk_faults",
                               "kiosk_maintenance",
                               "kiosk_admins",
                               "cameras",
                               "camera_alerts",
                               "gate_counts",
                               "tipoffs",
                               "tipoff_history",
                               "tipoff_evidence",
                               "tipoff_notices",
                               "households",
                               "beneficiaries",
                               "programmes",
                               "applications",
                               "lodgings",
                               "stays",
                               "audit_log",
                               "sync_outbox"};

bool hasDeletedColumn(db::Database& db, const std::string& table) {
    db::Statement q(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = 'deleted'");
    q.bind(1, table);
    return q.step();
}

} // namespace

std::map<std::string, std::int64_t> countAll(db::Database& db) {
    std::map<std::string, std::int64_t> counts;
    for (const char* table : kTables) {
        if (!db.tableExists(table))
            continue;
        const std::string sql = std::string("SELECT count(*) FROM ") + table +
                                (hasDeletedColumn(db, table) ? " WHERE deleted = 0" : "");
        counts[table] = db.scalarInt(sql);
    }
    counts["provinces"] = db.scalarInt("SELECT count(*) FROM admin_units WHERE layer = '2025' "
                                       "AND level = 'province' AND deleted = 0");
    counts["communes"] = db.scalarInt("SELECT count(*) FROM admin_units WHERE layer = '2025' AND "
                                      "level = 'commune' AND deleted = 0");
    return counts;
}

} // namespace c175::stats
