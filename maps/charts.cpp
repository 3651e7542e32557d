#include "charts.h"

#include "browse/cell_format.h"
#include "core/i18n.h"
#include "core/text_fold.h"
#include "map_export.h"
#include "tipoff/report.h"

#include <vtkActor2D.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPNGWriter.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>
#include <vtkUnsignedCharArray.h>
#include <vtkWindowToImageFilter.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace c175::maps {
namespace {

constexpr int kDpi = 72; // what an offscreen vtkRenderWindow renders text at
constexpr Rgb kInk{0x22, 0x22, 0x22};
constexpr Rgb kMuted{0x55, 0x55, 0x55};
constexpr Rgb kAxis{0x9e, 0x9e, 0x9e};
constexpr Rgb kGrid{0xe4, 0xe4, 0xe4};

struct Text {
    std::string text;
    double x = 0, y = 0; // pixels from the top-left
    int size = 12;
    bool bold = false;
    Rgb colour = kInk;
    int hAlign = 0; // -1 left, 0 centre, 1 right
};

// Everything a chart draws, in pixels from the top-left; turned into VTK actors at the end.
struct Canvas {
    int width = 0, height = 0;
    std::vector<std::pair<ChartBox, Rgb>> boxes;
    std::vector<Text> texts;
    void box(int l, int t, int r, int b, Rgb c) {
        if (r > l && b > t)
            boxes.push_back({{l, t, r, b}, c});
    }
};

void styleText(vtkTextProperty* p, int size, bool bold, Rgb colour) {
    const std::string& font = chartFontFile(bold);
    if (!font.empty()) {
        p->SetFontFamily(VTK_FONT_FILE);
        p->SetFontFile(font.c_str());
    }
    p->SetFontSize(size);
    p->SetBold(bold);
    p->SetColor(colour[0] / 255.0, colour[1] / 255.0, colour[2] / 255.0);
}

int textWidth(const std::string& text, int size, bool bold = false) {
    if (text.empty())
        return 0;
    // One property per thread, restyled: making one per measure shows in the timings.
    thread_local vtkNew<vtkTextProperty> p;
    styleText(p, size, bold, kInk);
    int bbox[4] = {0, 0, 0, 0};
    vtkTextRenderer* renderer = vtkTextRenderer::GetInstance();
    if (renderer && renderer->GetBoundingBox(p, text, bbox, kDpi))
        return bbox[1] - bbox[0] + 1;
    return static_cast<int>(core::utf8Length(text)) * size * 6 / 10; // a rough guess
}

// Cuts text (at a letter, not inside one) and adds "…" until it fits `maxWidth` pixels.
std::string fitText(const std::string& text, int size, int maxWidth) {
    if (textWidth(text, size) <= maxWidth)
        return text;
    std::string cut = text;
    while (!cut.empty()) {
        do
            cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
        if (!cut.empty())
            cut.pop_back(); // the lead byte of the letter whose tail went
        if (textWidth(cut + "…", size) <= maxWidth)
            return cut + "…";
    }
    return "…";
}

// A bar's label: whole when it fits, else broken at the space nearest its middle onto two lines
// (when the row is tall enough), else cut with "…".
std::string fitLabel(const std::string& text, int size, int maxWidth, bool twoLines) {
    if (textWidth(text, size) <= maxWidth || !twoLines)
        return fitText(text, size, maxWidth);
    std::size_t best = std::string::npos;
    for (std::size_t at = text.find(' '); at != std::string::npos; at = text.find(' ', at + 1))
        if (best == std::string::npos ||
            std::abs(static_cast<long>(at) - static_cast<long>(text.size() / 2)) <
                std::abs(static_cast<long>(best) - static_cast<long>(text.size() / 2)))
            best = at;
    if (best == std::string::npos)
        return fitText(text, size, maxWidth);
    return fitText(text.substr(0, best), size, maxWidth) + "\n" +
           fitText(text.substr(best + 1), size, maxWidth);
}

std::string formatValue(double v) {
    if (std::abs(v - std::round(v)) < 1e-9)
        return browse::formatThousands(static_cast<std::int64_t>(std::llround(v)));
    return browse::formatDecimal(v, 1);
}

// The smallest "nice" number (1, 2 or 5 times a power of ten) at or above v.
double niceCeil(double v) {
    if (v <= 1)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= v - 1e-9)
            return m * p;
    return 10 * p;
}

