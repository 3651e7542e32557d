// Shared state of one seed run: sizes, the clock, ids, places and progress (internal to seed/).
#pragma once
#include "seed/random.h"
#include "seed/seed.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace c175::db {
class Database;
}
namespace c175::core {
class Progress;
}

namespace c175::seed {

struct Sizes {
    int kiosks, heartbeatDays, heartbeatMinutes, usageDays;
    int cameras, alertDays, gateDays;
    std::int64_t alerts;
    int tipoffs, tipoffDays;
    int beneficiaries;
    int lodgings;
    std::int64_t stays;
    int stayDays;
};
Sizes sizesFor(Scale scale);

struct Commune {
    std::string code, name; // name as written in an address ("Phường Ba Đình")
    double minLon, minLat, maxLon, maxLat;
};

struct Place {
    int province = 0; // index in provinces2025()
    const Commune* commune = nullptr;
    double lat = 0, lon = 0;
    std::string provinceCode() const;
    std::optional<std::string> communeCode() const {
        return commune ? std::optional<std::string>(commune->code) : std::nullopt;
    }
    // "Số 12, đường Lê Lợi, Phường Ba Đình, Hà Nội"
    std::string address(const std::string& street) const;
};

class SeedContext {
public:
    SeedContext(db::Database& db, const SeedOptions& options, core::Progress& progress);

    db::Database& db;
    const SeedOptions& options;
    Sizes sizes;
    std::int64_t now;                           // unix seconds, a whole hour
    std::string nowText;                        // updated_at of every row
    std::map<std::string, std::string> userIds; // username -> id
    std::map<std::string, std::int64_t> counts;
    std::unordered_set<std::string> cccds; // issued in this run (they are unique)

    // Time-ordered, deterministic UUIDv7 strings.
    std::string newId();
    // Administrative units from admin_units (2025 communes); without them places fall near the
    // provincial capital.
    void loadCommunes();
    bool hasCommunes() const { return m_communeCount > 0; }
    // A place in the province (communes weighted by population), or in a province weighted by
    // population when province < 0.
    Place randomPlace(Rng& rng, int province = -1);
    int randomProvinceByPopulation(Rng& rng) const {
        return static_cast<int>(m_byPopulation.pick(rng));
    }
    int randomProvinceByTourism(Rng& rng) const { return static_cast<int>(m_byTourism.pick(rng)); }

    // Progress for a stage; checks for cancellation. Cheap to call per row.
    void tick(const char* stage, std::int64_t done, std::int64_t total);
    // Records how many rows a stage wrote and audits it.
    void finish(const std::string& table, std::int64_t rows);

private:
    core::Progress& m_progress;
    const char* m_stage = nullptr;
    std::uint64_t m_calls = 0;
    std::int64_t m_idMs;
    std::uint64_t m_idCounter = 0;
    std::vector<std::vector<Commune>> m_communes; // per province index
    std::vector<WeightedPicker> m_communePickers;
    std::size_t m_communeCount = 0;
    WeightedPicker m_byPopulation, m_byTourism;
};

// Stages, one file each.
void seedKiosks(SeedContext& ctx);
void seedCameras(SeedContext& ctx);
void seedTipoffs(SeedContext& ctx);
void seedWelfare(SeedContext& ctx);
void seedTourism(SeedContext& ctx);

// Helpers shared by the stages.
std::string randomMobile(Rng& rng);                              // valid 10-digit number
std::string randomPlate(Rng& rng, int province, bool motorbike); // valid printed plate
// A valid CCCD for someone born in the province (a pre-2025 code merged into it), unique within
// the run.
std::string uniqueCccd(SeedContext& ctx, Rng& rng, int province, int birthYear, bool female);

// Marks a progress label for xgettext; tick() translates it.
constexpr const char* N_(const char* msgid) {
    return msgid;
}

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kHour = 3600;

} // namespace c175::seed
