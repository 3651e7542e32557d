// Bar and column charts drawn offscreen with VTK into an RGB image or PNG bytes (tip-off figures,
// printable reports). No wx: the GUI shows the image, c175ctl embeds the PNG in HTML.
#pragma once
#include "classify.h"

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace c175::tipoff {
struct ReportChart;
}

namespace c175::maps {

class ChartError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class ChartKind {
    Bars,    // horizontal bars, one per label, labels on the left (long Vietnamese names fit)
    Columns, // vertical columns along a time axis, only some labels shown when many
};

struct ChartSpec {
    ChartKind kind = ChartKind::Bars;
    std::string title;               // UTF-8, drawn at the top
    std::vector<std::string> labels; // one per value
    std::vector<double> values;      // >= 0
    Rgb colour{0x1f, 0x6f, 0xb4};
    int width = 720, height = 360;
    bool showValues = true; // the number at the end of each bar (Bars only)
};

// Where a bar landed: pixels from the top-left corner of the image, right/bottom exclusive.
struct ChartBox {
    int left = 0, top = 0, right = 0, bottom = 0;
};

struct ChartImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb; // width*height*3, rows from the top
    std::vector<ChartBox> bars;    // one per value, in input order (empty box for a 0 value)
    std::array<std::uint8_t, 3> pixel(int x, int y) const; // (0,0) = top-left
};

// Renders the chart offscreen (needs an X display, see displayAvailable). Throws ChartError on a
// bad spec (sizes, label/value counts, negative values) or when nothing could be rendered.
ChartImage renderChart(const ChartSpec& spec);

// The image as PNG file bytes.
std::string encodePng(const ChartImage& image);

// The TrueType font used for chart text: one with every Vietnamese letter (DejaVu Sans), or ""
// when none is installed (VTK's built-in font then drops the letters with diacritics).
const std::string& chartFontFile(bool bold = false);

// A chart of the tip-off report drawn at a size; 0 = the printable report's size (900 wide, bar
// charts as tall as their bars need).
ChartSpec chartSpecOf(const tipoff::ReportChart& chart, int width = 0, int height = 0);

// The <img src> of a report chart at the report's size, as a PNG data URI (the report saved by
// the Figures dialog and by c175ctl tipoff report are the same file).
std::string reportChartDataUri(const tipoff::ReportChart& chart);

} // namespace c175::maps