// Grid step and top of the value axis: round steps, about four of them.
std::pair<double, int> valueAxis(double maxValue) {
    const double step = niceCeil(maxValue / 4);
    return {step, std::max(1, static_cast<int>(std::ceil(maxValue / step - 1e-9)))};
}

void checkSpec(const ChartSpec& s) {
    if (s.width < 120 || s.height < 80 || s.width > 4096 || s.height > 4096)
        throw ChartError(core::fmt(core::tr("Chart size {}x{} is out of range (120x80 to "
                                            "4096x4096 pixels)."),
                                   s.width, s.height));
    if (s.labels.size() != s.values.size())
        throw ChartError(core::fmt(core::tr("The chart \"{}\" has {} labels for {} values."),
                                   s.title, s.labels.size(), s.values.size()));
    for (double v : s.values)
        if (!(v >= 0) || !std::isfinite(v))
            throw ChartError(core::fmt(core::tr("The chart \"{}\" has a negative or unreadable "
                                                "value."),
                                       s.title));
}

int titleBand(const ChartSpec& s, Canvas& c) {
    if (s.title.empty())
        return 10;
    c.texts.push_back({fitText(s.title, 15, s.width - 20), 12, 20, 15, true, kInk, -1});
    return 40;
}

std::vector<ChartBox> layoutBars(const ChartSpec& s, Canvas& c) {
    const int top = titleBand(s, c);
    const int bottom = s.height - 10;
    const int n = static_cast<int>(s.values.size());
    std::vector<ChartBox> bars(s.values.size());
    if (n == 0)
        return bars;
    const int fontSize = std::clamp((bottom - top) / n - 6, 9, 13);
    int labelWidth = 0;
    for (const auto& label : s.labels)
        labelWidth = std::max(labelWidth, textWidth(label, fontSize));
    labelWidth = std::min(labelWidth, s.width * 9 / 20);
    const double maxValue = *std::max_element(s.values.begin(), s.values.end());
    const int valueWidth = s.showValues ? textWidth(formatValue(maxValue), fontSize) + 8 : 0;
    const int left = 12 + labelWidth + 8;
    const int right = s.width - 12 - valueWidth;
    const double row = static_cast<double>(bottom - top) / n;
    const double scale = maxValue > 0 ? (right - left) / maxValue : 0;
    c.box(left - 1, top, left, bottom, kAxis);
    for (int i = 0; i < n; ++i) {
        const double centre = top + row * (i + 0.5);
        const int thickness = std::max(2, static_cast<int>(row * 0.68));
        const int t = static_cast<int>(std::lround(centre - thickness / 2.0));
        const int length = static_cast<int>(std::lround(s.values[i] * scale));
        if (length > 0)
            bars[i] = {left, t, left + length, t + thickness};
        c.box(left, t, left + length, t + thickness, s.colour);
        const bool twoLines = row >= 2.4 * fontSize + 6;
        c.texts.push_back({fitLabel(s.labels[i], fontSize, labelWidth, twoLines), left - 8.0,
                           centre, fontSize, false, kInk, 1});
        if (s.showValues)
            c.texts.push_back({formatValue(s.values[i]), left + length + 5.0, centre, fontSize,
                               false, kMuted, -1});
    }
    return bars;
}

