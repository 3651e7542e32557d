#include "tipoff/case_stats.h"

#include "core/ids.h"
#include "db/database.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace c175::tipoff {
namespace {

Counts sorted(const std::map<std::string, std::int64_t>& m) {
    Counts out(m.begin(), m.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

Poco::JSON::Object::Ptr countsObject(const Counts& counts) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [k, v] : counts)
        o->set(k, v);
    return o;
}

Poco::Dynamic::Var optional(const std::optional<double>& v) {
    return v ? Poco::Dynamic::Var(*v) : Poco::Dynamic::Var();
}

} // namespace

TipoffStats computeStats(db::Database& db, const StatsFilter& f) {
    // One pass over the rows, aggregated here: cheaper than one query per figure at 100,000
    // tips, and the median needs the values anyway.
    std::string sql =
        "SELECT crime_type, coalesce(province_code, ''), status, coalesce(outcome, ''), "
        "CASE WHEN concluded_at IS NOT NULL THEN "
        "(julianday(concluded_at) - julianday(received_at)) * 24 END, " +
        overdueSql() + ", satisfaction FROM tipoffs WHERE deleted = 0";
    std::vector<std::string> params = {f.nowUtc.empty() ? core::nowUtc() : f.nowUtc};
    if (!f.receivedFrom.empty()) {
        sql += " AND received_at >= ?";
        params.push_back(f.receivedFrom);
    }
    if (!f.receivedTo.empty()) {
        sql += " AND received_at < ?";
        params.push_back(f.receivedTo);
    }
    if (!f.areaCode.empty()) {
        sql += " AND (province_code = ? OR commune_code = ?)";
        params.push_back(f.areaCode);
        params.push_back(f.areaCode);
    }
    if (f.crimeType) {
        sql += " AND crime_type = ?";
        params.push_back(std::string(crimeTypeName(*f.crimeType)));
    }
    db::Statement q(db, sql);
    for (std::size_t i = 0; i < params.size(); ++i)
        q.bind(static_cast<int>(i + 1), params[i]);

    TipoffStats s;
    std::map<std::string, std::int64_t> byType, byProvince, byStatus, overdueByType;
    std::vector<double> hours;
    double satisfactionSum = 0;
    while (q.step()) {
        ++s.total;
        const std::string type = q.getText(0);
        ++byType[type];
        const std::string province = q.getText(1);
        ++byProvince[province.empty() ? "unknown" : province];
        ++byStatus[q.getText(2)];
        const std::string outcome = q.getText(3);
        if (!outcome.empty()) {
            ++s.concluded;
            if (outcome == "substantiated")
                ++s.substantiated;
        }
        if (!q.isNull(4))
            hours.push_back(q.getDouble(4));
        if (q.getInt(5) != 0) {
            ++s.overdue;
            ++overdueByType[type];
        }
        if (!q.isNull(6)) {
            ++s.satisfactionCount;
            satisfactionSum += q.getInt(6);
        }
    }
    s.byCrimeType = sorted(byType);
    s.byProvince = sorted(byProvince);
    s.byStatus = sorted(byStatus);
    s.overdueByCrimeType = sorted(overdueByType);
    if (s.concluded > 0)
        s.successRate = static_cast<double>(s.substantiated) / static_cast<double>(s.concluded);
    if (!hours.empty()) {
        double sum = 0;
        for (double h : hours)
            sum += h;
        s.meanProcessingHours = sum / static_cast<double>(hours.size());
        const std::size_t mid = hours.size() / 2;
        std::nth_element(hours.begin(), hours.begin() + static_cast<std::ptrdiff_t>(mid),
                         hours.end());
        double median = hours[mid];
        if (hours.size() % 2 == 0) {
            const double below =
                *std::max_element(hours.begin(), hours.begin() + static_cast<std::ptrdiff_t>(mid));
            median = (median + below) / 2;
        }
        s.medianProcessingHours = median;
    }
    if (s.satisfactionCount > 0)
        s.satisfactionMean = satisfactionSum / static_cast<double>(s.satisfactionCount);
    return s;
}

std::string statsToJson(const TipoffStats& s) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("total", s.total);
    o.set("by_crime_type", countsObject(s.byCrimeType));
    o.set("by_province", countsObject(s.byProvince));
    o.set("by_status", countsObject(s.byStatus));
    o.set("concluded", s.concluded);
    o.set("substantiated", s.substantiated);
    o.set("success_rate", optional(s.successRate));
    o.set("mean_processing_hours", optional(s.meanProcessingHours));
    o.set("median_processing_hours", optional(s.medianProcessingHours));
    o.set("overdue", s.overdue);
    o.set("overdue_by_crime_type", countsObject(s.overdueByCrimeType));
    o.set("satisfaction_mean", optional(s.satisfactionMean));
    o.set("satisfaction_count", s.satisfactionCount);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::int64_t countOverdue(db::Database& db, const std::optional<std::string>& provinceCode,
                          const std::string& nowUtc) {
    std::string sql = "SELECT count(*) FROM tipoffs WHERE deleted = 0 AND " + overdueSql();
    if (provinceCode)
        sql += " AND province_code = ?";
    db::Statement q(db, sql);
    q.bind(1, nowUtc.empty() ? core::nowUtc() : nowUtc);
    if (provinceCode)
        q.bind(2, *provinceCode);
    q.step();
    return q.getInt64(0);
}

} // namespace c175::tipoff
