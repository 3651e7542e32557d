#include "seed/seed_context.h"

#include "audit/audit_log.h"
#include "core/i18n.h"
#include "core/ids.h"
#include "core/progress.h"
#include "db/database.h"
#include "seed/names.h"
#include "seed/provinces.h"
#include "values/cccd.h"
#include "values/phone.h"
#include "values/plate.h"

#include <cstdio>

namespace c175::seed {

Sizes sizesFor(Scale scale) {
    if (scale == Scale::Large)
        return Sizes{.kiosks = 2000,
                     .heartbeatDays = 3,
                     .heartbeatMinutes = 60,
                     .usageDays = 180,
                     .cameras = 3000,
                     .alertDays = 90,
                     .gateDays = 14,
                     .alerts = 1'000'000,
                     .tipoffs = 100'000,
                     .tipoffDays = 730,
                     .beneficiaries = 200'000,
                     .lodgings = 20'000,
                     .stays = 2'000'000,
                     .stayDays = 730};
    return Sizes{.kiosks = 200,
                 .heartbeatDays = 3,
                 .heartbeatMinutes = 30,
                 .usageDays = 60,
                 .cameras = 300,
                 .alertDays = 30,
                 .gateDays = 7,
                 .alerts = 20'000,
                 .tipoffs = 2'000,
                 .tipoffDays = 730,
                 .beneficiaries = 5'000,
                 .lodgings = 1'000,
                 .stays = 50'000,
                 .stayDays = 730};
}

std::string Place::provinceCode() const {
    return provinces2025()[static_cast<std::size_t>(province)].code;
}

std::string Place::address(const std::string& street) const {
    std::string text = street;
    if (commune)
        text += ", " + commune->name;
    return text + ", " + provinces2025()[static_cast<std::size_t>(province)].name;
}

SeedContext::SeedContext(db::Database& database, const SeedOptions& opts, core::Progress& progress)
    : db(database), options(opts), sizes(sizesFor(opts.scale)), m_progress(progress) {
    std::int64_t t = opts.asOf;
    if (t <= 0)
        t = std::chrono::duration_cast<std::chrono::seconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
    now = t - t % kHour;
    nowText = core::formatUtcSeconds(now);
    m_idMs = now * 1000;
    std::vector<double> population, tourism;
    for (const auto& p : provinces2025()) {
        population.push_back(static_cast<double>(p.population));
        tourism.push_back(p.tourism);
    }
    m_byPopulation = WeightedPicker(population);
    m_byTourism = WeightedPicker(tourism);
    m_communes.resize(provinces2025().size());
    m_communePickers.resize(provinces2025().size());
}

std::string SeedContext::newId() {
    // A millisecond per 1024 rows keeps the ids in insertion order, so the primary-key index
    // only ever appends.
    const std::uint64_t n = m_idCounter++;
    return core::uuidV7From(m_idMs + static_cast<std::int64_t>(n >> 10), n);
}

void SeedContext::loadCommunes() {
    db::Statement q(db, "SELECT code, COALESCE(full_name, name), parent_code, "
                        "COALESCE(population, 0), min_lon, min_lat, max_lon, max_lat "
                        "FROM admin_units WHERE layer = '2025' AND level = 'commune' AND "
                        "deleted = 0 AND min_lon IS NOT NULL ORDER BY code");
    std::vector<std::vector<double>> weights(provinces2025().size());
    m_communeCount = 0;
    while (q.step()) {
        const int province = provinceIndex(q.getText(2));
        if (province < 0)
            continue;
        m_communes[province].push_back(Commune{q.getText(0), q.getText(1), q.getDouble(4),
                                               q.getDouble(5), q.getDouble(6), q.getDouble(7)});
        // Every commune gets some records, the populous ones more.
        weights[province].push_back(1000.0 + static_cast<double>(q.getInt64(3)));
        ++m_communeCount;
    }
    for (std::size_t i = 0; i < weights.size(); ++i)
        m_communePickers[i] = WeightedPicker(weights[i]);
}

Place SeedContext::randomPlace(Rng& rng, int province) {
    Place place;
    place.province = province >= 0 ? province : randomProvinceByPopulation(rng);
    const auto& communes = m_communes[static_cast<std::size_t>(place.province)];
    if (!communes.empty()) {
        const Commune& c =
            communes[m_communePickers[static_cast<std::size_t>(place.province)].pick(rng)];
        place.commune = &c;
        // The middle of the commune's box: simplified shapes make its corners land outside often.
        place.lat = rng.uniform(c.minLat + 0.25 * (c.maxLat - c.minLat),
                                c.maxLat - 0.25 * (c.maxLat - c.minLat));
        place.lon = rng.uniform(c.minLon + 0.25 * (c.maxLon - c.minLon),
                                c.maxLon - 0.25 * (c.maxLon - c.minLon));
    } else {
        const auto& p = provinces2025()[static_cast<std::size_t>(place.province)];
        place.lat = p.lat + std::clamp(rng.normal(0, 0.08), -0.25, 0.25);
        place.lon = p.lon + std::clamp(rng.normal(0, 0.08), -0.25, 0.25);
    }
    return place;
}

void SeedContext::tick(const char* stage, std::int64_t done, std::int64_t total) {
    // Report at each new stage, at its end, and every 512 calls in between.
    if (stage == m_stage && done != total && ++m_calls % 512 != 0)
        return;
    m_stage = stage;
    m_progress.checkpoint();
    m_progress.update(core::tr(stage), done, total);
}

void SeedContext::finish(const std::string& table, std::int64_t rows) {
    counts[table] += rows;
    audit::AuditLog(db).append(options.actor, "seed", table, "", std::to_string(rows));
}

std::string randomMobile(Rng& rng) {
    // Prefixes in use after the 2018 renumbering (Viettel 03x/09x, Vinaphone 08x, Mobifone 07x...).
    static const char* const kPrefixes[] = {"032", "033", "034", "035", "036", "037", "038", "039",
                                            "056", "058", "070", "076", "077", "078", "079", "081",
                                            "082", "083", "084", "085", "086", "088", "089", "090",
                                            "091", "093", "094", "096", "097", "098"};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%07d", rng.pick(kPrefixes),
                  static_cast<int>(rng.below(10'000'000)));
    return values::PhoneNumber::parse(buf).str();
}

