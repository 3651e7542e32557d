#include "tipoff/report.h"

#include "browse/cell_format.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/ids.h"
#include "db/database.h"

#include <Poco/Base64Encoder.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace c175::tipoff {
namespace {

using namespace std::chrono;

constexpr std::uint32_t kTypeColour = 0x1f6fb4;     // blue
constexpr std::uint32_t kProvinceColour = 0x2e7d32; // green
constexpr std::uint32_t kWeekColour = 0xe06c00;     // orange
// Days are Vietnam days (UTC+7): a tip received at 20:00Z on the 1st counts on the 2nd.
constexpr hours kVietnamOffset{7};

std::optional<sys_days> parseDay(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        return std::nullopt;
    const year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok())
        return std::nullopt;
    return sys_days(ymd);
}

sys_days requireDay(const std::string& field, const std::string& text) {
    const auto day = parseDay(text);
    if (!day)
        throw core::ValidationError(field, core::tr("use a date written YYYY-MM-DD, such as "
                                                    "2026-11-30"));
    return *day;
}

std::string dayText(sys_days d) {
    const year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()));
    return buf;
}

// The WHERE of the report's own queries; the same bounds as computeStats applies.
std::string whereOf(const StatsFilter& f, std::vector<std::string>& params) {
    std::string where = "deleted = 0";
    if (!f.receivedFrom.empty()) {
        where += " AND received_at >= ?";
        params.push_back(f.receivedFrom);
    }
    if (!f.receivedTo.empty()) {
        where += " AND received_at < ?";
        params.push_back(f.receivedTo);
    }
    if (!f.areaCode.empty()) {
        where += " AND (province_code = ? OR commune_code = ?)";
        params.push_back(f.areaCode);
        params.push_back(f.areaCode);
    }
    return where;
}

void bindAll(db::Statement& q, const std::vector<std::string>& params) {
    for (std::size_t i = 0; i < params.size(); ++i)
        q.bind(static_cast<int>(i + 1), params[i]);
}

std::string typeLabel(const std::string& name) {
    const auto type = parseCrimeType(name);
    return type ? crimeTypeLabel(*type) : name;
}

std::string statusText(const std::string& name) {
    const auto status = parseStatus(name);
    return status ? statusLabel(*status) : name;
}

std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string countsTable(const std::string& heading, const std::string& keyHeader,
                        const std::vector<std::pair<std::string, std::int64_t>>& rows,
                        std::int64_t total) {
    std::ostringstream h;
    h << "<h2>" << escape(heading) << "</h2>\n"
      << "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"70%\">\n"
      << "<tr bgcolor=\"#eeeeee\"><th align=\"left\">" << escape(keyHeader)
      << "</th><th align=\"right\">" << escape(core::tr("Tip-offs")) << "</th><th align=\"right\">"
      << escape(core::tr("Share")) << "</th></tr>\n";
    for (const auto& [key, n] : rows) {
        const double share = total > 0 ? 100.0 * static_cast<double>(n) / total : 0;
        h << "<tr><td>" << escape(key) << "</td><td align=\"right\">" << browse::formatThousands(n)
          << "</td><td align=\"right\">" << browse::formatDecimal(share, 1) << "%</td></tr>\n";
    }
    h << "</table>\n";
    return h.str();
}

} // namespace

StatsFilter statsFilterOf(const ReportOptions& o) {
    StatsFilter f;
    std::optional<sys_days> from, to;
    if (!o.fromDay.empty())
        from = requireDay("from", o.fromDay);
    if (!o.toDay.empty())
        to = requireDay("to", o.toDay);
    if (from && to && *from > *to)
        throw core::ValidationError("to", core::tr("the end of the period comes before its "
                                                   "start"));
    if (from)
        f.receivedFrom = core::formatUtc(*from - kVietnamOffset);
    if (to)
        f.receivedTo = core::formatUtc(*to + days{1} - kVietnamOffset);
    f.areaCode = o.areaCode;
    f.nowUtc = o.nowUtc.empty() ? core::nowUtc() : o.nowUtc;
    return f;
}

