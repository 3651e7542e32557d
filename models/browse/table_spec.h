// What each pilot list shows: its SQL source, columns, formats, default sort, search and
// permission.
#pragma once
#include "auth/roles.h"

#include <string>
#include <string_view>
#include <vector>

namespace c175::browse {

enum class TableId { Kiosks, CameraAlerts, Tipoffs, Welfare, Tourism, Provinces, Communes };

enum class Align { Left, Center, Right };

enum class Format {
    Text,
    Int,      // 1.234.567 (Vietnamese thousands separator)
    Money,    // 1.500.000 ₫
    DateTime, // UTC ISO text shown in Vietnam time: 03/12/2026 20:11
    Date,     // 'YYYY-MM-DD' shown as 03/12/2026
    Decimal,  // one decimal place, Vietnamese comma: 1.234,5
    Percent,  // a 0..1 ratio shown as 63,2 %
    Status,   // a stored code shown through the column's label table ("online" -> "Trực tuyến")
};

// A stored code and the English msgid of its label (translated with core::tr when shown).
struct StatusLabel {
    std::string_view value;
    const char* msgid;
};

struct Column {
    std::string key;    // stable name, e.g. "status"
    std::string sql;    // expression selected for the cell (and ORDER BY)
    std::string header; // translated
    int width = 120;    // pixels at 96 dpi
    Align align = Align::Left;
    Format format = Format::Text;
    bool searchable = false;
    // The filter predicate for this column when plain folding of `sql` is wasteful (a name from
    // a small joined table: match the small table once, then compare keys). ?2 is the pattern.
    std::string searchSql;
    bool foldSort = false;           // sort by c175_fold(sql): Vietnamese names in reading order
    std::vector<StatusLabel> labels; // Format::Status only
};

struct TableSpec {
    TableId id = TableId::Kiosks;
    std::string from;      // FROM clause with LEFT JOINs (SQLite drops those a query does not use)
    std::string rowid;     // expression of the main table's rowid, e.g. "a.rowid"
    std::string recordId;  // the record's id (UUID) for "open record"
    std::string where;     // always applied, e.g. "a.deleted = 0"
    std::string listWhere; // replaces `where` in rowid lists when set (see liveRows())
    std::string provinceSql; // the row's province code, for area-scoped sessions; empty = none
    // "Show on map": the map's record id is this prefix + recordId ("tipoff:"); empty = the rows
    // have no place on the map (see panels/map/map_record.h).
    std::string mapRecordPrefix;
    std::vector<Column> columns;
    int defaultSortColumn = 0;
    bool defaultAscending = true;
    auth::Permission permission = auth::Permission::ViewKiosks;
};

// The spec with headers and labels in the current language (so build it after setLanguage).
TableSpec tableSpec(TableId id);

// The translated label of a stored code; the code itself when the table does not know it.
std::string statusLabel(const Column& column, std::string_view value);

// The filter as SQL: a row matches when any searchable column contains the folded text (bound
// as LIKE pattern ?2). Status columns match through their translated labels ("trực tuyến" finds
// "online"): the codes are chosen here, so SQLite compares codes rather than folding labels.
std::string searchPredicate(const TableSpec& spec, const std::string& foldedText);

} // namespace c175::browse
