// A WGS84 point that must lie within Vietnam's extent (including Hoàng Sa and Trường Sa).
#pragma once
#include <string_view>

namespace c175::values {

class GeoPoint {
public:
    static constexpr double kMinLat = 6.0, kMaxLat = 23.5, kMinLon = 102.0, kMaxLon = 118.0;

    // Throws core::ValidationError(field, rule) outside lat 6.0..23.5, lon 102.0..118.0 or on NaN.
    static GeoPoint make(double lat, double lon, std::string_view field = "location");
    static bool inVietnamExtent(double lat, double lon);

    double lat() const { return m_lat; }
    double lon() const { return m_lon; }

    friend bool operator==(const GeoPoint&, const GeoPoint&) = default;

private:
    GeoPoint(double lat, double lon) : m_lat(lat), m_lon(lon) {}
    double m_lat = 0;
    double m_lon = 0;
};

} // namespace c175::values
