// maps/charts (issue 5, figures): bars land where the layout says, in the series colour, with
// lengths in proportion to the values; Vietnamese labels draw ink; PNG bytes decode to the same
// pixels; bad specs are refused. Without an X display the pixel cases run again under xvfb-run.
#include "charts.h"
#include "map_export.h"
#include "tipoff/report.h"

#include <doctest/doctest.h>

#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPNGReader.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace c175;

namespace {

constexpr maps::Rgb kRed{200, 30, 40};

bool isColour(const std::array<std::uint8_t, 3>& p, const maps::Rgb& c) {
    return p[0] == c[0] && p[1] == c[1] && p[2] == c[2];
}

// Pixels of colour `c` along row y.
int runOf(const maps::ChartImage& image, int y, const maps::Rgb& c) {
    int n = 0;
    for (int x = 0; x < image.width; ++x)
        n += isColour(image.pixel(x, y), c) ? 1 : 0;
    return n;
}

// Not-white pixels inside a box.
int inkIn(const maps::ChartImage& image, int left, int top, int right, int bottom) {
    int n = 0;
    for (int y = top; y < bottom; ++y)
        for (int x = left; x < right; ++x) {
            const auto p = image.pixel(x, y);
            n += (p[0] < 200 || p[1] < 200 || p[2] < 200) ? 1 : 0;
        }
    return n;
}

// True when this process has no display: then the cases below are run again under xvfb-run by
// the last case, so a machine with xvfb still checks the pixels.
bool skipWithoutDisplay() {
    std::string why;
    return !maps::displayAvailable(why);
}

} // namespace

TEST_CASE("charts: a bad chart is refused before anything is drawn") {
    maps::ChartSpec spec;
    spec.title = "Tin báo";
    spec.labels = {"a", "b"};
    spec.values = {1};
    CHECK_THROWS_WITH_AS(maps::renderChart(spec), doctest::Contains("2 labels for 1 values"),
                         maps::ChartError);
    spec.values = {1, -2};
    CHECK_THROWS_WITH_AS(maps::renderChart(spec), doctest::Contains("negative"), maps::ChartError);
    spec.values = {1, 2};
    spec.width = 50;
    CHECK_THROWS_WITH_AS(maps::renderChart(spec), doctest::Contains("out of range"),
                         maps::ChartError);
    CHECK_THROWS_AS(maps::encodePng(maps::ChartImage{}), maps::ChartError);
    // The font with the Vietnamese letters is installed (fonts-dejavu-core).
    CHECK(maps::chartFontFile().find("DejaVuSans") != std::string::npos);
}

TEST_CASE("charts: horizontal bars in the series colour, lengths in proportion to the values") {
    if (skipWithoutDisplay())
        return;
    maps::ChartSpec spec;
    spec.title = "Tin báo theo tỉnh";
    spec.labels = {"Hồ Chí Minh", "Hà Nội", "Đắk Lắk"};
    spec.values = {300, 150, 0};
    spec.colour = kRed;
    spec.width = 640;
    spec.height = 260;
    const auto image = maps::renderChart(spec);
    REQUIRE(image.width == 640);
    REQUIRE(image.height == 260);
    REQUIRE(image.bars.size() == 3);
    const auto& big = image.bars[0];
    const auto& half = image.bars[1];
    REQUIRE(big.right > big.left);
    REQUIRE(half.right > half.left);
    CHECK(image.bars[2].right == image.bars[2].left); // 0: no bar
    // The middle of each bar is the series colour; the bars start at the same axis.
    CHECK(isColour(image.pixel((big.left + big.right) / 2, (big.top + big.bottom) / 2), kRed));
    CHECK(isColour(image.pixel((half.left + half.right) / 2, (half.top + half.bottom) / 2), kRed));
    CHECK(big.left == half.left);
    // 300 is twice 150: the coloured run along each bar's middle row is twice as long.
    const int bigRun = runOf(image, (big.top + big.bottom) / 2, kRed);
    const int halfRun = runOf(image, (half.top + half.bottom) / 2, kRed);
    CHECK(bigRun > 200);
    CHECK(std::abs(bigRun - 2 * halfRun) <= 2);
    // Past the end of the short bar (beyond its value text) the row is background, not bar.
    const int beyond = half.right + (big.right - half.right) * 3 / 4;
    CHECK_FALSE(isColour(image.pixel(beyond, (half.top + half.bottom) / 2), kRed));
    CHECK(image.pixel(beyond, (half.top + half.bottom) / 2) ==
          std::array<std::uint8_t, 3>{255, 255, 255});
    // Nothing of the series colour above the first bar (the title band) or below the last row.
    CHECK(runOf(image, big.top - 3, kRed) == 0);
    // The labels left of the axis draw ink, the Vietnamese ones included.
    CHECK(inkIn(image, 0, big.top, big.left - 4, big.bottom) > 30);
    CHECK(inkIn(image, 0, half.bottom + 2, big.left - 4, image.height - 4) > 30); // Đắk Lắk
}

