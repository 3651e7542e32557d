#include "map/map_record.h"

#include <array>
#include <string_view>

namespace c175::panels {
namespace {

struct RecordSource {
    std::string_view prefix;
    MapRecordKind kind;
    const char* sql; // ?1 = id; selects lat, lon, code, name
};

// A camera alert has no position of its own: it happened where its camera stands.
constexpr std::array<RecordSource, 5> kSources = {{
    {"tipoff:", MapRecordKind::Tipoff,
     "SELECT lat, lon, code, '' FROM tipoffs WHERE id = ?1 AND deleted = 0"},
    {"camera_alert:", MapRecordKind::CameraAlert,
     "SELECT c.lat, c.lon, c.code, c.site_name FROM camera_alerts a "
     "JOIN cameras c ON c.id = a.camera_id WHERE a.id = ?1 AND a.deleted = 0"},
    {"kiosk:", MapRecordKind::Kiosk,
     "SELECT lat, lon, code, name FROM kiosks WHERE id = ?1 AND deleted = 0"},
    {"camera:", MapRecordKind::Camera,
     "SELECT lat, lon, code, site_name FROM cameras WHERE id = ?1 AND deleted = 0"},
    {"lodging:", MapRecordKind::Lodging,
     "SELECT lat, lon, code, name FROM lodgings WHERE id = ?1 AND deleted = 0"},
}};

const RecordSource* sourceOf(const std::string& recordId) {
    for (const auto& source : kSources)
        if (recordId.size() > source.prefix.size() && recordId.starts_with(source.prefix))
            return &source;
    return nullptr;
}

} // namespace

bool isPointRecordId(const std::string& recordId) {
    return sourceOf(recordId) != nullptr;
}

std::optional<MapRecord> findMapRecord(db::Database& db, const std::string& recordId) {
    const RecordSource* source = sourceOf(recordId);
    if (!source)
        return std::nullopt;
    MapRecord record;
    record.kind = source->kind;
    record.id = recordId.substr(source->prefix.size());
    db::Statement select(db, source->sql);
    select.bind(1, record.id);
    if (!select.step())
        return std::nullopt;
    record.hasPosition = !select.isNull(0) && !select.isNull(1);
    if (record.hasPosition) {
        record.lat = select.getDouble(0);
        record.lon = select.getDouble(1);
    }
    record.code = select.getText(2);
    record.name = select.getText(3);
    return record;
}

} // namespace c175::panels