ReportData collectReport(db::Database& db, const ReportOptions& options) {
    ReportData r;
    r.options = options;
    const StatsFilter filter = statsFilterOf(options);
    r.options.nowUtc = filter.nowUtc;
    r.generatedAtUtc = core::nowUtc();
    r.stats = computeStats(db, filter);

    for (const auto& [name, n] : r.stats.byCrimeType)
        r.byType.emplace_back(typeLabel(name), n);

    std::map<std::string, std::string> names;
    {
        db::Statement q(db, "SELECT code, name FROM admin_units WHERE level = 'province'");
        while (q.step())
            names[q.getText(0)] = q.getText(1);
    }
    std::int64_t rest = 0;
    for (const auto& [code, n] : r.stats.byProvince) {
        if (r.byProvince.size() >= options.topProvinces) {
            rest += n;
            continue;
        }
        const auto it = names.find(code);
        r.byProvince.emplace_back(code == "unknown"   ? core::tr("Area not resolved")
                                  : it != names.end() ? it->second
                                                      : code,
                                  n);
    }
    if (rest > 0)
        r.byProvince.emplace_back(core::tr("Other provinces"), rest);

    std::vector<std::string> params;
    const std::string where = whereOf(filter, params);
    {
        // Weeks start on Monday, in Vietnam time; empty weeks inside the span are shown as 0.
        db::Statement q(db, "SELECT date(received_at, '+7 hours', 'weekday 0', '-6 days') AS w, "
                            "COUNT(*) FROM tipoffs WHERE " +
                                where + " GROUP BY w ORDER BY w");
        bindAll(q, params);
        std::map<std::string, std::int64_t> weeks;
        while (q.step())
            weeks[q.getText(0)] = q.getInt(1);
        if (!weeks.empty()) {
            const auto first = parseDay(weeks.begin()->first);
            const auto last = parseDay(weeks.rbegin()->first);
            if (first && last)
                for (sys_days d = *first; d <= *last; d += days{7}) {
                    const auto it = weeks.find(dayText(d));
                    r.byWeek.emplace_back(dayText(d), it == weeks.end() ? 0 : it->second);
                }
        }
    }
    {
        std::vector<std::string> p = {filter.nowUtc};
        p.insert(p.end(), params.begin(), params.end());
        db::Statement q(db, "SELECT code, crime_type, status, coalesce(due_at, ''), "
                            "coalesce(assignee, '') FROM tipoffs WHERE " +
                                overdueSql() + " AND " + where + " ORDER BY due_at, code LIMIT " +
                                std::to_string(options.overdueLimit));
        bindAll(q, p);
        while (q.step())
            r.overdue.push_back(
                {q.getText(0), q.getText(1), q.getText(2), q.getText(3), q.getText(4)});
    }

    ReportChart types{
        ReportChart::Kind::Bars, core::tr("Tip-offs by crime type"), {}, {}, kTypeColour};
    for (const auto& [label, n] : r.byType) {
        types.labels.push_back(label);
        types.values.push_back(static_cast<double>(n));
    }
    ReportChart provinces{ReportChart::Kind::Bars,
                          core::tr("Tip-offs by province (top 10)"),
                          {},
                          {},
                          kProvinceColour};
    for (const auto& [label, n] : r.byProvince) {
        provinces.labels.push_back(label);
        provinces.values.push_back(static_cast<double>(n));
    }
    ReportChart weeks{
        ReportChart::Kind::Columns, core::tr("Tip-offs received per week"), {}, {}, kWeekColour};
    for (const auto& [monday, n] : r.byWeek) {
        weeks.labels.push_back(browse::formatDay(monday).substr(0, 5)); // "dd/mm"
        weeks.values.push_back(static_cast<double>(n));
    }
    r.charts = {std::move(types), std::move(provinces), std::move(weeks)};
    return r;
}

std::vector<Kpi> reportKpis(const TipoffStats& s) {
    const std::string none = core::tr("no data");
    const auto hoursText = [&](const std::optional<double>& h) {
        return h ? core::fmt(core::tr("{} hours"), browse::formatDecimal(*h, 1)) : none;
    };
    std::vector<Kpi> k;
    k.push_back({core::tr("Tip-offs received"), browse::formatThousands(s.total)});
    k.push_back({core::tr("Success rate (substantiated / concluded)"),
                 s.successRate ? core::fmt(core::tr("{}% ({} of {})"),
                                           browse::formatDecimal(*s.successRate * 100, 1),
                                           browse::formatThousands(s.substantiated),
                                           browse::formatThousands(s.concluded))
                               : none});
    k.push_back({core::tr("Mean processing time"), hoursText(s.meanProcessingHours)});
    k.push_back({core::tr("Median processing time"), hoursText(s.medianProcessingHours)});
    k.push_back({core::tr("Overdue cases"), browse::formatThousands(s.overdue)});
    k.push_back({core::tr("Reporter satisfaction"),
                 s.satisfactionMean ? core::fmt(core::tr("{} / 5 ({} answers)"),
                                                browse::formatDecimal(*s.satisfactionMean, 2),
                                                browse::formatThousands(s.satisfactionCount))
                                    : none});
    return k;
}

