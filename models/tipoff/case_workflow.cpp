#include "tipoff/case_workflow.h"

#include "audit/audit_log.h"
#include "auth/roles.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/ids.h"
#include "core/text_fold.h"
#include "db/database.h"
#include "tipoff/notices.h"
#include "tipoff/tipoff_outbox.h"

#include <chrono>

namespace c175::tipoff {
namespace {

using auth::Permission;
constexpr std::size_t kMaxNote = 2000;

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

void addHistory(db::Database& db, const std::string& tipoffId, const std::string& at,
                const std::string& actor, Status from, Status to, const std::string& note) {
    const std::string id = core::newUuidV7();
    db::Statement h(db, "INSERT INTO tipoff_history(id, tipoff_id, at, actor, from_status, "
                        "to_status, note) VALUES (?,?,?,?,?,?,?)");
    h.bindAll(id, tipoffId, at, actor, std::string(statusName(from)), std::string(statusName(to)),
              note);
    h.run();
    recordNewRow(db, "tipoff_history", id, actor);
}

} // namespace

const std::vector<TransitionRule>& transitionRules() {
    static const std::vector<TransitionRule> rules = {
        {Status::Received, Status::Verifying, Permission::WorkTipoffs, false},
        {Status::Verifying, Status::Assigned, Permission::AssignTipoffs, false},
        {Status::Assigned, Status::Investigating, Permission::WorkTipoffs, true},
        {Status::Investigating, Status::Concluded, Permission::WorkTipoffs, true},
        {Status::Concluded, Status::Closed, Permission::AssignTipoffs, false},
        {Status::Received, Status::Rejected, Permission::AssignTipoffs, false},
        {Status::Verifying, Status::Rejected, Permission::AssignTipoffs, false},
        {Status::Received, Status::Merged, Permission::AssignTipoffs, false},
        {Status::Verifying, Status::Merged, Permission::AssignTipoffs, false},
        {Status::Assigned, Status::Merged, Permission::AssignTipoffs, false},
        {Status::Investigating, Status::Merged, Permission::AssignTipoffs, false},
    };
    return rules;
}

const TransitionRule* findRule(Status from, Status to) {
    for (const auto& r : transitionRules())
        if (r.from == from && r.to == to)
            return &r;
    return nullptr;
}

std::vector<Status> nextStatuses(Status from) {
    std::vector<Status> out;
    for (const auto& r : transitionRules())
        if (r.from == from)
            out.push_back(r.to);
    return out;
}

CaseWorkflow::CaseWorkflow(db::Database& db, std::function<std::int64_t()> nowUnix)
    : m_db(db), m_now(std::move(nowUnix)) {}

std::int64_t CaseWorkflow::now() const {
    if (m_now)
        return m_now();
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::optional<std::string> CaseWorkflow::idOfCode(const std::string& code) {
    db::Statement q(m_db, "SELECT id FROM tipoffs WHERE code = ? AND deleted = 0");
    q.bind(1, code);
    if (!q.step())
        return std::nullopt;
    return q.getText(0);
}

void CaseWorkflow::transition(const auth::Session& by, const TransitionRequest& req) {
    db::Transaction tx(m_db);
    db::Statement cur(m_db, "SELECT code, status, coalesce(assignee, '') FROM tipoffs "
                            "WHERE id = ? AND deleted = 0");
    cur.bind(1, req.tipoffId);
    if (!cur.step())
        throw TipoffError(core::fmt(core::tr("There is no tip-off \"{}\"."), req.tipoffId));
    const std::string code = cur.getText(0);
    const auto from = parseStatus(cur.getText(1)).value_or(Status::Received);
    const std::string assignee = cur.getText(2);

    const TransitionRule* rule = findRule(from, req.to);
    if (!rule)
        throw TipoffError(core::fmt(core::tr("Tip-off {} cannot go from \"{}\" to \"{}\"."), code,
                                    statusLabel(from), statusLabel(req.to)));
    auth::require(by, rule->permission);
    if (rule->assigneeOnly && by.role != auth::Role::Admin && by.username != assignee)
        throw TipoffError(core::fmt(core::tr("Only the assigned officer ({}) or an administrator "
                                             "may move tip-off {} on."),
                                    assignee, code));
    if (blank(req.note))
        throw core::ValidationError("note", req.to == Status::Rejected
                                                ? core::tr("a reason is required to reject")
                                                : core::tr("is required"));
    if (core::utf8Length(req.note) > kMaxNote)
        throw core::ValidationError("note",
                                    core::fmt(core::tr("must be at most {} characters"), kMaxNote));

    const std::string at = core::formatUtcSeconds(now());
    const std::string actor = by.actor();
    std::vector<std::string> fields = {"status"};
    std::string set = "status = ?1";
    std::string detail = std::string(statusName(from)) + "->" + std::string(statusName(req.to));
    std::string mergeTargetId;

    switch (req.to) {
    case Status::Assigned: {
        if (req.assignee.empty())
            throw core::ValidationError("assignee", core::tr("is required to assign a case"));
        db::Statement u(m_db, "SELECT role, disabled FROM users WHERE username = ?");
        u.bind(1, req.assignee);
        if (!u.step())
            throw core::ValidationError(
                "assignee", core::fmt(core::tr("there is no user \"{}\""), req.assignee));
        const auto role = auth::parseRole(u.getText(0));
        if (!role || !auth::roleHas(*role, Permission::WorkTipoffs) || u.getInt(1) != 0)
            throw core::ValidationError(
                "assignee",
                core::fmt(core::tr("user \"{}\" may not work on tip-offs"), req.assignee));
        set += ", assignee = ?2";
        fields.push_back("assignee");
        detail += " assignee=" + req.assignee;
        break;
    }
    case Status::Concluded:
        if (!req.outcome)
            throw core::ValidationError("outcome",
                                        core::tr("is required: substantiated or unsubstantiated"));
        set += ", outcome = ?3, concluded_at = ?4";
        fields.insert(fields.end(), {"outcome", "concluded_at"});
        detail += " outcome=" + std::string(outcomeName(*req.outcome));
        break;
    case Status::Closed:
        set += ", closed_at = ?4";
        fields.push_back("closed_at");
        break;
    case Status::Merged: {
        if (req.mergeIntoCode.empty())
            throw core::ValidationError("merge_into", core::tr("name the case to merge into"));
        db::Statement t(m_db, "SELECT id, status FROM tipoffs WHERE code = ? AND deleted = 0");
        t.bind(1, req.mergeIntoCode);
        if (!t.step())
            throw core::ValidationError(
                "merge_into", core::fmt(core::tr("there is no case \"{}\""), req.mergeIntoCode));
        mergeTargetId = t.getText(0);
        const auto targetStatus = parseStatus(t.getText(1)).value_or(Status::Received);
        if (mergeTargetId == req.tipoffId)
            throw core::ValidationError("merge_into", core::tr("a case cannot merge into itself"));
        if (targetStatus == Status::Merged || targetStatus == Status::Rejected)
            throw core::ValidationError(
                "merge_into", core::fmt(core::tr("case {} is {} and cannot take other cases"),
                                        req.mergeIntoCode, statusLabel(targetStatus)));
        set += ", merged_into = ?5";
        fields.push_back("merged_into");
        detail += " into=" + req.mergeIntoCode;
        // The target notes where the merged case came from, so its history shows both.
        addHistory(m_db, mergeTargetId, at, actor, targetStatus, targetStatus,
                   core::fmt(core::tr("Case {} merged into this case: {}"), code, req.note));
        break;
    }
    default:
        break;
    }

    db::Statement upd(m_db, "UPDATE tipoffs SET " + set + " WHERE id = ?6 AND status = ?7");
    upd.bind(1, std::string(statusName(req.to)));
    upd.bind(2, req.assignee);
    upd.bind(3, req.outcome ? std::string(outcomeName(*req.outcome)) : std::string());
    upd.bind(4, at);
    upd.bind(5, mergeTargetId);
    upd.bind(6, req.tipoffId);
    upd.bind(7, std::string(statusName(from)));
    upd.run();
    if (m_db.changes() != 1)
        throw TipoffError(core::fmt(core::tr("Tip-off {} changed meanwhile; reload it."), code));
    recordChangedFields(m_db, "tipoffs", req.tipoffId, fields, actor);
    addHistory(m_db, req.tipoffId, at, actor, from, req.to, req.note);
    queueStatusNotice(m_db, req.tipoffId, req.to, actor);
    audit::AuditLog(m_db).append(actor, "transition", "tipoffs", req.tipoffId, code + " " + detail);
    tx.commit();
}

} // namespace c175::tipoff
