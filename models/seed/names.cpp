#include "seed/names.h"

namespace c175::seed {
namespace {

// Roughly the shares of the most common family names (Nguyễn ~38%, Trần ~11%, Lê ~9.5% ...).
struct WeightedName {
    const char* name;
    double weight;
};
const WeightedName kFamilies[] = {
    {"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9.5},  {"Phạm", 7}, {"Hoàng", 4.5}, {"Huỳnh", 3.5},
    {"Phan", 4.5},  {"Vũ", 3.5},  {"Võ", 3},    {"Đặng", 2}, {"Bùi", 2},     {"Đỗ", 1.5},
    {"Hồ", 1.5},    {"Ngô", 1.3}, {"Dương", 1}, {"Lý", 0.5}, {"Đinh", 1},    {"Trịnh", 0.8},
    {"Mai", 0.7},   {"Cao", 0.6}, {"Lâm", 0.5}, {"Tô", 0.4}, {"Hà", 0.5},    {"Lương", 0.4},
};

const char* const kMaleMiddle[] = {"Văn",   "Văn",  "Văn",   "Hữu",  "Đức",  "Minh",
                                   "Quang", "Công", "Thanh", "Xuân", "Quốc", "Anh",
                                   "Tuấn",  "Đình", "Ngọc",  "Trung"};
const char* const kFemaleMiddle[] = {"Thị", "Thị",  "Thị",   "Ngọc",   "Thanh",
                                     "Thu", "Minh", "Kim",   "Phương", "Hồng",
                                     "Bảo", "Mai",  "Khánh", "Diệu",   "Như"};
const char* const kMaleGiven[] = {
    "An",   "Bình",  "Cường", "Dũng", "Duy",   "Đạt",  "Đông", "Giang", "Hải",   "Hiếu",  "Hoà",
    "Hùng", "Huy",   "Khang", "Khoa", "Kiên",  "Lâm",  "Long", "Mạnh",  "Minh",  "Nam",   "Nghĩa",
    "Phát", "Phong", "Phúc",  "Quân", "Quang", "Sơn",  "Tài",  "Thắng", "Thành", "Thịnh", "Toàn",
    "Trí",  "Trung", "Tuấn",  "Tùng", "Việt",  "Vinh", "Vũ",   "Hưng",  "Khải",  "Lộc",   "Tâm"};
const char* const kFemaleGiven[] = {
    "Anh",   "Châu",  "Chi",  "Dung",   "Duyên", "Giang", "Hà",  "Hạnh", "Hằng", "Hiền", "Hoa",
    "Hương", "Huyền", "Lan",  "Liên",   "Linh",  "Loan",  "Ly",  "Mai",  "My",   "Nga",  "Ngân",
    "Ngọc",  "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thu",  "Thuỷ", "Trang",
    "Trâm",  "Tuyết", "Uyên", "Vân",    "Vy",    "Xuân",  "Yến", "Hoa",  "Diệp", "Nhi",  "Thư"};

const char* const kStreets[] = {"Lê Lợi",          "Trần Hưng Đạo",
                                "Nguyễn Huệ",      "Hai Bà Trưng",
                                "Lý Thường Kiệt",  "Quang Trung",
                                "Nguyễn Trãi",     "Lê Duẩn",
                                "Hùng Vương",      "Phan Chu Trinh",
                                "Trần Phú",        "Điện Biên Phủ",
                                "Nguyễn Văn Cừ",   "Lạc Long Quân",
                                "Võ Thị Sáu",      "Nguyễn Du",
                                "Bà Triệu",        "Lê Thánh Tông",
                                "Phan Đình Phùng", "Nguyễn Thị Minh Khai",
                                "Tôn Đức Thắng",   "Cách Mạng Tháng Tám",
                                "Ngô Quyền",       "Lý Tự Trọng",
                                "Hoàng Diệu",      "Nguyễn Chí Thanh",
                                "Trường Chinh",    "Lê Hồng Phong",
                                "Chu Văn An",      "Nguyễn Văn Linh",
                                "Phạm Văn Đồng",   "Võ Nguyên Giáp",
                                "Hoàng Văn Thụ",   "Trần Quốc Toản",
                                "Yết Kiêu",        "Đinh Tiên Hoàng",
                                "Lê Văn Sỹ",       "Hàm Nghi",
                                "Bạch Đằng",       "30 Tháng 4"};

double familyTotal() {
    double sum = 0;
    for (const auto& f : kFamilies)
        sum += f.weight;
    return sum;
}

std::string randomFamily(Rng& rng) {
    static const double total = familyTotal();
    double x = rng.unit() * total;
    for (const auto& f : kFamilies) {
        if (x < f.weight)
            return f.name;
        x -= f.weight;
    }
    return kFamilies[0].name;
}

} // namespace

PersonName randomPersonNameInFamily(Rng& rng, bool female, const std::string& family) {
    PersonName name;
    name.family = family;
    name.middle = female ? rng.pick(kFemaleMiddle) : rng.pick(kMaleMiddle);
    name.given = female ? rng.pick(kFemaleGiven) : rng.pick(kMaleGiven);
    if (name.middle == name.given) // "Minh Minh" is not a name people give
        name.middle = female ? "Thị" : "Văn";
    return name;
}

PersonName randomPersonName(Rng& rng, bool female) {
    return randomPersonNameInFamily(rng, female, randomFamily(rng));
}

const char* randomStreetName(Rng& rng) {
    return rng.pick(kStreets);
}

std::string randomStreetAddress(Rng& rng) {
    const int number = static_cast<int>(rng.range(1, 480));
    const char* street = randomStreetName(rng);
    switch (rng.below(6)) {
    case 0:
        return "Ngõ " + std::to_string(number % 220 + 2) + ", đường " + street;
    case 1: {
        const auto branch = rng.range(1, 40); // own statement: operands of + are unordered
        return "Hẻm " + std::to_string(number % 150 + 2) + "/" + std::to_string(branch) +
               ", đường " + street;
    }
    default:
        return "Số " + std::to_string(number) + ", đường " + street;
    }
}

} // namespace c175::seed
