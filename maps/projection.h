// The map projection: Lambert azimuthal equal-area centred on Vietnam, in kilometres, so a
// density choropleth shows each unit at its true relative size.
#pragma once

namespace c175::maps {

struct XY {
    double x = 0;
    double y = 0;
};

class Projection {
public:
    // Centre (lon0, lat0) in degrees; the default suits Vietnam (mainland and the islands).
    explicit Projection(double lon0 = 106.0, double lat0 = 16.0);

    XY project(double lon, double lat) const;
    // The inverse; lon/lat in degrees.
    void unproject(double x, double y, double& lon, double& lat) const;

    double lon0() const { return m_lon0; }
    double lat0() const { return m_lat0; }

    static constexpr double kRadiusKm = 6371.0072; // authalic sphere of WGS84

private:
    double m_lon0, m_lat0;
    double m_sinLat0, m_cosLat0;
};

} // namespace c175::maps
