#include "sync_controller.h"

#include "conflicts_dialog.h"
#include "main_frame.h"
#include "sync_dialog.h"

#include "core/ids.h"

#include <wx/app.h>
#include <wx/datetime.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/time.h>

#include <algorithm>

namespace c175::app {
namespace {

constexpr int kIdSyncNow = wxID_HIGHEST + 60;
constexpr int kIdConflicts = wxID_HIGHEST + 61;
constexpr int kPeriodicMs = 15000;
constexpr int kMaxOfflinePauseMs = 30000;

// "12:34" in local time for an ISO UTC stamp; the stamp itself when it cannot be read.
wxString localClock(const std::string& iso) {
    std::int64_t seconds = 0;
    if (!core::parseIsoTime(iso, seconds))
        return wxString::FromUTF8(iso);
    return wxDateTime(static_cast<time_t>(seconds)).Format("%H:%M");
}

} // namespace

SyncController::SyncController(MainFrame& frame, const wxString& password)
    : m_frame(frame), m_password(password),
      m_self(std::make_shared<wxWeakRef<SyncController>>(this)), m_periodic(this), m_tick(this) {
    Bind(
        wxEVT_TIMER,
        [this](wxTimerEvent&) {
            // Idle only: an offline service keeps its own backoff; a cancelled one waits for the
            // person.
            if (m_service && m_haveStatus && m_status.state == sync::SyncState::Idle)
                m_service->syncNow();
        },
        m_periodic.GetId());
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { updateField(); }, m_tick.GetId());
}

SyncController::~SyncController() {
    m_periodic.Stop();
    m_tick.Stop();
    m_service.reset(); // joins the worker before the rest goes
    if (m_dialog)
        m_dialog->Destroy();
}

void SyncController::configure(const wxString& hubUrl) {
    if (hubUrl == m_hubUrl && (m_service || hubUrl.empty())) {
        updateField();
        return;
    }
    m_service.reset();
    m_periodic.Stop();
    m_tick.Stop();
    m_hubUrl = hubUrl;
    m_haveStatus = false;
    m_status = {};
    if (!m_hubUrl.empty()) {
        sync::ServiceOptions options;
        // The worker opens its own connection to the same file (WAL): never the GUI's.
        options.cachePath = m_frame.database().path();
        options.hubUrl = m_hubUrl.utf8_string();
        options.username = m_frame.session().username;
        options.password = m_password.utf8_string();
        options.maxOfflinePauseMs = kMaxOfflinePauseMs;
        m_fingerprint = syncFingerprint();
        m_service = std::make_unique<sync::SyncService>(
            std::move(options), [this](const sync::SyncStatus& s) { onWorkerStatus(s); });
        m_service->start();
        m_periodic.Start(kPeriodicMs);
        m_tick.Start(1000);
        wxLogMessage("Sync started with the hub %s", m_hubUrl);
    }
    updateField();
}

void SyncController::onWorkerStatus(const sync::SyncStatus& status) {
    {
        std::lock_guard lock(m_latestMutex);
        m_latest = status;
    }
    // Progress arrives many times a second: one queued call carries the newest state.
    if (m_postPending.exchange(true))
        return;
    auto self = m_self; // a shared_ptr copy: safe on this thread
    wxTheApp->CallAfter([self] {
        if (SyncController* controller = self->get())
            controller->applyStatus();
    });
}

void SyncController::applyStatus() {
    m_postPending = false;
    sync::SyncStatus next;
    {
        std::lock_guard lock(m_latestMutex);
        next = m_latest;
    }
    m_status = next;
    m_haveStatus = true;
    if (next.state == sync::SyncState::Idle || !next.stage.empty())
        reloadPanesIfChanged();
    updateField();
    if (m_dialog)
        m_dialog->showStatus(m_status, statusText());
}

std::string SyncController::syncFingerprint() {
    try {
        return m_frame.database()
            .scalarText("SELECT group_concat(key || '=' || value, ';') FROM "
                        "(SELECT key, value FROM sync_state WHERE key IN ('cursor', "
                        "'events_cursor') ORDER BY key)")
            .value_or("");
    } catch (const std::exception& e) {
        wxLogError("Reading the sync cursor failed: %s", wxString::FromUTF8(e.what()));
        return m_fingerprint;
    }
}

