#include "changes/change_capture.h"

#include "core/errors.h"
#include "core/ids.h"
#include "db/database.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <openssl/rand.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace c175::changes {
namespace {

const std::set<std::string> kSyncColumns = {"rev", "updated_at", "updated_by", "deleted"};

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

struct Hlc {
    std::int64_t ms = 0;
    std::int64_t counter = 0;
};

Hlc parseHlc(std::string_view text) {
    Hlc h;
    long long ms = 0, counter = 0;
    if (std::sscanf(std::string(text).c_str(), "%13lld.%5lld", &ms, &counter) == 2) {
        h.ms = ms;
        h.counter = counter;
    }
    return h;
}

std::string formatHlc(const Hlc& h, const std::string& node) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%013lld.%05lld.", static_cast<long long>(h.ms),
                  static_cast<long long>(h.counter));
    return buf + node;
}

void requireTransaction(db::Database& db, const char* what) {
    if (!db.inTransaction())
        throw std::logic_error(std::string(what) +
                               " must run inside the transaction of the edit it records.");
}

void requireEntity(db::Database& db, std::string_view entity) {
    if (!isSyncedEntity(db, entity))
        throw core::ValidationError("entity",
                                    "\"" + std::string(entity) + "\" is not a synced table");
}

std::int64_t rowRev(db::Database& db, std::string_view entity, const std::string& key,
                    std::string_view rowId) {
    db::Statement q(db, "SELECT rev FROM " + db::quoteIdent(entity) + " WHERE " +
                            db::quoteIdent(key) + " = ?");
    q.bind(1, rowId);
    if (!q.step())
        throw core::ValidationError("row_id", "no row \"" + std::string(rowId) + "\" in " +
                                                  std::string(entity));
    return q.getInt64(0);
}

std::string record(db::Database& db, std::string_view entity, std::string_view rowId,
                   const char* op, const std::string& payload, const std::string& actor) {
    const std::string key = keyColumn(db, entity);
    const std::int64_t baseRev = rowRev(db, entity, key, rowId);
    const std::string hlc = nextHlc(db);
    db::Statement stamp(db, "UPDATE " + db::quoteIdent(entity) +
                                " SET updated_at = ?, updated_by = ?" +
                                (std::string_view(op) == "delete" ? ", deleted = 1" : "") +
                                " WHERE " + db::quoteIdent(key) + " = ?");
    stamp.bindAll(hlc, actor, rowId);
    stamp.run();
    const std::string opId = core::newUuidV7();
    db::Statement ins(db, "INSERT INTO sync_outbox(op_id, entity, row_id, op, payload, base_rev, "
                          "created_at, hlc, actor) VALUES (?,?,?,?,?,?,?,?,?)");
    ins.bindAll(opId, entity, rowId, op, payload, baseRev, core::nowUtc(), hlc, actor);
    ins.run();
    return opId;
}

} // namespace

bool isSyncedEntity(db::Database& db, std::string_view entity) {
    if (entity.empty() || entity.size() > 64 || entity.rfind("sync_", 0) == 0 ||
        entity.rfind("hub_", 0) == 0)
        return false;
    db::Statement q(db, "SELECT count(*) FROM sqlite_master m, pragma_table_info(m.name) p "
                        "WHERE m.type = 'table' AND m.name = ? AND p.name IN "
                        "('rev', 'updated_at', 'updated_by', 'deleted')");
    q.bind(1, entity);
    return q.step() && q.getInt(0) == 4 && !keyColumn(db, entity).empty();
}

std::vector<std::string> syncedEntities(db::Database& db) {
    // The sync columns plus a key: "id", or a single-column text primary key (admin_units.code).
    std::vector<std::string> out;
    db::Statement q(db, "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p "
                        "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT "
                        "LIKE 'sync\\_%' ESCAPE '\\' AND m.name NOT LIKE 'hub\\_%' ESCAPE '\\' "
                        "AND p.name IN ('rev', 'updated_at', 'updated_by', 'deleted') "
                        "GROUP BY m.name HAVING count(*) = 4 ORDER BY m.name");
    while (q.step()) {
        std::string name = q.getText(0);
        if (!keyColumn(db, name).empty())
            out.push_back(std::move(name));
    }
    return out;
}

