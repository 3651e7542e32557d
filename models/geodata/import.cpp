#include "geodata/import.h"

#include "core/i18n.h"
#include "core/ids.h"
#include "geodata/csv_table.h"
#include "geodata/geojson_reader.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace c175::geodata {
namespace {

namespace fs = std::filesystem;

struct Figures {
    std::optional<std::int64_t> population;
    std::optional<double> areaKm2;
    std::optional<int> year;
    std::string source;
    std::string parentCode; // commune CSV only
};

struct UnitRow {
    std::string code, layer, level, parentCode, name, nameEn, fullName;
    Figures figures;
    MultiPolygon shape;
};

[[noreturn]] void failCsv(const CsvTable& t, std::size_t row, const std::string& rule) {
    throw GeodataError(core::fmt(core::tr("{}, line {}: {}"), t.fileName(), t.lineOf(row), rule));
}

// The published table writes 0.0 for an area it does not give (commune 06187 Kỳ Lừa), like a
// blank: both mean "unknown", and the unit keeps the GeoJSON's official areaKm2 instead.
std::optional<double> parseArea(const std::string& text) {
    if (text.empty())
        return std::nullopt;
    double v = 0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || !std::isfinite(v) || v < 0)
        throw std::invalid_argument(text);
    if (v == 0)
        return std::nullopt;
    return v;
}

std::optional<std::int64_t> parseCount(const std::string& text) {
    if (text.empty())
        return std::nullopt;
    std::int64_t v = 0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || v < 0)
        throw std::invalid_argument(text);
    return v;
}

// code -> figures; refuses bad numbers and duplicate codes naming the line.
std::unordered_map<std::string, Figures> readFigures(const std::string& path, bool communes) {
    const CsvTable t = CsvTable::read(path);
    const auto cCode = t.column("code"), cPop = t.column("population"),
               cArea = t.column("area_km2"), cYear = t.column("year"), cSource = t.column("source");
    const auto cParent = communes ? t.column("province_code") : 0;
    std::unordered_map<std::string, Figures> out;
    for (std::size_t i = 0; i < t.rows().size(); ++i) {
        const auto& r = t.rows()[i];
        if (r.size() != t.header().size())
            failCsv(t, i,
                    core::fmt(core::tr("the row has {} fields; the header has {}"), r.size(),
                              t.header().size()));
        const std::string& code = r[cCode];
        if (code.empty())
            failCsv(t, i, core::tr("the code is empty"));
        Figures f;
        try {
            f.population = parseCount(r[cPop]);
        } catch (const std::invalid_argument&) {
            failCsv(t, i,
                    core::fmt(core::tr("population \"{}\" is not a whole number >= 0"), r[cPop]));
        }
        try {
            f.areaKm2 = parseArea(r[cArea]);
        } catch (const std::invalid_argument&) {
            failCsv(t, i, core::fmt(core::tr("area_km2 \"{}\" is not a number >= 0"), r[cArea]));
        }
        try {
            if (const auto year = parseCount(r[cYear]))
                f.year = static_cast<int>(*year);
        } catch (const std::invalid_argument&) {
            failCsv(t, i, core::fmt(core::tr("year \"{}\" is not a whole number"), r[cYear]));
        }
        f.source = r[cSource];
        if (communes)
            f.parentCode = r[cParent];
        if (!out.emplace(code, std::move(f)).second)
            failCsv(t, i, core::fmt(core::tr("the code {} appears twice"), code));
    }
    return out;
}

