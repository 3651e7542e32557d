#include "engine/sync_service.h"

#include "changes/change_capture.h"
#include "core/i18n.h"
#include "db/migrations.h"

#include <chrono>
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
    m_cancel = true; // ends a long-poll early; a running sync checks m_nudged after
    m_wake.notify_all();
}

void SyncService::cancelCurrent() {
    m_cancel = true;
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
    while (!m_stop) {
        try {
            auto db = db::openCache(m_options.cachePath);
            HubClient hub(m_options.hubUrl, m_options.http);
            hub.setCancelFlag(&m_cancel);
            hub.setRetryPolicy({3, 200, 2000});
            set([](SyncStatus& s) {
                s.state = SyncState::Syncing;
                s.message.clear();
            });
            hub.login(m_options.username, m_options.password);
            SyncEngine engine(db, hub);
            while (!m_stop) {
                m_cancel = false;
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
                set([](SyncStatus& s) { s.state = SyncState::Syncing; });
                engine.runOnce(progress);
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
                // Between syncs: wait for live events; an edit (syncNow) or a pending outbox ends
                // it.
                while (!m_stop && !m_nudged && changes::pendingCount(db) == 0) {
                    try {
                        if (engine.pollEvents(m_options.eventWaitSeconds) > 0)
                            set([&](SyncStatus& s) { s.conflicts = openConflictCount(db); });
                    } catch (const core::Cancelled&) {
                        break;
                    }
                }
            }
        } catch (const core::Cancelled&) {
            m_cancel = false;
            continue;
        } catch (const OfflineError& e) {
            set([&](SyncStatus& s) {
                s.state = SyncState::Offline;
                s.message = e.what();
            });
        } catch (const std::exception& e) {
            set([&](SyncStatus& s) {
                s.state = SyncState::Error;
                s.message = e.what();
            });
        }
        // Offline or failed: try again later, backing off with jitter, unless woken.
        const int pause = offlinePause / 2 +
                          static_cast<int>(rng() % static_cast<unsigned>(offlinePause / 2 + 1));
        offlinePause = std::min(offlinePause * 2, m_options.maxOfflinePauseMs);
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::milliseconds(pause),
                        [&] { return m_stop.load() || m_nudged.load(); });
    }
}

} // namespace c175::sync
