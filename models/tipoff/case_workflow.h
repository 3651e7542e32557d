// The tip-off workflow as an explicit state machine: which transitions exist, who may make them,
// and applying one (history, audit, notice and outbox in one transaction).
//
//   received -> verifying -> assigned -> investigating -> concluded -> closed
//   received | verifying                      -> rejected  (reason required)
//   received | verifying | assigned | investigating -> merged (into another open or finished case)
#pragma once
#include "tipoff/tipoff_types.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace c175::db {
class Database;
}
namespace c175::auth {
struct Session;
enum class Permission;
} // namespace c175::auth

namespace c175::tipoff {

struct TransitionRule {
    Status from;
    Status to;
    auth::Permission permission;
    // Only the assignee (or an administrator) moves an assigned case on: the officer who holds
    // the case is accountable for it.
    bool assigneeOnly;
};

// Every transition of the state machine.
const std::vector<TransitionRule>& transitionRules();
const TransitionRule* findRule(Status from, Status to);
// Statuses reachable from `from` (for the GUI's buttons), whoever may take them.
std::vector<Status> nextStatuses(Status from);

struct TransitionRequest {
    std::string tipoffId;
    Status to = Status::Verifying;
    std::string note;               // required for every transition
    std::string assignee;           // -> assigned: a user with WorkTipoffs
    std::optional<Outcome> outcome; // -> concluded: required
    std::string mergeIntoCode;      // -> merged: the code of the case it joins
};

class CaseWorkflow {
public:
    // `nowUnix` {} = the system clock.
    explicit CaseWorkflow(db::Database& db, std::function<std::int64_t()> nowUnix = {});

    // Checks the permission (throws auth::AccessDenied), the rule and the inputs (throws
    // core::ValidationError / TipoffError) and applies the transition in one transaction: the
    // tip-off row, a tipoff_history row, a queued notice, an audit entry and outbox entries.
    // Nothing is written when anything is refused.
    void transition(const auth::Session& by, const TransitionRequest& request);

    // Looks a case up by its code; nullopt when unknown.
    std::optional<std::string> idOfCode(const std::string& code);

private:
    std::int64_t now() const;
    db::Database& m_db;
    std::function<std::int64_t()> m_now;
};

} // namespace c175::tipoff
