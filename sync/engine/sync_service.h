// Sync on a worker thread for the console: state for the status bar, progress, conflicts.
#pragma once
#include "core/progress.h"
#include "engine/conflicts.h"
#include "engine/sync_engine.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace c175::sync {

// Cancelled: the person stopped the running sync; the worker waits until asked again (syncNow).
enum class SyncState { Offline, Syncing, Idle, Error, Cancelled };

struct SyncStatus {
    SyncState state = SyncState::Offline;
    std::string lastSyncAt;     // UTC ISO; "" = never
    std::int64_t pending = 0;   // outbox entries not yet accepted
    std::int64_t conflicts = 0; // open conflicts
    std::string message;        // translated; why offline / the error
    std::int64_t retryAtMs = 0; // Offline / Error: when the next attempt starts (UTC ms)
    // Progress of the running sync: stage label, done, total (0 = unknown), bytes, rows/s.
    std::string stage;
    std::int64_t done = 0, total = 0, bytes = 0;
    double rowsPerSecond = 0;
};

struct ServiceOptions {
    std::string cachePath, hubUrl, username, password;
    HttpOptions http;
    int eventWaitSeconds = 20; // long-poll length between syncs
    int maxOfflinePauseMs = 30000;
};

class SyncService {
public:
    // `onStatus` runs on the worker thread: post to the GUI thread (CallAfter) from it.
    SyncService(ServiceOptions options, std::function<void(const SyncStatus&)> onStatus);
    ~SyncService();
    void start();
    void stop(); // cancels the request in flight and joins
    // Wakes the worker (an edit was made, the person asked): ends a wait between syncs or an
    // offline pause; a sync already running is left to finish (it re-checks the outbox after).
    void syncNow();
    // The Sync dialog's Cancel: stops the running sync at the next request or page; the
    // worker then waits in Cancelled until syncNow().
    void cancelCurrent();
    SyncStatus status() const;

private:
    void run();
    void publish();
    ServiceOptions m_options;
    std::function<void(const SyncStatus&)> m_onStatus;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    SyncStatus m_status;
    // m_cancel aborts the request in flight (HubClient checks it); m_userCancel says why.
    std::atomic<bool> m_stop{false}, m_cancel{false}, m_nudged{false}, m_userCancel{false};
    std::atomic<bool> m_inPoll{false}; // waiting on the events long-poll between syncs
    std::thread m_thread;
};

} // namespace c175::sync
