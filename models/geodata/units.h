// Reading administrative units back from the cache: lists, shapes in a viewport (R*Tree),
// and locating the unit that holds a point.
#pragma once
#include "db/database.h"
#include "geodata/geometry.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace c175::geodata {

struct AdminUnit {
    std::string code;
    std::string layer; // "2025" or "pre2025"
    std::string level; // "province" or "commune"
    std::string parentCode;
    std::string name;
    std::string nameEn;
    std::string fullName;
    std::optional<double> areaKm2; // official area
    std::optional<std::int64_t> population;
    std::optional<int> popYear;
    std::string popSource;
    BBox bbox;

    // People per km² from the official figures; empty when either is missing.
    std::optional<double> density() const {
        if (!population || !areaKm2 || *areaKm2 <= 0)
            return std::nullopt;
        return static_cast<double>(*population) / *areaKm2;
    }
};

struct UnitShape {
    AdminUnit unit;
    MultiPolygon shape;
};

// Units of a layer and level (not deleted), ordered by code, without their shapes.
std::vector<AdminUnit> listUnits(db::Database& db, const std::string& layer,
                                 const std::string& level);
std::optional<AdminUnit> findUnit(db::Database& db, const std::string& code);

// Units with their shapes; with `view`, only those whose box meets it (through the R*Tree).
std::vector<UnitShape> loadShapes(db::Database& db, const std::string& layer,
                                  const std::string& level,
                                  const std::optional<BBox>& view = std::nullopt);

// Codes of the units whose bounding box meets `view` (R*Tree query only).
std::vector<std::string> codesInView(db::Database& db, const std::string& layer,
                                     const std::string& level, const BBox& view);

// The unit of the layer and level holding the point (holes and multipolygons respected).
std::optional<AdminUnit> locate(db::Database& db, double lon, double lat,
                                const std::string& level = "province",
                                const std::string& layer = "2025");

} // namespace c175::geodata