TEST_CASE("charts: letters with Vietnamese diacritics are drawn, not dropped") {
    if (skipWithoutDisplay())
        return;
    // The same label with and without its marks: the marks add ink above and below the letters.
    const auto inkOfLabel = [](const std::string& label) {
        maps::ChartSpec spec;
        spec.labels = {label};
        spec.values = {1};
        spec.width = 400;
        spec.height = 120;
        spec.showValues = false;
        const auto image = maps::renderChart(spec);
        return inkIn(image, 0, 0, image.bars[0].left - 2, image.height);
    };
    const int plain = inkOfLabel("Dak Lak Ninh Thuan");
    const int marked = inkOfLabel("Đắk Lắk Ninh Thuận");
    const int onlyMarked = inkOfLabel("ỗữặẫ");
    MESSAGE("ink plain " << plain << ", with diacritics " << marked << ", only marked "
                         << onlyMarked);
    CHECK(plain > 50);
    CHECK(marked > plain + 10);
    CHECK(onlyMarked > 30);
}

TEST_CASE("charts: columns stand on the axis with heights in proportion; PNG keeps the pixels") {
    if (skipWithoutDisplay())
        return;
    maps::ChartSpec spec;
    spec.kind = maps::ChartKind::Columns;
    spec.title = "Tin báo mỗi tuần";
    spec.labels = {"01/09", "08/09", "15/09", "22/09"};
    spec.values = {10, 20, 40, 5};
    spec.colour = {0xe0, 0x6c, 0x00};
    spec.width = 500;
    spec.height = 300;
    const auto image = maps::renderChart(spec);
    REQUIRE(image.bars.size() == 4);
    for (const auto& b : image.bars) {
        REQUIRE(b.bottom > b.top);
        CHECK(isColour(image.pixel((b.left + b.right) / 2, (b.top + b.bottom) / 2), spec.colour));
        CHECK(b.bottom == image.bars[0].bottom); // one baseline
    }
    const auto heightOf = [&](int i) { return image.bars[i].bottom - image.bars[i].top; };
    CHECK(std::abs(heightOf(2) - 4 * heightOf(0)) <= 2);
    CHECK(std::abs(heightOf(1) - 2 * heightOf(0)) <= 2);
    CHECK(std::abs(heightOf(2) - 8 * heightOf(3)) <= 3);
    // Just above a column the background shows.
    const auto& tall = image.bars[2];
    CHECK_FALSE(isColour(image.pixel((tall.left + tall.right) / 2, tall.top - 3), spec.colour));

    const std::string png = maps::encodePng(image);
    REQUIRE(png.size() > 100);
    CHECK(png.compare(1, 3, "PNG") == 0);
    vtkNew<vtkPNGReader> reader;
    reader->SetMemoryBuffer(png.data());
    reader->SetMemoryBufferLength(static_cast<vtkIdType>(png.size()));
    reader->Update();
    int dims[3];
    reader->GetOutput()->GetDimensions(dims);
    CHECK(dims[0] == 500);
    CHECK(dims[1] == 300);
    // vtkPNGReader counts rows from the bottom.
    const int x = (tall.left + tall.right) / 2, y = (tall.top + tall.bottom) / 2;
    const auto* p =
        static_cast<unsigned char*>(reader->GetOutput()->GetScalarPointer(x, 299 - y, 0));
    CHECK(p[0] == spec.colour[0]);
    CHECK(p[1] == spec.colour[1]);
    CHECK(p[2] == spec.colour[2]);
}

TEST_CASE("charts: a report chart becomes a PNG data URI at the report's size") {
    if (skipWithoutDisplay())
        return;
    tipoff::ReportChart chart;
    chart.title = "Tin báo theo loại tội phạm";
    chart.labels = {"Hình sự", "Ma túy"};
    chart.values = {7, 3};
    chart.colour = 0x2e7d32;
    const auto spec = maps::chartSpecOf(chart);
    CHECK(spec.width == 900);
    CHECK(spec.colour == maps::Rgb{0x2e, 0x7d, 0x32});
    const std::string uri = maps::reportChartDataUri(chart);
    CHECK(uri.rfind("data:image/png;base64,iVBORw0KGgo", 0) == 0); // the PNG signature
}

TEST_CASE("charts: without a display the pixel cases run under xvfb-run") {
    if (!skipWithoutDisplay() || std::getenv("C175_CHARTS_TEST_RERUN"))
        return;
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        MESSAGE("no X display and no xvfb-run: the pixel checks did not run");
        return;
    }
    const std::string command = "C175_CHARTS_TEST_RERUN=1 xvfb-run -a '" +
                                std::filesystem::read_symlink("/proc/self/exe").string() +
                                "' --test-case='charts:*' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe))
        output += buffer;
    const int status = pclose(pipe);
    INFO(output);
    CHECK(status == 0);
    CHECK(output.find("test cases:") != std::string::npos);
}
