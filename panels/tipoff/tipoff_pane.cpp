// The Tipoffs pane: the shared list layout over browse::TableId::Tipoffs, plus "New tip-off"
// (Ctrl+N), "Change status…" on the selected case, "Figures…" (KPIs, charts, the printable
// report), overdue cases in red and their count.
#include "common/pilot_panes.h"
#include "common/table_pane.h"
#include "tipoff/figures_dialog.h"
#include "tipoff/intake_dialog.h"
#include "tipoff/transition_dialog.h"

#include "core/ids.h"
#include "tipoff/case_stats.h"
#include "tipoff/notices.h"
#include "tipoff/report.h"

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/weakref.h>

namespace c175::panels {
namespace {

class TipoffPane : public TablePane {
public:
    TipoffPane(wxWindow* parent, PaneContext& context)
        : TablePane(parent, context, PaneId::Tipoffs, browse::TableId::Tipoffs, _("Tip-offs")) {
        const auto& session = context.session;
        m_new = new wxButton(this, wxID_NEW, _("New tip-off…"));
        m_new->SetToolTip(_("File a new tip-off (Ctrl+N)"));
        m_new->Enable(session.has(auth::Permission::CreateTipoffs));
        m_change = new wxButton(this, wxID_ANY, _("Change status…"));
        m_change->Enable(false);
        m_figures = new wxButton(this, wxID_ANY, _("Figures…"));
        m_figures->SetToolTip(_("Figures for leadership: key figures, charts and the printable "
                                "report"));
        m_overdue = new wxStaticText(this, wxID_ANY, wxString());
        m_overdue->SetForegroundColour(wxColour(0xc6, 0x28, 0x28));
        m_overdue->SetFont(m_overdue->GetFont().Bold());
        // After the search box, before the stretch spacer that pushes the row count right.
        toolbar()->Insert(1, m_new, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
        toolbar()->Insert(2, m_change, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(4));
        toolbar()->Insert(3, m_figures, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(4));
        toolbar()->Insert(4, m_overdue, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(12));
        // Under the detail strip: the reporter's notices of the selected case.
        m_notices = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                     wxST_ELLIPSIZE_END, "tipoff_notices");
        GetSizer()->Add(m_notices, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));

        m_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { newTipoff(); });
        m_change->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { changeStatus(); });
        m_figures->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showFigures(); });
        Bind(
            wxEVT_MENU, [this](wxCommandEvent&) { newTipoff(); }, wxID_NEW);
        wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'N', wxID_NEW}};
        SetAcceleratorTable(wxAcceleratorTable(1, keys));
        showOverdue();
    }

    void reload() override {
        TablePane::reload();
        showOverdue();
    }

protected:
    // Overdue cases stand out in the list (the rule of the report and case_stats).
    std::optional<RowTone> rowTone(const browse::Row& row) const override {
        const int status = columnIndex("status");
        const int due = columnIndex("due");
        if (status < 0 || due < 0 ||
            row.raw.size() <= static_cast<std::size_t>(std::max(status, due)))
            return std::nullopt;
        if (tipoff::isOverdue(row.raw[static_cast<std::size_t>(status)],
                              row.raw[static_cast<std::size_t>(due)], core::nowUtc()))
            return RowTone::Alert;
        return std::nullopt;
    }

    void onSelectionChanged(const browse::Row* row) override {
        m_change->Enable(row != nullptr &&
                         (context().session.has(auth::Permission::WorkTipoffs) ||
                          context().session.has(auth::Permission::AssignTipoffs)));
        showNotices(row ? row->recordId : std::string());
    }

