// c175ctl geodata import [DIR] / geodata locate LON LAT: the administrative units of the map.
#include "command.h"

#include "core/i18n.h"
#include "db/migrations.h"
#include "geodata/geodata_dir.h"
#include "geodata/import.h"
#include "geodata/units.h"

#include <charconv>
#include <iostream>

namespace c175::cli {
namespace {

// Prints the stage on one line per stage, so a long import shows it is alive.
class StageProgress final : public core::Progress {
public:
    void update(std::string_view stage, std::int64_t done, std::int64_t total) override {
        if (stage != m_stage) {
            m_stage = stage;
            std::cerr << stage << "...\n";
        }
        (void)done;
        (void)total;
    }

private:
    std::string m_stage;
};

double parseCoordinate(const std::string& text, const char* name) {
    double v = 0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || res.ec != std::errc() || res.ptr != text.data() + text.size())
        throw UsageError(core::fmt(core::tr("{} \"{}\" is not a number"), name, text));
    return v;
}

int runImport(Context& ctx) {
    std::string dir = geodata::defaultGeodataDir();
    if (!ctx.args.empty()) {
        dir = ctx.args.front();
        ctx.args.erase(ctx.args.begin());
    }
    expectNoMore(ctx.args);
    auto db = db::openCache(requireDb(ctx));
    StageProgress progress;
    const auto report = geodata::importDirectory(db, dir, ctx.osUser, progress);
    std::cout << core::fmt(core::tr("Imported {} provinces and {} communes (2025) and {} "
                                    "provinces before 2025 from {}."),
                           report.provinces, report.communes, report.provincesPre2025, dir)
              << '\n'
              << core::fmt(core::tr("Population and area: {}"), report.populationSource) << '\n';
    return 0;
}

int runLocate(Context& ctx) {
    const std::string level = takeOption(ctx.args, "--level", "province");
    if (level != "province" && level != "commune")
        throw UsageError(core::tr("--level must be province or commune"));
    if (ctx.args.size() != 2)
        throw UsageError(core::tr("locate needs LON and LAT"));
    const double lon = parseCoordinate(ctx.args[0], "LON");
    const double lat = parseCoordinate(ctx.args[1], "LAT");
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    const auto unit = geodata::locate(db, lon, lat, level);
    if (!unit) {
        const char* pattern =
            level == "province" ? core::tr("The point ({}, {}) is in no province of the 2025 map.")
                                : core::tr("The point ({}, {}) is in no commune of the 2025 map.");
        std::cerr << core::fmt(pattern, lon, lat) << '\n';
        return 1;
    }
    std::cout << unit->code << '\t' << unit->name << '\n';
    return 0;
}

int runGeodata(Context& ctx) {
    if (ctx.args.empty())
        throw UsageError(core::tr("geodata needs a sub-command: import or locate"));
    const std::string sub = ctx.args.front();
    ctx.args.erase(ctx.args.begin());
    if (sub == "import")
        return runImport(ctx);
    if (sub == "locate")
        return runLocate(ctx);
    throw UsageError(core::fmt(core::tr("unknown geodata sub-command \"{}\""), sub));
}

const bool registered = registerCommand(
    {"geodata",
     "c175ctl --db FILE geodata import [DIR]\n"
     "c175ctl --db FILE geodata locate LON LAT [--level province|commune]",
     "import administrative units and population; find the unit holding a point", runGeodata});

} // namespace
} // namespace c175::cli
