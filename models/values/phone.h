// Vietnamese mobile phone number, normalised to the 10-digit national form.
#pragma once
#include <string>
#include <string_view>

namespace c175::values {

// 10 digits starting 03, 05, 07, 08 or 09 (the prefixes after the 2018 renumbering). Accepts
// 0912345678, +84912345678, 84912345678, with spaces, dots and dashes between digits.
class PhoneNumber {
public:
    // Throws core::ValidationError(field, rule).
    static PhoneNumber parse(std::string_view text, std::string_view field = "phone");

    const std::string& str() const { return m_national; }             // "0912345678"
    std::string e164() const { return "+84" + m_national.substr(1); } // "+84912345678"

    friend bool operator==(const PhoneNumber&, const PhoneNumber&) = default;

private:
    explicit PhoneNumber(std::string national) : m_national(std::move(national)) {}
    std::string m_national;
};

} // namespace c175::values
