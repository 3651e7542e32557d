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

enum class SyncState { Offline, Syncing, Idle, Error };

struct SyncStatus {
    SyncState state = SyncState::Offline;
    std::string lastSyncAt;     // UTC ISO; "" = never
    std::int64_t pending = 0;   // outbox entries not yet accepted
    std::int64_t conflicts = 0; // open conflicts
    std::string message;        // translated; why offline / the error
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
    void stop();          // cancels the request in flight and joins
    void syncNow();       // wake the worker (an edit was made)
    void cancelCurrent(); // the Sync dialog's Cancel: stops this run, the service keeps going
    SyncStatus status() const;

private:
    void run();
    void publish();
    ServiceOptions m_options;
    std::function<void(const SyncStatus&)> m_onStatus;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    SyncStatus m_status;
    std::atomic<bool> m_stop{false}, m_cancel{false}, m_nudged{false};
    std::thread m_thread;
};

} // namespace c175::sync
