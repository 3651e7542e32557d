// Related tip-offs: links through shared phone, CCCD or plate (compared by keyed blind index,
// never in clear) or closeness in place (< 500 m) and time (< 48 h); groups by Boost.Graph.
#pragma once
#include <string>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::tipoff {

inline constexpr double kNearMetres = 500.0;
inline constexpr double kNearHours = 48.0;

struct RelatedTip {
    std::string id, code, status;
    std::vector<std::string> reasons; // "phone", "cccd", "plate", "near"
    double metres = -1;               // distance when both have a position, else -1
    double hours = -1;                // time apart when "near"
};

// The tips linked directly to one tip-off, and why (strongest first: identity links, then near).
std::vector<RelatedTip> relatedTo(db::Database& db, const std::string& tipoffId);

struct CaseGroup {
    std::vector<std::string> codes; // sorted
    std::vector<std::string> ids;   // same order as codes
};

// Connected components (Boost.Graph) of every link among live tips; only groups of two or more,
// largest first. Merged and rejected tips are left out (they are no longer worked).
std::vector<CaseGroup> relatedGroups(db::Database& db);

// Great-circle distance in metres (haversine).
double distanceMetres(double lat1, double lon1, double lat2, double lon2);

} // namespace c175::tipoff
