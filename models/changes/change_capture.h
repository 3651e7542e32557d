// Change capture: a local edit of a synced row records its outbox entry in the same transaction.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::changes {

// Records an upsert of `rowId` in sync_outbox. Call inside the SAME db::Transaction as the edit,
// after writing the row (throws std::logic_error outside a transaction). Sets the row's
// updated_at (hybrid logical clock) and updated_by. `fieldsJson` is a JSON object of the changed
// fields with their new values (for a new row: every field). Generates the op_id (UUIDv7) and
// returns it. Throws core::ValidationError for an unknown entity, a missing row, malformed JSON or
// a field the entity does not have.
std::string recordUpsert(db::Database& db, std::string_view entity, std::string_view rowId,
                         const std::string& fieldsJson, const std::string& actor);
// Marks the row deleted (a tombstone, so the deletion syncs) and records it. Same rules.
std::string recordDelete(db::Database& db, std::string_view entity, std::string_view rowId,
                         const std::string& actor);

// The next hybrid logical clock value, persisted in sync_state ("hlc"): text that sorts in time
// order, "<unix ms, 13 digits>.<counter, 5 digits>.<node id>", strictly increasing per cache.
std::string nextHlc(db::Database& db);
// Moves the clock past a value seen from another node (pull, push), so later local edits sort
// after it even when this machine's clock is behind.
void observeHlc(db::Database& db, std::string_view remote);
// This cache's node id (8 hex digits, made on first use).
std::string nodeId(db::Database& db);

// A synced entity is a table with the columns rev, updated_at, updated_by and deleted and a key:
// the column "id", or else its single-column primary key (admin_units is keyed by "code").
bool isSyncedEntity(db::Database& db, std::string_view entity);
std::vector<std::string> syncedEntities(db::Database& db);
// The entity's key column ("id", "code"); "" when the table has none that sync can use.
std::string keyColumn(db::Database& db, std::string_view entity);
struct Column {
    std::string name;
    std::string type; // declared type, upper case ("TEXT", "INTEGER", "REAL", "BLOB", "")
    bool notNull = false;
    bool hasDefault = false;
};
std::vector<Column> columnsOf(db::Database& db, std::string_view entity);

// (Re)creates the BEFORE UPDATE triggers that keep, for each synced row edited locally, a copy of
// the row as it was at its last synced rev (sync_base). Idempotent and cheap when the schema did
// not change. The sync engine calls it before every sync. Captures are off while sync_state
// has the key "capture_off" (the hub always; the engine while it applies pulled rows).
void installCaptureTriggers(db::Database& db);

// Outbox entries waiting to be pushed.
std::int64_t pendingCount(db::Database& db);

// The cache's sync bookkeeping (table sync_state): "" when the key is absent.
std::string readState(db::Database& db, std::string_view key);
void writeState(db::Database& db, std::string_view key, const std::string& value);

} // namespace c175::changes