void SyncController::reloadPanesIfChanged() {
    // The cursors move only when rows from the hub were written to the cache.
    const std::string now = syncFingerprint();
    if (now == m_fingerprint)
        return;
    m_fingerprint = now;
    for (auto* pane : m_frame.panes())
        if (pane)
            pane->reload();
}

wxString SyncController::statusText() const {
    if (m_hubUrl.empty())
        return _("Sync not configured");
    if (!m_haveStatus)
        return _("Connecting to the hub…");
    const auto& s = m_status;
    switch (s.state) {
    case sync::SyncState::Offline:
    case sync::SyncState::Error: {
        const long long left =
            std::max<long long>(1, (s.retryAtMs - wxGetUTCTimeMillis().GetValue() + 999) / 1000);
        if (s.state == sync::SyncState::Error)
            return wxString::Format(_("Sync error — retrying in %lld s"), left);
        return wxString::Format(_("Offline — retrying in %lld s"), left);
    }
    case sync::SyncState::Syncing:
        return wxString::Format(
            _("Syncing… %lld rows, %s, %.0f rows/s"), static_cast<long long>(s.done),
            wxFileName::GetHumanReadableSize(wxULongLong(s.bytes)), s.rowsPerSecond);
    case sync::SyncState::Cancelled:
        return _("Sync cancelled — F9 syncs again");
    case sync::SyncState::Idle:
        break;
    }
    if (s.conflicts > 0)
        return wxString::Format(
            wxPLURAL("%lld conflict", "%lld conflicts", static_cast<unsigned>(s.conflicts)),
            static_cast<long long>(s.conflicts));
    return wxString::Format(_("Synced at %s (%lld pending)"), localClock(s.lastSyncAt),
                            static_cast<long long>(s.pending));
}

void SyncController::updateField() {
    if (m_frame.GetStatusBar())
        m_frame.SetStatusText(statusText(), MainFrame::FieldSync);
}

void SyncController::syncNow() {
    // A running sync is not disturbed: the service checks the outbox again when it ends.
    if (m_service)
        m_service->syncNow();
}

void SyncController::cancelCurrent() {
    if (m_service)
        m_service->cancelCurrent();
}

void SyncController::resolve(const std::string& conflictId, sync::Decision decision,
                             const std::string& editedJson) {
    sync::resolveConflict(m_frame.database(), conflictId, decision, editedJson,
                          m_frame.session().actor());
    for (auto* pane : m_frame.panes())
        if (pane)
            pane->reload();
    syncNow(); // the decision goes up with the next push
}

void SyncController::addMenuItems(wxMenu* file, wxMenu* view) {
    if (file) {
        file->Insert(0, kIdSyncNow, _("&Sync now...\tF9"),
                     _("Synchronise with the hub and show the progress"));
        file->InsertSeparator(1);
    }
    if (view) {
        view->AppendSeparator();
        view->Append(kIdConflicts, _("&Conflicts..."),
                     _("Edits made here and at the hub to the same field"));
    }
    m_frame.Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showSyncDialog(); }, kIdSyncNow);
    m_frame.Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showConflictsDialog(); }, kIdConflicts);
}

void SyncController::showSyncDialog() {
    if (!m_service) {
        wxMessageBox(_("No hub is set. Enter the hub URL in File > Preferences."), _("Sync"),
                     wxOK | wxICON_INFORMATION, &m_frame);
        return;
    }
    if (!m_dialog)
        m_dialog = new SyncDialog(
            &m_frame, [this] { cancelCurrent(); }, [this] { syncNow(); });
    m_dialog->showStatus(m_status, statusText());
    m_dialog->Show();
    m_dialog->Raise();
    syncNow();
}

void SyncController::showConflictsDialog() {
    ConflictsDialog dialog(&m_frame, m_frame.database(),
                           [this](const std::string& id, sync::Decision decision,
                                  const std::string& json) { resolve(id, decision, json); });
    dialog.ShowModal();
}

} // namespace c175::app
