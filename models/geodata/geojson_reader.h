// Reading a GeoJSON FeatureCollection of administrative units (Poco::JSON) with validation.
#pragma once
#include "geodata/geometry.h"

#include <map>
#include <string>
#include <vector>

namespace c175::geodata {

struct Feature {
    int index = 0;    // 1-based position in the file's "features" array
    std::string code; // value of the code property
    std::map<std::string, std::string> properties; // strings and numbers as text; nulls left out
    MultiPolygon shape;

    std::string property(const std::string& name) const {
        auto it = properties.find(name);
        return it == properties.end() ? std::string() : it->second;
    }
};

// Parses `text` (from the file named `fileName`, used in messages). Refuses with GeodataError
// naming the file and the feature (index and code): text that is not JSON, a root that is not a
// FeatureCollection, a geometry other than Polygon/MultiPolygon, rings with fewer than 4
// positions or not closed, coordinates that are not numbers or out of range, a missing code.
// Duplicate codes are the caller's rule (one layer dissolves them, the others refuse them).
std::vector<Feature> parseFeatureCollection(const std::string& text, const std::string& fileName,
                                            const std::string& codeProperty);
std::vector<Feature> readFeatureCollection(const std::string& path,
                                           const std::string& codeProperty);

// "file.geojson, feature 3 (code 01)": how messages name a feature.
std::string describeFeature(const std::string& fileName, int index, const std::string& code);

} // namespace c175::geodata
