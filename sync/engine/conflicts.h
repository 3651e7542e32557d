// Conflicts a person resolves (mine / theirs / an edited value), audited and pushed.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::sync {

struct Conflict {
    std::string id, entity, rowId, field;
    std::optional<std::string> base; // JSON values; nullopt = no base known
    std::string mine, theirs;
    std::int64_t theirsRev = 0;
    std::string state, createdAt;
    std::optional<std::string> decidedBy, decidedAt, decision, value;
};

enum class Decision { Mine, Theirs, Edited };

std::vector<Conflict> listConflicts(db::Database& db, bool openOnly = true);
std::int64_t openConflictCount(db::Database& db);

// Sets the field to the chosen value (`editedJson`, a JSON value, for Decision::Edited), audits
// the decision and, once the row has no open conflict left, folds the row's pending changes into
// one outbox entry based on the hub's copy, so the next push carries the decision.
// Throws core::ValidationError for an unknown or closed conflict or an edited value that is not
// JSON of the right type.
void resolveConflict(db::Database& db, const std::string& conflictId, Decision decision,
                     const std::string& editedJson, const std::string& actor);

} // namespace c175::sync
