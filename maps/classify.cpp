#include "classify.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace c175::maps {

int Classes::classOf(double value) const {
    for (int i = 0; i < count(); ++i)
        if (value <= upper[static_cast<std::size_t>(i)])
            return i;
    return count() - 1;
}

namespace {

Classes dedupe(Classes c) {
    c.upper.erase(std::unique(c.upper.begin(), c.upper.end()), c.upper.end());
    return c;
}

} // namespace

Classes quantileClasses(std::vector<double> values, int classes) {
    Classes c;
    if (values.empty() || classes < 1)
        return c;
    std::sort(values.begin(), values.end());
    c.minimum = values.front();
    const auto n = values.size();
    for (int i = 1; i <= classes; ++i) {
        const auto at = std::min(n - 1, static_cast<std::size_t>(std::ceil(
                                            static_cast<double>(i) * static_cast<double>(n) /
                                            static_cast<double>(classes))) -
                                            1);
        c.upper.push_back(values[at]);
    }
    return dedupe(c);
}

Classes naturalBreaks(std::vector<double> values, int classes) {
    Classes c;
    if (values.empty() || classes < 1)
        return c;
    std::sort(values.begin(), values.end());
    c.minimum = values.front();
    const int n = static_cast<int>(values.size());
    const int k = std::min(classes, n);
    // lower[i][j]: first index (1-based) of the last class in the best split of the first i
    // values into j classes; cost[i][j] its total within-class squared deviation.
    std::vector<std::vector<int>> lower(n + 1, std::vector<int>(k + 1, 1));
    std::vector<std::vector<double>> cost(
        n + 1, std::vector<double>(k + 1, std::numeric_limits<double>::infinity()));
    for (int j = 1; j <= k; ++j)
        cost[1][j] = 0;
    for (int i = 2; i <= n; ++i) {
        double sum = 0, sumSq = 0;
        for (int m = 1; m <= i; ++m) {
            const int first = i - m + 1; // the candidate last class is values[first..i]
            const double v = values[static_cast<std::size_t>(first - 1)];
            sum += v;
            sumSq += v * v;
            const double ssd = sumSq - sum * sum / m;
            if (first == 1) {
                cost[i][1] = ssd;
                lower[i][1] = 1;
                continue;
            }
            for (int j = 2; j <= k; ++j) {
                const double total = ssd + cost[first - 1][j - 1];
                if (total <= cost[i][j]) {
                    cost[i][j] = total;
                    lower[i][j] = first;
                }
            }
        }
    }
    std::vector<double> upper(static_cast<std::size_t>(k));
    int end = n;
    for (int j = k; j >= 1; --j) {
        upper[static_cast<std::size_t>(j - 1)] = values[static_cast<std::size_t>(end - 1)];
        end = lower[end][j] - 1;
        if (end < 1)
            end = 1;
    }
    c.upper = upper;
    return dedupe(c);
}

Classes makeClasses(std::vector<double> values, int classes, ClassMethod method) {
    return method == ClassMethod::Quantiles ? quantileClasses(std::move(values), classes)
                                            : naturalBreaks(std::move(values), classes);
}

std::vector<Rgb> sequentialRamp(int classes) {
    // ColorBrewer YlOrRd (Cynthia Brewer, Pennsylvania State University), light to dark.
    static const std::vector<std::vector<Rgb>> ramps{
        {{255, 237, 160}, {254, 178, 76}, {240, 59, 32}},
        {{255, 255, 178}, {254, 204, 92}, {253, 141, 60}, {227, 26, 28}},
        {{255, 255, 178}, {254, 204, 92}, {253, 141, 60}, {240, 59, 32}, {189, 0, 38}},
        {{255, 255, 178},
         {254, 217, 118},
         {254, 178, 76},
         {253, 141, 60},
         {240, 59, 32},
         {189, 0, 38}},
        {{255, 255, 178},
         {254, 217, 118},
         {254, 178, 76},
         {253, 141, 60},
         {252, 78, 42},
         {227, 26, 28},
         {177, 0, 38}},
    };
    const int k = std::clamp(classes, 3, 7);
    auto ramp = ramps[static_cast<std::size_t>(k - 3)];
    if (classes < 3)
        ramp.resize(static_cast<std::size_t>(std::max(classes, 1)));
    return ramp;
}

} // namespace c175::maps
