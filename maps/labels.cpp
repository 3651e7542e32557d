#include "labels.h"

#include "core/text_fold.h"

#include <algorithm>
#include <numeric>

namespace c175::maps {

std::vector<std::size_t> placeLabels(const std::vector<LabelCandidate>& candidates,
                                     double viewportWidth, double viewportHeight, double padding) {
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return candidates[a].priority > candidates[b].priority;
    });
    struct Box {
        double x0, y0, x1, y1;
    };
    std::vector<Box> kept;
    std::vector<std::size_t> out;
    for (const auto i : order) {
        const auto& c = candidates[i];
        const Box b{c.x - c.width / 2 - padding, c.y - c.height / 2 - padding,
                    c.x + c.width / 2 + padding, c.y + c.height / 2 + padding};
        if (b.x0 < 0 || b.y0 < 0 || b.x1 > viewportWidth || b.y1 > viewportHeight)
            continue;
        const bool clash = std::any_of(kept.begin(), kept.end(), [&](const Box& k) {
            return b.x0 < k.x1 && k.x0 < b.x1 && b.y0 < k.y1 && k.y0 < b.y1;
        });
        if (clash)
            continue;
        kept.push_back(b);
        out.push_back(i);
    }
    return out;
}

double estimateTextWidth(const std::string& utf8, int fontSize) {
    return static_cast<double>(core::utf8Length(utf8)) * fontSize * 0.58;
}

} // namespace c175::maps
