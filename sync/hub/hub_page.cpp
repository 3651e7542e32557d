#include "hub/hub_page.h"

#include "db/database.h"
#include "protocol/scope.h"

#include <algorithm>
#include <charconv>
#include <sqlite3.h>
#include <stdexcept>

namespace c175::hub {
namespace {

struct Entry {
    std::int64_t seq;
    const sync::EntitySchema* entity;
    std::size_t offset, length;
};

void appendInt(std::string& out, std::int64_t v) {
    char buf[24];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<size_t>(p - buf));
}

// Same JSON as sync::readValue + sync::writeJson would give, without the JsonValue in between.
void writeColumn(std::string& out, sqlite3_stmt* q, int col, sync::Affinity affinity) {
    if (sqlite3_column_type(q, col) == SQLITE_NULL) {
        out += "null";
        return;
    }
    switch (affinity) {
    case sync::Affinity::Integer:
        appendInt(out, sqlite3_column_int64(q, col));
        return;
    case sync::Affinity::Real:
        sync::writeJsonDouble(out, sqlite3_column_double(q, col));
        return;
    case sync::Affinity::Text: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q, col));
        sync::writeJsonString(
            out, std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(q, col))));
        return;
    }
    case sync::Affinity::Blob: {
        static const char* hex = "0123456789ABCDEF";
        const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(q, col));
        const int n = sqlite3_column_bytes(q, col);
        out += '"';
        for (int i = 0; i < n; ++i) {
            out += hex[bytes[i] >> 4];
            out += hex[bytes[i] & 15];
        }
        out += '"';
        return;
    }
    }
}

} // namespace

PageBuilder::PageBuilder(db::Database& db, const sync::Schema& schema)
    : m_db(db), m_schema(schema) {}

PageBuilder::~PageBuilder() {
    for (auto& [key, stmt] : m_statements)
        sqlite3_finalize(stmt);
}

