// One sync of a console cache with the hub: push the outbox, then pull, merging field by field.
#pragma once
#include "engine/hub_client.h"
#include "protocol/row_store.h"

#include <cstdint>
#include <memory>
#include <string>

namespace c175::db {
class Database;
}
namespace c175::core {
class Progress;
}

namespace c175::sync {

struct SyncStats {
    std::int64_t pushed = 0, accepted = 0, conflicts = 0, rejected = 0;
    std::int64_t pulled = 0;    // rows applied from the hub
    std::int64_t wireBytes = 0; // received
    double seconds = 0;
    bool pushComplete = false, pullComplete = false;
};

class SyncEngine {
public:
    // `db` is the engine's own connection to the cache (it toggles foreign keys while applying).
    SyncEngine(db::Database& db, HubClient& hub);
    ~SyncEngine();

    // Push everything pending, then pull until the hub has nothing newer. Throws OfflineError,
    // HubError or core::Cancelled; whatever committed before stays committed (and is resumed).
    SyncStats runOnce(core::Progress& progress);
    std::int64_t push(core::Progress& progress, SyncStats& stats);
    std::int64_t pull(core::Progress& progress, SyncStats& stats);
    // One long-poll of live events; applies what arrives. Returns the rows applied.
    std::int64_t pollEvents(int waitSeconds);

    // Applies a pull page (or events page) in one transaction with `cursorKey` set to its cursor.
    std::int64_t applyPage(const JsonValue& page, const char* cursorKey);

    int pageSize = 5000;
    int pushBatch = 500;

private:
    void refreshSchema();
    db::Database& m_db;
    HubClient& m_hub;
    std::unique_ptr<Schema> m_schema;
    std::unique_ptr<RowStore> m_rows;
};

} // namespace c175::sync
