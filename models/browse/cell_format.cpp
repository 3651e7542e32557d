// Vietnamese formats for list cells.
#include "browse/cell_format.h"

#include "browse/table_spec.h"
#include "core/ids.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace c175::browse {

std::string formatThousands(std::int64_t value) {
    const bool negative = value < 0;
    const auto magnitude = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(value)
                                    : static_cast<std::uint64_t>(value);
    const std::string digits = std::to_string(magnitude);
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += '.';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string formatDecimal(double value, int digits) {
    if (!std::isfinite(value))
        return "";
    const double scale = std::pow(10.0, digits);
    const double rounded = std::round(std::fabs(value) * scale);
    const auto whole = static_cast<std::int64_t>(rounded / scale);
    const auto frac = static_cast<std::int64_t>(rounded - static_cast<double>(whole) * scale);
    std::string out = (value < 0 && rounded > 0 ? "-" : "") + formatThousands(whole);
    if (digits > 0) {
        std::string f = std::to_string(frac);
        out += ',' + std::string(static_cast<std::size_t>(digits) - f.size(), '0') + f;
    }
    return out;
}

std::string formatVietnamTime(const std::string& isoUtc) {
    std::int64_t seconds = 0;
    if (!core::parseIsoTime(isoUtc, seconds))
        return isoUtc;
    const std::string local = core::formatUtcSeconds(seconds + 7 * 3600); // 2026-12-03T20:11:38Z
    return local.substr(8, 2) + '/' + local.substr(5, 2) + '/' + local.substr(0, 4) + ' ' +
           local.substr(11, 5);
}

std::string formatDay(const std::string& day) {
    if (day.size() < 10 || day[4] != '-' || day[7] != '-')
        return day;
    return day.substr(8, 2) + '/' + day.substr(5, 2) + '/' + day.substr(0, 4);
}

std::string formatCell(const Column& column, const std::string& raw, bool isNull) {
    if (isNull)
        return "";
    switch (column.format) {
    case Format::Text:
        return raw;
    case Format::Int:
        return formatThousands(std::llround(std::strtod(raw.c_str(), nullptr)));
    case Format::Money:
        return formatThousands(std::llround(std::strtod(raw.c_str(), nullptr))) + " ₫";
    case Format::DateTime:
        return formatVietnamTime(raw);
    case Format::Date:
        return formatDay(raw);
    case Format::Decimal:
        return formatDecimal(std::strtod(raw.c_str(), nullptr));
    case Format::Percent:
        return formatDecimal(std::strtod(raw.c_str(), nullptr) * 100.0) + " %";
    case Format::Status:
        return statusLabel(column, raw);
    }
    return raw;
}

} // namespace c175::browse
