// c175ctl map export: renders a map layer offscreen to a PNG (needs an X display: xvfb-run).
#include "command.h"

#include "core/i18n.h"
#include "db/migrations.h"
#include "map_export.h"

#include <charconv>
#include <iostream>
#include <sstream>

namespace c175::cli {
namespace {

void parseSize(const std::string& text, int& width, int& height) {
    const auto x = text.find('x');
    auto number = [&](std::string_view part, int& out) {
        auto res = std::from_chars(part.data(), part.data() + part.size(), out);
        return !part.empty() && res.ec == std::errc() && res.ptr == part.data() + part.size();
    };
    const std::string_view all(text);
    if (x == std::string::npos || !number(all.substr(0, x), width) ||
        !number(all.substr(x + 1), height))
        throw UsageError(
            core::fmt(core::tr("--size \"{}\" is not WIDTHxHEIGHT (e.g. 1600x1000)"), text));
}

int runExport(Context& ctx) {
    maps::ExportOptions o;
    o.layer = takeOption(ctx.args, "--layer", "density");
    o.level = takeOption(ctx.args, "--level", "province");
    o.outPath = takeOption(ctx.args, "--out");
    parseSize(takeOption(ctx.args, "--size", "1600x1000"), o.width, o.height);
    o.filter.from = takeOption(ctx.args, "--from");
    o.filter.to = takeOption(ctx.args, "--to");
    std::stringstream types(takeOption(ctx.args, "--type"));
    for (std::string t; std::getline(types, t, ',');)
        if (!t.empty())
            o.filter.types.insert(t);
    const std::string classes = takeOption(ctx.args, "--classes", "quantiles");
    if (classes == "jenks")
        o.method = maps::ClassMethod::NaturalBreaks;
    else if (classes != "quantiles")
        throw UsageError(core::tr("--classes must be quantiles or jenks"));
    o.labels = !takeFlag(ctx.args, "--no-labels");
    expectNoMore(ctx.args);
    if (o.outPath.empty())
        throw UsageError(core::tr("map export needs --out FILE.png"));
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    const auto r = maps::exportPng(db, o);
    std::cout << core::fmt(core::tr("Wrote {} ({}x{}): {} units, {} incidents."), o.outPath,
                           r.width, r.height, r.units, r.incidents)
              << '\n';
    return 0;
}

int runMap(Context& ctx) {
    if (ctx.args.empty() || ctx.args.front() != "export")
        throw UsageError(core::tr("map needs the sub-command export"));
    ctx.args.erase(ctx.args.begin());
    return runExport(ctx);
}

const bool registered = registerCommand(
    {"map",
     "c175ctl --db FILE map export --layer density|incidents|heat --level province|commune\n"
     "        --out FILE.png [--size WxH] [--from ISO] [--to ISO] [--type T1,T2]\n"
     "        [--classes quantiles|jenks] [--no-labels]\n"
     "(renders offscreen through X: run under xvfb-run when there is no display)",
     "render a map layer to a PNG", runMap});

} // namespace
} // namespace c175::cli
