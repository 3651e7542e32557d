// The Sync dialog: a progress bar, rows / bytes / rate of the running sync, and Cancel.
#pragma once
#include "engine/sync_service.h"

#include <wx/dialog.h>

#include <functional>

class wxGauge;
class wxStaticText;
class wxButton;

namespace c175::app {

class SyncDialog : public wxDialog {
public:
    // `cancel` stops the sync in progress (the service then waits); `syncNow` starts one.
    SyncDialog(wxWindow* parent, std::function<void()> cancel, std::function<void()> syncNow);

    void showStatus(const sync::SyncStatus& status, const wxString& summary);
    wxGauge* gauge() const { return m_gauge; }
    wxButton* cancelButton() const { return m_cancel; }
    wxButton* syncNowButton() const { return m_syncNow; }
    wxString progressText() const;

private:
    std::function<void()> m_onCancel, m_onSyncNow;
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_stage = nullptr;
    wxStaticText* m_numbers = nullptr;
    wxGauge* m_gauge = nullptr;
    wxButton* m_cancel = nullptr;
    wxButton* m_syncNow = nullptr;
};

} // namespace c175::app
