// Deterministic random helpers for the demo seed: the same seed gives the same data everywhere.
#pragma once
#include <cmath>
#include <cstdint>
#include <random>
#include <string_view>
#include <vector>

namespace c175::seed {

// Our own mappings over mt19937_64 (whose raw output the standard fixes), so values do not depend
// on how a library implements its distributions.
class Rng {
public:
    // `stream` separates the stages, so changing one stage leaves the others as they were.
    Rng(std::uint64_t seed, std::string_view stream) : m_engine(mix(seed, stream)) {}

    std::uint64_t next() { return m_engine(); }
    // 0 <= value < n (n > 0).
    std::uint64_t below(std::uint64_t n) {
        return next() % n; // the bias is below 2^-40 for the sizes used here
    }
    // lo <= value <= hi.
    std::int64_t range(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    int rangeInt(int lo, int hi) { return static_cast<int>(range(lo, hi)); }
    // 0 <= value < 1.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
    bool chance(double p) { return unit() < p; }
    // Standard normal (Box-Muller).
    double normal() {
        const double u1 = 1.0 - unit();
        const double u2 = unit();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }
    // Exponential with the given mean.
    double exponential(double mean) { return -mean * std::log(1.0 - unit()); }
    // Poisson-like count with the given mean (normal approximation above 30).
    int count(double mean) {
        if (mean <= 0)
            return 0;
        if (mean > 30)
            return std::max(0, static_cast<int>(std::lround(normal(mean, std::sqrt(mean)))));
        const double limit = std::exp(-mean);
        int k = 0;
        for (double p = unit(); p > limit; p *= unit())
            ++k;
        return k;
    }
    template <typename T> const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }
    template <typename T, std::size_t N> const T& pick(const T (&items)[N]) {
        return items[below(N)];
    }

private:
    static std::uint64_t mix(std::uint64_t seed, std::string_view stream) {
        std::uint64_t h = 1469598103934665603ull ^ seed; // FNV-1a over the stream name
        for (unsigned char c : stream)
            h = (h ^ c) * 1099511628211ull;
        return h;
    }
    std::mt19937_64 m_engine;
};

// Picks indexes in proportion to fixed weights (binary search over the running sums).
class WeightedPicker {
public:
    WeightedPicker() = default;
    explicit WeightedPicker(const std::vector<double>& weights) {
        double sum = 0;
        m_cumulative.reserve(weights.size());
        for (double w : weights)
            m_cumulative.push_back(sum += (w > 0 ? w : 0));
    }
    bool empty() const { return m_cumulative.empty() || m_cumulative.back() <= 0; }
    std::size_t pick(Rng& rng) const {
        const double x = rng.unit() * m_cumulative.back();
        std::size_t lo = 0, hi = m_cumulative.size() - 1;
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (m_cumulative[mid] > x)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }

private:
    std::vector<double> m_cumulative;
};

} // namespace c175::seed
