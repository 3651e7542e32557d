// c175ctl stats: how many rows the cache holds per table, as text or one JSON object.
#include "command.h"

#include "core/i18n.h"
#include "db/migrations.h"
#include "stats/counts.h"

#include <cstdio>
#include <iostream>

namespace c175::cli {
namespace {

int runStats(Context& ctx) {
    const bool json = takeFlag(ctx.args, "--json");
    expectNoMore(ctx.args);
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    const auto counts = stats::countAll(db);
    if (json) {
        // Keys are table names (plain ASCII), so no escaping is needed.
        std::string out = "{";
        for (const auto& [key, value] : counts) {
            if (out.size() > 1)
                out += ", ";
            out += "\"" + key + "\": " + std::to_string(value);
        }
        std::cout << out << "}\n";
        return 0;
    }
    std::cout << core::fmt(core::tr("Rows in {}:"), db.path()) << '\n';
    for (const auto& [key, value] : counts)
        std::printf("  %-20s %12lld\n", key.c_str(), static_cast<long long>(value));
    return 0;
}

const bool registered =
    registerCommand({"stats", "c175ctl --db FILE stats [--json]",
                     "count the rows of every table (as one JSON object with --json)", runStats});

} // namespace
} // namespace c175::cli
