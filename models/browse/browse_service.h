// Reads one pilot list for a signed-in session: the row order (rowids) and pages of formatted rows.
#pragma once
#include "auth/roles.h"
#include "browse/table_spec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::browse {

struct Query {
    std::string filter;            // free text; matched folded (case and diacritics ignored)
    std::optional<int> sortColumn; // index into TableSpec::columns; nullopt = the default sort
    std::optional<bool> ascending; // nullopt = the column's default direction
};

struct Row {
    std::int64_t rowid = 0;
    std::string recordId;
    std::vector<std::string> cells; // formatted for display, one per column
    std::vector<std::string> raw;   // the stored value as text ("" for NULL)
};

// The list of one table. Every call checks the session's permission (AccessDenied otherwise);
// an area-scoped session (provinceCode set) sees its province's rows only.
class BrowseService {
public:
    // Throws auth::AccessDenied when the session may not view the table.
    BrowseService(db::Database& db, const auth::Session& session, TableId table);

    const TableSpec& spec() const { return m_spec; }

    // The rowids of every matching row, in display order. Only the index is read, never a page
    // of data, so a million rows come back in a fraction of a second.
    std::vector<std::int64_t> rowids(const Query& query) const;
    // The rows with these rowids, in the same order (rowids no longer present are skipped).
    // Meant for one page (a few hundred at most).
    std::vector<Row> fetch(const std::vector<std::int64_t>& rowids) const;
    // The rowid of the record with this id, when it exists and the session may see it.
    std::optional<std::int64_t> rowidOf(const std::string& recordId) const;
    // COUNT(*) of what rowids({}) returns, for tests and status text.
    std::int64_t count() const;

    // The SQL rowids() runs (for tests and EXPLAIN QUERY PLAN in benches).
    std::string rowidSql(const Query& query) const;

private:
    // WHERE for a query: the live-row condition (listWhere for rowid lists), the session's
    // province as ?1, and the filter (pattern ?2) when `foldedFilter` is not empty.
    std::string whereClause(bool forList, const std::string& foldedFilter) const;

    db::Database& m_db;
    auth::Session m_session;
    TableSpec m_spec;
};

// Escapes LIKE wildcards and folds: "Đồng 50%" -> "dong 50\%".
std::string likePattern(const std::string& filter);

} // namespace c175::browse
