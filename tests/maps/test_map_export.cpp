// Offscreen export: pixels of the PNG show a dense city in a higher class than a mountain
// province; incidents and heat draw where the incidents are. Needs an X display (the script
// test tests/cli/geodata_map.sh runs this binary under xvfb-run); without one, the export must
// refuse with the message that says so.
#include "geodata/import.h"
#include "map_export.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPNGReader.h>

#include <cmath>

using namespace c175;

namespace {

struct Png {
    vtkNew<vtkPNGReader> reader;
    explicit Png(const std::string& path) {
        reader->SetFileName(path.c_str());
        reader->Update();
    }
    maps::Rgb at(const maps::XY& p) {
        auto* img = reader->GetOutput();
        const int x = static_cast<int>(std::lround(p.x)), y = static_cast<int>(std::lround(p.y));
        auto* px = static_cast<unsigned char*>(img->GetScalarPointer(x, y, 0));
        return {px[0], px[1], px[2]};
    }
};

bool near(const maps::Rgb& a, const maps::Rgb& b, int tolerance = 3) {
    for (int i = 0; i < 3; ++i)
        if (std::abs(int(a[i]) - int(b[i])) > tolerance)
            return false;
    return true;
}

int classOfColour(const maps::Rgb& c, const std::vector<maps::Rgb>& colours) {
    for (std::size_t i = 0; i < colours.size(); ++i)
        if (near(c, colours[i]))
            return static_cast<int>(i);
    return -1;
}

db::Database importedCache() {
    auto db = test::memoryCache();
    core::NoProgress none;
    geodata::importDirectory(db, C175_GEODATA_DIR, "test", none);
    return db;
}

} // namespace

TEST_CASE("density export: Hà Nội and HCM City drawn in a higher class than Lai Châu") {
    auto db = importedCache();
    test::TempDir dir;
    maps::ExportOptions o;
    o.outPath = dir.file("density.png");
    o.width = 1200;
    o.height = 900;
    o.labels = false; // labels sit on the points sampled below
    std::string why;
    if (!maps::displayAvailable(why)) {
        CHECK_THROWS_WITH_AS(maps::exportPng(db, o), doctest::Contains("xvfb-run"), maps::MapError);
        MESSAGE("no X display: checked the refusal only; tests/cli/geodata_map.sh runs the pixel "
                "checks under xvfb-run");
        return;
    }
    const auto r = maps::exportPng(db, o);
    CHECK(r.units == 34);
    REQUIRE(r.colours.size() == 5);
    Png png(o.outPath);
    auto classAt = [&](const char* code, double lon, double lat) {
        const auto unit = geodata::findUnit(db, code);
        REQUIRE(unit);
        REQUIRE(geodata::locate(db, lon, lat)->code == code);
        const int expected = r.classes.classOf(*unit->density());
        const int drawn = classOfColour(png.at(r.pixelOf(lon, lat)), r.colours);
        INFO(code << " expected class " << expected);
        CHECK(drawn == expected);
        return drawn;
    };
    const int hanoi = classAt("01", 105.8342, 21.0278);
    const int hcm = classAt("79", 106.6602, 10.7626);
    const int laiChau = classAt("12", 103.1, 22.25);
    const int dienBien = classAt("11", 103.0, 21.4);
    CHECK(hanoi == r.colours.size() - 1); // the densest class
    CHECK(hanoi > laiChau);
    CHECK(hcm > dienBien);
    CHECK(laiChau == 0);
    // The open sea keeps the background colour.
    CHECK(near(png.at(r.pixelOf(111.0, 13.0)), {222, 237, 247}, 4));

    SUBCASE("commune level") {
        o.level = "commune";
        o.outPath = dir.file("communes.png");
        const auto rc = maps::exportPng(db, o);
        CHECK(rc.units == 3321);
        Png communes(o.outPath);
        CHECK(classOfColour(communes.at(rc.pixelOf(106.0, 15.0)), rc.colours) == -1); // sea
    }
}

TEST_CASE("incident and heat exports draw the incidents") {
    auto db = importedCache();
    // Ten tip-offs in Hà Nội in May 2026, one in Đà Nẵng in 2025 (outside the time filter).
    db.exec("INSERT INTO cameras(id, code, name, site_type, site_name, province_code, lat, lon, "
            "status) VALUES ('c1', 'CAM-48-0001', 'Cầu Rồng', 'tourist', 'Cầu Rồng', '48', "
            "16.0610, 108.2270, 'online')");
    for (int i = 0; i < 10; ++i)
        db.exec("INSERT INTO tipoffs(id, code, crime_type, description, lat, lon, received_at, "
                "channel) VALUES ('t" +
                std::to_string(i) + "', 'TG-2026-00000" + std::to_string(i) +
                "', 'drugs', 'x', 21.03, 105.85, '2026-05-0" + std::to_string(i % 9 + 1) +
                "T10:00:00Z', 'hotline')");
    db.exec("INSERT INTO camera_alerts(id, camera_id, at, kind, severity, confidence) VALUES "
            "('a1', 'c1', '2025-01-01T00:00:00Z', 'intrusion', 2, 0.9)");
    maps::IncidentFilter f;
    f.from = "2026-05-01T00:00:00Z";
    f.to = "2026-06-01T00:00:00Z";
    CHECK(maps::loadIncidents(db, f).size() == 10);
    f.types = {"cyber"};
    CHECK(maps::loadIncidents(db, f).empty());
    CHECK(maps::loadIncidents(db, {}).size() == 11);

    std::string why;
    if (!maps::displayAvailable(why))
        return;
    test::TempDir dir;
    maps::ExportOptions o;
    o.layer = "incidents";
    o.outPath = dir.file("incidents.png");
    o.width = 1000;
    o.height = 800;
    o.labels = false;
    o.legend = false;
    o.filter.from = "2026-05-01T00:00:00Z";
    auto r = maps::exportPng(db, o);
    CHECK(r.incidents == 10);
    {
        Png png(o.outPath);
        CHECK(near(png.at(r.pixelOf(105.85, 21.03)), maps::MapScene::incidentColour("drugs")));
        // The 2025 alert in Đà Nẵng is filtered out.
        CHECK_FALSE(near(png.at(r.pixelOf(108.2270, 16.0610)),
                         maps::MapScene::incidentColour("intrusion")));
    }
    o.layer = "heat";
    o.outPath = dir.file("heat.png");
    r = maps::exportPng(db, o);
    Png heat(o.outPath);
    const auto hot = heat.at(r.pixelOf(105.85, 21.03));
    const auto cold = heat.at(r.pixelOf(106.7, 10.8)); // HCM City: no incident there
    CHECK(hot[2] < cold[2]); // the heat ramp removes blue where incidents cluster
}
