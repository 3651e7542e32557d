#include "values/plate.h"

#include "core/errors.h"
#include "core/i18n.h"

#include <vector>

namespace c175::values {
namespace {

// Letters the traffic police use in plate series (no I, J, O, Q, W: they read as digits).
bool isSeriesLetter(char c) {
    return c >= 'A' && c <= 'Z' && c != 'I' && c != 'J' && c != 'O' && c != 'Q' && c != 'W';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::string formatNumber(std::string_view digits) {
    if (digits.size() == 5)
        return std::string(digits.substr(0, 3)) + "." + std::string(digits.substr(3));
    return std::string(digits);
}

} // namespace

bool isPlateProvinceCode(int code) {
    // 13 (the former Hà Bắc), 42, 44-46, 87, 91 and 96 are not issued.
    switch (code) {
    case 13:
    case 42:
    case 44:
    case 45:
    case 46:
    case 87:
    case 91:
    case 96:
        return false;
    default:
        return code >= 11 && code <= 99;
    }
}

VehiclePlate VehiclePlate::parse(std::string_view text, std::string_view field) {
    const std::string f(field);
    const auto malformed = [&] {
        return core::ValidationError(
            f, core::tr("must be a vehicle plate such as 51F-123.45 (car) or 29-B1 123.45 "
                        "(motorbike)"));
    };
    // Keep letters and digits, remembering where a separator stood: it decides "29B1-1234"
    // (motorbike, old number) against "29B-112.34" (car) when the characters alone cannot.
    std::string compact;
    std::vector<bool> sepBefore;
    bool pendingSep = false;
    for (const char raw : text) {
        const char c = (raw >= 'a' && raw <= 'z') ? static_cast<char>(raw - 32) : raw;
        if (isDigit(c) || (c >= 'A' && c <= 'Z')) {
            compact += c;
            sepBefore.push_back(pendingSep && !compact.empty());
            pendingSep = false;
        } else if (c == ' ' || c == '-' || c == '.' || c == '\t') {
            pendingSep = !compact.empty();
        } else {
            throw malformed();
        }
    }
    if (compact.size() < 7 || !isDigit(compact[0]) || !isDigit(compact[1]) ||
        !isSeriesLetter(compact[2]))
        throw malformed();
    const int province = (compact[0] - '0') * 10 + (compact[1] - '0');
    if (!isPlateProvinceCode(province))
        throw core::ValidationError(
            f, core::fmt(core::tr("{} is not a plate province code"), compact.substr(0, 2)));

    std::string series;
    std::string number;
    bool motorbike = false;
    if (isSeriesLetter(compact[3])) {
        // Two letters: mopeds ("29-AA 123.45"), except LD, the car series of joint ventures.
        series = compact.substr(2, 2);
        number = compact.substr(4);
        motorbike = series != "LD";
    } else {
        const std::string rest = compact.substr(3);
        const bool bikeSeparators = sepBefore[2] || (rest.size() == 5 && sepBefore[4]);
        if (rest.size() == 6 || (rest.size() == 5 && !sepBefore[3] && bikeSeparators)) {
            if (rest[0] == '0')
                throw malformed();
            series = compact.substr(2, 2);
            number = rest.substr(1);
            motorbike = true;
        } else {
            series = compact.substr(2, 1);
            number = rest;
        }
    }
    if ((number.size() != 4 && number.size() != 5) ||
        number.find_first_not_of("0123456789") != std::string::npos ||
        number.find_first_not_of('0') == std::string::npos)
        throw malformed();

    std::string canonical = compact.substr(0, 2);
    if (motorbike)
        canonical += "-" + series + " " + formatNumber(number);
    else
        canonical += series + "-" + formatNumber(number);
    return VehiclePlate{std::move(canonical), motorbike};
}

} // namespace c175::values
