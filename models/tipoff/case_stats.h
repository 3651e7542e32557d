// Figures for leadership: counts by crime type, area and status, success rate, processing time,
// overdue cases and reporter satisfaction, over a period and area.
#pragma once
#include "tipoff/tipoff_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::tipoff {

struct StatsFilter {
    std::string receivedFrom, receivedTo; // UTC ISO or day; "" = no bound (To is exclusive)
    std::string areaCode;                 // province or commune; "" = everywhere
    std::optional<CrimeType> crimeType;
    std::string nowUtc; // for overdue; "" = now
};

using Counts = std::vector<std::pair<std::string, std::int64_t>>; // key -> count, largest first

struct TipoffStats {
    std::int64_t total = 0;
    // byProvince counts tips without a resolved province under "unknown".
    Counts byCrimeType, byProvince, byStatus, overdueByCrimeType;
    std::int64_t concluded = 0; // with an outcome (concluded or closed since)
    std::int64_t substantiated = 0;
    std::optional<double> successRate; // substantiated / concluded; empty when none concluded
    std::optional<double> meanProcessingHours, medianProcessingHours; // receipt to conclusion
    std::int64_t overdue = 0;
    std::int64_t satisfactionCount = 0;
    std::optional<double> satisfactionMean; // 1..5
};

TipoffStats computeStats(db::Database& db, const StatsFilter& filter = {});
// Open cases past their due time, in one province or everywhere (the count the Tip-offs pane
// shows beside its red rows). `nowUtc` "" = now.
std::int64_t countOverdue(db::Database& db, const std::optional<std::string>& provinceCode,
                          const std::string& nowUtc = "");

// {"total":..,"by_crime_type":{..},"by_province":{..},"by_status":{..},"success_rate":..,
//  "mean_processing_hours":..,"median_processing_hours":..,"overdue":..,"overdue_by_crime_type":
//  {..},"concluded":..,"substantiated":..,"satisfaction_mean":..,"satisfaction_count":..}
// (null where there is no value).
std::string statsToJson(const TipoffStats& stats);

} // namespace c175::tipoff
