#include "engine/sync_engine.h"

#include "changes/change_capture.h"
#include "core/i18n.h"
#include "core/ids.h"
#include "core/progress.h"
#include "db/database.h"
#include "engine/merge.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <map>
#include <set>

namespace c175::sync {
namespace {

std::int64_t cursorOf(db::Database& db, const char* key) {
    const auto text = changes::readState(db, key);
    return text.empty() ? 0 : std::stoll(text);
}

// Foreign keys are checked by the hub; a page may bring a child before its parent (the parent
// changed later and so sits later in the sequence), so they are off while pages apply.
class ApplyScope {
public:
    explicit ApplyScope(db::Database& db) : m_db(db) {
        m_db.exec("PRAGMA foreign_keys = OFF");
        m_tx = std::make_unique<db::Transaction>(m_db);
        m_db.exec("INSERT OR REPLACE INTO sync_state(key, value) VALUES ('capture_off', 'engine')");
    }
    void commit() {
        m_db.exec("DELETE FROM sync_state WHERE key = 'capture_off'");
        m_tx->commit();
    }
    ~ApplyScope() {
        m_tx.reset();
        try {
            m_db.exec("PRAGMA foreign_keys = ON");
        } catch (...) {
        }
    }

private:
    db::Database& m_db;
    std::unique_ptr<db::Transaction> m_tx;
};

} // namespace

SyncEngine::SyncEngine(db::Database& db, HubClient& hub) : m_db(db), m_hub(hub) {
    m_db.exec("PRAGMA cache_size = -65536"); // pages of rows land all over the file
    refreshSchema();
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::refreshSchema() {
    changes::installCaptureTriggers(m_db);
    m_rows.reset();
    m_schema = std::make_unique<Schema>(m_db);
    m_rows = std::make_unique<RowStore>(m_db, *m_schema);
}

SyncStats SyncEngine::runOnce(core::Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const std::int64_t bytes0 = m_hub.wireBytes();
    SyncStats stats;
    refreshSchema();
    push(progress, stats);
    stats.pushComplete = true;
    pull(progress, stats);
    stats.pullComplete = true;
    // Conflicts answered by the push were merged; ops left pending are pushed next time, so a
    // run is complete only when nothing sendable is left.
    stats.wireBytes = m_hub.wireBytes() - bytes0;
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    changes::writeState(m_db, "last_sync_at", core::nowUtc());
    return stats;
}

std::int64_t SyncEngine::push(core::Progress& progress, SyncStats& stats) {
    const std::int64_t total = sendableCount(m_db);
    std::int64_t lastRowid = 0, done = 0;
    const std::string device = changes::nodeId(m_db);
    while (true) {
        progress.checkpoint();
        std::vector<PendingOp> ops = loadPendingOps(m_db, lastRowid, pushBatch);
        if (ops.empty())
            break;
        lastRowid = ops.back().rowid;
        const std::string body = buildPushBody(m_db, device, ops);
        const JsonValue reply = m_hub.push(body);
        const JsonValue* results = reply.find("results");
        if (!results || !results->isArray() || results->items().size() != ops.size())
            throw OfflineError(core::tr("The hub's answer to a push was incomplete."));
        ApplyScope scope(m_db);
        MergeContext merge(m_db, *m_schema, *m_rows);
        for (size_t i = 0; i < ops.size(); ++i) {
            const auto outcome = merge.applyPushResult(ops[i], results->items()[i]);
            if (outcome == PushOutcome::Accepted)
                ++stats.accepted;
            else if (outcome == PushOutcome::Conflict)
                ++stats.conflicts;
            else if (outcome == PushOutcome::Rejected)
                ++stats.rejected;
        }
        scope.commit();
        done += static_cast<std::int64_t>(ops.size());
        stats.pushed += static_cast<std::int64_t>(ops.size());
        progress.update(core::tr("Sending changes"), done, total);
    }
    return done;
}

std::int64_t SyncEngine::applyPage(const JsonValue& page, const char* cursorKey) {
    const JsonValue* cursor = page.find("cursor");
    const JsonValue* rows = page.find("rows");
    const JsonValue* columns = page.find("columns");
    if (!cursor || !cursor->isInt() || !rows || !rows->isArray() || !columns ||
        !columns->isObject())
        throw OfflineError(core::tr("The hub sent a page this program cannot read."));
    ApplyScope scope(m_db);
    MergeContext merge(m_db, *m_schema, *m_rows);
    // Per entity of the page: where each local column sits in the hub's rows. When the hub sends
    // every column and no row of the entity has local changes, rows are written as they come.
    struct Mapping {
        const EntitySchema* entity = nullptr;
        std::vector<int> indexOf;
        bool direct = false;
    };
    std::map<std::string, Mapping, std::less<>> mappings;
    auto mappingOf = [&](const std::string& name, const JsonValue& cols) -> const Mapping& {
        auto it = mappings.find(name);
        if (it != mappings.end())
            return it->second;
        Mapping m;
        m.entity = m_schema->find(name);
        if (m.entity) {
            m.indexOf.assign(m.entity->columns.size(), -1);
            for (size_t i = 0; i < cols.items().size(); ++i)
                if (cols.items()[i].isString())
                    if (const int c = m.entity->find(cols.items()[i].asString()); c >= 0)
                        m.indexOf[static_cast<size_t>(c)] = static_cast<int>(i);
            m.direct = std::find(m.indexOf.begin(), m.indexOf.end(), -1) == m.indexOf.end() &&
                       merge.entityClean(name);
        }
        return mappings.emplace(name, std::move(m)).first->second;
    };
    std::int64_t applied = 0;
    for (const auto& row : rows->items()) {
        if (!row.isArray() || row.items().size() != 2 || !row.items()[0].isString() ||
            !row.items()[1].isArray())
            throw OfflineError(core::tr("The hub sent a page this program cannot read."));
        const std::string& entity = row.items()[0].asString();
        const JsonValue* cols = columns->find(entity);
        if (!cols || !cols->isArray())
            throw OfflineError(core::tr("The hub sent a page this program cannot read."));
        const Mapping& m = mappingOf(entity, *cols);
        const auto& values = row.items()[1].items();
        if (m.direct && values.size() == cols->items().size() &&
            values[static_cast<size_t>(m.indexOf[static_cast<size_t>(m.entity->id)])].isString() &&
            m_rows->writeMapped(*m.entity, m.indexOf, values)) {
            ++applied;
            continue;
        }
        if (merge.applyIncoming(entity, *cols, row.items()[1]))
            ++applied;
    }
    changes::writeState(m_db, cursorKey, std::to_string(cursor->asInt()));
    scope.commit();
    return applied;
}

std::int64_t SyncEngine::pull(core::Progress& progress, SyncStats& stats) {
    std::int64_t cursor = cursorOf(m_db, "cursor");
    const std::int64_t start = cursor;
    // The next page is fetched and parsed on another thread while this one applies the current
    // page: the hub, the network and SQLite work at the same time. Only the applied page's cursor
    // is committed, so a failure or a crash resumes after the last page applied.
    auto fetch = [this](std::int64_t from) {
        return std::async(std::launch::async, [this, from] { return m_hub.pull(from, pageSize); });
    };
    std::future<JsonValue> next = fetch(cursor);
    while (true) {
        progress.checkpoint();
        JsonValue page;
        try {
            page = next.get();
        } catch (const HubError& e) {
            if (e.code() != "cursor_from_future")
                throw;
            // The hub was reset or restored from an older copy: start again from the beginning.
            cursor = 0;
            changes::writeState(m_db, "cursor", "0");
            next = fetch(cursor);
            continue;
        }
        const JsonValue* pageCursor = page.find("cursor");
        const JsonValue* more = page.find("more");
        const bool hasMore = more && more->isBool() && more->asBool() && pageCursor &&
                             pageCursor->isInt() && pageCursor->asInt() > cursor;
        if (hasMore)
            next = fetch(pageCursor->asInt());
        stats.pulled += applyPage(page, "cursor");
        const std::int64_t reached = page.find("cursor")->asInt();
        const JsonValue* hubSeq = page.find("hub_seq");
        progress.update(core::tr("Receiving changes"), reached - start,
                        hubSeq && hubSeq->isInt() ? hubSeq->asInt() - start : 0);
        if (!hasMore)
            break;
        cursor = reached;
    }
    return stats.pulled;
}

std::int64_t SyncEngine::pollEvents(int waitSeconds) {
    const std::string text = changes::readState(m_db, "events_cursor");
    const std::int64_t after = text.empty() ? -1 : std::stoll(text);
    JsonValue page;
    try {
        page = m_hub.events(after, waitSeconds);
    } catch (const HubError& e) {
        if (e.code() != "cursor_from_future")
            throw;
        page = m_hub.events(-1, 0);
    }
    return applyPage(page, "events_cursor");
}

} // namespace c175::sync
