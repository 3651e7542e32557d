#include "values/geo_point.h"

#include "core/errors.h"
#include "core/i18n.h"

#include <cmath>
#include <string>

namespace c175::values {

bool GeoPoint::inVietnamExtent(double lat, double lon) {
    // NaN fails every comparison, so it is outside too.
    return lat >= kMinLat && lat <= kMaxLat && lon >= kMinLon && lon <= kMaxLon;
}

GeoPoint GeoPoint::make(double lat, double lon, std::string_view field) {
    if (!std::isfinite(lat) || !std::isfinite(lon))
        throw core::ValidationError(std::string(field),
                                    core::tr("latitude and longitude must be numbers"));
    if (!inVietnamExtent(lat, lon))
        throw core::ValidationError(
            std::string(field),
            core::fmt(core::tr("must lie within Vietnam (latitude {} to {}, longitude {} to {})"),
                      kMinLat, kMaxLat, kMinLon, kMaxLon));
    return GeoPoint{lat, lon};
}

} // namespace c175::values
