// An amount of money in whole Vietnamese đồng.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace c175::values {

// Non-negative, at most 1e15 (far above any budget the centre handles, well inside int64).
class Vnd {
public:
    static constexpr std::int64_t kMax = 1'000'000'000'000'000;

    // Throws core::ValidationError(field, rule).
    static Vnd of(std::int64_t amount, std::string_view field = "amount");
    // "1.500.000", "1500000", "1.500.000 ₫", "1,500,000 VND", "1500000đ".
    static Vnd parse(std::string_view text, std::string_view field = "amount");

    std::int64_t amount() const { return m_amount; }
    std::string format() const; // "1.500.000 ₫"

    friend auto operator<=>(const Vnd&, const Vnd&) = default;

private:
    explicit Vnd(std::int64_t amount) : m_amount(amount) {}
    std::int64_t m_amount = 0;
};

} // namespace c175::values
