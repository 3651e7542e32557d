// Geodata import (validation, all-or-nothing), geometry text, point-in-polygon and the R*Tree.
#include "geodata/geodata_error.h"
#include "geodata/geometry.h"
#include "geodata/import.h"
#include "geodata/units.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

using namespace c175;
using geodata::GeodataError;

namespace {

const std::string kGeoDir = C175_GEODATA_DIR;

void writeFile(const test::TempDir& dir, const std::string& name, const std::string& text) {
    std::ofstream(dir.file(name), std::ios::binary) << text;
}

std::string square(double x, double y, double size) {
    auto p = [](double a, double b) {
        return "[" + std::to_string(a) + "," + std::to_string(b) + "]";
    };
    return "[" + p(x, y) + "," + p(x + size, y) + "," + p(x + size, y + size) + "," +
           p(x, y + size) + "," + p(x, y) + "]";
}

std::string feature(const std::string& props, const std::string& geometry) {
    return R"({"type":"Feature","properties":)" + props + R"(,"geometry":)" + geometry + "}";
}

std::string collection(const std::string& features) {
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

std::string polygon(const std::string& rings) {
    return R"({"type":"Polygon","coordinates":[)" + rings + "]}";
}

// A tiny valid geodata folder: provinces 01 and 79, one commune in each.
struct SmallGeodata {
    std::string provinces = collection(
        feature(R"({"code":"01","name":"Hà Nội","areaKm2":100})", polygon(square(105, 20, 1))) +
        "," +
        feature(R"({"code":"79","name":"Hồ Chí Minh","areaKm2":200})",
                polygon(square(106, 10, 1))));
    std::string communes =
        collection(feature(R"({"code":"00004","name":"Ba Đình","provinceCode":"01","areaKm2":3})",
                           polygon(square(105.1, 20.1, 0.2))) +
                   "," +
                   feature(R"({"code":"26734","name":"Sài Gòn","provinceCode":"79","areaKm2":4})",
                           polygon(square(106.1, 10.1, 0.2))));
    std::string provincePop = "code,name,population,area_km2,year,source\n"
                              "01,Hà Nội,1000,100.5,2025,test figures\n"
                              "79,Hồ Chí Minh,5000,200,2025,test figures\n";
    std::string communePop = "code,name,province_code,population,area_km2,year,source\n"
                             "00004,Ba Đình,01,65023,2.97,2025,test\n"
                             "26734,Sài Gòn,79,,,2025,test\n";

    void writeTo(const test::TempDir& dir) const {
        writeFile(dir, geodata::kProvincesFile, provinces);
        writeFile(dir, geodata::kCommunesFile, communes);
        writeFile(dir, geodata::kProvincePopulationFile, provincePop);
        writeFile(dir, geodata::kCommunePopulationFile, communePop);
    }
};

// Everything stored about geodata, to prove a refused import changed nothing.
std::string snapshot(db::Database& db) {
    return db.scalarText("SELECT count(*) || '|' || group_concat(code || layer || level || "
                         "ifnull(parent_code,'') || name || ifnull(population,'') || "
                         "ifnull(area_km2,'') || geometry || updated_at || deleted, ';') FROM "
                         "(SELECT * FROM admin_units ORDER BY code)")
               .value_or("") +
           "|" + std::to_string(db.scalarInt("SELECT count(*) FROM admin_units_rtree"));
}

geodata::ImportReport importDir(db::Database& db, const test::TempDir& dir) {
    core::NoProgress none;
    return geodata::importDirectory(db, dir.path().string(), "test", none);
}

// Imports the small set, then a broken variant; the error must name `expectInMessage` and leave
// the stored geodata as it was.
void checkRefused(const SmallGeodata& broken, const std::string& expectInMessage) {
    auto db = test::memoryCache();
    test::TempDir good;
    SmallGeodata{}.writeTo(good);
    importDir(db, good);
    const std::string before = snapshot(db);
    test::TempDir bad;
    broken.writeTo(bad);
    std::string message;
    try {
        importDir(db, bad);
    } catch (const GeodataError& e) {
        message = e.what();
    }
    INFO(message);
    CHECK(message.find(expectInMessage) != std::string::npos);
    CHECK(snapshot(db) == before);
}

} // namespace

TEST_CASE("small geodata folder imports with CSV figures and R*Tree entries") {
    auto db = test::memoryCache();
    test::TempDir dir;
    SmallGeodata{}.writeTo(dir);
    const auto report = importDir(db, dir);
    CHECK(report.provinces == 2);
    CHECK(report.communes == 2);
    CHECK(report.provincesPre2025 == 0);
    CHECK(report.populationSource == "test figures");
    const auto hn = geodata::findUnit(db, "01");
    REQUIRE(hn);
    CHECK(*hn->population == 1000);
    CHECK(*hn->areaKm2 == doctest::Approx(100.5)); // the CSV's area, not the GeoJSON's 100
    CHECK(*hn->popYear == 2025);
    CHECK(hn->bbox.minLon == 105);
    CHECK(hn->bbox.maxLat == 21);
    const auto sg = geodata::findUnit(db, "26734");
    REQUIRE(sg);
    CHECK(sg->parentCode == "79");
    CHECK_FALSE(sg->population);               // blank in the CSV
    CHECK(*sg->areaKm2 == doctest::Approx(4)); // blank in the CSV: the GeoJSON's official area
    CHECK(db.scalarInt("SELECT count(*) FROM admin_units_rtree") == 4);

    // A second import without commune 26734 retires it (a tombstone) and drops it from the index.
    SmallGeodata fewer;
    fewer.communes =
        collection(feature(R"({"code":"00004","name":"Ba Đình","provinceCode":"01","areaKm2":3})",
                           polygon(square(105.1, 20.1, 0.2))));
    fewer.communePop = "code,name,province_code,population,area_km2,year,source\n"
                       "00004,Ba Đình,01,65023,2.97,2025,test\n";
    test::TempDir dir2;
    fewer.writeTo(dir2);
    CHECK(importDir(db, dir2).communes == 1);
    CHECK(db.scalarInt("SELECT deleted FROM admin_units WHERE code = '26734'") == 1);
    CHECK_FALSE(geodata::findUnit(db, "26734"));
    CHECK(db.scalarInt("SELECT count(*) FROM admin_units_rtree") == 3);
    CHECK_FALSE(geodata::locate(db, 106.2, 10.2, "commune"));
    CHECK(geodata::locate(db, 106.2, 10.2, "province")->code == "79");
}

TEST_CASE("bad geodata is refused naming the feature, and the stored geodata stays") {
    SUBCASE("not JSON") {
        SmallGeodata g;
        g.communes = "{\"type\": \"FeatureCollection\", \"features\": [";
        checkRefused(g, "vn_communes_3321_2025.geojson is not valid JSON");
    }
    SUBCASE("not a FeatureCollection") {
        SmallGeodata g;
        g.provinces = feature(R"({"code":"01"})", polygon(square(105, 20, 1)));
        checkRefused(g, "vn_provinces_34_2025.geojson is not a GeoJSON FeatureCollection");
    }
    SUBCASE("geometry that is not a polygon") {
        SmallGeodata g;
        g.provinces = collection(
            feature(R"({"code":"01","name":"A"})", polygon(square(105, 20, 1))) + "," +
            feature(R"({"code":"79","name":"B"})", R"({"type":"Point","coordinates":[106,10]})"));
        checkRefused(g, "feature 2 (code 79): the geometry type is \"Point\"");
    }
    SUBCASE("unclosed ring") {
        SmallGeodata g;
        g.communes = collection(feature(R"({"code":"00004","provinceCode":"01"})",
                                        polygon("[[105,20],[106,20],[106,21],[105,21]]")));
        checkRefused(g, "feature 1 (code 00004): ring 1 of polygon 1 is not closed");
    }
    SUBCASE("ring with fewer than 4 positions") {
        SmallGeodata g;
        g.communes = collection(feature(R"({"code":"00004","provinceCode":"01"})",
                                        polygon("[[105,20],[106,20],[105,20]]")));
        checkRefused(g, "ring 1 of polygon 1 has 3 positions; a ring needs at least 4");
    }
    SUBCASE("coordinates out of range") {
        SmallGeodata g;
        g.provinces = collection(
            feature(R"({"code":"01"})", polygon(square(105, 20, 1))) + "," +
            feature(R"({"code":"79"})", polygon("[[106,10],[200,10],[106,11],[106,10]]")));
        checkRefused(g, "feature 2 (code 79): position 2 of ring 1 of polygon 1 (200, 10) is out "
                        "of range");
    }
    SUBCASE("latitude out of range in a hole of a multipolygon") {
        SmallGeodata g;
        g.provinces = collection(feature(
            R"({"code":"01"})", R"({"type":"MultiPolygon","coordinates":[[)" + square(105, 20, 1) +
                                    "],[" + square(100, 80, 5) + "," + square(105, 95, 1) + "]]}"));
        checkRefused(g, "position 1 of ring 2 of polygon 2 (105, 95) is out of range");
    }
    SUBCASE("missing code") {
        SmallGeodata g;
        g.communes = collection(
            feature(R"({"name":"X","provinceCode":"01"})", polygon(square(105.1, 20.1, 0.2))));
        checkRefused(g, "feature 1 (no code): the property \"code\" (the unit code) is missing");
    }
    SUBCASE("duplicate code") {
        SmallGeodata g;
        g.provinces = collection(feature(R"({"code":"01"})", polygon(square(105, 20, 1))) + "," +
                                 feature(R"({"code":"01"})", polygon(square(106, 10, 1))));
        checkRefused(g, "feature 2 (code 01): the code is used by an earlier feature");
    }
    SUBCASE("commune of an unknown province") {
        SmallGeodata g;
        g.communes = collection(
            feature(R"({"code":"00004","provinceCode":"99"})", polygon(square(105.1, 20.1, 0.2))));
        checkRefused(g, "provinceCode \"99\" is not a province");
    }
    SUBCASE("population that is not a number") {
        SmallGeodata g;
        g.provincePop = "code,name,population,area_km2,year,source\n01,Hà Nội,many,100,2025,x\n";
        checkRefused(g, "vn_provinces_population.csv, line 2: population \"many\"");
    }
    SUBCASE("CSV code without a unit") {
        SmallGeodata g;
        g.provincePop += "48,Đà Nẵng,100,100,2025,x\n";
        checkRefused(g, "the code 48 matches no unit");
    }
}

TEST_CASE("cancelling an import leaves the cache as it was") {
    struct CancelAtCommunes final : core::Progress {
        std::string stage;
        void update(std::string_view s, std::int64_t, std::int64_t) override { stage = s; }
        bool cancelled() const override { return stage == "Communes"; }
    };
    auto db = test::memoryCache();
    test::TempDir dir;
    SmallGeodata{}.writeTo(dir);
    const std::string before = snapshot(db);
    CancelAtCommunes cancel;
    CHECK_THROWS_AS(geodata::importDirectory(db, dir.path().string(), "test", cancel),
                    core::Cancelled);
    CHECK(snapshot(db) == before);
}

TEST_CASE("point in polygon respects holes and multipolygons") {
    using geodata::LonLat;
    auto ring = [](double x, double y, double s) {
        return geodata::Ring{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}};
    };
    // A concave "U": the notch between the arms is outside.
    geodata::Ring u{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}};
    geodata::MultiPolygon shape{{ring(10, 10, 4), ring(11, 11, 2)}, {u}};
    CHECK(geodata::contains(shape, 10.5, 10.5));
    CHECK_FALSE(geodata::contains(shape, 12, 12)); // in the hole
    CHECK(geodata::contains(shape, 0.5, 2.5));     // left arm of the U (second part)
    CHECK_FALSE(geodata::contains(shape, 1.5, 2)); // the notch
    CHECK_FALSE(geodata::contains(shape, 5, 5));
    const auto b = geodata::boundsOf(shape);
    CHECK(b.minLon == 0);
    CHECK(b.maxLon == 14);
}