std::optional<double> featureArea(const Feature& f) {
    try {
        return parseArea(f.property("areaKm2"));
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
}

void refuseDuplicates(const std::vector<Feature>& features, const std::string& fileName) {
    std::set<std::string> seen;
    for (const auto& f : features)
        if (!seen.insert(f.code).second)
            throw GeodataError(core::fmt(core::tr("{}: the code is used by an earlier feature"),
                                         describeFeature(fileName, f.index, f.code)));
}

// Joins the CSV figures to the features; every CSV code must name a feature of the file.
void attachFigures(std::vector<UnitRow>& units, std::unordered_map<std::string, Figures> figures,
                   const std::string& csvName, const std::string& geoName) {
    for (auto& u : units) {
        auto it = figures.find(u.code);
        if (it == figures.end())
            continue;
        if (!it->second.parentCode.empty() && it->second.parentCode != u.parentCode)
            throw GeodataError(core::fmt(
                core::tr("{}: unit {} belongs to province {} there but to province {} in {}"),
                csvName, u.code, it->second.parentCode, u.parentCode, geoName));
        const auto fallbackArea = u.figures.areaKm2;
        u.figures = std::move(it->second);
        if (!u.figures.areaKm2)
            u.figures.areaKm2 = fallbackArea; // the GeoJSON's official areaKm2, not a shape area
        figures.erase(it);
    }
    if (!figures.empty())
        throw GeodataError(core::fmt(core::tr("{}: the code {} matches no unit in {}"), csvName,
                                     figures.begin()->first, geoName));
}

std::string pathIn(const std::string& dir, const char* name) {
    return (fs::path(dir) / name).string();
}

// The simplified provinces (15k vertices, shared borders kept) are made for national views,
// which is what the province layer is; the full file (92k vertices) takes seconds to triangulate
// and adds nothing visible at that scale. Commune shapes give the detail when zoomed in.
std::vector<UnitRow> readProvinces(const std::string& dir) {
    std::string file = pathIn(dir, kProvincesSimplifiedFile);
    std::error_code ec;
    if (!fs::exists(file, ec))
        file = pathIn(dir, kProvincesFile);
    const auto features = readFeatureCollection(file, "code");
    refuseDuplicates(features, fs::path(file).filename().string());
    std::vector<UnitRow> out;
    for (const auto& f : features) {
        UnitRow u{f.code,
                  "2025",
                  "province",
                  "",
                  f.property("name"),
                  f.property("nameEn"),
                  f.property("fullName"),
                  {},
                  f.shape};
        u.figures.areaKm2 = featureArea(f);
        out.push_back(std::move(u));
    }
    attachFigures(out, readFigures(pathIn(dir, kProvincePopulationFile), false),
                  kProvincePopulationFile, fs::path(file).filename().string());
    return out;
}

std::vector<UnitRow> readCommunes(const std::string& dir, const std::vector<UnitRow>& provinces) {
    const auto features = readFeatureCollection(pathIn(dir, kCommunesFile), "code");
    refuseDuplicates(features, kCommunesFile);
    std::set<std::string> provinceCodes;
    for (const auto& p : provinces)
        provinceCodes.insert(p.code);
    std::vector<UnitRow> out;
    for (const auto& f : features) {
        const std::string parent = f.property("provinceCode");
        if (!provinceCodes.count(parent))
            throw GeodataError(core::fmt(core::tr("{}: provinceCode \"{}\" is not a province of "
                                                  "the 2025 layer"),
                                         describeFeature(kCommunesFile, f.index, f.code), parent));
        UnitRow u{f.code,
                  "2025",
                  "commune",
                  parent,
                  f.property("name"),
                  f.property("nameEn"),
                  f.property("fullName"),
                  {},
                  f.shape};
        u.figures.areaKm2 = featureArea(f);
        out.push_back(std::move(u));
    }
    attachFigures(out, readFigures(pathIn(dir, kCommunePopulationFile), true),
                  kCommunePopulationFile, kCommunesFile);
    return out;
}

// geoBoundaries ships Côn Đảo as a second feature with shapeISO VN-43 (Bà Rịa - Vũng Tàu):
// features sharing a shapeISO are dissolved into one unit named after the first of them.
std::vector<UnitRow> readPre2025(const std::string& dir) {
    const std::string file = pathIn(dir, kProvincesPre2025File);
    std::error_code ec;
    if (!fs::exists(file, ec))
        return {};
    const auto features = readFeatureCollection(file, "shapeISO");
    std::vector<UnitRow> out;
    std::map<std::string, std::size_t> byCode;
    for (const auto& f : features) {
        if (auto it = byCode.find(f.code); it != byCode.end()) {
            appendParts(out[it->second].shape, f.shape);
            continue;
        }
        byCode.emplace(f.code, out.size());
        const std::string name = f.property("shapeName");
        out.push_back(UnitRow{f.code, "pre2025", "province", "", name, "", name, {}, f.shape});
    }
    return out;
}

class UnitWriter {
public:
    UnitWriter(db::Database& db, const std::string& actor)
        : m_db(db), m_actor(actor), m_now(core::nowUtc()),
          m_upsert(db, R"(INSERT INTO admin_units(code, layer, level, parent_code, name, name_en,
                full_name, area_km2, population, pop_year, pop_source, min_lon, min_lat, max_lon,
                max_lat, geometry, updated_at, updated_by, deleted)
              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                      ?18, 0)
              ON CONFLICT(code) DO UPDATE SET layer = excluded.layer, level = excluded.level,
                parent_code = excluded.parent_code, name = excluded.name,
                name_en = excluded.name_en, full_name = excluded.full_name,
                area_km2 = excluded.area_km2, population = excluded.population,
                pop_year = excluded.pop_year, pop_source = excluded.pop_source,
                min_lon = excluded.min_lon, min_lat = excluded.min_lat,
                max_lon = excluded.max_lon, max_lat = excluded.max_lat,
                geometry = excluded.geometry, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by, deleted = 0)") {}

    void write(const std::vector<UnitRow>& units, const char* stage, core::Progress& progress) {
        const auto total = static_cast<std::int64_t>(units.size());
        std::int64_t done = 0;
        for (const auto& u : units) {
            if (done % 200 == 0) {
                progress.checkpoint();
                progress.update(stage, done, total);
            }
            const BBox b = boundsOf(u.shape);
            const auto& f = u.figures;
            m_upsert.bind(1, u.code).bind(2, u.layer).bind(3, u.level);
            if (u.parentCode.empty())
                m_upsert.bind(4, nullptr);
            else
                m_upsert.bind(4, u.parentCode);
            m_upsert.bind(5, u.name).bind(6, u.nameEn).bind(7, u.fullName);
            m_upsert.bind(8, f.areaKm2).bind(9, f.population);
            m_upsert.bind(10, f.year);
            if (f.source.empty())
                m_upsert.bind(11, nullptr);
            else
                m_upsert.bind(11, f.source);
            m_upsert.bind(12, b.minLon).bind(13, b.minLat).bind(14, b.maxLon).bind(15, b.maxLat);
            m_upsert.bind(16, toGeoJsonText(u.shape)).bind(17, m_now).bind(18, m_actor);
            m_upsert.run();
            ++done;
        }
        progress.update(stage, total, total);
    }

    // Units of the layer and level that the new files no longer hold become tombstones (kept so
    // the deletion can sync, as for any other entity).
    void retireOthers(const std::string& layer, const std::string& level,
                      const std::vector<UnitRow>& keep) {
        std::set<std::string> kept;
        for (const auto& u : keep)
            kept.insert(u.code);
        std::vector<std::string> gone;
        db::Statement q(m_db, "SELECT code FROM admin_units WHERE layer = ? AND level = ? AND "
                              "deleted = 0");
        q.bindAll(layer, level);
        while (q.step())
            if (!kept.count(q.getText(0)))
                gone.push_back(q.getText(0));
        db::Statement retire(m_db, "UPDATE admin_units SET deleted = 1, updated_at = ?, "
                                   "updated_by = ? WHERE code = ?");
        for (const auto& code : gone)
            retire.bindAll(m_now, m_actor, code).run();
    }

