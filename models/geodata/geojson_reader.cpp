#include "geodata/geojson_reader.h"

#include "core/i18n.h"
#include "geodata/geodata_error.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace c175::geodata {

std::string describeFeature(const std::string& fileName, int index, const std::string& code) {
    if (code.empty())
        return core::fmt(core::tr("{}, feature {} (no code)"), fileName, index);
    return core::fmt(core::tr("{}, feature {} (code {})"), fileName, index, code);
}

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

class FeatureReader {
public:
    FeatureReader(const std::string& fileName, int index, const std::string& code)
        : m_where(describeFeature(fileName, index, code)) {}

    [[noreturn]] void fail(const std::string& rule) const {
        throw GeodataError(core::fmt(core::tr("{}: {}"), m_where, rule));
    }

    MultiPolygon readGeometry(const Object::Ptr& geometry) const {
        if (!geometry)
            fail(core::tr("the geometry is missing"));
        const std::string type = geometry->optValue<std::string>("type", "");
        Array::Ptr coords = geometry->getArray("coordinates");
        if (type != "Polygon" && type != "MultiPolygon")
            fail(core::fmt(core::tr("the geometry type is \"{}\"; only Polygon and MultiPolygon "
                                    "are accepted"),
                           type));
        if (!coords)
            fail(core::tr("the geometry has no coordinates array"));
        MultiPolygon shape;
        if (type == "Polygon") {
            shape.push_back(readPolygon(coords, 1));
        } else {
            for (std::size_t p = 0; p < coords->size(); ++p) {
                Array::Ptr polygon = coords->getArray(static_cast<unsigned>(p));
                if (!polygon)
                    fail(core::fmt(core::tr("polygon {} is not an array"), p + 1));
                shape.push_back(readPolygon(polygon, static_cast<int>(p) + 1));
            }
        }
        if (shape.empty())
            fail(core::tr("the geometry has no polygon"));
        return shape;
    }

private:
    Polygon readPolygon(const Array::Ptr& rings, int polygonNo) const {
        Polygon polygon;
        if (rings->size() == 0)
            fail(core::fmt(core::tr("polygon {} has no ring"), polygonNo));
        for (std::size_t r = 0; r < rings->size(); ++r) {
            Array::Ptr ring = rings->getArray(static_cast<unsigned>(r));
            if (!ring)
                fail(
                    core::fmt(core::tr("ring {} of polygon {} is not an array"), r + 1, polygonNo));
            polygon.push_back(readRing(ring, static_cast<int>(r) + 1, polygonNo));
        }
        return polygon;
    }

    Ring readRing(const Array::Ptr& positions, int ringNo, int polygonNo) const {
        Ring ring;
        ring.reserve(positions->size());
        for (std::size_t i = 0; i < positions->size(); ++i) {
            Array::Ptr pos = positions->getArray(static_cast<unsigned>(i));
            if (!pos || pos->size() < 2 || !pos->get(0).isNumeric() || !pos->get(1).isNumeric())
                fail(core::fmt(core::tr("position {} of ring {} of polygon {} is not a pair of "
                                        "numbers"),
                               i + 1, ringNo, polygonNo));
            const double lon = pos->get(0).convert<double>();
            const double lat = pos->get(1).convert<double>();
            if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180 || lon > 180 ||
                lat < -90 || lat > 90)
                fail(core::fmt(core::tr("position {} of ring {} of polygon {} ({}, {}) is out of "
                                        "range (longitude -180..180, latitude -90..90)"),
                               i + 1, ringNo, polygonNo, lon, lat));
            ring.push_back({lon, lat});
        }
        if (ring.size() < 4)
            fail(core::fmt(core::tr("ring {} of polygon {} has {} positions; a ring needs at "
                                    "least 4"),
                           ringNo, polygonNo, ring.size()));
        if (!(ring.front() == ring.back()))
            fail(core::fmt(core::tr("ring {} of polygon {} is not closed (its last position "
                                    "differs from its first)"),
                           ringNo, polygonNo));
        return ring;
    }

    std::string m_where;
};

std::string propertyText(const Poco::Dynamic::Var& v) {
    if (v.isEmpty())
        return {};
    return v.toString();
}

} // namespace

std::vector<Feature> parseFeatureCollection(const std::string& text, const std::string& fileName,
                                            const std::string& codeProperty) {
    Poco::Dynamic::Var root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(text);
    } catch (const Poco::Exception& e) {
        throw GeodataError(
            core::fmt(core::tr("{} is not valid JSON ({})."), fileName, e.displayText()));
    }
    Object::Ptr collection;
    if (root.type() == typeid(Object::Ptr))
        collection = root.extract<Object::Ptr>();
    if (!collection || collection->optValue<std::string>("type", "") != "FeatureCollection")
        throw GeodataError(core::fmt(core::tr("{} is not a GeoJSON FeatureCollection."), fileName));
    Array::Ptr features = collection->getArray("features");
    if (!features)
        throw GeodataError(core::fmt(core::tr("{} has no \"features\" array."), fileName));

    std::vector<Feature> out;
    out.reserve(features->size());
    for (std::size_t i = 0; i < features->size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        Object::Ptr feature = features->getObject(static_cast<unsigned>(i));
        Feature f;
        f.index = index;
        if (!feature || feature->optValue<std::string>("type", "") != "Feature")
            FeatureReader(fileName, index, "").fail(core::tr("it is not a GeoJSON Feature"));
        if (Object::Ptr props = feature->getObject("properties")) {
            for (const auto& [key, value] : *props) {
                std::string v = propertyText(value);
                if (!value.isEmpty())
                    f.properties.emplace(key, std::move(v));
            }
        }
        f.code = f.property(codeProperty);
        FeatureReader reader(fileName, index, f.code);
        if (f.code.empty())
            reader.fail(core::fmt(core::tr("the property \"{}\" (the unit code) is missing"),
                                  codeProperty));
        f.shape = reader.readGeometry(feature->getObject("geometry"));
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<Feature> readFeatureCollection(const std::string& path,
                                           const std::string& codeProperty) {
    const std::string name = std::filesystem::path(path).filename().string();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw GeodataError(core::fmt(core::tr("Cannot read the geodata file \"{}\"."), path));
    std::ostringstream text;
    text << in.rdbuf();
    return parseFeatureCollection(text.str(), name, codeProperty);
}

} // namespace c175::geodata
