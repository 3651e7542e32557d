// Exporting tip-off lists and figures to CSV and XLSX (libxlsxwriter). Exports never carry the
// reporter's identity: they are built from CaseSummary, which has none.
#pragma once
#include "tipoff/case_search.h"
#include "tipoff/case_stats.h"

#include <filesystem>
#include <string>

namespace c175::tipoff {

// RFC 4180 CSV (UTF-8 with a BOM so spreadsheet programs read Vietnamese right) of every case the
// query matches (its limit and offset are ignored). Returns the number of cases written.
// Throws TipoffError when the file cannot be written.
std::int64_t exportCasesCsv(db::Database& db, const CaseQuery& query,
                            const std::filesystem::path& file);
// The figures as "figure,key,value" CSV rows.
void exportStatsCsv(const TipoffStats& stats, const std::filesystem::path& file);
// One workbook: sheet "Cases" (as the CSV) and sheet "Figures".
std::int64_t exportXlsx(db::Database& db, const CaseQuery& query, const TipoffStats& stats,
                        const std::filesystem::path& file);

// One CSV field, quoted when it needs to be.
std::string csvField(const std::string& value);

} // namespace c175::tipoff
