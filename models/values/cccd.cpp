#include "values/cccd.h"

#include "core/errors.h"
#include "core/i18n.h"

#include <array>
#include <utility>

namespace c175::values {
namespace {

// Circular 07/2016/TT-BCA (amended by 59/2021): province of birth registration.
constexpr std::array<std::pair<std::string_view, std::string_view>, 63> kProvinces{{
    {"001", "Hà Nội"},
    {"002", "Hà Giang"},
    {"004", "Cao Bằng"},
    {"006", "Bắc Kạn"},
    {"008", "Tuyên Quang"},
    {"010", "Lào Cai"},
    {"011", "Điện Biên"},
    {"012", "Lai Châu"},
    {"014", "Sơn La"},
    {"015", "Yên Bái"},
    {"017", "Hòa Bình"},
    {"019", "Thái Nguyên"},
    {"020", "Lạng Sơn"},
    {"022", "Quảng Ninh"},
    {"024", "Bắc Giang"},
    {"025", "Phú Thọ"},
    {"026", "Vĩnh Phúc"},
    {"027", "Bắc Ninh"},
    {"030", "Hải Dương"},
    {"031", "Hải Phòng"},
    {"033", "Hưng Yên"},
    {"034", "Thái Bình"},
    {"035", "Hà Nam"},
    {"036", "Nam Định"},
    {"037", "Ninh Bình"},
    {"038", "Thanh Hóa"},
    {"040", "Nghệ An"},
    {"042", "Hà Tĩnh"},
    {"044", "Quảng Bình"},
    {"045", "Quảng Trị"},
    {"046", "Thừa Thiên Huế"},
    {"048", "Đà Nẵng"},
    {"049", "Quảng Nam"},
    {"051", "Quảng Ngãi"},
    {"052", "Bình Định"},
    {"054", "Phú Yên"},
    {"056", "Khánh Hòa"},
    {"058", "Ninh Thuận"},
    {"060", "Bình Thuận"},
    {"062", "Kon Tum"},
    {"064", "Gia Lai"},
    {"066", "Đắk Lắk"},
    {"067", "Đắk Nông"},
    {"068", "Lâm Đồng"},
    {"070", "Bình Phước"},
    {"072", "Tây Ninh"},
    {"074", "Bình Dương"},
    {"075", "Đồng Nai"},
    {"077", "Bà Rịa - Vũng Tàu"},
    {"079", "Hồ Chí Minh"},
    {"080", "Long An"},
    {"082", "Tiền Giang"},
    {"083", "Bến Tre"},
    {"084", "Trà Vinh"},
    {"086", "Vĩnh Long"},
    {"087", "Đồng Tháp"},
    {"089", "An Giang"},
    {"091", "Kiên Giang"},
    {"092", "Cần Thơ"},
    {"093", "Hậu Giang"},
    {"094", "Sóc Trăng"},
    {"095", "Bạc Liêu"},
    {"096", "Cà Mau"},
}};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2399;

} // namespace

const std::vector<std::string>& cccdProvinceCodes() {
    static const std::vector<std::string> codes = [] {
        std::vector<std::string> out;
        for (const auto& [code, name] : kProvinces)
            out.emplace_back(code);
        return out;
    }();
    return codes;
}

std::string cccdProvinceName(std::string_view code3) {
    for (const auto& [code, name] : kProvinces)
        if (code == code3)
            return std::string(name);
    return {};
}

Cccd Cccd::parse(std::string_view text, std::optional<int> birthYear, std::string_view field) {
    const std::string_view s = trim(text);
    const std::string f(field);
    if (s.size() != 12 || s.find_first_not_of("0123456789") != std::string_view::npos)
        throw core::ValidationError(f, core::tr("must be 12 digits"));
    if (cccdProvinceName(s.substr(0, 3)).empty())
        throw core::ValidationError(
            f, core::fmt(core::tr("the first three digits ({}) are not a province code"),
                         s.substr(0, 3)));
    Cccd id{std::string(s)};
    if (birthYear && id.birthYear() != *birthYear)
        throw core::ValidationError(
            f, core::fmt(core::tr("encodes birth year {}, but the birth year given is {}"),
                         id.birthYear(), *birthYear));
    return id;
}

Cccd Cccd::make(std::string_view provinceCode3, int birthYear, bool female, std::uint32_t serial) {
    if (cccdProvinceName(provinceCode3).empty())
        throw core::ValidationError(
            "cccd", core::fmt(core::tr("the first three digits ({}) are not a province code"),
                              provinceCode3));
    if (birthYear < kFirstYear || birthYear > kLastYear)
        throw core::ValidationError(
            "birth_year", core::fmt(core::tr("must be between {} and {}"), kFirstYear, kLastYear));
    if (serial >= 1'000'000)
        throw core::ValidationError("cccd", core::tr("the serial must be at most 6 digits"));
    const int century = (birthYear - kFirstYear) / 100;
    std::string digits(provinceCode3);
    digits += static_cast<char>('0' + century * 2 + (female ? 1 : 0));
    const int yy = birthYear % 100;
    digits += static_cast<char>('0' + yy / 10);
    digits += static_cast<char>('0' + yy % 10);
    std::string tail = std::to_string(serial);
    digits += std::string(6 - tail.size(), '0') + tail;
    return Cccd{std::move(digits)};
}

bool Cccd::female() const {
    return (m_digits[3] - '0') % 2 == 1;
}

int Cccd::birthYear() const {
    const int century = (m_digits[3] - '0') / 2;
    return kFirstYear + century * 100 + (m_digits[4] - '0') * 10 + (m_digits[5] - '0');
}

std::uint32_t Cccd::serial() const {
    return static_cast<std::uint32_t>(std::stoul(m_digits.substr(6)));
}

} // namespace c175::values
