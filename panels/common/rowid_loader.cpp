// The worker side of a list query: its own read-only connection, interruptible, result via
// CallAfter.
#include "common/rowid_loader.h"

#include "db/database.h"

#include <sqlite3.h>
#include <wx/app.h>
#include <wx/weakref.h>

#include <atomic>
#include <mutex>

namespace c175::panels {

struct RowidLoader::Job {
    std::mutex mutex;
    db::Database* db = nullptr; // the worker's connection while the query runs
    bool cancelled = false;
    std::atomic<bool> finished{false};
    // A second reference, so the weak ref is always released on the GUI thread (reap()).
    std::shared_ptr<wxWeakRef<wxWindow>> owner;

    void cancel() {
        std::lock_guard lock(mutex);
        cancelled = true;
        if (db)
            sqlite3_interrupt(db->handle());
    }
};

RowidLoader::RowidLoader(wxWindow* owner, std::string dbPath, db::Database* guiDb)
    : m_owner(owner), m_dbPath(std::move(dbPath)), m_guiDb(guiDb) {}

RowidLoader::~RowidLoader() {
    cancelAll();
    for (auto& [job, thread] : m_jobs)
        if (thread.joinable())
            thread.join();
}

void RowidLoader::cancelAll() {
    for (auto& [job, thread] : m_jobs)
        job->cancel();
}

void RowidLoader::reap() {
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (it->first->finished) {
            it->second.join();
            it = m_jobs.erase(it);
        } else {
            ++it;
        }
    }
}

void RowidLoader::start(const auth::Session& session, browse::TableId table,
                        const browse::Query& query, Done done) {
    const auto generation = ++m_generation;
    cancelAll();
    reap();

    if (m_dbPath.empty() || m_dbPath == ":memory:") {
        // No file a second connection could open: run here.
        std::vector<std::int64_t> ids;
        std::string error;
        try {
            ids = browse::BrowseService(*m_guiDb, session, table).rowids(query);
        } catch (const std::exception& e) {
            error = e.what();
        }
        done(std::move(ids), error);
        return;
    }

    m_busy = true;
    auto job = std::make_shared<Job>();
    // Made here on the GUI thread; the worker only moves the pointer along, never the ref.
    auto owner = std::make_shared<wxWeakRef<wxWindow>>(m_owner);
    job->owner = owner;
    auto deliver = [this, owner, generation, done = std::move(done)](std::vector<std::int64_t> ids,
                                                                     const std::string& error) {
        // Runs on the GUI thread: drop the result when the window went or a newer query began.
        if (!owner->get() || generation != m_generation)
            return;
        m_busy = false;
        done(std::move(ids), error);
    };
    std::thread worker(
        [job, path = m_dbPath, session, table, query, deliver = std::move(deliver)]() mutable {
            std::vector<std::int64_t> ids;
            std::string error;
            try {
                db::Database db(path, db::OpenMode::ReadOnly);
                {
                    std::lock_guard lock(job->mutex);
                    if (job->cancelled) {
                        job->finished = true;
                        return;
                    }
                    job->db = &db;
                }
                try {
                    ids = browse::BrowseService(db, session, table).rowids(query);
                } catch (const std::exception& e) {
                    error = e.what();
                }
                std::lock_guard lock(job->mutex);
                job->db = nullptr;
            } catch (const std::exception& e) {
                error = e.what();
            }
            const bool cancelled = [&] {
                std::lock_guard lock(job->mutex);
                return job->cancelled;
            }();
            if (!cancelled && wxTheApp)
                wxTheApp->CallAfter([deliver = std::move(deliver), ids = std::move(ids),
                                     error]() mutable { deliver(std::move(ids), error); });
            job->finished = true;
        });
    m_jobs.emplace_back(std::move(job), std::move(worker));
}

} // namespace c175::panels