TEST_CASE("geometry text round trip keeps every coordinate") {
    geodata::MultiPolygon shape{
        {{{105.88995, 21.32725}, {105.1, 21.3}, {105.2, 20.12345}, {105.88995, 21.32725}},
         {{105.5, 21}, {105.6, 21}, {105.55, 21.1}, {105.5, 21}}},
        {{{-0.5, 1e-5}, {1, 0}, {1, 1}, {-0.5, 1e-5}}}};
    const std::string text = geodata::toGeoJsonText(shape);
    CHECK(geodata::parseGeoJsonGeometry(text, "x") == shape);
    // A plain Polygon with spaces and extra members reads as one part.
    const auto polygon = geodata::parseGeoJsonGeometry(
        R"({ "coordinates" : [ [ [1, 2, 7], [3, 4], [5, 6], [1, 2] ] ], "bbox": [1,2,5,6], "type": "Polygon" })",
        "y");
    REQUIRE(polygon.size() == 1);
    CHECK(polygon[0][0].size() == 4);
    CHECK(polygon[0][0][1] == geodata::LonLat{3, 4});
    CHECK_THROWS_AS(geodata::parseGeoJsonGeometry(R"({"type":"Point","coordinates":[1,2]})", "z"),
                    GeodataError);
    CHECK_THROWS_AS(
        geodata::parseGeoJsonGeometry(R"({"type":"Polygon","coordinates":[[[1,x]]]})", "z"),
        GeodataError);
}

