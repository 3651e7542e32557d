#include "values/phone.h"

#include "core/errors.h"
#include "core/i18n.h"

namespace c175::values {

PhoneNumber PhoneNumber::parse(std::string_view text, std::string_view field) {
    const auto fail = [&] {
        return core::ValidationError(
            std::string(field),
            core::tr("must be a Vietnamese mobile number: 10 digits starting with 03, 05, 07, "
                     "08 or 09 (or +84 followed by 9 digits)"));
    };
    std::string digits;
    bool plus = false;
    bool sawDigit = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            digits += c;
            sawDigit = true;
        } else if (c == '+' && !sawDigit && !plus) {
            plus = true;
        } else if (c != ' ' && c != '.' && c != '-' && c != '\t' && c != '(' && c != ')') {
            throw fail();
        }
    }
    // International forms: +84 912..., 84 912..., and the common +84 0912... slip.
    if (digits.size() >= 11 && digits.compare(0, 2, "84") == 0) {
        std::string_view subscriber = std::string_view(digits).substr(2);
        if (subscriber.size() == 10 && subscriber.front() == '0')
            subscriber.remove_prefix(1);
        digits = "0" + std::string(subscriber);
    } else if (plus) {
        throw fail();
    }
    if (digits.size() != 10 || digits[0] != '0' ||
        std::string_view("35789").find(digits[1]) == std::string_view::npos)
        throw fail();
    return PhoneNumber{std::move(digits)};
}

} // namespace c175::values
