// Triage of a camera alert (acknowledge, dispatch, dismiss, resolve) as one audited, synced edit.
#pragma once
#include "auth/roles.h"

#include <string>
#include <string_view>

namespace c175::db {
class Database;
}

namespace c175::browse {

enum class TriageAction { Acknowledge, Dispatch, Dismiss, Resolve };

// The triage value an action leads to ("acknowledged", ...).
std::string_view triageTarget(TriageAction action);
// Whether an alert in triage state `from` may take the action:
//   new -> acknowledged | dispatched | dismissed;  acknowledged -> dispatched | dismissed |
//   resolved; dispatched -> resolved;  dismissed and resolved are final.
bool triageAllowed(std::string_view from, TriageAction action);

class AlertTriage {
public:
    AlertTriage(db::Database& db, const auth::Session& session);

    // Applies the action to the alert with this id in one transaction: the row (triage,
    // handled_by, note), its sync outbox entry and an audit entry. Returns the new triage value.
    // Throws auth::AccessDenied without TriageCameraAlerts, core::ValidationError("triage", ...)
    // for an unknown alert or a move the workflow does not allow; nothing is written then.
    std::string apply(const std::string& alertId, TriageAction action,
                      const std::string& note = "");

private:
    db::Database& m_db;
    auth::Session m_session;
};

} // namespace c175::browse
