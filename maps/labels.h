// Label placement that does not pile up: greedy by priority, in screen space.
#pragma once
#include <string>
#include <vector>

namespace c175::maps {

struct LabelCandidate {
    double x = 0, y = 0; // anchor in pixels (label centred on it)
    double width = 0, height = 0;
    double priority = 0; // larger first (population)
};

// Indexes of the candidates to draw: highest priority first, each kept only when its box
// (grown by `padding` pixels) overlaps no kept box and lies inside the viewport.
std::vector<std::size_t> placeLabels(const std::vector<LabelCandidate>& candidates,
                                     double viewportWidth, double viewportHeight,
                                     double padding = 4);

// Approximate width in pixels of text at a font size (for candidates before rendering).
double estimateTextWidth(const std::string& utf8, int fontSize);

} // namespace c175::maps
