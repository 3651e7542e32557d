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
    // `cancel` stops the sync in progress (the service keeps running).
    SyncDialog(wxWindow* parent, std::function<void()> cancel);

    void showStatus(const sync::SyncStatus& status, const wxString& summary);
    wxGauge* gauge() const { return m_gauge; }
    wxButton* cancelButton() const { return m_cancel; }
    wxString progressText() const;

private:
    std::function<void()> m_onCancel;
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_stage = nullptr;
    wxStaticText* m_numbers = nullptr;
    wxGauge* m_gauge = nullptr;
    wxButton* m_cancel = nullptr;
};

} // namespace c175::app
