// Deterministic, realistic demo data for every pilot model (c175ctl seed, first start, tests).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace c175::db {
class Database;
}
namespace c175::core {
class Progress;
}

namespace c175::seed {

enum class Scale { Small, Large };
// "small" / "large"; nullopt for anything else.
std::optional<Scale> parseScale(std::string_view text);

struct DemoUser {
    std::string username, displayName, role, password;
};
// One per role: operator, officer (case_officer), reviewer (welfare_reviewer), approver
// (welfare_approver), analyst, admin. Passwords are "Demo@175-<username>".
const std::vector<DemoUser>& demoUsers();

struct SeedOptions {
    Scale scale = Scale::Small;
    std::uint64_t seed = 175;
    std::string geodataDir; // "" = seed without administrative units
    std::string actor = "seed";
    // The moment the data leads up to (unix seconds, rounded down to the hour); 0 = now. The
    // same seed and the same moment give the same data.
    std::int64_t asOf = 0;
};

struct SeedReport {
    std::map<std::string, std::int64_t> counts; // rows written per table (+ admin_units, users)
    bool geodataImported = false;
    std::string note; // translated; says where to get geodata when there was none
    double seconds = 0;
};

// Writes the demo data in one transaction: a failure or core::Cancelled leaves the cache as it
// was. Refuses (db::DbError) a cache that already holds pilot data.
SeedReport seedDemo(db::Database& db, const SeedOptions& options, core::Progress& progress);

// $C175_GEODATA, else the build's default, else ../shared/data/geo from the current folder:
// the first that holds vn_provinces_34_2025.geojson; "" when none does.
std::string findGeodataDir();

} // namespace c175::seed
