#include "tipoff/related_cases.h"

#include "core/ids.h"
#include "db/database.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace c175::tipoff {
namespace {

constexpr double kEarthRadius = 6371008.8;
constexpr double kPi = 3.14159265358979323846;

// Degrees of latitude that cover kNearMetres (a box test before the exact distance).
constexpr double kNearLatDeg = kNearMetres / (kEarthRadius * kPi / 180.0);

std::optional<std::int64_t> unixOf(const std::string& iso) {
    std::int64_t t = 0;
    if (iso.empty() || !core::parseIsoTime(iso, t))
        return std::nullopt;
    return t;
}

void addReason(RelatedTip& r, const std::string& reason) {
    if (std::find(r.reasons.begin(), r.reasons.end(), reason) == r.reasons.end())
        r.reasons.push_back(reason);
}

} // namespace

double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
    const double rad = kPi / 180.0;
    const double dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    const double a =
        std::sin(dLat / 2) * std::sin(dLat / 2) +
        std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(a)));
}

std::vector<RelatedTip> relatedTo(db::Database& db, const std::string& tipoffId) {
    std::map<std::string, RelatedTip> found;
    db::Statement same(db, "SELECT t.id, t.code, t.status, b.kind FROM tipoff_blind_index a "
                           "JOIN tipoff_blind_index b ON b.kind = a.kind AND b.digest = a.digest "
                           "AND b.tipoff_id <> a.tipoff_id JOIN tipoffs t ON t.id = b.tipoff_id "
                           "WHERE a.tipoff_id = ? AND a.deleted = 0 AND b.deleted = 0 "
                           "AND t.deleted = 0");
    same.bind(1, tipoffId);
    while (same.step()) {
        auto& r = found[same.getText(0)];
        r.id = same.getText(0);
        r.code = same.getText(1);
        r.status = same.getText(2);
        addReason(r, same.getText(3));
    }

    db::Statement self(db, "SELECT lat, lon, coalesce(occurred_at, received_at) FROM tipoffs "
                           "WHERE id = ?");
    self.bind(1, tipoffId);
    if (self.step() && !self.isNull(0) && !self.isNull(1)) {
        const double lat = self.getDouble(0), lon = self.getDouble(1);
        const auto when = unixOf(self.getText(2));
        const double lonDeg = kNearLatDeg / std::max(0.1, std::cos(lat * kPi / 180.0));
        if (when) {
            const auto window = static_cast<std::int64_t>(kNearHours * 3600);
            db::Statement near(
                db, "SELECT id, code, status, lat, lon, coalesce(occurred_at, received_at) "
                    "FROM tipoffs WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
                    "AND id <> ? AND deleted = 0");
            near.bindAll(lat - kNearLatDeg, lat + kNearLatDeg, lon - lonDeg, lon + lonDeg,
                         tipoffId);
            while (near.step()) {
                const auto other = unixOf(near.getText(5));
                if (!other || std::llabs(*other - *when) >= window)
                    continue;
                const double m = distanceMetres(lat, lon, near.getDouble(3), near.getDouble(4));
                if (m >= kNearMetres)
                    continue;
                auto& r = found[near.getText(0)];
                r.id = near.getText(0);
                r.code = near.getText(1);
                r.status = near.getText(2);
                r.metres = m;
                r.hours = static_cast<double>(std::llabs(*other - *when)) / 3600.0;
                addReason(r, "near");
            }
        }
    }
    std::vector<RelatedTip> out;
    for (auto& [id, r] : found)
        out.push_back(std::move(r));
    std::sort(out.begin(), out.end(), [](const RelatedTip& a, const RelatedTip& b) {
        const bool aId = a.reasons.size() > 1 || a.reasons.front() != "near";
        const bool bId = b.reasons.size() > 1 || b.reasons.front() != "near";
        if (aId != bId)
            return aId;
        return a.code < b.code;
    });
    return out;
}

std::vector<CaseGroup> relatedGroups(db::Database& db) {
    struct Tip {
        std::string id, code;
        std::optional<double> lat, lon;
        std::optional<std::int64_t> when;
    };
    std::vector<Tip> tips;
    std::map<std::string, std::size_t> index;
    db::Statement all(db,
                      "SELECT id, code, lat, lon, coalesce(occurred_at, received_at) "
                      "FROM tipoffs WHERE deleted = 0 AND status NOT IN ('merged', 'rejected')");
    while (all.step()) {
        Tip t{all.getText(0), all.getText(1), std::nullopt, std::nullopt, unixOf(all.getText(4))};
        if (!all.isNull(2) && !all.isNull(3)) {
            t.lat = all.getDouble(2);
            t.lon = all.getDouble(3);
        }
        index[t.id] = tips.size();
        tips.push_back(std::move(t));
    }
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Graph g(tips.size());

    // Identity links: every tip sharing a digest joins the first one that carries it.
    db::Statement digests(db, "SELECT kind, digest, tipoff_id FROM tipoff_blind_index "
                              "WHERE deleted = 0 ORDER BY kind, digest");
    std::string lastKey;
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t first = kNone;
    while (digests.step()) {
        const std::string key = digests.getText(0) + ":" + digests.getText(1);
        const auto it = index.find(digests.getText(2));
        if (key != lastKey) {
            lastKey = key;
            first = kNone;
        }
        if (it == index.end())
            continue;
        if (first == kNone)
            first = it->second;
        else if (first != it->second)
            boost::add_edge(first, it->second, g);
    }

    // Place and time: a sweep over the tips in time order, comparing only those within 48 h.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < tips.size(); ++i)
        if (tips[i].lat && tips[i].when)
            order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return *tips[a].when < *tips[b].when; });
    const auto window = static_cast<std::int64_t>(kNearHours * 3600);
    for (std::size_t a = 0; a < order.size(); ++a) {
        const Tip& ta = tips[order[a]];
        for (std::size_t b = a + 1; b < order.size(); ++b) {
            const Tip& tb = tips[order[b]];
            if (*tb.when - *ta.when >= window)
                break;
            if (std::fabs(*tb.lat - *ta.lat) > kNearLatDeg)
                continue;
            if (distanceMetres(*ta.lat, *ta.lon, *tb.lat, *tb.lon) < kNearMetres)
                boost::add_edge(order[a], order[b], g);
        }
    }

    std::vector<int> component(tips.size());
    const int n = tips.empty() ? 0 : boost::connected_components(g, component.data());
    std::vector<CaseGroup> groups(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < tips.size(); ++i) {
        auto& grp = groups[static_cast<std::size_t>(component[i])];
        grp.codes.push_back(tips[i].code);
        grp.ids.push_back(tips[i].id);
    }
    std::vector<CaseGroup> out;
    for (auto& grp : groups) {
        if (grp.codes.size() < 2)
            continue;
        std::vector<std::size_t> idx(grp.codes.size());
        for (std::size_t i = 0; i < idx.size(); ++i)
            idx[i] = i;
        std::sort(idx.begin(), idx.end(),
                  [&](std::size_t a, std::size_t b) { return grp.codes[a] < grp.codes[b]; });
        CaseGroup sorted;
        for (auto i : idx) {
            sorted.codes.push_back(grp.codes[i]);
            sorted.ids.push_back(grp.ids[i]);
        }
        out.push_back(std::move(sorted));
    }
    std::sort(out.begin(), out.end(), [](const CaseGroup& a, const CaseGroup& b) {
        return a.codes.size() != b.codes.size() ? a.codes.size() > b.codes.size()
                                                : a.codes < b.codes;
    });
    return out;
}

} // namespace c175::tipoff
