// Pull and event pages built fast: one query per entity (sequence log joined to the table), JSON
// written straight from SQLite's columns, rows in hub-sequence order.
#pragma once
#include "auth/roles.h"
#include "protocol/row_store.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct sqlite3_stmt;

namespace c175::hub {

struct Page {
    std::string json;      // PullPage of openapi.yaml
    std::int64_t last = 0; // the sequence number the page covers up to
    std::int64_t rows = 0; // rows written (in scope)
    bool more = false;     // rows past `last` remain within the request's bounds
};

class PageBuilder {
public:
    PageBuilder(db::Database& db, const sync::Schema& schema);
    ~PageBuilder();
    PageBuilder(const PageBuilder&) = delete;
    PageBuilder& operator=(const PageBuilder&) = delete;

    // Rows of `entities` with cursor < seq <= upto, at most `limit` of them and about
    // `maxBytes` of JSON (at least one row). Call inside a read transaction.
    Page build(const auth::Session& session, const std::vector<std::string>& entities,
               std::int64_t cursor, std::int64_t upto, int limit, std::int64_t hubSeq,
               std::size_t maxBytes = 24u << 20);

private:
    sqlite3_stmt* prepared(const std::string& key, const std::string& sql);
    db::Database& m_db;
    const sync::Schema& m_schema;
    std::map<std::string, sqlite3_stmt*> m_statements;
};

} // namespace c175::hub