private:
    void newTipoff() {
        if (!context().session.has(auth::Permission::CreateTipoffs))
            return;
        IntakeDialog dialog(this, *context().db, context().session);
        if (dialog.ShowModal() != wxID_OK || !dialog.result())
            return;
        const auto result = *dialog.result();
        reload();
        selectRecord(result.id);
        const bool anonymous = dialog.anonymousCtrl()->GetValue();
        wxString message =
            wxString::Format(_("Tip-off %s was filed."), wxString::FromUTF8(result.code));
        if (anonymous)
            message += "\n\n" + wxString::Format(_("Follow-up code for the reporter: %s\nGive "
                                                   "it to the reporter now: it is shown only "
                                                   "once and cannot be read back."),
                                                 wxString::FromUTF8(result.followupCode));
        if (context().setStatus)
            context().setStatus(
                wxString::Format(_("Tip-off %s was filed."), wxString::FromUTF8(result.code)));
        wxMessageBox(message, _("New tip-off"), wxOK | wxICON_INFORMATION, this);
    }

    void changeStatus() {
        const browse::Row* row = selectedRow();
        if (!row)
            return;
        const auto cell = [&](const char* key) {
            const int i = columnIndex(key);
            return i >= 0 && static_cast<std::size_t>(i) < row->raw.size()
                       ? row->raw[static_cast<std::size_t>(i)]
                       : std::string();
        };
        CaseRef ref;
        ref.id = row->recordId;
        ref.code = cell("code");
        ref.assignee = cell("assignee");
        ref.status = tipoff::parseStatus(cell("status")).value_or(tipoff::Status::Received);
        TransitionDialog dialog(this, *context().db, context().session, ref);
        if (dialog.ShowModal() != wxID_OK)
            return;
        refreshSelectedRow();
        showOverdue();
        if (context().setStatus)
            context().setStatus(
                wxString::Format(_("Tip-off %s changed status."), wxString::FromUTF8(ref.code)));
    }

    // Non-modal, so the list stays usable beside it; one at a time.
    void showFigures() {
        if (m_figuresDialog) {
            m_figuresDialog->Raise();
            return;
        }
        const auto& area = context().session.provinceCode;
        m_figuresDialog =
            new FiguresDialog(this, *context().db, context().dbPath, area ? *area : std::string());
        m_figuresDialog->Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { closeFigures(); });
        m_figuresDialog->Bind(
            wxEVT_BUTTON, [this](wxCommandEvent&) { closeFigures(); }, wxID_CLOSE);
        m_figuresDialog->Show();
    }

    void closeFigures() {
        if (m_figuresDialog)
            m_figuresDialog->Destroy();
        m_figuresDialog = nullptr;
    }

    // The reporter's notices of the selected case: how many, and where the latest one is (it
    // becomes "sent" once the hub hands it to its channel, after the next sync).
    void showNotices(const std::string& tipoffId) {
        if (!m_notices)
            return;
        wxString text;
        try {
            const auto notices = tipoffId.empty() ? std::vector<tipoff::Notice>()
                                                  : tipoff::noticesOf(*context().db, tipoffId);
            if (!notices.empty()) {
                const auto& last = notices.back();
                text = wxString::Format(
                    _("Notices to the reporter: %zu; the latest %s via %s, %s"), notices.size(),
                    noticeStateLabel(last.state), noticeChannelLabel(last.channel),
                    localTime(last.sentAt.empty() ? last.queuedAt : last.sentAt));
            } else if (!tipoffId.empty()) {
                text = _("No notice to the reporter yet");
            }
        } catch (const std::exception& e) {
            text =
                wxString::Format(_("The notices cannot be read: %s"), wxString::FromUTF8(e.what()));
        }
        m_notices->SetLabel(text);
    }

    static wxString noticeStateLabel(const std::string& state) {
        if (state == "queued")
            return _("waiting to be sent");
        if (state == "sent")
            return _("sent");
        if (state == "delivered")
            return _("delivered");
        if (state == "failed")
            return _("not delivered");
        return wxString::FromUTF8(state);
    }

    static wxString noticeChannelLabel(const std::string& channel) {
        if (channel == "vneid")
            return "VNeID";
        if (channel == "sms")
            return "SMS";
        if (channel == "email")
            return _("e-mail");
        if (channel == "followup")
            return _("the follow-up code");
        return wxString::FromUTF8(channel);
    }

    static wxString localTime(const std::string& iso) {
        std::int64_t seconds = 0;
        if (!core::parseIsoTime(iso, seconds))
            return wxString::FromUTF8(iso);
        return wxDateTime(static_cast<time_t>(seconds)).Format("%d/%m/%Y %H:%M");
    }

    // Red rows show which cases are late; the count says how many there are in all.
    void showOverdue() {
        std::int64_t n = 0;
        try {
            n = tipoff::countOverdue(*context().db, context().session.provinceCode);
        } catch (const std::exception&) {
            n = 0; // the list shows its own read error; the count is only a hint
        }
        m_overdueCount = n;
        m_overdue->SetLabel(n > 0 ? wxString::Format(wxPLURAL("%lld overdue", "%lld overdue", n),
                                                     static_cast<long long>(n))
                                  : wxString());
        m_overdue->SetToolTip(_("Open cases past their due date"));
        toolbar()->Layout();
    }

    wxButton* m_new = nullptr;
    wxButton* m_change = nullptr;
    wxButton* m_figures = nullptr;
    wxWeakRef<FiguresDialog> m_figuresDialog;
    wxStaticText* m_overdue = nullptr;
    wxStaticText* m_notices = nullptr;
    std::int64_t m_overdueCount = 0;
};

} // namespace

Pane* createTipoffPane(wxWindow* parent, PaneContext& context) {
    return new TipoffPane(parent, context);
}

} // namespace c175::panels