std::string randomPlate(Rng& rng, int province, bool motorbike) {
    const auto codes = splitCodes(provinces2025()[static_cast<std::size_t>(province)].plateCodes);
    std::string code = rng.pick(codes);
    if (!values::isPlateProvinceCode(std::stoi(code)))
        code = "29";
    static const char kCarSeries[] = "ABCDEFGHK";
    static const char kBikeSeries[] = "BCDEFGHKLMNPSTUVXYZ";
    char buf[32];
    const int serial = static_cast<int>(rng.range(100, 99999));
    // Each draw in its own statement: the order of function arguments is unspecified.
    const char series = motorbike ? kBikeSeries[rng.below(sizeof kBikeSeries - 1)]
                                  : kCarSeries[rng.below(sizeof kCarSeries - 1)];
    const int digit = static_cast<int>(rng.range(1, 9));
    if (motorbike)
        std::snprintf(buf, sizeof buf, "%s-%c%d %03d.%02d", code.c_str(), series, digit,
                      serial / 100, serial % 100);
    else
        std::snprintf(buf, sizeof buf, "%s%c-%03d.%02d", code.c_str(), series, serial / 100,
                      serial % 100);
    return values::VehiclePlate::parse(buf).str();
}

std::string uniqueCccd(SeedContext& ctx, Rng& rng, int province, int birthYear, bool female) {
    static const auto& known = values::cccdProvinceCodes();
    auto former = splitCodes(provinces2025()[static_cast<std::size_t>(province)].formerCodes);
    std::string code3 = "0" + rng.pick(former);
    if (std::find(known.begin(), known.end(), code3) == known.end())
        code3 = known.front();
    auto serial = static_cast<std::uint32_t>(rng.below(1'000'000));
    for (;;) {
        std::string text = values::Cccd::make(code3, birthYear, female, serial).str();
        if (ctx.cccds.insert(text).second)
            return text;
        serial = (serial + 1) % 1'000'000;
    }
}

} // namespace c175::seed