private:
    db::Database& m_db;
    std::string m_actor;
    std::string m_now;
    db::Statement m_upsert;
};

} // namespace

ImportReport importDirectory(db::Database& db, const std::string& dir, const std::string& actor,
                             core::Progress& progress) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw GeodataError(core::fmt(core::tr("The geodata folder \"{}\" does not exist."), dir));
    // Everything is read and validated before the cache is touched.
    const char* reading = core::tr("Reading geodata");
    progress.update(reading, 0, 3);
    auto provinces = readProvinces(dir);
    progress.checkpoint();
    progress.update(reading, 1, 3);
    auto communes = readCommunes(dir, provinces);
    progress.checkpoint();
    progress.update(reading, 2, 3);
    auto pre2025 = readPre2025(dir);
    progress.checkpoint();
    progress.update(reading, 3, 3);

    ImportReport report;
    report.provinces = static_cast<int>(provinces.size());
    report.communes = static_cast<int>(communes.size());
    report.provincesPre2025 = static_cast<int>(pre2025.size());
    for (const auto& p : provinces)
        if (!p.figures.source.empty()) {
            report.populationSource = p.figures.source;
            break;
        }

    db::Transaction tx(db);
    UnitWriter writer(db, actor);
    writer.write(provinces, core::tr("Provinces"), progress);
    writer.write(communes, core::tr("Communes"), progress);
    writer.retireOthers("2025", "commune", communes);
    writer.retireOthers("2025", "province", provinces);
    if (!pre2025.empty()) {
        writer.write(pre2025, core::tr("Provinces before 2025"), progress);
        writer.retireOthers("pre2025", "province", pre2025);
    }
    progress.checkpoint();
    tx.commit();
    return report;
}

} // namespace c175::geodata
