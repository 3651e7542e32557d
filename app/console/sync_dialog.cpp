#include "sync_dialog.h"

#include <wx/button.h>
#include <wx/filename.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace c175::app {

SyncDialog::SyncDialog(wxWindow* parent, std::function<void()> cancel,
                       std::function<void()> syncNow)
    : wxDialog(parent, wxID_ANY, _("Sync"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "c175-sync-dialog"),
      m_onCancel(std::move(cancel)), m_onSyncNow(std::move(syncNow)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_stage = new wxStaticText(this, wxID_ANY, wxString());
    m_gauge = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(420, -1)));
    m_numbers = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_summary, 0, wxEXPAND | wxALL, 12);
    sizer->Add(m_stage, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    sizer->Add(m_gauge, 0, wxEXPAND | wxALL, 12);
    sizer->Add(m_numbers, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_cancel = new wxButton(this, wxID_ANY, _("Cancel sync"));
    m_cancel->SetToolTip(_("Stop the sync in progress; nothing half-written is kept"));
    m_syncNow = new wxButton(this, wxID_ANY, _("Sync now"));
    m_syncNow->SetToolTip(_("Send the edits waiting here and fetch what changed at the hub"));
    auto* close = new wxButton(this, wxID_CLOSE, _("Close"));
    buttons->AddStretchSpacer();
    buttons->Add(m_syncNow, 0, wxRIGHT, 8);
    buttons->Add(m_cancel, 0, wxRIGHT, 8);
    buttons->Add(close);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(sizer);
    m_cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_onCancel)
            m_onCancel();
    });
    m_syncNow->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_onSyncNow)
            m_onSyncNow();
    });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Hide(); });
    SetEscapeId(wxID_CLOSE);
}

void SyncDialog::showStatus(const sync::SyncStatus& status, const wxString& summary) {
    m_summary->SetLabel(summary);
    const bool running = status.state == sync::SyncState::Syncing;
    m_cancel->Enable(running);
    m_syncNow->Enable(!running);
    m_stage->SetLabel(running ? wxString::FromUTF8(status.stage) : wxString());
    if (running && status.total > 0) {
        m_gauge->SetValue(static_cast<int>(std::min<std::int64_t>(
            100, status.done * 100 / std::max<std::int64_t>(1, status.total))));
    } else if (running) {
        m_gauge->Pulse(); // the total is not known yet
    } else {
        m_gauge->SetValue(status.state == sync::SyncState::Idle ? 100 : 0);
    }
    m_numbers->SetLabel(wxString::Format(
        _("%lld of %lld rows, %s received, %.0f rows/s"), static_cast<long long>(status.done),
        static_cast<long long>(status.total),
        wxFileName::GetHumanReadableSize(wxULongLong(status.bytes)), status.rowsPerSecond));
    Layout();
}

wxString SyncDialog::progressText() const {
    return m_numbers->GetLabel();
}

} // namespace c175::app