std::vector<ChartBox> layoutColumns(const ChartSpec& s, Canvas& c) {
    const int top = titleBand(s, c) + 6;
    const int fontSize = 10;
    const int bottom = s.height - 28;
    const int n = static_cast<int>(s.values.size());
    std::vector<ChartBox> bars(s.values.size());
    const auto [step, steps] =
        valueAxis(n > 0 ? *std::max_element(s.values.begin(), s.values.end()) : 0);
    const double maxValue = step * steps;
    const int left = 14 + textWidth(formatValue(maxValue), fontSize);
    const int right = s.width - 14;
    for (int g = 0; g <= steps; ++g) {
        const double v = step * g;
        const int y = bottom - static_cast<int>(std::lround((bottom - top) * g / double(steps)));
        c.box(left, y - (g == 0 ? 1 : 0), right, y + 1, g == 0 ? kAxis : kGrid);
        c.texts.push_back({formatValue(v), left - 6.0, double(y), fontSize, false, kMuted, 1});
    }
    if (n == 0)
        return bars;
    const double slot = static_cast<double>(right - left) / n;
    const double scale = (bottom - top) / maxValue;
    // Label every k-th column so the labels never touch.
    int widest = 0;
    for (const auto& label : s.labels)
        widest = std::max(widest, textWidth(label, fontSize));
    const int every = std::max(1, static_cast<int>(std::ceil((widest + 10) / slot)));
    for (int i = 0; i < n; ++i) {
        const int l = left + static_cast<int>(std::lround(slot * i + slot * 0.1));
        const int r =
            std::max(l + 1, left + static_cast<int>(std::lround(slot * (i + 1) - slot * 0.1)));
        const int height = static_cast<int>(std::lround(s.values[i] * scale));
        if (height > 0)
            bars[i] = {l, bottom - 1 - height, r, bottom - 1};
        c.box(l, bottom - 1 - height, r, bottom - 1, s.colour);
        if (i % every == 0)
            c.texts.push_back(
                {s.labels[i], left + slot * (i + 0.5), bottom + 12.0, fontSize, false, kMuted, 0});
    }
    return bars;
}

vtkSmartPointer<vtkActor2D> boxesActor(const Canvas& c) {
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> quads;
    vtkNew<vtkUnsignedCharArray> colours;
    colours->SetNumberOfComponents(3);
    for (const auto& [b, rgb] : c.boxes) {
        // VTK counts pixels from the bottom-left.
        const double l = b.left, r = b.right, t = c.height - b.top, bo = c.height - b.bottom;
        const vtkIdType first = points->InsertNextPoint(l, bo, 0);
        points->InsertNextPoint(r, bo, 0);
        points->InsertNextPoint(r, t, 0);
        points->InsertNextPoint(l, t, 0);
        const vtkIdType ids[4] = {first, first + 1, first + 2, first + 3};
        quads->InsertNextCell(4, ids);
        colours->InsertNextTypedTuple(rgb.data());
    }
    vtkNew<vtkPolyData> poly;
    poly->SetPoints(points);
    poly->SetPolys(quads);
    poly->GetCellData()->SetScalars(colours);
    vtkNew<vtkPolyDataMapper2D> mapper;
    mapper->SetInputData(poly);
    mapper->SetScalarModeToUseCellData();
    mapper->SetColorModeToDirectScalars();
    auto actor = vtkSmartPointer<vtkActor2D>::New();
    actor->SetMapper(mapper);
    return actor;
}

vtkSmartPointer<vtkTextActor> textActor(const Text& t, int height) {
    auto actor = vtkSmartPointer<vtkTextActor>::New();
    actor->SetInput(t.text.c_str());
    auto* p = actor->GetTextProperty();
    styleText(p, t.size, t.bold, t.colour);
    if (t.hAlign < 0)
        p->SetJustificationToLeft();
    else if (t.hAlign > 0)
        p->SetJustificationToRight();
    else
        p->SetJustificationToCentered();
    p->SetVerticalJustificationToCentered();
    actor->SetDisplayPosition(static_cast<int>(std::lround(t.x)),
                              static_cast<int>(std::lround(height - t.y)));
    return actor;
}

} // namespace

std::array<std::uint8_t, 3> ChartImage::pixel(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height)
        return {0, 0, 0};
    const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 3;
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
}

const std::string& chartFontFile(bool bold) {
    static const auto find = [](std::initializer_list<const char*> candidates) {
        for (const char* p : candidates) {
            std::error_code ec;
            if (std::filesystem::exists(p, ec))
                return std::string(p);
        }
        return std::string();
    };
    static const std::string regular =
        find({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
              "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"});
    static const std::string boldFont =
        find({"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
              "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"});
    return bold && !boldFont.empty() ? boldFont : regular;
}

