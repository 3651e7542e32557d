// maps/: projection round trip, classing, and triangulation of concave shapes with holes.
#include "classify.h"
#include "geodata/import.h"
#include "geodata/units.h"
#include "projection.h"
#include "shape_mesh.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <vtkCellArray.h>
#include <vtkPolyData.h>

#include <chrono>
#include <cmath>

using namespace c175;

namespace {

double triangleArea(vtkPolyData* pd) {
    double total = 0;
    vtkIdType n = 0;
    const vtkIdType* ids = nullptr;
    auto* polys = pd->GetPolys();
    for (polys->InitTraversal(); polys->GetNextCell(n, ids);) {
        REQUIRE(n == 3);
        double a[3], b[3], c[3];
        pd->GetPoint(ids[0], a);
        pd->GetPoint(ids[1], b);
        pd->GetPoint(ids[2], c);
        total += std::abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
    }
    return total;
}

double projectedArea(const geodata::MultiPolygon& shape, const maps::Projection& p) {
    double total = 0;
    for (const auto& polygon : shape)
        for (std::size_t r = 0; r < polygon.size(); ++r) {
            std::vector<maps::XY> ring;
            for (std::size_t i = 0; i + 1 < polygon[r].size(); ++i)
                ring.push_back(p.project(polygon[r][i].lon, polygon[r][i].lat));
            total += (r == 0 ? 1 : -1) * std::abs(maps::signedArea(ring));
        }
    return total;
}

} // namespace

TEST_CASE("projection round trip across Vietnam and its islands") {
    maps::Projection p;
    for (double lon = 102.0; lon <= 117.5; lon += 0.37)
        for (double lat = 6.0; lat <= 23.5; lat += 0.41) {
            const auto xy = p.project(lon, lat);
            double lon2 = 0, lat2 = 0;
            p.unproject(xy.x, xy.y, lon2, lat2);
            CHECK(lon2 == doctest::Approx(lon).epsilon(1e-9));
            CHECK(lat2 == doctest::Approx(lat).epsilon(1e-9));
        }
    // Kilometres: Hà Nội to Hồ Chí Minh City is about 1,140 km in a straight line.
    const auto hn = p.project(105.8342, 21.0278), hcm = p.project(106.6297, 10.8231);
    CHECK(std::hypot(hn.x - hcm.x, hn.y - hcm.y) == doctest::Approx(1140).epsilon(0.02));
    // Equal area: a 1°x1° cell near the centre has the spherical area R²·Δλ·(sin φ2 − sin φ1).
    geodata::MultiPolygon cell{{{{106, 16}, {107, 16}, {107, 17}, {106, 17}, {106, 16}}}};
    const double r = maps::Projection::kRadiusKm, d = 3.141592653589793 / 180;
    const double sphere = r * r * d * (std::sin(17 * d) - std::sin(16 * d));
    CHECK(projectedArea(cell, p) == doctest::Approx(sphere).epsilon(0.002));
}

