#include "values/vnd.h"

#include "core/errors.h"
#include "core/i18n.h"
#include "core/text_fold.h"

#include <array>

namespace c175::values {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// Removes a currency mark at the end: ₫, đ, đồng, VND, VNĐ (any case, folded).
std::string_view stripCurrency(std::string_view s) {
    static constexpr std::array<std::string_view, 5> kMarks{"\u20AB", "vnd", "vn\u0111",
                                                            "\u0111\u1ed3ng", "\u0111"};
    for (const auto mark : kMarks) {
        if (s.size() >= mark.size() &&
            core::foldForSearch(s.substr(s.size() - mark.size())) == core::foldForSearch(mark))
            return trim(s.substr(0, s.size() - mark.size()));
    }
    return s;
}

std::string grouped(std::int64_t amount) {
    std::string digits = std::to_string(amount);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += '.';
        out += digits[i];
    }
    return out;
}

core::ValidationError tooLarge(std::string_view field) {
    return core::ValidationError(std::string(field),
                                 core::fmt(core::tr("must be at most {} ₫"), grouped(Vnd::kMax)));
}

} // namespace

Vnd Vnd::of(std::int64_t amount, std::string_view field) {
    if (amount < 0)
        throw core::ValidationError(std::string(field), core::tr("must not be negative"));
    if (amount > kMax)
        throw tooLarge(field);
    return Vnd{amount};
}

Vnd Vnd::parse(std::string_view text, std::string_view field) {
    const std::string f(field);
    std::string_view s = stripCurrency(trim(text));
    if (!s.empty() && s.front() == '-')
        throw core::ValidationError(f, core::tr("must not be negative"));
    const auto malformed = [&] {
        return core::ValidationError(
            f, core::tr("must be a whole number of đồng, such as 1500000 or 1.500.000"));
    };
    if (s.empty())
        throw malformed();
    // Group separators: one kind ('.', ',' or space), groups of three after the first.
    char sep = 0;
    std::size_t groupLen = 0;
    bool firstGroup = true;
    std::int64_t amount = 0;
    for (const char c : s) {
        if (c >= '0' && c <= '9') {
            ++groupLen;
            if (amount > kMax)
                throw tooLarge(field);
            amount = amount * 10 + (c - '0');
            if (!firstGroup && groupLen > 3)
                throw malformed();
            continue;
        }
        if (c != '.' && c != ',' && c != ' ')
            throw malformed();
        if ((sep && c != sep) || groupLen == 0 || (firstGroup ? groupLen > 3 : groupLen != 3))
            throw malformed();
        sep = c;
        firstGroup = false;
        groupLen = 0;
    }
    if (!firstGroup && groupLen != 3)
        throw malformed();
    if (amount > kMax)
        throw tooLarge(field);
    return Vnd{amount};
}

std::string Vnd::format() const {
    return grouped(m_amount) + " \u20AB";
}

} // namespace c175::values
