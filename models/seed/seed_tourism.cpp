// Tourism and lodging: hotels, guesthouses, homestays, resorts and apartments, and guest stays
// that follow the seasons (Tết, summer, the 30/4-1/5 and 2/9 holidays, weekends).
#include "core/ids.h"
#include "db/database.h"
#include "seed/names.h"
#include "seed/provinces.h"
#include "seed/seed_context.h"

#include <algorithm>
#include <cmath>

namespace c175::seed {
namespace {

struct Kind {
    const char* kind;
    const char* prefix;
    double weight;
    int minRooms, maxRooms;
};
const Kind kKinds[] = {
    {"hotel", "Khách sạn", 35, 12, 250},        {"guesthouse", "Nhà nghỉ", 30, 6, 30},
    {"homestay", "Homestay", 20, 2, 12},        {"resort", "Khu nghỉ dưỡng", 5, 40, 400},
    {"apartment", "Căn hộ dịch vụ", 10, 8, 80},
};
const char* const kNameWords[] = {
    "Hoàng Gia",   "Bình Minh",   "Hoa Sen", "Ngọc Lan", "Sao Mai",   "Biển Xanh",  "Mây Núi",
    "Phương Đông", "Thiên Đường", "An Bình", "Hải Âu",   "Trăng Non", "Lúa Vàng",   "Hướng Dương",
    "Cẩm Tú",      "Đồi Thông",   "Phố Cổ",  "Sông Hàn", "Hồng Ngọc", "Thanh Bình", "Mặt Trời"};

// Foreign guests by nationality (ISO 3166-1 alpha-2), roughly by arrivals.
const char* const kNations[] = {"KR", "CN", "US", "JP", "TW", "AU", "FR", "RU", "TH",
                                "MY", "IN", "SG", "DE", "GB", "PH", "KH", "CA", "ID"};
const double kNationWeights[] = {26, 24, 6, 5, 6, 3, 2, 3, 3, 3, 3, 2, 2, 2, 2, 2, 1.5, 1.5};

// The first day of Tết (lunar new year) for the years the data can cover.
const char* const kTet[] = {"2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17",
                            "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03"};

// How busy a check-in day is.
double seasonWeight(std::int64_t dayStart) {
    const std::string d = core::formatDay(dayStart);
    const std::string md = d.substr(5);
    double w = 1.0;
    for (const char* tet : kTet) {
        std::int64_t t = 0;
        core::parseIsoTime(tet, t);
        const std::int64_t offset = (dayStart - t) / kDay;
        if (offset >= -3 && offset <= 1)
            w *= 0.5; // families at home for the first days
        else if (offset >= 2 && offset <= 8)
            w *= 2.6; // spring travel after the first days of Tết
    }
    if (md >= "06-01" && md <= "08-31")
        w *= 1.7; // summer holidays
    if (md >= "04-28" && md <= "05-03")
        w *= 2.8; // 30/4 - 1/5
    if (md >= "08-30" && md <= "09-03")
        w *= 2.4; // 2/9
    if (md >= "12-23" || md <= "01-01")
        w *= 1.4; // Christmas and new year, foreign guests mostly
    const std::int64_t weekday = (dayStart / kDay + 4) % 7;
    if (weekday == 5 || weekday == 6)
        w *= 1.35;
    return w;
}

} // namespace

void seedTourism(SeedContext& ctx) {
    Rng rng(ctx.options.seed, "tourism");
    const std::string& by = ctx.options.actor;
    db::Statement lodging(ctx.db, "INSERT INTO lodgings (id, code, name, kind, stars, rooms, "
                                  "province_code, commune_code, address, lat, lon, updated_at, "
                                  "updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    struct Lodging {
        std::string id;
        int province, rooms;
        bool upmarket;
    };
    std::vector<Lodging> lodgings;
    std::vector<double> lodgingWeights;
    std::vector<double> kindWeights;
    for (const auto& k : kKinds)
        kindWeights.push_back(k.weight);
    const WeightedPicker kindPicker(kindWeights);
    std::vector<int> perProvince(provinces2025().size(), 0);
    const char* stage = N_("Lodgings");
    for (int i = 0; i < ctx.sizes.lodgings; ++i) {
        ctx.tick(stage, i, ctx.sizes.lodgings);
        const Place place = ctx.randomPlace(rng, ctx.randomProvinceByTourism(rng));
        const Kind& kind = kKinds[kindPicker.pick(rng)];
        std::optional<int> stars;
        if (kind.kind == std::string("hotel"))
            stars = rng.rangeInt(1, 5);
        else if (kind.kind == std::string("resort"))
            stars = rng.rangeInt(4, 5);
        const int rooms = rng.rangeInt(kind.minRooms, kind.maxRooms);
        const std::string pcode = place.provinceCode();
        char code[32];
        std::snprintf(code, sizeof code, "LT-%s-%05d", pcode.c_str(),
                      ++perProvince[static_cast<std::size_t>(place.province)]);
        const char* word = rng.pick(kNameWords);
        const std::string name = std::string(kind.prefix) + " " + word +
                                 (rng.chance(0.3) ? " " + std::to_string(rng.rangeInt(2, 9)) : "");
        const std::string address = place.address(randomStreetAddress(rng));
        Lodging l{ctx.newId(), place.province, rooms, stars.value_or(0) >= 4};
        lodging
            .bindAll(l.id, code, name, kind.kind, stars, rooms, pcode, place.communeCode(), address,
                     place.lat, place.lon, ctx.nowText, by)
            .run();
        lodgingWeights.push_back(std::sqrt(static_cast<double>(rooms)));
        lodgings.push_back(std::move(l));
    }
    ctx.finish("lodgings", static_cast<std::int64_t>(lodgings.size()));

    // Check-in days over the window, weighted by season.
    const std::int64_t today = ctx.now - ctx.now % kDay;
    const std::int64_t first = today - ctx.sizes.stayDays * kDay;
    std::vector<double> dayWeights;
    for (std::int64_t d = first; d < today; d += kDay)
        dayWeights.push_back(seasonWeight(d));
    const WeightedPicker dayPicker(dayWeights);
    const WeightedPicker lodgingPicker(lodgingWeights);
    const WeightedPicker nationPicker(
        std::vector<double>(std::begin(kNationWeights), std::end(kNationWeights)));

    db::Statement stay(ctx.db, "INSERT INTO stays (id, lodging_id, check_in, check_out, nights, "
                               "guests, nationality, home_province_code, updated_at, updated_by) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?)");
    const std::int64_t total = ctx.sizes.stays;
    const char* stayStage = N_("Guest stays");
    for (std::int64_t i = 0; i < total; ++i) {
        ctx.tick(stayStage, i, total);
        const Lodging& l = lodgings[lodgingPicker.pick(rng)];
        const std::int64_t checkIn = first + static_cast<std::int64_t>(dayPicker.pick(rng)) * kDay;
        const int nights =
            std::min(21, 1 + static_cast<int>(rng.exponential(l.upmarket ? 2.2 : 1.2)));
        const int guests = std::min(8, 1 + rng.count(l.upmarket ? 1.3 : 0.9));
        // Upmarket places and the big tourist provinces draw more foreign guests.
        const double foreignShare =
            (l.upmarket ? 0.35 : 0.12) *
            (provinces2025()[static_cast<std::size_t>(l.province)].tourism / 6.0);
        std::string nationality = "VN";
        std::optional<std::string> home;
        if (rng.chance(std::min(0.6, foreignShare))) {
            nationality = kNations[nationPicker.pick(rng)];
        } else {
            int from = ctx.randomProvinceByPopulation(rng);
            if (from == l.province && rng.chance(0.7))
                from = ctx.randomProvinceByPopulation(rng); // few stay overnight at home
            home = provinces2025()[static_cast<std::size_t>(from)].code;
        }
        stay.bindAll(ctx.newId(), l.id, core::formatDay(checkIn),
                     core::formatDay(checkIn + nights * kDay), nights, guests, nationality, home,
                     ctx.nowText, by)
            .run();
    }
    ctx.tick(stayStage, total, total);
    ctx.finish("stays", total);
}

} // namespace c175::seed
