#include "engine/merge.h"

#include "core/i18n.h"
#include "core/ids.h"
#include "db/database.h"
#include "protocol/scope.h"

#include <optional>

namespace c175::sync {
namespace {

const char* kLoadBase = "SELECT json, rev FROM sync_base WHERE entity = ? AND row_id = ?";

std::optional<JsonValue> readBase(db::Statement& q, const std::string& entity,
                                  const std::string& id, std::int64_t* rev) {
    q.bindAll(entity, id);
    if (!q.step())
        return std::nullopt;
    if (rev)
        *rev = q.getInt64(1);
    auto json = parseJson(q.getText(0), 8);
    q.reset();
    return json;
}

std::optional<JsonValue> loadBase(db::Database& db, const std::string& entity,
                                  const std::string& id, std::int64_t* rev = nullptr) {
    db::Statement q(db, kLoadBase);
    return readBase(q, entity, id, rev);
}

std::optional<JsonValue> loadBase(RowStore& rows, const std::string& entity, const std::string& id,
                                  std::int64_t* rev = nullptr) {
    return readBase(rows.prepared(kLoadBase), entity, id, rev);
}

void saveBase(RowStore& rows, const std::string& entity, const std::string& id, std::int64_t rev,
              const JsonValue& json) {
    db::Statement& q =
        rows.prepared("INSERT INTO sync_base(entity, row_id, rev, json) VALUES (?,?,?,?) "
                      "ON CONFLICT(entity, row_id) DO UPDATE SET rev = excluded.rev, json = "
                      "excluded.json");
    q.bindAll(entity, id, rev, toJson(json));
    q.run();
}

} // namespace

namespace {
// The outbox entries whose row no open conflict holds back.
const std::string kSendableOutbox =
    "sync_outbox o WHERE NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.entity = o.entity "
    "AND c.row_id = o.row_id AND c.state = 'open')";
} // namespace

std::int64_t sendableCount(db::Database& db) {
    return db.scalarInt("SELECT count(*) FROM " + kSendableOutbox);
}

std::vector<PendingOp> loadPendingOps(db::Database& db, std::int64_t afterRowid, int limit) {
    db::Statement q(db, "SELECT o.rowid, o.op_id, o.entity, o.row_id, o.op, o.payload, o.base_rev, "
                        "o.hlc FROM " +
                            kSendableOutbox + " AND o.rowid > ? ORDER BY o.rowid LIMIT ?");
    q.bindAll(afterRowid, limit);
    std::vector<PendingOp> out;
    while (q.step())
        out.push_back({q.getInt64(0), q.getText(1), q.getText(2), q.getText(3), q.getText(4),
                       q.getText(5), q.getText(7), q.getInt64(6)});
    return out;
}

std::string buildPushBody(db::Database& db, const std::string& device,
                          const std::vector<PendingOp>& ops) {
    std::map<std::pair<std::string, std::string>, JsonValue> state;
    std::string out = "{\"device\":";
    writeJsonString(out, device);
    out += ",\"ops\":[";
    for (size_t i = 0; i < ops.size(); ++i) {
        const auto& op = ops[i];
        const auto key = std::make_pair(op.entity, op.rowId);
        auto it = state.find(key);
        if (it == state.end()) {
            auto base = loadBase(db, op.entity, op.rowId);
            it = state.emplace(key, base ? *base : JsonValue::object()).first;
        }
        JsonValue fields = parseJson(op.payload, 8);
        JsonValue expect = JsonValue::object();
        if (fields.isObject())
            for (const auto& [name, value] : fields.members()) {
                if (const JsonValue* before = it->second.find(name))
                    expect.set(name, *before);
                it->second.set(name, value);
            }
        if (i)
            out += ',';
        out += "{\"op_id\":";
        writeJsonString(out, op.opId);
        out += ",\"entity\":";
        writeJsonString(out, op.entity);
        out += ",\"row_id\":";
        writeJsonString(out, op.rowId);
        out += ",\"kind\":";
        writeJsonString(out, op.kind);
        out += ",\"base_rev\":" + std::to_string(op.baseRev);
        if (!op.hlc.empty()) {
            out += ",\"hlc\":";
            writeJsonString(out, op.hlc);
        }
        if (op.kind == "upsert") {
            out += ",\"fields\":";
            writeJson(out, fields);
            out += ",\"expect\":";
            writeJson(out, expect);
        }
        out += '}';
    }
    out += "]}";
    return out;
}

MergeContext::MergeContext(db::Database& db, const Schema& schema, RowStore& rows)
    : m_db(db), m_schema(schema), m_rows(rows) {}

void MergeContext::reloadDirty() {
    m_dirty.clear();
    db::Statement q(m_db, "SELECT entity, row_id, op, payload FROM sync_outbox");
    while (q.step()) {
        auto& fields = m_dirty[{q.getText(0), q.getText(1)}];
        if (q.getText(2) == "delete") {
            fields.insert("deleted");
            continue;
        }
        const auto payload = parseJson(q.getText(3), 8);
        for (const auto& [name, value] : payload.members())
            fields.insert(name);
    }
    db::Statement c(m_db, "SELECT entity, row_id, field FROM sync_conflicts WHERE state = 'open'");
    while (c.step())
        m_dirty[{c.getText(0), c.getText(1)}].insert(c.getText(2));
    m_dirtyLoaded = true;
}

const std::set<std::string>* MergeContext::changedFields(const std::string& entity,
                                                         const std::string& id) {
    if (!m_dirtyLoaded)
        reloadDirty();
    auto it = m_dirty.find({entity, id});
    return it == m_dirty.end() ? nullptr : &it->second;
}

bool MergeContext::entityClean(const std::string& entity) {
    if (!m_dirtyLoaded)
        reloadDirty();
    auto it = m_dirty.lower_bound({entity, std::string()});
    return it == m_dirty.end() || it->first.first != entity;
}

void MergeContext::dropBaseIfClean(const std::string& entity, const std::string& id) {
    db::Statement& q =
        m_rows.prepared("DELETE FROM sync_base WHERE entity = ? AND row_id = ? AND NOT EXISTS "
                        "(SELECT 1 FROM sync_outbox WHERE entity = ? AND row_id = ?) AND NOT "
                        "EXISTS (SELECT 1 FROM sync_conflicts WHERE entity = ? AND row_id = ? AND "
                        "state = 'open')");
    q.bindAll(entity, id, entity, id, entity, id);
    q.run();
}

void MergeContext::recordConflict(const std::string& entity, const std::string& id,
                                  const std::string& field, const JsonValue* base,
                                  const JsonValue& mine, const JsonValue& theirs,
                                  std::int64_t theirsRev) {
    db::Statement upd(m_db, "UPDATE sync_conflicts SET theirs = ?, theirs_rev = ?, mine = ? WHERE "
                            "entity = ? AND row_id = ? AND field = ? AND state = 'open'");
    upd.bindAll(toJson(theirs), theirsRev, toJson(mine), entity, id, field);
    upd.run();
    if (m_db.changes() > 0)
        return;
    db::Statement ins(m_db, "INSERT INTO sync_conflicts(id, entity, row_id, field, base, mine, "
                            "theirs, theirs_rev, created_at) VALUES (?,?,?,?,?,?,?,?,?)");
    ins.bindAll(core::newUuidV7(), entity, id, field);
    if (base)
        ins.bind(5, toJson(*base));
    else
        ins.bind(5, nullptr);
    ins.bind(6, toJson(mine));
    ins.bind(7, toJson(theirs));
    ins.bind(8, theirsRev);
    ins.bind(9, core::nowUtc());
    ins.run();
    m_dirty[{entity, id}].insert(field);
}

PushOutcome MergeContext::applyPushResult(const PendingOp& op, const JsonValue& result) {
    const JsonValue* status = result.find("status");
    const std::string s = status && status->isString() ? status->asString() : "";
    const EntitySchema* e = m_schema.find(op.entity);
    if (s == "accepted") {
        const JsonValue* revValue = result.find("rev");
        const std::int64_t rev = revValue && revValue->isInt() ? revValue->asInt() : 0;
        db::Statement& del = m_rows.prepared("DELETE FROM sync_outbox WHERE op_id = ?");
        del.bind(1, op.opId);
        del.run();
        std::int64_t baseRev = 0;
        JsonValue base =
            loadBase(m_rows, op.entity, op.rowId, &baseRev).value_or(JsonValue::object());
        if (op.kind == "upsert") {
            const JsonValue fields = parseJson(op.payload, 8);
            for (const auto& [name, value] : fields.members())
                base.set(name, value);
        } else
            base.set("deleted", JsonValue(1));
        if (rev > 0) {
            saveBase(m_rows, op.entity, op.rowId, std::max(rev, baseRev), base);
            if (e) {
                db::Statement& r =
                    m_rows.prepared("UPDATE " + quoteIdent(e->name) + " SET rev = ? WHERE " +
                                    quoteIdent(e->key) + " = ? AND rev < ?");
                r.bindAll(rev, op.rowId, rev);
                r.run();
            }
        }
        dropBaseIfClean(op.entity, op.rowId);
        m_dirtyLoaded = false;
        return PushOutcome::Accepted;
    }
    if (s == "rejected") {
        const JsonValue* reason = result.find("reason");
        db::Statement ins(m_db, "INSERT OR REPLACE INTO sync_rejected(op_id, entity, row_id, op, "
                                "payload, reason, at) VALUES (?,?,?,?,?,?,?)");
        ins.bindAll(op.opId, op.entity, op.rowId, op.kind, op.payload,
                    reason && reason->isString() ? reason->asString() : std::string(),
                    core::nowUtc());
        ins.run();
        db::Statement& del = m_rows.prepared("DELETE FROM sync_outbox WHERE op_id = ?");
        del.bind(1, op.opId);
        del.run();
        // Put back what the hub refused, as far as the base knows it.
        if (auto base = loadBase(m_rows, op.entity, op.rowId); base && e) {
            std::vector<std::pair<int, JsonValue>> restore;
            const JsonValue fields =
                op.kind == "upsert" ? parseJson(op.payload, 8) : JsonValue::object();
            for (const auto& [name, value] : fields.members())
                if (const JsonValue* old = base->find(name); old && e->find(name) >= 0)
                    restore.emplace_back(e->find(name), *old);
            if (op.kind == "delete")
                restore.emplace_back(e->deleted, JsonValue(0));
            m_rows.update(*e, op.rowId, restore, false);
        }
        dropBaseIfClean(op.entity, op.rowId);
        m_dirtyLoaded = false;
        return PushOutcome::Rejected;
    }
    if (s == "conflict") {
        const JsonValue* columns = result.find("columns");
        const JsonValue* row = result.find("row");
        if (columns && row && columns->isArray() && row->isArray()) {
            m_dirtyLoaded = false;
            applyIncoming(op.entity, *columns, *row);
        }
        return PushOutcome::Conflict;
    }
    return PushOutcome::Kept;
}

bool MergeContext::applyIncoming(const std::string& entity, const JsonValue& columns,
                                 const JsonValue& values) {
    const EntitySchema* e = m_schema.find(entity);
    if (!e || columns.items().size() != values.items().size())
        return false;
    // Hub columns in local order; a column the hub does not send keeps its local value.
    Values theirs(e->columns.size());
    std::vector<bool> given(e->columns.size(), false);
    for (size_t i = 0; i < columns.items().size(); ++i) {
        const int col = columns.items()[i].isString() ? e->find(columns.items()[i].asString()) : -1;
        if (col < 0 || !valueFits(values.items()[i], e->affinity[static_cast<size_t>(col)]))
            continue;
        theirs[static_cast<size_t>(col)] = values.items()[i];
        given[static_cast<size_t>(col)] = true;
    }
    const JsonValue& key = theirs[static_cast<size_t>(e->id)];
    if (!given[static_cast<size_t>(e->id)] || !given[static_cast<size_t>(e->rev)] ||
        !(key.isString() || key.isInt()))
        return false;
    // Keys are text but for single-row tables keyed by an integer (tipoff_centre_key).
    const std::string id = key.isString() ? key.asString() : std::to_string(key.asInt());
    const std::int64_t theirsRev = theirs[static_cast<size_t>(e->rev)].asInt();
    const std::set<std::string>* changed = changedFields(entity, id);
    bool complete = true;
    for (bool g : given)
        complete = complete && g;

    if (!changed) { // a clean row: the hub's copy wins as a whole
        if (complete) {
            m_rows.write(*e, theirs);
        } else {
            std::vector<std::pair<int, JsonValue>> fields;
            for (size_t c = 0; c < given.size(); ++c)
                if (given[c])
                    fields.emplace_back(static_cast<int>(c), theirs[c]);
            m_rows.update(*e, id, fields, true);
        }
        return true;
    }

    // Local changes wait for the hub: three-way merge, field by field, against sync_base.
    Values mine;
    const bool haveMine = m_rows.read(*e, id, mine);
    std::int64_t baseRev = 0;
    const auto base = loadBase(m_rows, entity, id, &baseRev);
    if (haveMine && mine[static_cast<size_t>(e->rev)].asInt() > theirsRev)
        return false; // older than what we hold
    std::vector<std::pair<int, JsonValue>> fields;
    JsonValue newBase = base ? *base : JsonValue::object();
    for (size_t c = 0; c < e->columns.size(); ++c) {
        if (!given[c] || static_cast<int>(c) == e->id)
            continue;
        const std::string& name = e->columns[c].name;
        newBase.set(name, theirs[c]);
        if (static_cast<int>(c) == e->updatedAt || static_cast<int>(c) == e->updatedBy)
            continue;
        if (!haveMine || !changed->count(name)) {
            fields.emplace_back(static_cast<int>(c), theirs[c]);
            continue;
        }
        const JsonValue& my = mine[c];
        if (my == theirs[c])
            continue;
        const JsonValue* was = base ? base->find(name) : nullptr;
        if (was && *was == theirs[c])
            continue; // only we changed it: keep ours
        recordConflict(entity, id, name, was, my, theirs[c], theirsRev);
    }
    m_rows.update(*e, id, fields, true);
    saveBase(m_rows, entity, id, std::max(theirsRev, baseRev), newBase);
    return true;
}

} // namespace c175::sync
