// Row counts of the cache's tables, for `c175ctl stats`, the status bar and tests.
#pragma once
#include <cstdint>
#include <map>
#include <string>

namespace c175::db {
class Database;
}

namespace c175::stats {

// Non-deleted rows per table: kiosks cameras camera_alerts tipoffs beneficiaries applications
// lodgings stays admin_units users, the other pilot tables, plus "provinces" and "communes" (the
// 2025 administrative units) and "audit_log".
std::map<std::string, std::int64_t> countAll(db::Database& db);

} // namespace c175::stats
