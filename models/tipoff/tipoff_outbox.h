// Outbox entries for tip-off rows: builds the JSON of a row's fields (blobs as hex, as the sync
// base does) and records it through change capture, inside the caller's transaction.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::tipoff {

// Every field of a new row (sync columns excepted).
void recordNewRow(db::Database& db, std::string_view table, const std::string& id,
                  const std::string& actor);
// The named fields of an edited row, with their current values.
void recordChangedFields(db::Database& db, std::string_view table, const std::string& id,
                         const std::vector<std::string>& fields, const std::string& actor);

} // namespace c175::tipoff