std::string periodText(const ReportOptions& o) {
    const auto day = [](const std::string& d) { return browse::formatDay(d); };
    if (!o.fromDay.empty() && !o.toDay.empty())
        return core::fmt(core::tr("{} to {}"), day(o.fromDay), day(o.toDay));
    if (!o.fromDay.empty())
        return core::fmt(core::tr("from {}"), day(o.fromDay));
    if (!o.toDay.empty())
        return core::fmt(core::tr("up to {}"), day(o.toDay));
    return core::tr("all time");
}

void writeReportFile(const std::string& path, const std::string& html) {
    const std::string tmp = path + ".part";
    bool written = false;
    {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        file << html;
        written = static_cast<bool>(file.flush());
    }
    std::error_code ec;
    if (written)
        std::filesystem::rename(tmp, path, ec);
    if (!written || ec) {
        std::filesystem::remove(tmp, ec);
        throw TipoffError(core::fmt(core::tr("Could not write the report \"{}\"."), path));
    }
}

std::string pngDataUri(const std::string& pngBytes) {
    std::ostringstream out;
    out << "data:image/png;base64,";
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << pngBytes;
    encoder.close();
    return out.str();
}

std::string reportHtml(const ReportData& d, const ChartSource& chartSource) {
    std::ostringstream h;
    const std::string title = core::tr("Tip-off report");
    h << "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << escape(title) << "</title>\n"
      << "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;margin:16px}"
         "table{border-collapse:collapse;margin-bottom:12px}th,td{border:1px solid #999;"
         "padding:4px 8px}th{background:#eee}img{max-width:100%;page-break-inside:avoid}"
         "h2{margin-top:20px}</style>\n</head>\n<body>\n";
    h << "<h1>" << escape(title) << "</h1>\n<p>" << escape(core::tr("Period (date received):"))
      << " <b>" << escape(periodText(d.options)) << "</b><br>\n"
      << escape(core::tr("Figures as of:")) << " "
      << escape(browse::formatVietnamTime(d.options.nowUtc)) << "<br>\n"
      << escape(core::tr("Reporters' identities are not part of this report.")) << "</p>\n";

    h << "<h2>" << escape(core::tr("Key figures")) << "</h2>\n"
      << "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"70%\">\n";
    for (const auto& kpi : reportKpis(d.stats))
        h << "<tr><td>" << escape(kpi.label) << "</td><td align=\"right\"><b>" << escape(kpi.value)
          << "</b></td></tr>\n";
    h << "</table>\n";

    if (chartSource)
        for (std::size_t i = 0; i < d.charts.size(); ++i) {
            const std::string src = chartSource(d.charts[i], i);
            if (!src.empty())
                h << "<p><img src=\"" << escape(src) << "\" alt=\"" << escape(d.charts[i].title)
                  << "\" width=\"640\"></p>\n";
        }

    h << countsTable(core::tr("By crime type"), core::tr("Crime type"), d.byType, d.stats.total);
    h << countsTable(core::tr("By province"), core::tr("Province"), d.byProvince, d.stats.total);

    h << "<h2>" << escape(core::tr("Overdue cases")) << "</h2>\n";
    if (d.overdue.empty()) {
        h << "<p>" << escape(core::tr("No case is overdue.")) << "</p>\n";
    } else {
        if (static_cast<std::int64_t>(d.overdue.size()) < d.stats.overdue)
            h << "<p>"
              << escape(core::fmt(core::tr("The {} oldest of {} overdue cases:"),
                                  browse::formatThousands(std::int64_t(d.overdue.size())),
                                  browse::formatThousands(d.stats.overdue)))
              << "</p>\n";
        h << "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">\n"
          << "<tr bgcolor=\"#eeeeee\"><th align=\"left\">" << escape(core::tr("Case code"))
          << "</th><th align=\"left\">" << escape(core::tr("Crime type"))
          << "</th><th align=\"left\">" << escape(core::tr("Status")) << "</th><th align=\"left\">"
          << escape(core::tr("Due")) << "</th><th align=\"left\">" << escape(core::tr("Assignee"))
          << "</th></tr>\n";
        for (const auto& c : d.overdue)
            h << "<tr><td>" << escape(c.code) << "</td><td>" << escape(typeLabel(c.crimeType))
              << "</td><td>" << escape(statusText(c.status)) << "</td><td>"
              << escape(browse::formatVietnamTime(c.dueAt)) << "</td><td>"
              << escape(c.assignee.empty() ? core::tr("(not assigned)") : c.assignee)
              << "</td></tr>\n";
        h << "</table>\n";
    }
    h << "<p><small>"
      << escape(core::fmt(core::tr("Generated by C175 Console at {}."),
                          browse::formatVietnamTime(d.generatedAtUtc)))
      << "</small></p>\n</body>\n</html>\n";
    return h.str();
}

} // namespace c175::tipoff
