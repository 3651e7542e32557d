#include "geodata/geometry.h"

#include "core/i18n.h"
#include "geodata/geodata_error.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace c175::geodata {

BBox boundsOf(const MultiPolygon& shape) {
    BBox b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
           std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const auto& polygon : shape)
        for (const auto& ring : polygon)
            for (const auto& p : ring) {
                b.minLon = std::min(b.minLon, p.lon);
                b.maxLon = std::max(b.maxLon, p.lon);
                b.minLat = std::min(b.minLat, p.lat);
                b.maxLat = std::max(b.maxLat, p.lat);
            }
    if (b.minLon > b.maxLon)
        return BBox{};
    return b;
}

std::size_t vertexCount(const MultiPolygon& shape) {
    std::size_t n = 0;
    for (const auto& polygon : shape)
        for (const auto& ring : polygon)
            n += ring.size();
    return n;
}

namespace {

bool ringHolds(const Ring& ring, double lon, double lat) {
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const auto& a = ring[i];
        const auto& b = ring[j];
        if ((a.lat > lat) != (b.lat > lat)) {
            const double x = (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon;
            if (lon < x)
                inside = !inside;
        }
    }
    return inside;
}

} // namespace

bool contains(const MultiPolygon& shape, double lon, double lat) {
    for (const auto& polygon : shape) {
        bool inside = false;
        for (const auto& ring : polygon)
            if (ring.size() >= 3 && ringHolds(ring, lon, lat))
                inside = !inside;
        if (inside)
            return true;
    }
    return false;
}

void appendParts(MultiPolygon& shape, const MultiPolygon& other) {
    shape.insert(shape.end(), other.begin(), other.end());
}

namespace {

void appendNumber(std::string& out, double v) {
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

} // namespace

std::string toGeoJsonText(const MultiPolygon& shape) {
    std::string out;
    out.reserve(vertexCount(shape) * 22 + 48);
    out += R"({"type":"MultiPolygon","coordinates":[)";
    for (std::size_t p = 0; p < shape.size(); ++p) {
        out += p ? ",[" : "[";
        for (std::size_t r = 0; r < shape[p].size(); ++r) {
            out += r ? ",[" : "[";
            const auto& ring = shape[p][r];
            for (std::size_t i = 0; i < ring.size(); ++i) {
                out += i ? ",[" : "[";
                appendNumber(out, ring[i].lon);
                out += ',';
                appendNumber(out, ring[i].lat);
                out += ']';
            }
            out += ']';
        }
        out += ']';
    }
    out += "]}";
    return out;
}

namespace {

// A small scanner for one GeoJSON geometry object; anything unexpected throws with a reason.
class GeometryScanner {
public:
    GeometryScanner(std::string_view text, std::string_view what) : m_s(text), m_what(what) {}

    MultiPolygon run() {
        std::string type;
        std::vector<Polygon> parts;
        int depth = 0;
        expect('{');
        bool first = true;
        while (true) {
            skipWs();
            if (peek() == '}') {
                ++m_pos;
                break;
            }
            if (!first)
                expect(',');
            first = false;
            const std::string key = readString();
            expect(':');
            if (key == "type") {
                type = readString();
            } else if (key == "coordinates") {
                depth = nestingAhead();
                if (depth == 4) {
                    readList([&] { parts.push_back(readPolygon()); });
                } else if (depth == 3) {
                    parts.push_back(readPolygon());
                } else {
                    fail("coordinates nesting");
                }
            } else {
                skipValue();
            }
        }
        if ((type == "MultiPolygon" && depth == 4) || (type == "Polygon" && depth == 3))
            return parts;
        fail("type " + type);
        return {};
    }

private:
    [[noreturn]] void fail(const std::string& reason) const {
        throw GeodataError(core::fmt(core::tr("The shape of {} is not a valid GeoJSON polygon "
                                              "(near character {}: {})."),
                                     m_what, m_pos, reason));
    }
    void skipWs() {
        while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\n' ||
                                      m_s[m_pos] == '\r' || m_s[m_pos] == '\t'))
            ++m_pos;
    }
    char peek() {
        skipWs();
        return m_pos < m_s.size() ? m_s[m_pos] : '\0';
    }
    void expect(char c) {
        if (peek() != c)
            fail(std::string("expected '") + c + "'");
        ++m_pos;
    }
    std::string readString() {
        expect('"');
        std::string out;
        while (m_pos < m_s.size() && m_s[m_pos] != '"') {
            if (m_s[m_pos] == '\\')
                ++m_pos;
            if (m_pos < m_s.size())
                out += m_s[m_pos++];
        }
        expect('"');
        return out;
    }
    int nestingAhead() {
        skipWs();
        int n = 0;
        for (std::size_t i = m_pos; i < m_s.size(); ++i) {
            const char c = m_s[i];
            if (c == '[')
                ++n;
            else if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                break;
        }
        return n;
    }
    template <typename F> void readList(F&& item) {
        expect('[');
        if (peek() == ']') {
            ++m_pos;
            return;
        }
        while (true) {
            item();
            const char c = peek();
            ++m_pos;
            if (c == ']')
                return;
            if (c != ',')
                fail("expected ',' or ']'");
        }
    }
    double readNumber() {
        skipWs();
        double v = 0;
        const char* begin = m_s.data() + m_pos;
        auto res = std::from_chars(begin, m_s.data() + m_s.size(), v);
        if (res.ec != std::errc())
            fail("number");
        m_pos += static_cast<std::size_t>(res.ptr - begin);
        return v;
    }
    Polygon readPolygon() {
        Polygon polygon;
        readList([&] {
            Ring ring;
            readList([&] {
                LonLat p;
                int i = 0;
                readList([&] {
                    const double v = readNumber();
                    if (i == 0)
                        p.lon = v;
                    else if (i == 1)
                        p.lat = v;
                    ++i;
                });
                if (i < 2)
                    fail("position with fewer than 2 numbers");
                ring.push_back(p);
            });
            polygon.push_back(std::move(ring));
        });
        return polygon;
    }
    void skipValue() {
        const char c = peek();
        if (c == '"') {
            readString();
            return;
        }
        if (c == '{' || c == '[') {
            int level = 0;
            bool inString = false;
            for (; m_pos < m_s.size(); ++m_pos) {
                const char d = m_s[m_pos];
                if (inString) {
                    if (d == '\\')
                        ++m_pos;
                    else if (d == '"')
                        inString = false;
                } else if (d == '"') {
                    inString = true;
                } else if (d == '{' || d == '[') {
                    ++level;
                } else if (d == '}' || d == ']') {
                    if (--level == 0) {
                        ++m_pos;
                        return;
                    }
                }
            }
            fail("unterminated value");
        }
        while (m_pos < m_s.size() && m_s[m_pos] != ',' && m_s[m_pos] != '}')
            ++m_pos;
    }

    std::string_view m_s;
    std::string_view m_what;
    std::size_t m_pos = 0;
};

} // namespace

MultiPolygon parseGeoJsonGeometry(std::string_view text, std::string_view what) {
    return GeometryScanner(text, what).run();
}

} // namespace c175::geodata
