// Camera network: cameras at tourist sites, industrial parks and stations, their alerts and the
// hourly counts of people through site gates.
#include "core/ids.h"
#include "db/database.h"
#include "seed/provinces.h"
#include "seed/seed_context.h"

#include <algorithm>
#include <cmath>

namespace c175::seed {
namespace {

enum SiteType { Tourist = 0, Industrial = 1, Station = 2 };
const char* const kSiteTypeNames[] = {"tourist", "industrial", "station"};

struct KnownSite {
    const char* province;
    SiteType type;
    const char* name;
    double lat, lon;
};
// Well-known places, so the map shows cameras where people expect them.
const KnownSite kKnownSites[] = {
    {"01", Tourist, "Hồ Hoàn Kiếm", 21.0287, 105.8524},
    {"01", Tourist, "Văn Miếu – Quốc Tử Giám", 21.0277, 105.8355},
    {"01", Station, "Ga Hà Nội", 21.0245, 105.8412},
    {"01", Station, "Bến xe Mỹ Đình", 21.0285, 105.7781},
    {"01", Station, "Sân bay quốc tế Nội Bài", 21.2187, 105.8042},
    {"01", Industrial, "Khu công nghiệp Thăng Long", 21.1146, 105.7884},
    {"79", Tourist, "Chợ Bến Thành", 10.7725, 106.6980},
    {"79", Tourist, "Phố đi bộ Nguyễn Huệ", 10.7743, 106.7038},
    {"79", Station, "Ga Sài Gòn", 10.7823, 106.6773},
    {"79", Station, "Bến xe Miền Đông mới", 10.8790, 106.8158},
    {"79", Station, "Sân bay quốc tế Tân Sơn Nhất", 10.8185, 106.6588},
    {"79", Industrial, "Khu công nghiệp Tân Tạo", 10.7538, 106.5926},
    {"79", Industrial, "Khu công nghiệp VSIP I", 10.9341, 106.7145},
    {"48", Tourist, "Cầu Rồng", 16.0612, 108.2272},
    {"48", Tourist, "Bà Nà Hills", 15.9977, 107.9880},
    {"48", Tourist, "Phố cổ Hội An", 15.8772, 108.3280},
    {"48", Station, "Ga Đà Nẵng", 16.0716, 108.2093},
    {"56", Tourist, "Tháp Bà Ponagar", 12.2654, 109.1953},
    {"22", Tourist, "Cảng tàu khách Tuần Châu", 20.9325, 106.9890},
    {"68", Tourist, "Hồ Xuân Hương", 11.9420, 108.4419},
    {"15", Tourist, "Ga cáp treo Fansipan", 22.3337, 103.8270},
    {"46", Tourist, "Đại Nội Huế", 16.4698, 107.5786},
    {"37", Tourist, "Khu du lịch Tràng An", 20.2543, 105.8946},
    {"91", Tourist, "Chợ đêm Phú Quốc", 10.2170, 103.9610},
    {"24", Industrial, "Khu công nghiệp Yên Phong", 21.2064, 105.9631},
    {"31", Industrial, "Khu công nghiệp VSIP Hải Phòng", 20.9020, 106.7500},
    {"75", Industrial, "Khu công nghiệp Amata", 10.9500, 106.8900},
};

const char* const kPositions[] = {"Cổng chính", "Cổng phụ",     "Bãi đỗ xe", "Khu vực A",
                                  "Lối vào",    "Quảng trường", "Hành lang", "Nút giao"};

struct Camera {
    std::string id;
    SiteType type;
    int province;
    std::int64_t lastSeen;
    bool gate;
};

// Alert kinds and their weights per site type (tourist, industrial, station).
const char* const kKinds[] = {"restricted_zone", "intrusion", "abnormal_behaviour",
                              "crowd_overload", "vehicle_violation"};
const double kKindWeights[3][5] = {{20, 5, 25, 35, 15}, {35, 35, 15, 5, 10}, {5, 5, 25, 30, 35}};

const char* const kNotes[] = {
    "Đã cử tổ tuần tra đến kiểm tra, tình hình ổn định.",
    "Xác minh qua camera: báo động nhầm do bóng đổ.",
    "Đã thông báo lực lượng bảo vệ tại chỗ xử lý.",
    "Đã phân luồng, giảm mật độ người tại khu vực.",
    "Đã chuyển thông tin phương tiện cho cảnh sát giao thông.",
};

// Share of the day's activity per hour (index = hour of day, local time).
const double kAlertHours[24] = {1, 0.6, 0.4, 0.3, 0.4, 0.8, 1.5, 2.5, 3,   3.2, 3.3, 3.2,
                                3, 3,   3.1, 3.3, 3.6, 4,   4.2, 4,   3.5, 3,   2.2, 1.5};
const double kTouristHours[24] = {0.02, 0.01, 0, 0,    0,   0.05, 0.2,  0.5,
                                  0.9,  1,    1, 0.9,  0.8, 0.8,  0.85, 0.9,
                                  0.95, 1,    1, 0.95, 0.8, 0.5,  0.2,  0.05};
const double kStationHours[24] = {0.05, 0.02, 0.02, 0.05, 0.3, 0.7, 1,    0.9, 0.7, 0.6, 0.6, 0.6,
                                  0.65, 0.6,  0.6,  0.7,  0.9, 1,   0.95, 0.7, 0.5, 0.4, 0.3, 0.15};

// Vietnam is UTC+7 all year; hours below are local.
constexpr std::int64_t kUtcOffset = 7 * kHour;

std::vector<Camera> insertCameras(SeedContext& ctx, Rng& rng) {
    db::Statement insert(ctx.db, "INSERT INTO cameras (id, code, name, site_type, site_name, "
                                 "province_code, lat, lon, status, last_seen_at, updated_at, "
                                 "updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    std::vector<Camera> cameras;
    std::vector<int> perProvince(provinces2025().size(), 0);
    std::size_t known = 0;
    while (static_cast<int>(cameras.size()) < ctx.sizes.cameras) {
        ctx.tick(N_("Cameras"), static_cast<std::int64_t>(cameras.size()), ctx.sizes.cameras);
        SiteType type;
        std::string site;
        Place place;
        if (known < std::size(kKnownSites)) {
            const KnownSite& k = kKnownSites[known++];
            type = k.type;
            site = k.name;
            place.province = provinceIndex(k.province);
            place.lat = k.lat;
            place.lon = k.lon;
        } else {
            const double roll = rng.unit();
            type = roll < 0.4 ? Tourist : roll < 0.7 ? Industrial : Station;
            place = ctx.randomPlace(rng, type == Tourist ? ctx.randomProvinceByTourism(rng) : -1);
            const std::string where =
                place.commune ? place.commune->name
                              : provinces2025()[static_cast<std::size_t>(place.province)].name;
            static const char* const kTouristKinds[] = {"Khu du lịch", "Bãi biển", "Chợ",
                                                        "Quảng trường", "Công viên"};
            static const char* const kStationKinds[] = {"Bến xe", "Ga", "Bến tàu"};
            site = type == Tourist      ? std::string(rng.pick(kTouristKinds)) + " " + where
                   : type == Industrial ? "Khu công nghiệp " + where
                                        : std::string(rng.pick(kStationKinds)) + " " + where;
        }
        const int atSite = static_cast<int>(rng.range(2, 6));
        for (int c = 0; c < atSite && static_cast<int>(cameras.size()) < ctx.sizes.cameras; ++c) {
            const std::string pcode =
                provinces2025()[static_cast<std::size_t>(place.province)].code;
            char code[32];
            std::snprintf(code, sizeof code, "CAM-%s-%04d", pcode.c_str(),
                          ++perProvince[static_cast<std::size_t>(place.province)]);
            const double roll = rng.unit();
            const char* status = roll < 0.9 ? "online" : roll < 0.96 ? "offline" : "fault";
            std::int64_t lastSeen = ctx.now - rng.range(5, 120);
            if (status[0] == 'o' && status[1] == 'f') // offline
                lastSeen = ctx.now - rng.range(3 * kHour, 3 * kDay);
            Camera cam{ctx.newId(), type, place.province, lastSeen, c == 0 && type != Industrial};
            const double lat = place.lat + rng.normal(0, 0.0015);
            const double lon = place.lon + rng.normal(0, 0.0015);
            insert
                .bindAll(cam.id, code, site + " – " + kPositions[c], kSiteTypeNames[type], site,
                         pcode, lat, lon, status, core::formatUtcSeconds(lastSeen), ctx.nowText,
                         ctx.options.actor)
                .run();
            cameras.push_back(std::move(cam));
        }
    }
    ctx.tick(N_("Cameras"), ctx.sizes.cameras, ctx.sizes.cameras);
    ctx.finish("cameras", static_cast<std::int64_t>(cameras.size()));
    return cameras;
}

const char* triageFor(Rng& rng, std::int64_t age) {
    const double r = rng.unit();
    if (age < kHour)
        return r < 0.7 ? "new" : r < 0.95 ? "acknowledged" : "dispatched";
    if (age < kDay)
        return r < 0.2   ? "new"
               : r < 0.5 ? "acknowledged"
               : r < 0.7 ? "dispatched"
               : r < 0.9 ? "resolved"
                         : "dismissed";
    return r < 0.02   ? "new"
           : r < 0.05 ? "acknowledged"
           : r < 0.1  ? "dispatched"
           : r < 0.65 ? "resolved"
                      : "dismissed";
}

void insertAlerts(SeedContext& ctx, Rng& rng, const std::vector<Camera>& cameras) {
    const std::int64_t total = ctx.sizes.alerts;
    const std::int64_t start = ctx.now - ctx.sizes.alertDays * kDay;
    // Times first, sorted, so the alerts go in oldest first like a live feed.
    WeightedPicker hours(std::vector<double>(std::begin(kAlertHours), std::end(kAlertHours)));
    std::vector<std::int64_t> times(static_cast<std::size_t>(total));
    for (auto& t : times) {
        const std::int64_t localDay =
            (start + kUtcOffset) / kDay + rng.range(0, ctx.sizes.alertDays);
        t = localDay * kDay - kUtcOffset + static_cast<std::int64_t>(hours.pick(rng)) * kHour +
            rng.range(0, kHour - 1);
        if (t > ctx.now)
            t = ctx.now - rng.range(1, 6 * kHour);
    }
    std::sort(times.begin(), times.end());

    std::vector<double> weights;
    for (const auto& c : cameras)
        weights.push_back(c.type == Industrial ? 0.6 : c.type == Station ? 1.2 : 1.0);
    WeightedPicker byCamera(weights);
    std::vector<WeightedPicker> kindPickers;
    for (const auto& w : kKindWeights)
        kindPickers.emplace_back(std::vector<double>(std::begin(w), std::end(w)));

    db::Statement insert(ctx.db, "INSERT INTO camera_alerts (id, camera_id, at, kind, severity, "
                                 "confidence, plate, people, triage, handled_by, note, updated_at, "
                                 "updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const char* stage = N_("Camera alerts");
    for (std::int64_t i = 0; i < total; ++i) {
        ctx.tick(stage, i, total);
        const std::int64_t at = times[static_cast<std::size_t>(i)];
        const Camera* cam = &cameras[byCamera.pick(rng)];
        for (int retry = 0; retry < 4 && at > cam->lastSeen; ++retry)
            cam = &cameras[byCamera.pick(rng)];
        const int kind = static_cast<int>(kindPickers[cam->type].pick(rng));
        int severity = rng.chance(0.5) ? 1 : rng.chance(0.7) ? 2 : 3;
        std::optional<std::string> plate;
        std::optional<std::int64_t> people;
        if (kind == 4) {
            const int province =
                rng.chance(0.85) ? cam->province : ctx.randomProvinceByPopulation(rng);
            plate = randomPlate(rng, province, rng.chance(0.6));
        } else if (kind == 3) {
            people = rng.range(cam->type == Station ? 300 : 150, 3000);
            severity = *people > 1500 ? 3 : *people > 600 ? 2 : 1;
        } else if (kind == 1 && severity == 1) {
            severity = 2; // an intrusion is never routine
        }
        const double confidence = std::round(rng.uniform(0.55, 0.99) * 100) / 100;
        const char* triage = triageFor(rng, ctx.now - at);
        const bool handled = triage[0] != 'n';
        const bool closed = triage[0] == 'r' || (triage[0] == 'd' && triage[1] == 'i');
        std::string note;
        if (closed)
            note = kind == 4 ? kNotes[4] : kind == 3 ? kNotes[3] : rng.pick(kNotes);
        insert
            .bindAll(ctx.newId(), cam->id, core::formatUtcSeconds(at), kKinds[kind], severity,
                     confidence, plate, people, triage,
                     handled ? std::optional<std::string>("operator") : std::nullopt, note,
                     ctx.nowText, ctx.options.actor)
            .run();
    }
    ctx.tick(stage, total, total);
    ctx.finish("camera_alerts", total);
}

void insertGateCounts(SeedContext& ctx, Rng& rng, const std::vector<Camera>& cameras) {
    db::Statement insert(ctx.db, "INSERT INTO gate_counts (id, camera_id, hour, entries, exits, "
                                 "updated_at, updated_by) VALUES (?,?,?,?,?,?,?)");
    const std::int64_t first = ctx.now - ctx.sizes.gateDays * kDay;
    std::int64_t rows = 0;
    std::int64_t done = 0;
    const auto total = static_cast<std::int64_t>(cameras.size());
    for (const auto& cam : cameras) {
        ctx.tick(N_("Gate counts"), done++, total);
        if (!cam.gate)
            continue;
        const double* curve = cam.type == Tourist ? kTouristHours : kStationHours;
        const double peak = rng.uniform(cam.type == Tourist ? 200 : 400, 2500);
        for (std::int64_t hour = first; hour < ctx.now && hour < cam.lastSeen; hour += kHour) {
            const std::int64_t local = hour + kUtcOffset;
            const int h = static_cast<int>((local % kDay) / kHour);
            const std::int64_t weekday = (local / kDay + 4) % 7;
            const double weekend =
                (weekday == 0 || weekday == 6) ? (cam.type == Tourist ? 1.5 : 1.15) : 1.0;
            const int entries = rng.count(peak * curve[h] * weekend);
            const int exits = rng.count(peak * curve[(h + 23) % 24] * weekend);
            insert
                .bindAll(ctx.newId(), cam.id, core::formatUtcSeconds(hour), entries, exits,
                         ctx.nowText, ctx.options.actor)
                .run();
            ++rows;
        }
    }
    ctx.tick(N_("Gate counts"), total, total);
    ctx.finish("gate_counts", rows);
}

} // namespace

void seedCameras(SeedContext& ctx) {
    Rng rng(ctx.options.seed, "cameras");
    const auto cameras = insertCameras(ctx, rng);
    Rng alerts(ctx.options.seed, "camera_alerts");
    insertAlerts(ctx, alerts, cameras);
    Rng gates(ctx.options.seed, "gate_counts");
    insertGateCounts(ctx, gates, cameras);
}

} // namespace c175::seed
