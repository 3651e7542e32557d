// Vietnamese citizen identity number (CCCD): 12 digits that encode province, sex and birth year.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace c175::values {

// Layout: 3 digits province of birth registration, 1 digit century/sex (0/1 = 1900s male/female,
// 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s), 2 digits birth year, 6 digits serial.
class Cccd {
public:
    // Throws core::ValidationError(field, rule). With birthYear given, the century/sex digit and
    // the year digits must agree with it.
    static Cccd parse(std::string_view text, std::optional<int> birthYear = std::nullopt,
                      std::string_view field = "cccd");
    // serial < 1'000'000; birthYear 1900..2399; provinceCode3 one of cccdProvinceCodes().
    static Cccd make(std::string_view provinceCode3, int birthYear, bool female,
                     std::uint32_t serial);

    const std::string& str() const { return m_digits; }
    std::string provinceCode() const { return m_digits.substr(0, 3); }
    bool female() const;
    int birthYear() const;
    std::uint32_t serial() const;

    friend bool operator==(const Cccd&, const Cccd&) = default;

private:
    explicit Cccd(std::string digits) : m_digits(std::move(digits)) {}
    std::string m_digits;
};

// The 63 three-digit province codes in use before the 2025 merger (001 Hà Nội ... 096 Cà Mau).
const std::vector<std::string>& cccdProvinceCodes();
// Province name for a code ("001" -> "Hà Nội"); empty when the code is not one of them.
std::string cccdProvinceName(std::string_view code3);

} // namespace c175::values
