// "Change status…" on a tip-off: the transitions the signed-in role may make from the case's
// status, with the note, assignee, outcome or merge target each needs, applied by CaseWorkflow.
#pragma once
#include "auth/roles.h"
#include "db/database.h"
#include "tipoff/tipoff_types.h"

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace c175::panels {

// The statuses `session` may move a case to from `from` (rules, permission and assignee checked
// the way CaseWorkflow checks them).
std::vector<tipoff::Status> allowedTargets(const auth::Session& session, tipoff::Status from,
                                           const std::string& assignee);

struct CaseRef {
    std::string id, code, assignee;
    tipoff::Status status = tipoff::Status::Received;
};

class TransitionDialog : public wxDialog {
public:
    TransitionDialog(wxWindow* parent, db::Database& db, const auth::Session& session, CaseRef ref);

    // Applies the transition (OK runs it); false, with the error shown, when it is refused.
    bool TransferDataFromWindow() override;

    bool hasTargets() const { return !m_targets.empty(); }
    // Selects a target by status; false when the role may not take it.
    bool selectTarget(tipoff::Status to);
    wxChoice* targetCtrl() const { return m_target; }
    wxTextCtrl* noteCtrl() const { return m_note; }
    wxChoice* assigneeCtrl() const { return m_assignee; }
    wxChoice* outcomeCtrl() const { return m_outcome; }
    wxTextCtrl* mergeCtrl() const { return m_merge; }
    // Usernames in the assignee choice's order.
    const std::vector<std::string>& assignees() const { return m_assigneeNames; }
    wxString errorText() const;

private:
    void updateExtras();

    db::Database& m_db;
    auth::Session m_session;
    CaseRef m_ref;
    std::vector<tipoff::Status> m_targets;
    std::vector<std::string> m_assigneeNames;

    wxChoice* m_target = nullptr;
    wxStaticText* m_noteLabel = nullptr;
    wxTextCtrl* m_note = nullptr;
    wxStaticText* m_assigneeLabel = nullptr;
    wxChoice* m_assignee = nullptr;
    wxStaticText* m_outcomeLabel = nullptr;
    wxChoice* m_outcome = nullptr;
    wxStaticText* m_mergeLabel = nullptr;
    wxTextCtrl* m_merge = nullptr;
    wxStaticText* m_error = nullptr;
};

} // namespace c175::panels
