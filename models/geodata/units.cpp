#include "geodata/units.h"

namespace c175::geodata {
namespace {

constexpr const char* kColumns =
    "u.code, u.layer, u.level, u.parent_code, u.name, u.name_en, u.full_name, u.area_km2, "
    "u.population, u.pop_year, u.pop_source, u.min_lon, u.min_lat, u.max_lon, u.max_lat";
constexpr int kGeometryColumn = 15;

AdminUnit readUnit(const db::Statement& q) {
    AdminUnit u;
    u.code = q.getText(0);
    u.layer = q.getText(1);
    u.level = q.getText(2);
    u.parentCode = q.getOptText(3).value_or("");
    u.name = q.getText(4);
    u.nameEn = q.getOptText(5).value_or("");
    u.fullName = q.getOptText(6).value_or("");
    if (!q.isNull(7))
        u.areaKm2 = q.getDouble(7);
    if (!q.isNull(8))
        u.population = q.getInt64(8);
    if (!q.isNull(9))
        u.popYear = q.getInt(9);
    u.popSource = q.getOptText(10).value_or("");
    if (!q.isNull(11))
        u.bbox = BBox{q.getDouble(11), q.getDouble(12), q.getDouble(13), q.getDouble(14)};
    return u;
}

std::string selectFromView(const char* extra) {
    // The R*Tree holds float32 boxes rounded outwards, so it never misses a unit.
    return std::string("SELECT ") + kColumns + extra +
           " FROM admin_units_rtree r JOIN admin_units u ON u.code = r.code"
           " WHERE r.layer = ?1 AND r.level = ?2 AND r.max_lon >= ?3 AND r.min_lon <= ?4"
           " AND r.max_lat >= ?5 AND r.min_lat <= ?6 AND u.deleted = 0 ORDER BY u.code";
}

} // namespace

std::vector<AdminUnit> listUnits(db::Database& db, const std::string& layer,
                                 const std::string& level) {
    db::Statement q(db, std::string("SELECT ") + kColumns +
                            " FROM admin_units u WHERE u.layer = ? AND u.level = ? AND "
                            "u.deleted = 0 ORDER BY u.code");
    q.bindAll(layer, level);
    std::vector<AdminUnit> out;
    while (q.step())
        out.push_back(readUnit(q));
    return out;
}

std::optional<AdminUnit> findUnit(db::Database& db, const std::string& code) {
    db::Statement q(db, std::string("SELECT ") + kColumns +
                            " FROM admin_units u WHERE u.code = ? AND u.deleted = 0");
    q.bind(1, code);
    if (q.step())
        return readUnit(q);
    return std::nullopt;
}

std::vector<UnitShape> loadShapes(db::Database& db, const std::string& layer,
                                  const std::string& level, const std::optional<BBox>& view) {
    std::vector<UnitShape> out;
    auto collect = [&](db::Statement& q) {
        while (q.step()) {
            UnitShape s;
            s.unit = readUnit(q);
            if (!q.isNull(kGeometryColumn))
                s.shape = parseGeoJsonGeometry(q.getText(kGeometryColumn), s.unit.code);
            out.push_back(std::move(s));
        }
    };
    if (view) {
        db::Statement q(db, selectFromView(", u.geometry"));
        q.bindAll(layer, level, view->minLon, view->maxLon, view->minLat, view->maxLat);
        collect(q);
    } else {
        db::Statement q(db, std::string("SELECT ") + kColumns +
                                ", u.geometry FROM admin_units u WHERE u.layer = ? AND "
                                "u.level = ? AND u.deleted = 0 ORDER BY u.code");
        q.bindAll(layer, level);
        collect(q);
    }
    return out;
}

std::vector<std::string> codesInView(db::Database& db, const std::string& layer,
                                     const std::string& level, const BBox& view) {
    db::Statement q(db, "SELECT code FROM admin_units_rtree WHERE layer = ?1 AND level = ?2 AND "
                        "max_lon >= ?3 AND min_lon <= ?4 AND max_lat >= ?5 AND min_lat <= ?6 "
                        "ORDER BY code");
    q.bindAll(layer, level, view.minLon, view.maxLon, view.minLat, view.maxLat);
    std::vector<std::string> out;
    while (q.step())
        out.push_back(q.getText(0));
    return out;
}

std::optional<AdminUnit> locate(db::Database& db, double lon, double lat, const std::string& level,
                                const std::string& layer) {
    for (auto& candidate : loadShapes(db, layer, level, BBox{lon, lat, lon, lat}))
        if (candidate.unit.bbox.contains(lon, lat) && contains(candidate.shape, lon, lat))
            return std::move(candidate.unit);
    return std::nullopt;
}

} // namespace c175::geodata
