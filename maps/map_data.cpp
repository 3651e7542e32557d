#include "map_data.h"

namespace c175::maps {
namespace {

void bindFilter(db::Statement& q, const IncidentFilter& f) {
    const auto box = f.view.value_or(geodata::BBox{-180, -90, 180, 90});
    q.bindAll(f.from, f.to, box.minLon, box.maxLon, box.minLat, box.maxLat);
}

} // namespace

std::vector<Incident> loadIncidents(db::Database& db, const IncidentFilter& filter) {
    std::vector<Incident> out;
    auto keep = [&](const std::string& type) {
        return filter.types.empty() || filter.types.count(type) > 0;
    };
    // ?1 from, ?2 to, ?3..?6 the box.
    if (filter.tipoffs && db.tableExists("tipoffs")) {
        db::Statement q(db, R"(SELECT id, crime_type, coalesce(occurred_at, received_at), lon, lat
            FROM tipoffs WHERE deleted = 0 AND lat IS NOT NULL AND lon IS NOT NULL
              AND (?1 = '' OR coalesce(occurred_at, received_at) >= ?1)
              AND (?2 = '' OR coalesce(occurred_at, received_at) < ?2)
              AND lon BETWEEN ?3 AND ?4 AND lat BETWEEN ?5 AND ?6)");
        bindFilter(q, filter);
        while (q.step()) {
            Incident i{q.getText(0), IncidentSource::Tipoff, q.getText(1),
                       q.getText(2), q.getDouble(3),         q.getDouble(4)};
            if (keep(i.type))
                out.push_back(std::move(i));
        }
    }
    if (filter.cameraAlerts && db.tableExists("camera_alerts")) {
        db::Statement q(db, R"(SELECT a.id, a.kind, a.at, c.lon, c.lat
            FROM camera_alerts a JOIN cameras c ON c.id = a.camera_id
            WHERE a.deleted = 0 AND (?1 = '' OR a.at >= ?1) AND (?2 = '' OR a.at < ?2)
              AND c.lon BETWEEN ?3 AND ?4 AND c.lat BETWEEN ?5 AND ?6)");
        bindFilter(q, filter);
        while (q.step()) {
            Incident i{q.getText(0),   IncidentSource::CameraAlert,
                       q.getText(1),   q.getText(2),
                       q.getDouble(3), q.getDouble(4)};
            if (keep(i.type))
                out.push_back(std::move(i));
        }
    }
    return out;
}

std::vector<Device> loadDevices(db::Database& db) {
    std::vector<Device> out;
    db::Statement k(db, "SELECT id, code, name, status, lon, lat FROM kiosks WHERE deleted = 0");
    while (k.step())
        out.push_back({k.getText(0), k.getText(1), k.getText(2), DeviceKind::Kiosk, k.getText(3),
                       k.getDouble(4), k.getDouble(5)});
    db::Statement c(db, "SELECT id, code, name, status, lon, lat FROM cameras WHERE deleted = 0");
    while (c.step())
        out.push_back({c.getText(0), c.getText(1), c.getText(2), DeviceKind::Camera, c.getText(3),
                       c.getDouble(4), c.getDouble(5)});
    return out;
}

} // namespace c175::maps
