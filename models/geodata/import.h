// Importing the administrative units (2025 provinces and communes, pre-2025 provinces) with their
// official population and area into admin_units, all or nothing.
#pragma once
#include "core/progress.h"
#include "db/database.h"
#include "geodata/geodata_error.h"

#include <string>

namespace c175::geodata {

struct ImportReport {
    int provinces = 0;
    int communes = 0;
    int provincesPre2025 = 0;
    std::string populationSource; // the province CSV's source column
};

// File names in a geodata folder (see ../shared/data/geo/README.txt).
inline constexpr const char* kProvincesFile = "vn_provinces_34_2025.geojson";
inline constexpr const char* kProvincesSimplifiedFile = "vn_provinces_34_2025_simplified.geojson";
inline constexpr const char* kCommunesFile = "vn_communes_3321_2025.geojson";
inline constexpr const char* kProvincesPre2025File =
    "vn_provinces_63_pre2025_geoboundaries.geojson";
inline constexpr const char* kProvincePopulationFile = "vn_provinces_population.csv";
inline constexpr const char* kCommunePopulationFile = "vn_communes_population.csv";

// Provinces come from the _simplified file when the folder has it, else from the full one.
// Reads every file of `dir` first and validates it (GeodataError naming the file and the
// feature), then in one transaction upserts the units and marks units of the same layer that
// the new files no longer hold as deleted. Population and area come from the CSVs, never from
// the shapes. The pre-2025 layer is optional (skipped when its file is absent); its Côn Đảo
// feature is dissolved into VN-43, giving 63 units. `actor` is written to updated_by.
// Cancelling (core::Cancelled) leaves the cache as it was.
ImportReport importDirectory(db::Database& db, const std::string& dir, const std::string& actor,
                             core::Progress& progress);

} // namespace c175::geodata