TEST_CASE("real geodata: 34 provinces, 3,321 communes, 63 pre-2025 provinces; Hà Nội located") {
    auto db = test::memoryCache();
    core::NoProgress none;
    const auto report = geodata::importDirectory(db, kGeoDir, "test", none);
    CHECK(report.provinces == 34);
    CHECK(report.communes == 3321);
    CHECK(report.provincesPre2025 == 63);
    CHECK(report.populationSource.find("sapnhap.bando.com.vn") != std::string::npos);
    CHECK(db.scalarInt("SELECT count(*) FROM admin_units WHERE level = 'commune' AND "
                       "parent_code IS NULL") == 0);
    CHECK(db.scalarInt("SELECT count(*) FROM admin_units_rtree") == 34 + 3321 + 63);
    const auto hn = geodata::findUnit(db, "01");
    REQUIRE(hn);
    CHECK(*hn->population == 8718000);
    CHECK(*hn->areaKm2 == doctest::Approx(3359.8));
    CHECK(*hn->popYear == 2025);
    // Côn Đảo dissolved into Bà Rịa - Vũng Tàu.
    const auto brvt = geodata::findUnit(db, "VN-43");
    REQUIRE(brvt);
    CHECK(brvt->name == "Bà Rịa - Vũng Tàu");
    CHECK(brvt->bbox.minLat < 8.8); // Côn Đảo lies near 8.7° N

    const auto atHanoi = geodata::locate(db, 105.8342, 21.0278);
    REQUIRE(atHanoi);
    CHECK(atHanoi->code == "01");
    CHECK(atHanoi->name == "Hà Nội");
    const auto commune = geodata::locate(db, 105.8342, 21.0278, "commune");
    REQUIRE(commune);
    CHECK(commune->parentCode == "01");
    const auto saigon = geodata::locate(db, 106.7009, 10.7769);
    REQUIRE(saigon);
    CHECK(saigon->code == "79");
    CHECK(geodata::locate(db, 105.8342, 21.0278, "province", "pre2025")->code == "VN-HN");
    CHECK_FALSE(geodata::locate(db, 112.0, 12.0)); // open sea
    CHECK_FALSE(geodata::locate(db, 2.35, 48.85)); // Paris

    // The viewport query returns only what is near Hà Nội, not the country.
    const auto inView = geodata::codesInView(db, "2025", "commune", {105.8, 21.0, 105.86, 21.05});
    CHECK(inView.size() > 5);
    CHECK(inView.size() < 200);

    // Importing the same folder again changes the counts of nothing.
    geodata::importDirectory(db, kGeoDir, "test", none);
    CHECK(db.scalarInt("SELECT count(*) FROM admin_units WHERE deleted = 0") == 34 + 3321 + 63);
}
