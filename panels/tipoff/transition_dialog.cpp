// The "Change status…" dialog: targets by role, the inputs each needs, CaseWorkflow to apply.
#include "tipoff/transition_dialog.h"
#include "common/stock_buttons.h"

#include "core/errors.h"
#include "tipoff/case_workflow.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace c175::panels {
namespace {

const wxColour kRed(0xc6, 0x28, 0x28);

wxString fromUtf8(const std::string& s) {
    return wxString::FromUTF8(s);
}

wxString fieldLabel(const std::string& field, tipoff::Status to) {
    if (field == "note")
        return to == tipoff::Status::Rejected ? _("Reason") : _("Note");
    if (field == "assignee")
        return _("Assignee");
    if (field == "outcome")
        return _("Outcome");
    if (field == "merge_into")
        return _("Merge into case");
    return fromUtf8(field);
}

} // namespace

std::vector<tipoff::Status> allowedTargets(const auth::Session& session, tipoff::Status from,
                                           const std::string& assignee) {
    std::vector<tipoff::Status> out;
    for (const auto to : tipoff::nextStatuses(from)) {
        const auto* rule = tipoff::findRule(from, to);
        if (!rule || !session.has(rule->permission))
            continue;
        if (rule->assigneeOnly && session.role != auth::Role::Admin && session.username != assignee)
            continue;
        out.push_back(to);
    }
    return out;
}

TransitionDialog::TransitionDialog(wxWindow* parent, db::Database& db, const auth::Session& session,
                                   CaseRef ref)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Change status of %s"), fromUtf8(ref.code)),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db), m_session(session), m_ref(std::move(ref)) {
    m_targets = allowedTargets(m_session, m_ref.status, m_ref.assignee);

    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    grid->AddGrowableRow(2, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Now")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(new wxStaticText(this, wxID_ANY, fromUtf8(tipoff::statusLabel(m_ref.status))), 0,
              wxALIGN_CENTER_VERTICAL);

    m_target = new wxChoice(this, wxID_ANY);
    for (const auto to : m_targets)
        m_target->Append(fromUtf8(tipoff::statusLabel(to)));
    if (!m_targets.empty())
        m_target->SetSelection(0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Move to")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_target, 1, wxEXPAND);

    m_noteLabel = new wxStaticText(this, wxID_ANY, _("Note"));
    m_note = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                            wxSize(FromDIP(340), FromDIP(80)), wxTE_MULTILINE);
    grid->Add(m_noteLabel, 0, wxALIGN_TOP | wxTOP, FromDIP(4));
    grid->Add(m_note, 1, wxEXPAND);

    m_assigneeLabel = new wxStaticText(this, wxID_ANY, _("Assignee"));
    m_assignee = new wxChoice(this, wxID_ANY);
    db::Statement users(m_db, "SELECT username, display_name, role FROM users "
                              "WHERE disabled = 0 ORDER BY display_name");
    while (users.step()) {
        const auto role = auth::parseRole(users.getText(2));
        if (!role || !auth::roleHas(*role, auth::Permission::WorkTipoffs))
            continue;
        m_assigneeNames.push_back(users.getText(0));
        m_assignee->Append(
            wxString::Format("%s (%s)", fromUtf8(users.getText(1)), fromUtf8(users.getText(0))));
    }
    grid->Add(m_assigneeLabel, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_assignee, 1, wxEXPAND);

    m_outcomeLabel = new wxStaticText(this, wxID_ANY, _("Outcome"));
    m_outcome = new wxChoice(this, wxID_ANY);
    m_outcome->Append(fromUtf8(tipoff::outcomeLabel(tipoff::Outcome::Substantiated)));
    m_outcome->Append(fromUtf8(tipoff::outcomeLabel(tipoff::Outcome::Unsubstantiated)));
    grid->Add(m_outcomeLabel, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_outcome, 1, wxEXPAND);

    m_mergeLabel = new wxStaticText(this, wxID_ANY, _("Merge into case"));
    m_merge = new wxTextCtrl(this, wxID_ANY);
    m_merge->SetHint(_("e.g. TG-2026-000123"));
    grid->Add(m_mergeLabel, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_merge, 1, wxEXPAND);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (m_targets.empty())
        sizer->Add(new wxStaticText(this, wxID_ANY,
                                    _("Your role cannot move this case on from its status.")),
                   0, wxALL, FromDIP(8));
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(8));
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kRed);
    sizer->Add(m_error, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    labelStockButtons(this);
    if (auto* ok = FindWindow(wxID_OK))
        ok->Enable(!m_targets.empty());
    SetSizer(sizer);

    m_target->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { updateExtras(); });
    updateExtras();
    Fit();
    CentreOnParent();
}

bool TransitionDialog::selectTarget(tipoff::Status to) {
    for (std::size_t i = 0; i < m_targets.size(); ++i)
        if (m_targets[i] == to) {
            m_target->SetSelection(static_cast<int>(i));
            updateExtras();
            return true;
        }
    return false;
}

void TransitionDialog::updateExtras() {
    const int index = m_target->GetSelection();
    const auto to = index >= 0 ? m_targets[static_cast<std::size_t>(index)] : m_ref.status;
    m_noteLabel->SetLabel(to == tipoff::Status::Rejected ? _("Reason") : _("Note"));
    m_assigneeLabel->Show(to == tipoff::Status::Assigned);
    m_assignee->Show(to == tipoff::Status::Assigned);
    m_outcomeLabel->Show(to == tipoff::Status::Concluded);
    m_outcome->Show(to == tipoff::Status::Concluded);
    m_mergeLabel->Show(to == tipoff::Status::Merged);
    m_merge->Show(to == tipoff::Status::Merged);
    Layout();
}

bool TransitionDialog::TransferDataFromWindow() {
    m_error->SetLabel(wxString());
    const int index = m_target->GetSelection();
    if (index < 0)
        return false;
    tipoff::TransitionRequest request;
    request.tipoffId = m_ref.id;
    request.to = m_targets[static_cast<std::size_t>(index)];
    request.note = m_note->GetValue().utf8_string();
    if (request.to == tipoff::Status::Assigned && m_assignee->GetSelection() >= 0)
        request.assignee = m_assigneeNames[static_cast<std::size_t>(m_assignee->GetSelection())];
    if (request.to == tipoff::Status::Concluded && m_outcome->GetSelection() >= 0)
        request.outcome = m_outcome->GetSelection() == 0 ? tipoff::Outcome::Substantiated
                                                         : tipoff::Outcome::Unsubstantiated;
    if (request.to == tipoff::Status::Merged)
        request.mergeIntoCode = m_merge->GetValue().Trim(true).Trim(false).utf8_string();
    try {
        tipoff::CaseWorkflow(m_db).transition(m_session, request);
        return true;
    } catch (const core::ValidationError& e) {
        // TRANSLATORS: a form field's label and the rule its value broke.
        m_error->SetLabel(
            wxString::Format(_("%s: %s"), fieldLabel(e.field(), request.to), fromUtf8(e.rule())));
        if (e.field() == "note")
            m_note->SetFocus();
        else if (e.field() == "assignee")
            m_assignee->SetFocus();
        else if (e.field() == "outcome")
            m_outcome->SetFocus();
        else if (e.field() == "merge_into")
            m_merge->SetFocus();
    } catch (const std::exception& e) {
        m_error->SetLabel(fromUtf8(e.what()));
    }
    m_error->Wrap(GetClientSize().x - FromDIP(16));
    Layout();
    return false;
}

wxString TransitionDialog::errorText() const {
    return m_error->GetLabel();
}

} // namespace c175::panels
