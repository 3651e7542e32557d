// What each role may pull and push, and the workflow states a stale edit may not leave.
#pragma once
#include "auth/roles.h"

#include <optional>
#include <string>
#include <string_view>

namespace c175::sync {

// May the session pull rows of this entity?
bool canPull(const auth::Session& session, std::string_view entity);
// Why the session may not push this change (a translated sentence), or nullopt when it may.
// `isNew`: the row does not exist at the hub; `changesStatus`: the op sets the workflow column.
std::optional<std::string> pushRefusal(const auth::Session& session, std::string_view entity,
                                       bool isNew, bool changesStatus, std::string_view newStatus);
// Entities whose rows each belong to one user, keyed by username (the wrapped centre key).
bool ownRowsOnly(std::string_view entity);
// Rows of an entity the session may pull: each user pulls only their own wrapped centre key.
bool pullsRow(const auth::Session& session, std::string_view entity, std::string_view rowKey);
// Why the session may not push this row (its key is another user's), or nullopt.
std::optional<std::string> rowRefusal(const auth::Session& session, std::string_view entity,
                                      std::string_view rowKey);
// Columns hidden from a role (sent as null): the sealed reporter identity without RevealReporter.
bool hidesColumn(const auth::Session& session, std::string_view entity, std::string_view column);

// The workflow column of an entity ("status", "triage") or "" when it has none.
std::string_view workflowColumn(std::string_view entity);
// A state that closes the workflow (a closed tip-off, a paid application, a resolved alert).
bool isTerminalState(std::string_view entity, std::string_view state);

// Entities delivered by the live events stream.
bool isLiveEntity(std::string_view entity);

} // namespace c175::sync
