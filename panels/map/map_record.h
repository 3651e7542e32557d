// "Show on map" record ids: "tipoff:<id>", "camera_alert:<id>", "kiosk:<id>", "camera:<id>",
// "lodging:<id>", resolved to a position from the cache. A bare unit code ("01", "00004") is
// not a point record.
#pragma once
#include "db/database.h"

#include <optional>
#include <string>

namespace c175::panels {

enum class MapRecordKind { Tipoff, CameraAlert, Kiosk, Camera, Lodging };

struct MapRecord {
    MapRecordKind kind = MapRecordKind::Tipoff;
    std::string id;
    std::string code; // what a person recognises: the tip-off's or device's code
    std::string name; // kiosk name, camera site, lodging name; may be empty
    bool hasPosition = false;
    double lat = 0;
    double lon = 0;
};

// True for ids with one of the prefixes above.
bool isPointRecordId(const std::string& recordId);
// The record, or nothing when its prefix is unknown or it is not in the cache (or deleted).
// A record without a position comes back with hasPosition == false.
std::optional<MapRecord> findMapRecord(db::Database& db, const std::string& recordId);

} // namespace c175::panels
