// c175ctl tipoff report: the printable report for leadership (HTML with the charts embedded as
// PNG data URIs), the same file the Figures dialog saves.
#include "command.h"

#include "charts.h"
#include "core/i18n.h"
#include "db/migrations.h"
#include "tipoff/report.h"

#include <iostream>

namespace c175::cli {

int runTipoffReport(Context& ctx, std::vector<std::string>& args) {
    tipoff::ReportOptions options;
    options.fromDay = takeOption(args, "--from");
    options.toDay = takeOption(args, "--to");
    options.areaCode = takeOption(args, "--area");
    const std::string out = takeOption(args, "--out");
    const bool noCharts = takeFlag(args, "--no-charts");
    expectNoMore(args);
    if (out.empty())
        throw UsageError("--out FILE is needed");
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadOnly); // a report never writes
    const auto data = tipoff::collectReport(db, options);
    tipoff::ChartSource source;
    if (!noCharts)
        source = [](const tipoff::ReportChart& chart, std::size_t) {
            return maps::reportChartDataUri(chart);
        };
    tipoff::writeReportFile(out, tipoff::reportHtml(data, source));
    std::cout << core::fmt(core::tr("Report for {} written to {}: {} tip-offs, {} overdue."),
                           tipoff::periodText(data.options), out, data.stats.total,
                           data.stats.overdue)
              << "\n";
    return 0;
}

} // namespace c175::cli
