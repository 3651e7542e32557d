#include "engine/sync_service.h"

#include "changes/change_capture.h"
#include "core/i18n.h"
#include "db/migrations.h"
#include "engine/merge.h"

#include <chrono>
#include <optional>
#include <random>

namespace c175::sync {
namespace {

class ServiceProgress final : public core::Progress {
public:
    ServiceProgress(const std::atomic<bool>& cancel,
                    std::function<void(std::string_view, std::int64_t, std::int64_t)> fn)
        : m_cancel(cancel), m_fn(std::move(fn)) {}
    void update(std::string_view stage, std::int64_t done, std::int64_t total) override {
        m_fn(stage, done, total);
    }
    bool cancelled() const override { return m_cancel.load(); }

private:
    const std::atomic<bool>& m_cancel;
    std::function<void(std::string_view, std::int64_t, std::int64_t)> m_fn;
};

// The pause before the next attempt: a random point in the upper half of the current bound,
// which doubles up to the cap (exponential backoff with jitter).
int nextPause(std::mt19937& rng, int& bound, int capMs) {
    const int pause = bound / 2 + static_cast<int>(rng() % static_cast<unsigned>(bound / 2 + 1));
    bound = std::min(bound * 2, capMs);
    return pause;
}

std::int64_t utcMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

SyncService::SyncService(ServiceOptions options, std::function<void(const SyncStatus&)> onStatus)
    : m_options(std::move(options)), m_onStatus(std::move(onStatus)) {}

SyncService::~SyncService() {
    stop();
}

void SyncService::start() {
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void SyncService::stop() {
    m_stop = true;
    m_cancel = true;
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void SyncService::syncNow() {
    m_nudged = true;
    // Only the long-poll between syncs is cut short; a running sync is not cancelled.
    if (m_inPoll)
        m_cancel = true;
    m_wake.notify_all();
}

void SyncService::cancelCurrent() {
    m_userCancel = true;
    m_cancel = true;
    m_wake.notify_all();
}

SyncStatus SyncService::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void SyncService::publish() {
    SyncStatus copy = status();
    if (m_onStatus)
        m_onStatus(copy);
}

void SyncService::run() {
    std::mt19937 rng(std::random_device{}());
    int offlinePause = 1000;
    auto set = [&](auto&& fn) {
        {
            std::lock_guard lock(m_mutex);
            fn(m_status);
        }
        publish();
    };
    auto waitUntilWoken = [&](std::optional<std::chrono::milliseconds> timeout) {
        std::unique_lock lock(m_mutex);
        auto woken = [&] { return m_stop.load() || m_nudged.load(); };
        if (timeout)
            m_wake.wait_for(lock, *timeout, woken);
        else
            m_wake.wait(lock, woken);
    };
    while (!m_stop) {
        // A fresh attempt: what woke the worker has been seen.
        m_nudged = false;
        if (!m_stop)
            m_cancel = false;
        m_userCancel = false;
        std::optional<int> pauseMs; // set when the hub could not be used
        try {
            auto db = db::openCache(m_options.cachePath);
            HubClient hub(m_options.hubUrl, m_options.http);
            hub.setCancelFlag(&m_cancel);
            hub.setRetryPolicy({3, 200, 2000});
            set([](SyncStatus& s) {
                s.state = SyncState::Syncing;
                s.message.clear();
                s.retryAtMs = 0;
            });
            hub.login(m_options.username, m_options.password);
            SyncEngine engine(db, hub);
            while (!m_stop) {
                m_nudged = false;
                const auto t0 = std::chrono::steady_clock::now();
                ServiceProgress progress(
                    m_cancel, [&](std::string_view stage, std::int64_t done, std::int64_t total) {
                        const double secs =
                            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
                                .count();
                        set([&](SyncStatus& s) {
                            s.stage = std::string(stage);
                            s.done = done;
                            s.total = total;
                            s.bytes = hub.wireBytes();
                            s.rowsPerSecond = secs > 0 ? static_cast<double>(done) / secs : 0;
                        });
                    });
                set([](SyncStatus& s) {
                    s.state = SyncState::Syncing;
                    s.message.clear();
                });
                const auto stats = engine.runOnce(progress);
                offlinePause = 1000;
                set([&](SyncStatus& s) {
                    s.state = SyncState::Idle;
                    s.lastSyncAt =
                        db.scalarText("SELECT value FROM sync_state WHERE key = 'last_sync_at'")
                            .value_or("");
                    s.pending = changes::pendingCount(db);
                    s.conflicts = openConflictCount(db);
                    s.stage.clear();
                });
                // Between syncs: wait for live events; a nudge (syncNow) or edits made during
                // the run end the wait and sync again. Edits held back by an open conflict wait
                // for its decision (which nudges), and a run that could send nothing does not
                // repeat at once: either would spin.
                auto moreToSend = [&] { return stats.pushed > 0 && sendableCount(db) > 0; };
                while (!m_stop && !m_nudged && !moreToSend()) {
                    m_inPoll = true;
                    if (m_nudged) { // syncNow() ran before it could see m_inPoll
                        m_inPoll = false;
                        break;
                    }
                    try {
                        const auto applied = engine.pollEvents(m_options.eventWaitSeconds);
                        m_inPoll = false;
                        if (applied > 0)
                            set([&](SyncStatus& s) { s.conflicts = openConflictCount(db); });
                    } catch (const core::Cancelled&) {
                        m_inPoll = false;
                        if (m_userCancel || m_stop)
                            throw;
                        m_cancel = false;
                        break;
                    } catch (...) {
                        m_inPoll = false;
                        throw;
                    }
                }
            }
        } catch (const core::Cancelled&) {
            if (m_stop)
                break;
            if (m_userCancel) {
                set([&](SyncStatus& s) {
                    s.state = SyncState::Cancelled;
                    s.message = core::tr("Sync cancelled. It starts again when you ask for it.");
                    s.stage.clear();
                });
                waitUntilWoken(std::nullopt);
            }
            continue;
        } catch (const OfflineError& e) {
            pauseMs = nextPause(rng, offlinePause, m_options.maxOfflinePauseMs);
            set([&](SyncStatus& s) {
                s.state = SyncState::Offline;
                s.message = e.what();
                s.stage.clear();
                s.retryAtMs = utcMillis() + *pauseMs;
            });
        } catch (const std::exception& e) {
            pauseMs = nextPause(rng, offlinePause, m_options.maxOfflinePauseMs);
            set([&](SyncStatus& s) {
                s.state = SyncState::Error;
                s.message = e.what();
                s.stage.clear();
                s.retryAtMs = utcMillis() + *pauseMs;
            });
        }
        // Offline or failed: try again later, backing off with jitter, unless woken.
        if (pauseMs)
            waitUntilWoken(std::chrono::milliseconds(*pauseMs));
    }
}

} // namespace c175::sync
