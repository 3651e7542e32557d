#include "projection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace c175::maps {
namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
}

Projection::Projection(double lon0, double lat0)
    : m_lon0(lon0), m_lat0(lat0), m_sinLat0(std::sin(lat0 * kDeg)),
      m_cosLat0(std::cos(lat0 * kDeg)) {}

XY Projection::project(double lon, double lat) const {
    const double phi = lat * kDeg;
    const double dl = (lon - m_lon0) * kDeg;
    const double sinPhi = std::sin(phi), cosPhi = std::cos(phi), cosDl = std::cos(dl);
    const double k = std::sqrt(2.0 / (1.0 + m_sinLat0 * sinPhi + m_cosLat0 * cosPhi * cosDl));
    return {kRadiusKm * k * cosPhi * std::sin(dl),
            kRadiusKm * k * (m_cosLat0 * sinPhi - m_sinLat0 * cosPhi * cosDl)};
}

void Projection::unproject(double x, double y, double& lon, double& lat) const {
    const double rho = std::hypot(x, y);
    if (rho < 1e-12) {
        lon = m_lon0;
        lat = m_lat0;
        return;
    }
    const double c = 2.0 * std::asin(std::clamp(rho / (2.0 * kRadiusKm), -1.0, 1.0));
    const double sinC = std::sin(c), cosC = std::cos(c);
    lat = std::asin(std::clamp(cosC * m_sinLat0 + y * sinC * m_cosLat0 / rho, -1.0, 1.0)) / kDeg;
    lon = m_lon0 + std::atan2(x * sinC, rho * m_cosLat0 * cosC - y * m_sinLat0 * sinC) / kDeg;
}

} // namespace c175::maps
