// The hub's store: its sequence, pull pages, push batches applied at most once, live events.
#pragma once
#include "auth/roles.h"
#include "db/database.h"
#include "hub/hub_page.h"
#include "protocol/json_text.h"
#include "protocol/row_store.h"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace c175::hub {

// A request the hub refuses as a whole; becomes {"error":{code,message,field}} with `status`.
class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string code, const std::string& message, std::string field = "")
        : std::runtime_error(message), m_status(status), m_code(std::move(code)),
          m_field(std::move(field)) {}
    int status() const { return m_status; }
    const std::string& code() const { return m_code; }
    const std::string& field() const { return m_field; }

private:
    int m_status;
    std::string m_code;
    std::string m_field;
};

struct PullRequest {
    std::int64_t cursor = 0;
    int limit = 5000;
    std::vector<std::string> entities; // empty = every entity in scope
};

class HubStore {
public:
    // Opens (migrates) the hub store; marks it as a hub (no base capture) and sequences every
    // row that has no sequence number yet (seeded or imported rows).
    explicit HubStore(const std::string& path);
    ~HubStore();

    std::int64_t currentSeq();
    // Gives every unsequenced row a sequence number, parents before children.
    std::int64_t sequenceNewRows();

    // JSON page (PullPage in openapi.yaml). Throws ApiError for an unknown entity or a cursor
    // beyond the sequence.
    std::string pull(const auth::Session& session, const PullRequest& request);
    // JSON PushResponse. Throws ApiError (nothing applied) when the batch is malformed.
    std::string push(const auth::Session& session, const std::string& body);
    // Live rows after `after`, waiting up to `waitMs` for some. after < 0: none, current cursor.
    std::string events(const auth::Session& session, std::int64_t after, int waitMs);

    // Hub-side edit (simulator, admin tools): writes the fields, stamps and sequences the row.
    void hubUpsert(const std::string& entity, const std::string& id,
                   const std::vector<std::pair<std::string, sync::JsonValue>>& fields,
                   const std::string& actor);

    // Runs `fn` with the store's connection under its lock (auth, attachments, tools).
    template <typename Fn> auto withDb(Fn&& fn) {
        std::lock_guard lock(m_mutex);
        return fn(m_db);
    }
    void wakeWaiters();
    // The server is stopping: event waits return at once (an empty page), now and later.
    void closeWaiters();

private:
    std::int64_t nextSeq();
    void sequenceRow(const std::string& entity, const std::string& id, std::int64_t seq);

    db::Database m_db;
    std::unique_ptr<sync::Schema> m_schema;
    std::unique_ptr<sync::RowStore> m_rows;
    std::unique_ptr<PageBuilder> m_pages;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::int64_t m_seq = 0;
    bool m_closing = false; // under m_mutex
};

} // namespace c175::hub
