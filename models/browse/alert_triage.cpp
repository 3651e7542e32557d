// Camera alert triage: a small state machine, written with its outbox and audit entries.
#include "browse/alert_triage.h"

#include "audit/audit_log.h"
#include "changes/change_capture.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "db/database.h"

#include <Poco/JSON/Object.h>

#include <sstream>

namespace c175::browse {

std::string_view triageTarget(TriageAction action) {
    switch (action) {
    case TriageAction::Acknowledge:
        return "acknowledged";
    case TriageAction::Dispatch:
        return "dispatched";
    case TriageAction::Dismiss:
        return "dismissed";
    case TriageAction::Resolve:
        return "resolved";
    }
    return "";
}

bool triageAllowed(std::string_view from, TriageAction action) {
    if (from == "new")
        return action != TriageAction::Resolve;
    if (from == "acknowledged")
        return action != TriageAction::Acknowledge;
    if (from == "dispatched")
        return action == TriageAction::Resolve;
    return false; // dismissed, resolved: final
}

AlertTriage::AlertTriage(db::Database& db, const auth::Session& session)
    : m_db(db), m_session(session) {}

std::string AlertTriage::apply(const std::string& alertId, TriageAction action,
                               const std::string& note) {
    auth::require(m_session, auth::Permission::TriageCameraAlerts);
    db::Transaction tx(m_db);
    db::Statement read(m_db, "SELECT triage, note FROM camera_alerts WHERE id = ? AND deleted = 0");
    read.bind(1, alertId);
    if (!read.step())
        throw core::ValidationError("triage",
                                    core::fmt(core::tr("no camera alert has the id {}"), alertId));
    const std::string from = read.getText(0);
    const std::string oldNote = read.getText(1);
    const std::string to(triageTarget(action));
    if (!triageAllowed(from, action))
        throw core::ValidationError(
            "triage",
            core::fmt(core::tr("an alert that is \"{}\" cannot become \"{}\""), from, to));

    const std::string newNote = note.empty() ? oldNote : note;
    db::Statement update(
        m_db, "UPDATE camera_alerts SET triage = ?, handled_by = ?, note = ? WHERE id = ?");
    update.bindAll(to, m_session.username, newNote, alertId);
    update.run();

    Poco::JSON::Object fields;
    fields.set("triage", to);
    fields.set("handled_by", m_session.username);
    if (newNote != oldNote)
        fields.set("note", newNote);
    std::ostringstream json;
    fields.stringify(json);
    changes::recordUpsert(m_db, "camera_alerts", alertId, json.str(), m_session.actor());
    audit::AuditLog(m_db).append(m_session.actor(), "update", "camera_alerts", alertId,
                                 "triage: " + from + " -> " + to);
    tx.commit();
    return to;
}

} // namespace c175::browse