ChartImage renderChart(const ChartSpec& spec) {
    checkSpec(spec);
    // One check per process: opening a display connection costs more than drawing a chart.
    static std::mutex displayMutex;
    static bool displayOk = false;
    {
        std::lock_guard lock(displayMutex);
        std::string why;
        if (!displayOk && !displayAvailable(why))
            throw ChartError(why);
        displayOk = true;
    }

    Canvas canvas;
    canvas.width = spec.width;
    canvas.height = spec.height;
    ChartImage image;
    image.bars =
        spec.kind == ChartKind::Bars ? layoutBars(spec, canvas) : layoutColumns(spec, canvas);

    vtkNew<vtkRenderer> renderer;
    renderer->SetBackground(1, 1, 1);
    renderer->AddActor2D(boxesActor(canvas));
    for (const auto& t : canvas.texts)
        renderer->AddActor2D(textActor(t, spec.height));
    // One offscreen window for every chart of the process: making a window and its GL context
    // costs several times the drawing. Never freed, so no X teardown runs at exit.
    static std::mutex windowMutex;
    static vtkRenderWindow* window = [] {
        vtkRenderWindow* w = vtkRenderWindow::New();
        w->SetOffScreenRendering(1);
        w->SetMultiSamples(0); // exact bar colours in the pixels
        return w;
    }();
    std::lock_guard lock(windowMutex);
    window->SetSize(spec.width, spec.height);
    window->AddRenderer(renderer);
    window->Render();

    auto grab = grabFrame(window);
    vtkImageData* data = grab->GetOutput();
    window->RemoveRenderer(renderer); // frees its actors' GL resources while the context lives
    int dims[3] = {0, 0, 0};
    data->GetDimensions(dims);
    auto* scalars = vtkUnsignedCharArray::SafeDownCast(data->GetPointData()->GetScalars());
    if (dims[0] != spec.width || dims[1] != spec.height || !scalars ||
        scalars->GetNumberOfComponents() != 3)
        throw ChartError(
            core::fmt(core::tr("The chart \"{}\" could not be rendered."), spec.title));
    image.width = spec.width;
    image.height = spec.height;
    image.rgb.resize(static_cast<std::size_t>(spec.width) * spec.height * 3);
    const std::size_t rowBytes = static_cast<std::size_t>(spec.width) * 3;
    const auto* src = scalars->GetPointer(0);
    for (int y = 0; y < spec.height; ++y) // VTK's first row is the bottom one
        std::memcpy(image.rgb.data() + rowBytes * y, src + rowBytes * (spec.height - 1 - y),
                    rowBytes);
    return image;
}

std::string encodePng(const ChartImage& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgb.size() != static_cast<std::size_t>(image.width) * image.height * 3)
        throw ChartError(core::tr("The chart image is empty."));
    vtkNew<vtkImageData> data;
    data->SetDimensions(image.width, image.height, 1);
    data->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    auto* dst = static_cast<std::uint8_t*>(data->GetScalarPointer());
    const std::size_t rowBytes = static_cast<std::size_t>(image.width) * 3;
    for (int y = 0; y < image.height; ++y)
        std::memcpy(dst + rowBytes * (image.height - 1 - y), image.rgb.data() + rowBytes * y,
                    rowBytes);
    vtkNew<vtkPNGWriter> writer;
    writer->WriteToMemoryOn();
    writer->SetInputData(data);
    writer->Write();
    vtkUnsignedCharArray* result = writer->GetResult();
    if (writer->GetErrorCode() != 0 || !result || result->GetNumberOfTuples() == 0)
        throw ChartError(core::tr("The chart image could not be encoded as PNG."));
    const auto* bytes = result->GetPointer(0);
    return std::string(
        reinterpret_cast<const char*>(bytes),
        static_cast<std::size_t>(result->GetNumberOfTuples() * result->GetNumberOfComponents()));
}

ChartSpec chartSpecOf(const tipoff::ReportChart& chart, int width, int height) {
    ChartSpec spec;
    const bool bars = chart.kind == tipoff::ReportChart::Kind::Bars;
    spec.kind = bars ? ChartKind::Bars : ChartKind::Columns;
    spec.title = chart.title;
    spec.labels = chart.labels;
    spec.values = chart.values;
    spec.colour = {static_cast<unsigned char>(chart.colour >> 16),
                   static_cast<unsigned char>(chart.colour >> 8),
                   static_cast<unsigned char>(chart.colour)};
    spec.width = width > 0 ? width : 900;
    spec.height = height > 0 ? height
                  : bars     ? std::max(200, 70 + 30 * static_cast<int>(chart.values.size()))
                             : 340;
    return spec;
}

std::string reportChartDataUri(const tipoff::ReportChart& chart) {
    return tipoff::pngDataUri(encodePng(renderChart(chartSpecOf(chart))));
}

} // namespace c175::maps
