#include "hub/hub_store.h"

#include "changes/change_capture.h"
#include "core/i18n.h"
#include "core/ids.h"
#include "db/migrations.h"
#include "protocol/scope.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace c175::hub {
namespace {

using sync::JsonValue;

constexpr size_t kMaxOps = 2000;

struct Op {
    std::string opId, entity, rowId, kind, hlc;
    std::int64_t baseRev = 0;
    const sync::EntitySchema* schema = nullptr;
    std::vector<std::pair<int, JsonValue>> fields;
    std::map<int, JsonValue> expect;
};

struct Result {
    std::string status; // accepted, conflict, rejected
    std::int64_t rev = 0;
    std::string reason;
    bool duplicate = false;
    std::vector<std::string> fields;
    const sync::EntitySchema* schema = nullptr;
    sync::Values row;
};

[[noreturn]] void invalid(const std::string& field, const std::string& message) {
    throw ApiError(422, "invalid_field", message, field);
}

Op parseOp(const sync::Schema& schema, const JsonValue& v, size_t i) {
    const std::string at = "ops[" + std::to_string(i) + "]";
    if (!v.isObject())
        invalid(at, core::tr("Each operation must be a JSON object."));
    auto text = [&](const char* key, bool required, size_t maxLen) -> std::string {
        const JsonValue* f = v.find(key);
        if (!f || f->isNull()) {
            if (required)
                invalid(at + "." + key, core::fmt(core::tr("\"{}\" is required."), key));
            return "";
        }
        if (!f->isString() || f->asString().empty() || f->asString().size() > maxLen)
            invalid(
                at + "." + key,
                core::fmt(core::tr("\"{}\" must be a text of 1 to {} characters."), key, maxLen));
        return f->asString();
    };
    Op op;
    op.opId = text("op_id", true, 64);
    op.entity = text("entity", true, 64);
    op.rowId = text("row_id", true, 64);
    op.kind = text("kind", true, 16);
    op.hlc = text("hlc", false, 64);
    op.schema = schema.find(op.entity);
    if (!op.schema)
        throw ApiError(422, "unknown_entity",
                       core::fmt(core::tr("\"{}\" is not an entity the hub knows."), op.entity),
                       at + ".entity");
    if (op.kind != "upsert" && op.kind != "delete")
        invalid(at + ".kind", core::tr("\"kind\" must be \"upsert\" or \"delete\"."));
    if (const JsonValue* b = v.find("base_rev")) {
        if (!b->isInt() || b->asInt() < 0)
            invalid(at + ".base_rev",
                    core::tr("\"base_rev\" must be a whole number of 0 or more."));
        op.baseRev = b->asInt();
    }
    auto columns = [&](const char* key, auto&& add) {
        const JsonValue* obj = v.find(key);
        if (!obj)
            return;
        if (!obj->isObject())
            invalid(at + "." + key, core::fmt(core::tr("\"{}\" must be a JSON object."), key));
        for (const auto& [name, value] : obj->members()) {
            const int col = op.schema->find(name);
            if (col < 0 || op.schema->isSyncColumn(col))
                invalid(at + "." + key + "." + name,
                        core::fmt(core::tr("\"{}\" is not a field of {} that an operation sets."),
                                  name, op.entity));
            if (!sync::valueFits(value, op.schema->affinity[col]))
                invalid(at + "." + key + "." + name,
                        core::fmt(core::tr("The value of \"{}\" has the wrong type."), name));
            add(col, value);
        }
    };
    columns("fields", [&](int col, const JsonValue& value) { op.fields.emplace_back(col, value); });
    columns("expect", [&](int col, const JsonValue& value) { op.expect[col] = value; });
    if (op.kind == "upsert" && op.fields.empty())
        invalid(at + ".fields", core::tr("An upsert must change at least one field."));
    return op;
}

void writeValues(std::string& out, const auth::Session& session, const sync::EntitySchema& e,
                 const sync::Values& values) {
    out += '[';
    for (size_t c = 0; c < values.size(); ++c) {
        if (c)
            out += ',';
        if (sync::hidesColumn(session, e.name, e.columns[c].name))
            out += "null";
        else
            sync::writeJson(out, values[c]);
    }
    out += ']';
}

void writeColumns(std::string& out, const sync::EntitySchema& e) {
    out += '[';
    for (size_t c = 0; c < e.columns.size(); ++c) {
        if (c)
            out += ',';
        sync::writeJsonString(out, e.columns[c].name);
    }
    out += ']';
}

bool inProvince(const auth::Session& session, const sync::EntitySchema& e,
                const sync::Values& values) {
    if (!session.provinceCode || e.province < 0)
        return true;
    const auto& v = values[static_cast<size_t>(e.province)];
    return v.isNull() || v.asString() == *session.provinceCode;
}

// Entities sorted so that a table comes after the tables its foreign keys point to.
std::vector<std::string> parentsFirst(db::Database& db, const sync::Schema& schema) {
    std::map<std::string, std::set<std::string>> parents;
    for (const auto& e : schema.all()) {
        db::Statement q(db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");
        q.bind(1, e.name);
        while (q.step())
            if (q.getText(0) != e.name && schema.find(q.getText(0)))
                parents[e.name].insert(q.getText(0));
    }
    std::vector<std::string> out;
    std::set<std::string> done;
    while (out.size() < schema.all().size()) {
        bool progressed = false;
        for (const auto& e : schema.all()) {
            if (done.count(e.name))
                continue;
            bool ready = true;
            for (const auto& p : parents[e.name])
                ready = ready && done.count(p);
            if (ready) {
                out.push_back(e.name);
                done.insert(e.name);
                progressed = true;
            }
        }
        if (!progressed) // a cycle: take the rest as they come
            for (const auto& e : schema.all())
                if (done.insert(e.name).second)
                    out.push_back(e.name);
    }
    return out;
}

} // namespace

HubStore::HubStore(const std::string& path) : m_db(db::openCache(path)) {
    // Pull pages read rows all over the file: map it and keep a large page cache.
    m_db.exec("PRAGMA mmap_size = 2147483648");
    m_db.exec("PRAGMA cache_size = -131072");
    m_db.exec("INSERT INTO sync_state(key, value) VALUES ('capture_off', 'hub') "
              "ON CONFLICT(key) DO UPDATE SET value = 'hub'");
    m_schema = std::make_unique<sync::Schema>(m_db);
    m_rows = std::make_unique<sync::RowStore>(m_db, *m_schema);
    m_pages = std::make_unique<PageBuilder>(m_db, *m_schema);
    m_seq = m_db.scalarInt("SELECT coalesce(max(seq), 0) FROM hub_log");
    sequenceNewRows();
}

HubStore::~HubStore() = default;

std::int64_t HubStore::currentSeq() {
    std::lock_guard lock(m_mutex);
    return m_seq;
}

std::int64_t HubStore::nextSeq() {
    return ++m_seq;
}

void HubStore::wakeWaiters() {
    m_changed.notify_all();
}

void HubStore::closeWaiters() {
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_changed.notify_all();
}

std::int64_t HubStore::sequenceNewRows() {
    std::lock_guard lock(m_mutex);
    std::int64_t added = 0;
    db::Transaction tx(m_db);
    const std::string hlc = changes::nextHlc(m_db);
    auto schemaOf = [&](const std::string& name) -> const sync::EntitySchema& {
        return *m_schema->find(name);
    };
    for (const auto& name : parentsFirst(m_db, *m_schema)) {
        const std::string q = sync::quoteIdent(name);
        db::Statement ins(m_db, "INSERT INTO hub_log(seq, entity, row_id) SELECT ? + row_number() "
                                "OVER (ORDER BY e.rowid), ?, e." +
                                    sync::quoteIdent(schemaOf(name).key) + " FROM " + q +
                                    " e WHERE NOT EXISTS (SELECT 1 FROM hub_log l WHERE "
                                    "l.entity = ? AND l.row_id = e." +
                                    sync::quoteIdent(schemaOf(name).key) + ")");
        ins.bindAll(m_seq, name, name);
        ins.run();
        const int n = m_db.changes();
        if (n == 0)
            continue;
        m_seq += n;
        added += n;
        db::Statement upd(m_db, "UPDATE " + q +
                                    " SET rev = (SELECT seq FROM hub_log l WHERE l.entity = ? AND "
                                    "l.row_id = " +
                                    q + "." + sync::quoteIdent(schemaOf(name).key) +
                                    "), updated_at = CASE WHEN updated_at = '' THEN ? ELSE "
                                    "updated_at END WHERE rev = 0");
        upd.bindAll(name, hlc);
        upd.run();
    }
    tx.commit();
    return added;
}

void HubStore::sequenceRow(const std::string& entity, const std::string& id, std::int64_t seq) {
    db::Statement& q =
        m_rows->prepared("INSERT OR REPLACE INTO hub_log(seq, entity, row_id) VALUES (?, ?, ?)");
    q.bindAll(seq, entity, id);
    q.run();
}

std::string HubStore::pull(const auth::Session& session, const PullRequest& request) {
    std::vector<std::string> entities;
    for (const auto& name : request.entities) {
        if (!m_schema->find(name))
            throw ApiError(400, "unknown_entity",
                           core::fmt(core::tr("\"{}\" is not an entity the hub knows."), name),
                           "entities");
        if (!sync::canPull(session, name))
            throw ApiError(403, "forbidden",
                           core::fmt(core::tr("The role {} may not pull {}."),
                                     auth::roleName(session.role), name),
                           "entities");
        entities.push_back(name);
    }
    if (request.entities.empty())
        for (const auto& e : m_schema->all())
            if (sync::canPull(session, e.name))
                entities.push_back(e.name);
    if (request.limit < 1 || request.limit > 20000)
        throw ApiError(400, "bad_request", core::tr("\"limit\" must be between 1 and 20000."),
                       "limit");
    std::lock_guard lock(m_mutex);
    if (request.cursor < 0 || request.cursor > m_seq)
        throw ApiError(400, "cursor_from_future",
                       core::fmt(core::tr("The cursor {} is beyond the hub's sequence ({})."),
                                 request.cursor, m_seq),
                       "cursor");
    db::Transaction read(m_db, db::Transaction::Kind::Deferred); // one snapshot for the page
    auto page = m_pages->build(session, entities, request.cursor, m_seq, request.limit, m_seq);
    read.commit();
    return std::move(page.json);
}

std::string HubStore::events(const auth::Session& session, std::int64_t after, int waitMs) {
    std::vector<std::string> entities;
    for (const auto& e : m_schema->all())
        if (sync::isLiveEntity(e.name) && sync::canPull(session, e.name))
            entities.push_back(e.name);
    std::unique_lock lock(m_mutex);
    if (after > m_seq)
        throw ApiError(
            400, "cursor_from_future",
            core::fmt(core::tr("The cursor {} is beyond the hub's sequence ({})."), after, m_seq),
            "after");
    if (after < 0 || entities.empty())
        return "{\"cursor\":" + std::to_string(m_seq) + ",\"hub_seq\":" + std::to_string(m_seq) +
               ",\"more\":false,\"columns\":{},\"rows\":[]}";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(waitMs);
    std::int64_t from = after;
    while (true) {
        while (m_seq <= from && !m_closing &&
               m_changed.wait_until(lock, deadline) != std::cv_status::timeout) {
        }
        const std::int64_t upto = m_seq;
        auto page = m_pages->build(session, entities, from, upto, 2000, m_seq);
        if (page.rows > 0 || m_closing || std::chrono::steady_clock::now() >= deadline) {
            // Without `more`, the page's cursor is already `upto`: nothing newer in scope.
            return std::move(page.json);
        }
        from = upto;
    }
}

void HubStore::hubUpsert(const std::string& entity, const std::string& id,
                         const std::vector<std::pair<std::string, JsonValue>>& fields,
                         const std::string& actor) {
    {
        std::lock_guard lock(m_mutex);
        const auto* e = m_schema->find(entity);
        if (!e)
            throw ApiError(400, "unknown_entity", "unknown entity " + entity);
        db::Transaction tx(m_db);
        std::vector<std::pair<int, JsonValue>> cols;
        for (const auto& [name, value] : fields)
            cols.emplace_back(e->find(name), value);
        const std::int64_t seq = nextSeq();
        cols.emplace_back(e->rev, JsonValue(seq));
        cols.emplace_back(e->updatedAt, JsonValue(changes::nextHlc(m_db)));
        cols.emplace_back(e->updatedBy, JsonValue(actor));
        try {
            m_rows->update(*e, id, cols, true);
            sequenceRow(entity, id, seq);
            tx.commit();
        } catch (...) {
            m_seq = m_db.scalarInt("SELECT coalesce(max(seq), 0) FROM hub_log");
            throw;
        }
    }
    wakeWaiters();
}

std::string HubStore::push(const auth::Session& session, const std::string& body) {
    JsonValue doc;
    try {
        doc = sync::parseJson(body);
    } catch (const sync::JsonError& e) {
        throw ApiError(400, "bad_json", e.what());
    }
    const JsonValue* opsValue = doc.isObject() ? doc.find("ops") : nullptr;
    if (!opsValue || !opsValue->isArray())
        throw ApiError(422, "invalid_field",
                       core::tr("The body must be an object with an array \"ops\"."), "ops");
    if (opsValue->items().size() > kMaxOps)
        throw ApiError(413, "too_large",
                       core::fmt(core::tr("A push carries at most {} operations."), kMaxOps),
                       "ops");
    std::vector<Op> ops;
    std::set<std::string> seen;
    for (size_t i = 0; i < opsValue->items().size(); ++i) {
        ops.push_back(parseOp(*m_schema, opsValue->items()[i], i));
        if (!seen.insert(ops.back().opId).second)
            invalid("ops[" + std::to_string(i) + "].op_id",
                    core::tr("The same op_id appears twice in one push."));
    }

    std::vector<Result> results;
    {
        std::lock_guard lock(m_mutex);
        const std::int64_t seqBefore = m_seq;
        try {
            db::Transaction tx(m_db);
            db::Statement findOp(m_db, "SELECT status, rev, reason FROM hub_ops WHERE op_id = ?");
            db::Statement recordOp(m_db, "INSERT INTO hub_ops(op_id, status, rev, reason, actor, "
                                         "at) VALUES (?,?,?,?,?,?)");
            for (const auto& op : ops) {
                Result r;
                r.schema = op.schema;
                findOp.bind(1, op.opId);
                if (findOp.step()) {
                    r.status = findOp.getText(0);
                    r.rev = findOp.getInt64(1);
                    r.reason = findOp.getText(2);
                    r.duplicate = true;
                    findOp.reset();
                    results.push_back(std::move(r));
                    continue;
                }
                findOp.reset();
                const auto& e = *op.schema;
                sync::Values current;
                const bool exists = m_rows->read(e, op.rowId, current);
                const int wf = e.find(sync::workflowColumn(e.name));
                std::string newStatus;
                bool changesStatus = false;
                for (const auto& [col, value] : op.fields)
                    if (col == wf && wf >= 0) {
                        changesStatus = !exists || !(current[static_cast<size_t>(col)] == value);
                        newStatus = value.isString() ? value.asString() : "";
                    }
                if (auto refusal =
                        sync::pushRefusal(session, e.name, !exists, changesStatus, newStatus)) {
                    r.status = "rejected";
                    r.reason = *refusal;
                } else if (auto rowRefusal = sync::rowRefusal(session, e.name, op.rowId)) {
                    r.status = "rejected";
                    r.reason = *rowRefusal;
                } else if (exists && !inProvince(session, e, current)) {
                    r.status = "rejected";
                    r.reason = core::tr("The row lies outside your province.");
                } else if (op.kind == "delete") {
                    r.status = "accepted";
                    if (exists) {
                        r.rev = nextSeq();
                        m_rows->update(
                            e, op.rowId,
                            {{e.deleted, JsonValue(1)},
                             {e.rev, JsonValue(r.rev)},
                             {e.updatedAt,
                              JsonValue(op.hlc.empty() ? changes::nextHlc(m_db) : op.hlc)},
                             {e.updatedBy, JsonValue(session.username)}},
                            false);
                        sequenceRow(e.name, op.rowId, r.rev);
                    }
                } else {
                    const std::int64_t hubRev =
                        exists ? current[static_cast<size_t>(e.rev)].asInt() : 0;
                    if (exists) {
                        for (const auto& [col, value] : op.fields) {
                            const auto& hubValue = current[static_cast<size_t>(col)];
                            if (hubValue == value)
                                continue;
                            const bool terminal =
                                col == wf && hubValue.isString() &&
                                sync::isTerminalState(e.name, hubValue.asString());
                            if (terminal && hubRev == op.baseRev) {
                                r.status = "rejected";
                                r.reason = core::fmt(core::tr("The workflow of {} {} is closed "
                                                              "({}); it cannot be reopened."),
                                                     e.name, op.rowId, hubValue.asString());
                                break;
                            }
                            if (hubRev == op.baseRev && !terminal)
                                continue;
                            auto ex = op.expect.find(col);
                            if (!terminal && ex != op.expect.end() && ex->second == hubValue)
                                continue;
                            r.fields.push_back(e.columns[static_cast<size_t>(col)].name);
                        }
                    }
                    if (r.status.empty() && !r.fields.empty()) {
                        r.status = "conflict";
                        r.reason = core::tr("The hub changed the same fields since your copy.");
                        r.row = current;
                    } else if (r.status.empty()) {
                        auto cols = op.fields;
                        r.rev = nextSeq();
                        cols.emplace_back(e.rev, JsonValue(r.rev));
                        if (!op.hlc.empty())
                            changes::observeHlc(m_db, op.hlc);
                        cols.emplace_back(
                            e.updatedAt,
                            JsonValue(op.hlc.empty() ? changes::nextHlc(m_db) : op.hlc));
                        cols.emplace_back(e.updatedBy, JsonValue(session.username));
                        m_db.exec("SAVEPOINT op");
                        try {
                            m_rows->update(e, op.rowId, cols, true);
                            sequenceRow(e.name, op.rowId, r.rev);
                            m_db.exec("RELEASE op");
                            r.status = "accepted";
                        } catch (const db::DbError& err) {
                            m_db.exec("ROLLBACK TO op");
                            m_db.exec("RELEASE op");
                            r.status = "rejected";
                            r.rev = 0;
                            r.reason = core::fmt(core::tr("The hub's rules refused the change: {}"),
                                                 err.what());
                        }
                    }
                }
                recordOp.bindAll(op.opId, r.status, r.rev, r.reason, session.username,
                                 core::nowUtc());
                recordOp.run();
                results.push_back(std::move(r));
            }
            tx.commit();
        } catch (...) {
            m_seq = seqBefore;
            throw;
        }
    }
    wakeWaiters();

    std::string out = "{\"hub_seq\":" + std::to_string(currentSeq()) + ",\"results\":[";
    for (size_t i = 0; i < results.size(); ++i) {
        const auto& r = results[i];
        if (i)
            out += ',';
        out += "{\"op_id\":";
        sync::writeJsonString(out, ops[i].opId);
        out += ",\"status\":";
        sync::writeJsonString(out, r.status);
        out += ",\"rev\":" + std::to_string(r.rev);
        if (r.duplicate)
            out += ",\"duplicate\":true";
        if (!r.reason.empty()) {
            out += ",\"reason\":";
            sync::writeJsonString(out, r.reason);
        }
        if (r.status == "conflict" && !r.duplicate) {
            out += ",\"fields\":[";
            for (size_t f = 0; f < r.fields.size(); ++f) {
                if (f)
                    out += ',';
                sync::writeJsonString(out, r.fields[f]);
            }
            out += "],\"columns\":";
            writeColumns(out, *r.schema);
            out += ",\"row\":";
            writeValues(out, session, *r.schema, r.row);
        }
        out += '}';
    }
    out += "]}";
    return out;
}

} // namespace c175::hub
