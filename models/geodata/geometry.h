// Administrative-unit shapes as plain lon/lat rings (no VTK): bounding boxes, point-in-polygon,
// and the compact GeoJSON text stored in admin_units.geometry.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace c175::geodata {

struct LonLat {
    double lon = 0;
    double lat = 0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

// A closed ring: the first position repeats as the last (GeoJSON rule).
using Ring = std::vector<LonLat>;
// The first ring is the outer boundary, the others are holes.
using Polygon = std::vector<Ring>;
// Every unit is stored as a MultiPolygon (a Polygon becomes one part).
using MultiPolygon = std::vector<Polygon>;

struct BBox {
    double minLon = 0, minLat = 0, maxLon = 0, maxLat = 0;
    bool contains(double lon, double lat) const {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }
    bool intersects(const BBox& o) const {
        return minLon <= o.maxLon && o.minLon <= maxLon && minLat <= o.maxLat && o.minLat <= maxLat;
    }
    double width() const { return maxLon - minLon; }
    double height() const { return maxLat - minLat; }
};

BBox boundsOf(const MultiPolygon& shape);
std::size_t vertexCount(const MultiPolygon& shape);

// Even-odd rule over every ring of a part, so holes are excluded; true when any part holds the
// point. Points exactly on an edge may fall either way.
bool contains(const MultiPolygon& shape, double lon, double lat);

// Appends the parts of `other` (dissolving a unit split over two features, such as Côn Đảo).
void appendParts(MultiPolygon& shape, const MultiPolygon& other);

// {"type":"MultiPolygon","coordinates":[...]} with the shortest round-trip numbers.
std::string toGeoJsonText(const MultiPolygon& shape);
// Reads what toGeoJsonText wrote (and any Polygon/MultiPolygon geometry object) quickly, without
// a general JSON parser: the map loads thousands of communes from the cache this way.
// Throws GeodataError naming `what` when the text is not such a geometry.
MultiPolygon parseGeoJsonGeometry(std::string_view text, std::string_view what);

} // namespace c175::geodata
