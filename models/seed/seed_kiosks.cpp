// Kiosk fleet: kiosks, heartbeats, daily usage, faults with repair times, maintenance, admins.
#include "core/i18n.h"
#include "core/ids.h"
#include "db/database.h"
#include "seed/names.h"
#include "seed/provinces.h"
#include "seed/seed_context.h"

#include <algorithm>
#include <cmath>

namespace c175::seed {
namespace {

const char* const kModels[] = {"VNPT SmartKiosk K21", "Viettel iKiosk V3", "FPT eKiosk 2.0",
                               "MISA Kiosk DVC-24"};

struct FaultKind {
    const char* kind;
    const char* description;
};
const FaultKind kFaults[] = {
    {"printer", "Máy in kẹt giấy, không in được phiếu hẹn."},
    {"printer", "Máy in báo hết mực, bản in mờ."},
    {"scanner", "Máy quét giấy tờ không nhận tài liệu."},
    {"card_reader", "Đầu đọc thẻ CCCD gắn chip không nhận thẻ."},
    {"screen", "Màn hình cảm ứng không phản hồi ở góc dưới."},
    {"screen", "Màn hình nhấp nháy, hiển thị sọc ngang."},
    {"network", "Mất kết nối mạng, không gửi được hồ sơ lên hệ thống."},
    {"power", "Mất điện cục bộ, bộ lưu điện hết pin."},
    {"software", "Ứng dụng kiosk treo khi thanh toán trực tuyến."},
    {"software", "Lỗi cập nhật phần mềm, kiosk khởi động lại liên tục."},
};

const char* const kMaintenanceNotes[] = {
    "Bảo trì định kỳ: vệ sinh máy in, kiểm tra đầu đọc thẻ.",
    "Thay cuộn giấy, cập nhật phần mềm, kiểm tra kết nối mạng.",
    "Hiệu chỉnh màn hình cảm ứng, kiểm tra bộ lưu điện.",
    "Kiểm tra tổng thể thiết bị, thay mực máy in."};

enum class KioskState { Online, Offline, Fault, Maintenance };

const char* stateName(KioskState s) {
    switch (s) {
    case KioskState::Online:
        return "online";
    case KioskState::Offline:
        return "offline";
    case KioskState::Fault:
        return "fault";
    case KioskState::Maintenance:
        return "maintenance";
    }
    return "online";
}

// Sessions on a day: fewer at weekends and during the Tết holiday.
double dayFactor(std::int64_t dayStart) {
    const std::int64_t weekday =
        (dayStart / kDay + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
    const std::string d = core::formatDay(dayStart);
    const bool tet = (d >= "2025-01-27" && d <= "2025-02-02") ||
                     (d >= "2026-02-14" && d <= "2026-02-22") ||
                     (d >= "2027-02-04" && d <= "2027-02-10");
    if (tet)
        return 0.05;
    if (weekday == 0)
        return 0.2;
    if (weekday == 6)
        return 0.55;
    return 1.0;
}

} // namespace

void seedKiosks(SeedContext& ctx) {
    Rng rng(ctx.options.seed, "kiosks");
    const auto& S = ctx.sizes;
    const char* stage = N_("Kiosks");
    db::Statement kiosk(ctx.db,
                        "INSERT INTO kiosks (id, code, name, province_code, commune_code, address, "
                        "lat, lon, model, installed_on, status, last_heartbeat_at, updated_at, "
                        "updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    db::Statement beat(ctx.db, "INSERT INTO kiosk_heartbeats (id, kiosk_id, at, cpu_pct, "
                               "disk_free_pct, paper_pct, network_ok, updated_at, updated_by) "
                               "VALUES (?,?,?,?,?,?,?,?,?)");
    db::Statement usage(ctx.db, "INSERT INTO kiosk_usage_daily (id, kiosk_id, day, sessions, "
                                "completed, updated_at, updated_by) VALUES (?,?,?,?,?,?,?)");
    db::Statement fault(ctx.db, "INSERT INTO kiosk_faults (id, kiosk_id, kind, opened_at, "
                                "resolved_at, description, updated_at, updated_by) "
                                "VALUES (?,?,?,?,?,?,?,?)");
    db::Statement maint(ctx.db, "INSERT INTO kiosk_maintenance (id, kiosk_id, scheduled_on, "
                                "done_on, technician, note, updated_at, updated_by) "
                                "VALUES (?,?,?,?,?,?,?,?)");
    db::Statement admin(ctx.db, "INSERT INTO kiosk_admins (kiosk_id, user_id) VALUES (?, ?)");
    const std::string& by = ctx.options.actor;
    const std::string operatorId = ctx.userIds.count("operator") ? ctx.userIds["operator"] : "";

    std::vector<int> perProvince(provinces2025().size(), 0);
    std::int64_t beats = 0, days = 0, faults = 0, maints = 0, admins = 0;
    const std::int64_t today = ctx.now - ctx.now % kDay;
    for (int i = 0; i < S.kiosks; ++i) {
        ctx.tick(stage, i, S.kiosks);
        // The first 34 kiosks put one in every province; the rest follow the population.
        const int province = i < static_cast<int>(perProvince.size()) ? i : -1;
        Place place = ctx.randomPlace(rng, province);
        const int seq = ++perProvince[static_cast<std::size_t>(place.province)];
        const std::string pcode = place.provinceCode();
        char code[32];
        std::snprintf(code, sizeof code, "KIOSK-%s-%04d", pcode.c_str(), seq);
        const std::string name =
            place.commune
                ? "Kiosk dịch vụ công " + place.commune->name
                : core::fmt("Kiosk dịch vụ công số {} – {}", seq,
                            provinces2025()[static_cast<std::size_t>(place.province)].name);
        const std::int64_t installed = today - rng.range(120, 1000) * kDay;

        const double roll = rng.unit();
        const KioskState state = roll < 0.84   ? KioskState::Online
                                 : roll < 0.92 ? KioskState::Offline
                                 : roll < 0.96 ? KioskState::Fault
                                               : KioskState::Maintenance;
        std::int64_t last = ctx.now - rng.range(10, 240); // seconds ago
        if (state == KioskState::Offline)
            last = ctx.now - rng.range(2 * kHour, 2 * kDay);
        else if (state == KioskState::Maintenance)
            last = ctx.now - rng.range(kHour, 6 * kHour);

        const std::string id = ctx.newId();
        const std::string address = place.address(randomStreetAddress(rng));
        const char* model = rng.pick(kModels);
        kiosk
            .bindAll(id, code, name, pcode, place.communeCode(), address, place.lat, place.lon,
                     model, core::formatDay(installed), stateName(state),
                     core::formatUtcSeconds(last), ctx.nowText, by)
            .run();
        if (!operatorId.empty()) {
            admin.bindAll(id, operatorId).run();
            ++admins;
        }

        // Heartbeats up to the last one, which is the kiosk's last_heartbeat_at.
        const std::int64_t step = S.heartbeatMinutes * 60;
        double paper = rng.uniform(20, 100);
        double disk = rng.uniform(35, 90);
        const std::int64_t first = ctx.now - S.heartbeatDays * kDay;
        std::int64_t n = (last - first) / step;
        for (std::int64_t k = n; k >= 0; --k) {
            const std::int64_t at = last - k * step;
            paper -= rng.uniform(0, 1.2);
            if (paper < 5)
                paper = 100; // refilled
            disk -= rng.uniform(0, 0.02);
            const bool networkOk = !(state == KioskState::Fault && k < 6) && !rng.chance(0.01);
            beat.bindAll(ctx.newId(), id, core::formatUtcSeconds(at),
                         std::clamp(std::round(rng.normal(22, 9) * 10) / 10, 1.0, 99.0),
                         std::round(disk * 10) / 10, std::round(paper * 10) / 10, networkOk ? 1 : 0,
                         ctx.nowText, by)
                .run();
            ++beats;
        }

        // Daily usage: busier provinces see more people.
        const double base =
            12 + 6 * std::sqrt(
                         static_cast<double>(
                             provinces2025()[static_cast<std::size_t>(place.province)].population) /
                         1e6);
        const double kioskFactor = rng.uniform(0.6, 1.4);
        for (int d = S.usageDays; d >= 1; --d) {
            const std::int64_t dayStart = today - d * kDay;
            if (dayStart < installed)
                continue;
            const int sessions = rng.count(base * kioskFactor * dayFactor(dayStart));
            const int completed = static_cast<int>(std::floor(sessions * rng.uniform(0.78, 0.97)));
            usage
                .bindAll(ctx.newId(), id, core::formatDay(dayStart), sessions, completed,
                         ctx.nowText, by)
                .run();
            ++days;
        }

        // Past faults with their repair times; a kiosk in fault has one still open.
        const int pastFaults = rng.count(S.usageDays / 45.0);
        for (int f = 0; f < pastFaults; ++f) {
            const FaultKind& fk = rng.pick(kFaults);
            const std::int64_t opened = ctx.now - rng.range(3 * kDay, S.usageDays * kDay);
            const double repairHours =
                std::clamp(std::exp(rng.normal(std::log(6.0), 0.9)), 0.5, 120.0);
            const std::int64_t resolved = opened + static_cast<std::int64_t>(repairHours * kHour);
            fault
                .bindAll(ctx.newId(), id, fk.kind, core::formatUtcSeconds(opened),
                         core::formatUtcSeconds(resolved), fk.description, ctx.nowText, by)
                .run();
            ++faults;
        }
        if (state == KioskState::Fault) {
            const FaultKind& fk = rng.pick(kFaults);
            fault
                .bindAll(ctx.newId(), id, fk.kind,
                         core::formatUtcSeconds(ctx.now - rng.range(kHour, 2 * kDay)), nullptr,
                         fk.description, ctx.nowText, by)
                .run();
            ++faults;
        }

        // Quarterly maintenance since installation; the next visit is booked.
        const PersonName tech = randomPersonName(rng, rng.chance(0.15));
        std::int64_t visit = installed + rng.range(60, 100) * kDay;
        for (; visit < today; visit += rng.range(80, 100) * kDay) {
            const std::int64_t done = visit + rng.range(0, 2) * kDay;
            maint
                .bindAll(ctx.newId(), id, core::formatDay(visit),
                         done <= today ? core::formatDay(done) : core::formatDay(today),
                         tech.full(), rng.pick(kMaintenanceNotes), ctx.nowText, by)
                .run();
            ++maints;
        }
        const std::int64_t next = state == KioskState::Maintenance ? today : visit;
        maint
            .bindAll(ctx.newId(), id, core::formatDay(next), nullptr, tech.full(),
                     rng.pick(kMaintenanceNotes), ctx.nowText, by)
            .run();
        ++maints;
    }
    ctx.tick(stage, S.kiosks, S.kiosks);
    ctx.finish("kiosks", S.kiosks);
    ctx.finish("kiosk_heartbeats", beats);
    ctx.finish("kiosk_usage_daily", days);
    ctx.finish("kiosk_faults", faults);
    ctx.finish("kiosk_maintenance", maints);
    ctx.finish("kiosk_admins", admins);
}

} // namespace c175::seed
