// Classing values for a choropleth (quantiles or Jenks natural breaks) and its colour ramp.
#pragma once
#include <array>
#include <string>
#include <vector>

namespace c175::maps {

enum class ClassMethod { Quantiles, NaturalBreaks };

// Upper bounds of each class: class i holds values in (upper[i-1], upper[i]]; the first class
// starts at `minimum`. Fewer classes come back when there are fewer distinct values.
struct Classes {
    double minimum = 0;
    std::vector<double> upper;
    int classOf(double value) const;
    int count() const { return static_cast<int>(upper.size()); }
};

Classes quantileClasses(std::vector<double> values, int classes);
// Fisher-Jenks optimal breaks (least squared deviation within classes), O(k n²).
Classes naturalBreaks(std::vector<double> values, int classes);
Classes makeClasses(std::vector<double> values, int classes, ClassMethod method);

using Rgb = std::array<unsigned char, 3>;
// A sequential ramp (ColorBrewer YlOrRd) of `classes` colours, light to dark; 3 to 7.
std::vector<Rgb> sequentialRamp(int classes);
// Colour of units without figures.
inline constexpr Rgb kNoDataColour{200, 200, 200};

} // namespace c175::maps