TEST_CASE("quantile and natural-breaks classing") {
    const std::vector<double> values{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const auto q = maps::quantileClasses(values, 5);
    REQUIRE(q.count() == 5);
    CHECK(q.upper == std::vector<double>{2, 4, 6, 8, 10});
    CHECK(q.classOf(1) == 0);
    CHECK(q.classOf(2) == 0);
    CHECK(q.classOf(2.5) == 1);
    CHECK(q.classOf(10) == 4);
    // Three clear clusters: Jenks puts the breaks between them, quantiles do not.
    const std::vector<double> clustered{1, 1.5, 2, 2.2, 50, 52, 55, 300, 310, 320, 330, 340};
    const auto j = maps::naturalBreaks(clustered, 3);
    REQUIRE(j.count() == 3);
    CHECK(j.upper == std::vector<double>{2.2, 55, 340});
    CHECK(j.minimum == 1);
    const auto jq = maps::quantileClasses(clustered, 3);
    CHECK(jq.upper != j.upper);
    // Fewer distinct values than classes.
    CHECK(maps::quantileClasses({5, 5, 5, 5}, 4).count() == 1);
    CHECK(maps::sequentialRamp(5).size() == 5);
    CHECK(maps::sequentialRamp(5).front()[2] > maps::sequentialRamp(5).back()[2]);
}

TEST_CASE("triangulation fills concave polygons and leaves holes open") {
    maps::Projection p;
    // A comb-like concave outline (clockwise on purpose) with two holes, plus a second part.
    geodata::Ring comb{{106, 16},   {106, 17},   {106.2, 17},   {106.2, 16.3}, {106.4, 16.3},
                       {106.4, 17}, {106.6, 17}, {106.6, 16.3}, {106.8, 16.3}, {106.8, 17},
                       {107, 17},   {107, 16},   {106, 16}};
    geodata::Ring hole1{
        {106.05, 16.05}, {106.15, 16.05}, {106.15, 16.15}, {106.05, 16.15}, {106.05, 16.05}};
    geodata::Ring hole2{
        {106.5, 16.05}, {106.9, 16.05}, {106.9, 16.2}, {106.5, 16.2}, {106.5, 16.05}};
    geodata::Ring island{{108, 15}, {108.5, 15}, {108.2, 15.4}, {108, 15}};
    geodata::MultiPolygon shape{{comb, hole1, hole2}, {island}};
    maps::ShapeMesh mesh(p);
    CHECK(mesh.addFill(shape) > 0);
    CHECK(mesh.failedParts() == 0);
    auto pd = mesh.fillPolyData();
    CHECK(triangleArea(pd) == doctest::Approx(projectedArea(shape, p)).epsilon(1e-6));
    // The notch between the teeth and the holes are not covered: its area would be counted.
    mesh.addOutline(shape);
    CHECK(mesh.outlinePolyData()->GetNumberOfLines() == 4);
}

TEST_CASE("real communes triangulate completely and quickly") {
    auto db = test::memoryCache();
    core::NoProgress none;
    geodata::importDirectory(db, C175_GEODATA_DIR, "test", none);
    const auto start = std::chrono::steady_clock::now();
    const auto shapes = geodata::loadShapes(db, "2025", "commune");
    maps::Projection p;
    maps::ShapeMesh mesh(p);
    double expected = 0;
    for (const auto& s : shapes) {
        mesh.addFill(s.shape);
        mesh.addOutline(s.shape);
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("3,321 communes read and triangulated in " << ms << " ms");
    for (const auto& s : shapes)
        expected += projectedArea(s.shape, p);
    CHECK(shapes.size() == 3321);
    CHECK(triangleArea(mesh.fillPolyData()) == doctest::Approx(expected).epsilon(0.01));
    CHECK(mesh.failedParts() < 5);
}

TEST_CASE("boundary simplification drops only vertices within the tolerance") {
    using maps::XY;
    // A closed square whose bottom edge has collinear points and a 0.3 km bump, and a 5 km spike
    // on the right edge.
    const std::vector<XY> ring{{0, 0},  {2, 0},  {4, 0.3}, {6, 0},  {10, 0}, {10, 5},
                               {15, 6}, {10, 7}, {10, 10}, {0, 10}, {0, 0}};
    const auto kept = maps::simplifyLine(ring, 0.5);
    CHECK(kept.front().x == 0);
    CHECK(kept.back().x == 0);
    CHECK(kept.back().y == 0); // still closed
    auto has = [&](double x, double y) {
        for (const auto& p : kept)
            if (p.x == x && p.y == y)
                return true;
        return false;
    };
    CHECK_FALSE(has(2, 0));
    CHECK_FALSE(has(4, 0.3)); // the bump is smaller than the tolerance
    CHECK(has(15, 6));        // the spike is not
    CHECK(has(10, 0));
    CHECK(has(10, 10));
    CHECK(has(0, 10));
    // Under the bump's height the bump stays (and its neighbours, 0.15 and 0.2 km off, go).
    CHECK(maps::simplifyLine(ring, 0.25).size() == kept.size() + 1);
    CHECK(maps::simplifyLine(ring, 0).size() == ring.size());
}