sqlite3_stmt* PageBuilder::prepared(const std::string& key, const std::string& sql) {
    auto& slot = m_statements[key];
    if (!slot) {
        if (sqlite3_prepare_v3(m_db.handle(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &slot,
                               nullptr) != SQLITE_OK) {
            const std::string message = sqlite3_errmsg(m_db.handle());
            m_statements.erase(key);
            throw db::DbError("prepare page query: " + message);
        }
    }
    sqlite3_reset(slot);
    sqlite3_clear_bindings(slot);
    return slot;
}

Page PageBuilder::build(const auth::Session& session, const std::vector<std::string>& entities,
                        std::int64_t cursor, std::int64_t upto, int limit, std::int64_t hubSeq,
                        std::size_t maxBytes) {
    Page page;
    page.last = cursor;
    // Which entities the next `limit` log entries touch, and the last of them.
    std::string in;
    for (const auto& n : entities) {
        in += in.empty() ? "" : ",";
        in += "'" + n + "'"; // entity names come from the live schema, never from the request
    }
    std::vector<const sync::EntitySchema*> touched;
    std::int64_t fetched = 0;
    if (!in.empty()) {
        sqlite3_stmt* span = prepared(
            "span:" + in, "SELECT entity, count(*), max(seq) FROM (SELECT seq, entity FROM hub_log "
                          "WHERE seq > ?1 AND seq <= ?2 AND +entity IN (" +
                              in + ") ORDER BY seq LIMIT ?3) GROUP BY entity");
        sqlite3_bind_int64(span, 1, cursor);
        sqlite3_bind_int64(span, 2, upto);
        sqlite3_bind_int(span, 3, limit);
        while (sqlite3_step(span) == SQLITE_ROW) {
            const auto* name = reinterpret_cast<const char*>(sqlite3_column_text(span, 0));
            if (const auto* e = m_schema.find(name ? name : ""))
                touched.push_back(e);
            fetched += sqlite3_column_int64(span, 1);
            page.last = std::max<std::int64_t>(page.last, sqlite3_column_int64(span, 2));
        }
        sqlite3_reset(span);
    }
    page.more = fetched == limit;
    const std::int64_t hi = page.last;

    // Each entity's rows in the span, joined to the log (the log drives: CROSS JOIN).
    std::string buffer;
    buffer.reserve(static_cast<size_t>(fetched) * 200);
    std::vector<Entry> entries;
    entries.reserve(static_cast<size_t>(fetched));
    std::map<const sync::EntitySchema*, bool> used;
    for (const auto* e : touched) {
        std::string cols;
        for (const auto& c : e->columns)
            cols += ", t." + sync::quoteIdent(c.name);
        sqlite3_stmt* q =
            prepared("rows:" + e->name,
                     "SELECT l.seq" + cols + " FROM hub_log l CROSS JOIN " +
                         sync::quoteIdent(e->name) + " t ON t." + sync::quoteIdent(e->key) +
                         " = l.row_id WHERE l.seq > ?1 AND l.seq <= ?2 AND +l.entity = ?3");
        sqlite3_bind_int64(q, 1, cursor);
        sqlite3_bind_int64(q, 2, hi);
        sqlite3_bind_text(q, 3, e->name.c_str(), static_cast<int>(e->name.size()), SQLITE_STATIC);
        std::vector<bool> hide(e->columns.size());
        for (size_t c = 0; c < hide.size(); ++c)
            hide[c] = sync::hidesColumn(session, e->name, e->columns[c].name);
        std::string prefix = "[";
        sync::writeJsonString(prefix, e->name);
        prefix += ",[";
        const bool filterRows = sync::ownRowsOnly(e->name);
        int rc;
        while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
            if (filterRows) {
                const auto* key = reinterpret_cast<const char*>(sqlite3_column_text(q, e->id + 1));
                if (!sync::pullsRow(session, e->name, key ? key : ""))
                    continue;
            }
            if (session.provinceCode && e->province >= 0 &&
                sqlite3_column_type(q, e->province + 1) != SQLITE_NULL) {
                const auto* p =
                    reinterpret_cast<const char*>(sqlite3_column_text(q, e->province + 1));
                if (*session.provinceCode != p)
                    continue;
            }
            const std::size_t start = buffer.size();
            buffer += prefix;
            for (size_t c = 0; c < e->columns.size(); ++c) {
                if (c)
                    buffer += ',';
                if (hide[c])
                    buffer += "null";
                else
                    writeColumn(buffer, q, static_cast<int>(c + 1), e->affinity[c]);
            }
            buffer += "]]";
            entries.push_back({sqlite3_column_int64(q, 0), e, start, buffer.size() - start});
        }
        sqlite3_reset(q);
        if (rc != SQLITE_DONE)
            throw db::DbError(std::string("page query: ") + sqlite3_errmsg(m_db.handle()));
        used[e] = false;
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.seq < b.seq; });

    std::string rows;
    rows.reserve(std::min(buffer.size() + entries.size(), maxBytes + (1u << 20)));
    for (const auto& entry : entries) {
        if (!rows.empty() && rows.size() + entry.length > maxBytes) {
            // A page of big rows (geometry): stop here; the next page starts after this seq.
            page.more = true;
            break;
        }
        if (!rows.empty())
            rows += ',';
        rows.append(buffer, entry.offset, entry.length);
        page.last = entry.seq;
        ++page.rows;
        used[entry.entity] = true;
    }
    if (!page.more) // nothing else in scope up to `upto`: the client may skip to it
        page.last = upto;
    std::string& out = page.json;
    out.reserve(rows.size() + 4096);
    out = "{\"cursor\":";
    appendInt(out, page.last);
    out += ",\"hub_seq\":";
    appendInt(out, hubSeq);
    out += ",\"more\":";
    out += page.more ? "true" : "false";
    out += ",\"columns\":{";
    bool first = true;
    for (const auto& [e, seen] : used) {
        if (!seen)
            continue;
        if (!first)
            out += ',';
        first = false;
        sync::writeJsonString(out, e->name);
        out += ":[";
        for (size_t c = 0; c < e->columns.size(); ++c) {
            if (c)
                out += ',';
            sync::writeJsonString(out, e->columns[c].name);
        }
        out += ']';
    }
    out += "},\"rows\":[";
    out += rows;
    out += "]}";
    return page;
}

} // namespace c175::hub
