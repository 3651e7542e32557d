// Runs a list's rowid query off the GUI thread and hands the result back on the GUI thread.
#pragma once
#include "auth/roles.h"
#include "browse/browse_service.h"

#include <wx/window.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::panels {

class RowidLoader {
public:
    // `error` is empty on success.
    using Done = std::function<void(std::vector<std::int64_t> rowids, const std::string& error)>;

    // `owner` receives the results (dropped when it is gone). The worker opens `dbPath` read-only;
    // when the cache has no file (":memory:", tests) the query runs on `guiDb` right away.
    RowidLoader(wxWindow* owner, std::string dbPath, db::Database* guiDb);
    // Interrupts a running query and waits for its thread.
    ~RowidLoader();
    RowidLoader(const RowidLoader&) = delete;
    RowidLoader& operator=(const RowidLoader&) = delete;

    // Starts a query; a query still running is interrupted and its result never delivered.
    void start(const auth::Session& session, browse::TableId table, const browse::Query& query,
               Done done);
    bool busy() const { return m_busy; }

private:
    struct Job;
    void cancelAll();
    void reap();

    wxWindow* m_owner;
    std::string m_dbPath;
    db::Database* m_guiDb;
    std::uint64_t m_generation = 0;
    bool m_busy = false;
    std::vector<std::pair<std::shared_ptr<Job>, std::thread>> m_jobs;
};

} // namespace c175::panels
