#include "tipoff/export.h"

#include "core/i18n.h"
#include "db/database.h"

#include <xlsxwriter.h>

#include <fstream>
#include <functional>

namespace c175::tipoff {
namespace {

std::vector<std::string> caseHeaders() {
    return {core::tr("Case code"),   core::tr("Crime type"), core::tr("Subtype"),
            core::tr("Status"),      core::tr("Outcome"),    core::tr("Assignee"),
            core::tr("Received at"), core::tr("Due at"),     core::tr("Overdue"),
            core::tr("Province"),    core::tr("Commune"),    core::tr("Channel"),
            core::tr("Anonymous"),   core::tr("Address"),    core::tr("Description")};
}

std::vector<std::string> caseRow(const CaseSummary& c) {
    const auto type = parseCrimeType(c.crimeType);
    const auto status = parseStatus(c.status);
    const auto outcome = parseOutcome(c.outcome);
    const auto channel = parseChannel(c.channel);
    const std::string yes = core::tr("yes"), no = core::tr("no");
    return {c.code,
            type ? crimeTypeLabel(*type) : c.crimeType,
            c.subtype.empty() ? "" : subtypeLabel(c.subtype),
            status ? statusLabel(*status) : c.status,
            outcome ? outcomeLabel(*outcome) : "",
            c.assignee,
            c.receivedAt,
            c.dueAt,
            c.overdue ? yes : no,
            c.provinceCode,
            c.communeCode,
            channel ? channelLabel(*channel) : c.channel,
            c.anonymous ? yes : no,
            c.address,
            c.descriptionStart};
}

// Calls `each` for every matching case, a page at a time.
std::int64_t forEachCase(db::Database& db, CaseQuery query,
                         const std::function<void(const CaseSummary&)>& each) {
    query.limit = 2000;
    query.offset = 0;
    std::int64_t n = 0;
    for (;;) {
        const auto page = searchCases(db, query);
        for (const auto& c : page)
            each(c);
        n += static_cast<std::int64_t>(page.size());
        if (page.size() < static_cast<std::size_t>(query.limit))
            break;
        query.offset += query.limit;
    }
    return n;
}

std::vector<std::vector<std::string>> statsRows(const TipoffStats& s) {
    auto num = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", v);
        return std::string(buf);
    };
    std::vector<std::vector<std::string>> rows;
    rows.push_back({core::tr("Total"), "", std::to_string(s.total)});
    for (const auto& [k, v] : s.byCrimeType) {
        const auto t = parseCrimeType(k);
        rows.push_back({core::tr("By crime type"), t ? crimeTypeLabel(*t) : k, std::to_string(v)});
    }
    for (const auto& [k, v] : s.byProvince)
        rows.push_back({core::tr("By province"), k, std::to_string(v)});
    for (const auto& [k, v] : s.byStatus) {
        const auto st = parseStatus(k);
        rows.push_back({core::tr("By status"), st ? statusLabel(*st) : k, std::to_string(v)});
    }
    rows.push_back({core::tr("Concluded"), "", std::to_string(s.concluded)});
    rows.push_back({core::tr("Substantiated"), "", std::to_string(s.substantiated)});
    rows.push_back({core::tr("Success rate"), "", s.successRate ? num(*s.successRate) : ""});
    rows.push_back({core::tr("Mean processing hours"), "",
                    s.meanProcessingHours ? num(*s.meanProcessingHours) : ""});
    rows.push_back({core::tr("Median processing hours"), "",
                    s.medianProcessingHours ? num(*s.medianProcessingHours) : ""});
    rows.push_back({core::tr("Overdue"), "", std::to_string(s.overdue)});
    rows.push_back(
        {core::tr("Satisfaction (1-5)"), "", s.satisfactionMean ? num(*s.satisfactionMean) : ""});
    return rows;
}

void writeCsvLine(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        out << (i ? "," : "") << csvField(fields[i]);
    out << "\r\n";
}

std::ofstream openOut(const std::filesystem::path& file) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out)
        throw TipoffError(core::fmt(core::tr("Cannot write the file \"{}\"."), file.string()));
    out << "\xEF\xBB\xBF";
    return out;
}

} // namespace

std::string csvField(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string out = "\"";
    for (char c : value) {
        out += c;
        if (c == '"')
            out += '"';
    }
    return out + "\"";
}

std::int64_t exportCasesCsv(db::Database& db, const CaseQuery& query,
                            const std::filesystem::path& file) {
    auto out = openOut(file);
    writeCsvLine(out, caseHeaders());
    const auto n =
        forEachCase(db, query, [&](const CaseSummary& c) { writeCsvLine(out, caseRow(c)); });
    if (!out.flush())
        throw TipoffError(core::fmt(core::tr("Cannot write the file \"{}\"."), file.string()));
    return n;
}

void exportStatsCsv(const TipoffStats& stats, const std::filesystem::path& file) {
    auto out = openOut(file);
    writeCsvLine(out, {core::tr("Figure"), core::tr("Key"), core::tr("Value")});
    for (const auto& row : statsRows(stats))
        writeCsvLine(out, row);
    if (!out.flush())
        throw TipoffError(core::fmt(core::tr("Cannot write the file \"{}\"."), file.string()));
}

std::int64_t exportXlsx(db::Database& db, const CaseQuery& query, const TipoffStats& stats,
                        const std::filesystem::path& file) {
    lxw_workbook* wb = workbook_new(file.string().c_str());
    if (!wb)
        throw TipoffError(core::fmt(core::tr("Cannot write the file \"{}\"."), file.string()));
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_worksheet* cases = workbook_add_worksheet(wb, core::tr("Cases"));
    lxw_worksheet* figures = workbook_add_worksheet(wb, core::tr("Figures"));
    const auto headers = caseHeaders();
    for (std::size_t c = 0; c < headers.size(); ++c)
        worksheet_write_string(cases, 0, static_cast<lxw_col_t>(c), headers[c].c_str(), bold);
    lxw_row_t row = 1;
    const auto n = forEachCase(db, query, [&](const CaseSummary& cs) {
        const auto fields = caseRow(cs);
        for (std::size_t c = 0; c < fields.size(); ++c)
            worksheet_write_string(cases, row, static_cast<lxw_col_t>(c), fields[c].c_str(),
                                   nullptr);
        ++row;
    });
    worksheet_freeze_panes(cases, 1, 0);
    worksheet_write_string(figures, 0, 0, core::tr("Figure"), bold);
    worksheet_write_string(figures, 0, 1, core::tr("Key"), bold);
    worksheet_write_string(figures, 0, 2, core::tr("Value"), bold);
    row = 1;
    for (const auto& r : statsRows(stats)) {
        worksheet_write_string(figures, row, 0, r[0].c_str(), nullptr);
        worksheet_write_string(figures, row, 1, r[1].c_str(), nullptr);
        if (!r[2].empty())
            worksheet_write_number(figures, row, 2, std::stod(r[2]), nullptr);
        ++row;
    }
    if (workbook_close(wb) != LXW_NO_ERROR)
        throw TipoffError(core::fmt(core::tr("Cannot write the file \"{}\"."), file.string()));
    return n;
}

} // namespace c175::tipoff
