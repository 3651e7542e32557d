// SQL for the pilot lists: rowids in display order, then pages of rows by rowid.
#include "browse/browse_service.h"

#include "browse/cell_format.h"
#include "core/text_fold.h"
#include "db/database.h"

#include <unordered_map>

namespace c175::browse {

std::string likePattern(const std::string& filter) {
    const std::string folded = core::foldForSearch(filter);
    std::string out = "%";
    for (char ch : folded) {
        if (ch == '%' || ch == '_' || ch == '\\')
            out += '\\';
        out += ch;
    }
    return out + "%";
}

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

} // namespace

BrowseService::BrowseService(db::Database& db, const auth::Session& session, TableId table)
    : m_db(db), m_session(session), m_spec(tableSpec(table)) {
    auth::require(m_session, m_spec.permission);
}

std::string BrowseService::whereClause(bool forList, const std::string& foldedFilter) const {
    std::string where =
        " WHERE " + (forList && !m_spec.listWhere.empty() ? m_spec.listWhere : m_spec.where);
    if (m_session.provinceCode && !m_spec.provinceSql.empty())
        where += " AND " + m_spec.provinceSql + " = ?1";
    if (!foldedFilter.empty())
        where += " AND " + searchPredicate(m_spec, foldedFilter);
    return where;
}

std::string BrowseService::rowidSql(const Query& query) const {
    const std::string folded = core::foldForSearch(trimmed(query.filter));
    int sortIndex = query.sortColumn.value_or(m_spec.defaultSortColumn);
    if (sortIndex < 0 || sortIndex >= static_cast<int>(m_spec.columns.size()))
        sortIndex = m_spec.defaultSortColumn;
    const Column& sortColumn = m_spec.columns[static_cast<std::size_t>(sortIndex)];
    const bool defaultDirection =
        sortIndex == m_spec.defaultSortColumn ? m_spec.defaultAscending : true;
    const char* direction = query.ascending.value_or(defaultDirection) ? " ASC" : " DESC";
    const std::string sortSql =
        sortColumn.foldSort ? "c175_fold(" + sortColumn.sql + ")" : sortColumn.sql;
    // The rowid breaks ties, so the order is stable across queries and pages.
    return "SELECT " + m_spec.rowid + " FROM " + m_spec.from + whereClause(true, folded) +
           " ORDER BY " + sortSql + direction + ", " + m_spec.rowid + direction;
}

std::vector<std::int64_t> BrowseService::rowids(const Query& query) const {
    auth::require(m_session, m_spec.permission);
    const std::string filter = trimmed(query.filter);
    const std::string sql = rowidSql(query);
    db::Statement stmt(m_db, sql);
    if (m_session.provinceCode && !m_spec.provinceSql.empty())
        stmt.bind(1, *m_session.provinceCode);
    // A filter that only matched status labels compares codes and has no pattern to bind.
    if (!filter.empty() && sql.find("?2") != std::string::npos)
        stmt.bind(2, likePattern(filter));
    std::vector<std::int64_t> ids;
    while (stmt.step())
        ids.push_back(stmt.getInt64(0));
    return ids;
}

std::vector<Row> BrowseService::fetch(const std::vector<std::int64_t>& rowids) const {
    auth::require(m_session, m_spec.permission);
    if (rowids.empty())
        return {};
    std::string sql = "SELECT " + m_spec.rowid + ", " + m_spec.recordId;
    for (const auto& column : m_spec.columns)
        sql += ", " + column.sql;
    sql += " FROM " + m_spec.from + whereClause(false, "") + " AND " + m_spec.rowid + " IN (";
    for (std::size_t i = 0; i < rowids.size(); ++i)
        sql += i == 0 ? "?" : ",?";
    sql += ")";

    db::Statement stmt(m_db, sql);
    int index = 0;
    if (m_session.provinceCode && !m_spec.provinceSql.empty())
        stmt.bind(++index, *m_session.provinceCode);
    for (auto id : rowids)
        stmt.bind(++index, id);

    std::unordered_map<std::int64_t, Row> found;
    found.reserve(rowids.size());
    const int columns = static_cast<int>(m_spec.columns.size());
    while (stmt.step()) {
        Row row;
        row.rowid = stmt.getInt64(0);
        row.recordId = stmt.getText(1);
        row.cells.reserve(static_cast<std::size_t>(columns));
        row.raw.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            const bool isNull = stmt.isNull(c + 2);
            std::string raw = isNull ? std::string() : stmt.getText(c + 2);
            row.cells.push_back(
                formatCell(m_spec.columns[static_cast<std::size_t>(c)], raw, isNull));
            row.raw.push_back(std::move(raw));
        }
        found.emplace(row.rowid, std::move(row));
    }
    std::vector<Row> rows;
    rows.reserve(found.size());
    for (auto id : rowids) {
        auto it = found.find(id);
        if (it != found.end())
            rows.push_back(std::move(it->second));
    }
    return rows;
}

std::optional<std::int64_t> BrowseService::rowidOf(const std::string& recordId) const {
    auth::require(m_session, m_spec.permission);
    db::Statement stmt(m_db, "SELECT " + m_spec.rowid + " FROM " + m_spec.from +
                                 whereClause(false, "") + " AND " + m_spec.recordId + " = ?");
    int index = 0;
    if (m_session.provinceCode && !m_spec.provinceSql.empty())
        stmt.bind(++index, *m_session.provinceCode);
    stmt.bind(++index, recordId);
    if (stmt.step())
        return stmt.getInt64(0);
    return std::nullopt;
}

std::int64_t BrowseService::count() const {
    auth::require(m_session, m_spec.permission);
    db::Statement stmt(m_db, "SELECT count(*) FROM " + m_spec.from + whereClause(true, ""));
    if (m_session.provinceCode && !m_spec.provinceSql.empty())
        stmt.bind(1, *m_session.provinceCode);
    stmt.step();
    return stmt.getInt64(0);
}

} // namespace c175::browse