std::string keyColumn(db::Database& db, std::string_view entity) {
    db::Statement q(db, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid");
    q.bind(1, entity);
    std::string pk;
    int pkCount = 0;
    bool hasId = false;
    while (q.step()) {
        const std::string name = q.getText(0);
        hasId = hasId || name == "id";
        if (q.getInt(1) > 0) {
            ++pkCount;
            pk = name;
        }
    }
    if (hasId)
        return "id";
    return pkCount == 1 ? pk : std::string();
}

std::vector<Column> columnsOf(db::Database& db, std::string_view entity) {
    std::vector<Column> out;
    db::Statement q(db, "SELECT name, upper(type), \"notnull\", dflt_value IS NOT NULL "
                        "FROM pragma_table_info(?) ORDER BY cid");
    q.bind(1, entity);
    while (q.step())
        out.push_back({q.getText(0), q.getText(1), q.getInt(2) != 0, q.getInt(3) != 0});
    return out;
}

std::string nodeId(db::Database& db) {
    std::string node = readState(db, "node_id");
    if (node.empty()) {
        unsigned char b[4];
        if (RAND_bytes(b, sizeof b) != 1)
            throw std::runtime_error("The system random generator failed.");
        char buf[9];
        std::snprintf(buf, sizeof buf, "%02x%02x%02x%02x", b[0], b[1], b[2], b[3]);
        node = buf;
        writeState(db, "node_id", node);
    }
    return node;
}

std::string nextHlc(db::Database& db) {
    const std::string node = nodeId(db);
    Hlc h = parseHlc(readState(db, "hlc"));
    const std::int64_t now = nowMs();
    if (now > h.ms) {
        h.ms = now;
        h.counter = 0;
    } else if (++h.counter > 99999) { // same millisecond too often: borrow the next one
        ++h.ms;
        h.counter = 0;
    }
    const std::string text = formatHlc(h, node);
    writeState(db, "hlc", text);
    return text;
}

void observeHlc(db::Database& db, std::string_view remote) {
    const Hlc r = parseHlc(remote);
    if (r.ms == 0)
        return;
    Hlc h = parseHlc(readState(db, "hlc"));
    if (r.ms > h.ms || (r.ms == h.ms && r.counter > h.counter)) {
        h = r;
        writeState(db, "hlc", formatHlc(h, nodeId(db)));
    }
}

std::string recordUpsert(db::Database& db, std::string_view entity, std::string_view rowId,
                         const std::string& fieldsJson, const std::string& actor) {
    requireTransaction(db, "changes::recordUpsert");
    requireEntity(db, entity);
    Poco::JSON::Object::Ptr fields;
    try {
        fields = Poco::JSON::Parser().parse(fieldsJson).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
        throw core::ValidationError("fields", "must be a JSON object of field names and values");
    }
    if (!fields)
        throw core::ValidationError("fields", "must be a JSON object of field names and values");
    std::set<std::string> known;
    for (const auto& c : columnsOf(db, entity))
        known.insert(c.name);
    const std::string key = keyColumn(db, entity);
    for (const auto& [name, value] : *fields) {
        if (!known.count(name) || kSyncColumns.count(name) || name == key)
            throw core::ValidationError("fields", "\"" + name + "\" is not a field of " +
                                                      std::string(entity) + " that an edit sets");
    }
    return record(db, entity, rowId, "upsert", fieldsJson, actor);
}

std::string recordDelete(db::Database& db, std::string_view entity, std::string_view rowId,
                         const std::string& actor) {
    requireTransaction(db, "changes::recordDelete");
    requireEntity(db, entity);
    return record(db, entity, rowId, "delete", "{}", actor);
}

void installCaptureTriggers(db::Database& db) {
    // One signature of every synced table's columns: recreate only when it changed.
    std::string signature;
    std::vector<std::pair<std::string, std::vector<Column>>> tables;
    for (const auto& entity : syncedEntities(db)) {
        auto cols = columnsOf(db, entity);
        signature += entity + "(";
        for (const auto& c : cols)
            signature += c.name + ":" + c.type + ",";
        signature += ");";
        tables.emplace_back(entity, std::move(cols));
    }
    if (readState(db, "capture_sig") == signature)
        return;
    db::Transaction tx(db);
    db::Statement old(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                          "'sync\\_base\\_%' ESCAPE '\\'");
    std::vector<std::string> drop;
    while (old.step())
        drop.push_back(old.getText(0));
    for (const auto& name : drop)
        db.exec("DROP TRIGGER " + db::quoteIdent(name));
    for (const auto& [entity, cols] : tables) {
        std::string json = "json_object(";
        bool first = true;
        for (const auto& c : cols) {
            if (!first)
                json += ", ";
            first = false;
            const std::string col = "OLD." + db::quoteIdent(c.name);
            json += "'" + c.name + "', ";
            json += c.type == "BLOB"
                        ? "CASE WHEN " + col + " IS NULL THEN NULL ELSE hex(" + col + ") END"
                        : col;
        }
        json += ")";
        db.exec("CREATE TRIGGER " + db::quoteIdent("sync_base_" + entity) + " BEFORE UPDATE ON " +
                db::quoteIdent(entity) +
                " WHEN OLD.rev > 0 AND NOT EXISTS (SELECT 1 FROM sync_state WHERE key = "
                "'capture_off') BEGIN INSERT OR IGNORE INTO sync_base(entity, row_id, rev, json) "
                "VALUES ('" +
                entity + "', OLD." + db::quoteIdent(keyColumn(db, entity)) + ", OLD.rev, " + json +
                "); END");
    }
    writeState(db, "capture_sig", signature);
    tx.commit();
}

std::int64_t pendingCount(db::Database& db) {
    return db.scalarInt("SELECT count(*) FROM sync_outbox");
}

std::string readState(db::Database& db, std::string_view key) {
    db::Statement q(db, "SELECT value FROM sync_state WHERE key = ?");
    q.bind(1, key);
    return q.step() ? q.getText(0) : std::string();
}

void writeState(db::Database& db, std::string_view key, const std::string& value) {
    db::Statement q(db, "INSERT INTO sync_state(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bindAll(key, value);
    q.run();
}

} // namespace c175::changes
