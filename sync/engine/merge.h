// The console side of the merge: building push operations with their expectations, handling
// the hub's answers, and three-way merging of incoming rows against sync_base.
#pragma once
#include "protocol/json_text.h"
#include "protocol/row_store.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace c175::sync {

struct PendingOp {
    std::int64_t rowid = 0;
    std::string opId, entity, rowId, kind, payload, hlc;
    std::int64_t baseRev = 0;
};

// Outbox entries a push would send now: those of rows with no open conflict (a conflict holds
// its row's edits back until a person decides it).
std::int64_t sendableCount(db::Database& db);
// Outbox entries after `afterRowid` in order, skipping rows held by an open conflict.
std::vector<PendingOp> loadPendingOps(db::Database& db, std::int64_t afterRowid, int limit);
// The PushRequest body; each op's `expect` is the value it replaced: sync_base, then the
// earlier ops of the batch.
std::string buildPushBody(db::Database& db, const std::string& device,
                          const std::vector<PendingOp>& ops);

enum class PushOutcome { Accepted, Conflict, Rejected, Kept };

class MergeContext {
public:
    MergeContext(db::Database& db, const Schema& schema, RowStore& rows);

    PushOutcome applyPushResult(const PendingOp& op, const JsonValue& result);
    // One row from the hub (values in `columns` order). False when ignored (unknown entity).
    bool applyIncoming(const std::string& entity, const JsonValue& columns,
                       const JsonValue& values);

    // No row of `entity` has local changes or open conflicts: pulled rows replace rows whole.
    bool entityClean(const std::string& entity);

private:
    using Key = std::pair<std::string, std::string>;
    const std::set<std::string>* changedFields(const std::string& entity, const std::string& id);
    void reloadDirty();
    void dropBaseIfClean(const std::string& entity, const std::string& id);
    void recordConflict(const std::string& entity, const std::string& id, const std::string& field,
                        const JsonValue* base, const JsonValue& mine, const JsonValue& theirs,
                        std::int64_t theirsRev);

    db::Database& m_db;
    const Schema& m_schema;
    RowStore& m_rows;
    std::map<Key, std::set<std::string>> m_dirty; // outbox fields and open conflicts per row
    bool m_dirtyLoaded = false;
};

} // namespace c175::sync
