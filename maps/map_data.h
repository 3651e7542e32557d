// What the map draws besides units: incidents (tip-offs, camera alerts) filtered by time and
// type, and kiosks/cameras with their status, read from the cache.
#pragma once
#include "db/database.h"
#include "geodata/geometry.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace c175::maps {

enum class IncidentSource { Tipoff, CameraAlert };

struct Incident {
    std::string id;
    IncidentSource source = IncidentSource::Tipoff;
    std::string type; // tip-off crime_type or camera alert kind
    std::string at;   // ISO UTC
    double lon = 0;
    double lat = 0;
};

struct IncidentFilter {
    std::string from;            // ISO UTC, inclusive; empty = open
    std::string to;              // ISO UTC, exclusive; empty = open
    std::set<std::string> types; // empty = every type
    bool tipoffs = true;
    bool cameraAlerts = true;
    std::optional<geodata::BBox> view; // lon/lat box; empty = everywhere
};

// Tip-offs by occurred_at (received_at when unknown) and camera alerts by their time, with a
// position, not deleted.
std::vector<Incident> loadIncidents(db::Database& db, const IncidentFilter& filter);

enum class DeviceKind { Kiosk, Camera };

struct Device {
    std::string id;
    std::string code;
    std::string name;
    DeviceKind kind = DeviceKind::Kiosk;
    std::string status; // online, offline, fault, maintenance
    double lon = 0;
    double lat = 0;
};

std::vector<Device> loadDevices(db::Database& db);

} // namespace c175::maps
