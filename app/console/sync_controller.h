// Runs the sync service for the main window and shows its state in the status bar and dialogs.
#pragma once
#include "engine/sync_service.h"

#include <wx/event.h>
#include <wx/string.h>
#include <wx/timer.h>
#include <wx/weakref.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

class wxMenu;

namespace c175::app {

class MainFrame;
class SyncDialog;

class SyncController : public wxEvtHandler {
public:
    // `password` is the one typed at sign-in; it stays in memory for this session only.
    SyncController(MainFrame& frame, const wxString& password);
    ~SyncController() override;
    SyncController(const SyncController&) = delete;
    SyncController& operator=(const SyncController&) = delete;

    // (Re)starts the service for `hubUrl`, or stops it when the URL is empty.
    void configure(const wxString& hubUrl);
    bool running() const { return bool(m_service); }
    // The last state the worker reported (read on the GUI thread).
    const sync::SyncStatus& status() const { return m_status; }
    // What the worker holds now (it reaches status() through the event loop).
    sync::SyncStatus workerStatus() const { return m_service ? m_service->status() : m_status; }
    bool statusPostPending() const { return m_postPending; }
    wxString statusText() const;

    void syncNow();
    void cancelCurrent();
    // Resolves one conflict on the GUI's connection, then pushes the decision.
    void resolve(const std::string& conflictId, sync::Decision decision,
                 const std::string& editedJson);

    // File > Sync now... (F9) and View > Conflicts...
    void addMenuItems(wxMenu* file, wxMenu* view);
    void showSyncDialog();
    void showConflictsDialog();

private:
    void onWorkerStatus(const sync::SyncStatus& status); // worker thread
    void applyStatus();                                  // GUI thread
    void updateField();
    void reloadPanesIfChanged();
    std::string syncFingerprint();

    MainFrame& m_frame;
    wxString m_password;
    wxString m_hubUrl;
    std::unique_ptr<sync::SyncService> m_service;
    // Guards CallAfter from the worker: the handler may be gone when the call runs. Only the GUI
    // thread touches the wxWeakRef itself; the worker copies the shared_ptr.
    std::shared_ptr<wxWeakRef<SyncController>> m_self;

    std::mutex m_latestMutex;
    sync::SyncStatus m_latest;              // newest from the worker
    std::atomic<bool> m_postPending{false}; // one CallAfter in flight at a time

    sync::SyncStatus m_status; // GUI copy
    bool m_haveStatus = false;
    std::string m_fingerprint;
    wxTimer m_periodic; // every 15 s: sync again
    wxTimer m_tick;     // every second: the offline countdown
    wxWeakRef<SyncDialog> m_dialog;
};

} // namespace c175::app
