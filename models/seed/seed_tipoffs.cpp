// Crime tip-offs across types and statuses, with history rows that follow the workflow
// (received -> verifying -> assigned -> investigating -> concluded -> closed, or rejected/merged).
#include "db/database.h"
#include "seed/names.h"
#include "seed/provinces.h"
#include "seed/seed_context.h"
#include "tipoff/intake.h"
#include "tipoff/tipoff_types.h"
#include "values/case_code.h"

#include <algorithm>
#include <cmath>

namespace c175::seed {
namespace {

using tipoff::CrimeType;

// Descriptions as reporters write them; {p} a place, {t} a time of day, {v} a plate, {n} a count.
const char* const kCriminal[] = {
    "Tôi phát hiện một nhóm khoảng {n} thanh niên tụ tập, mang theo hung khí, gây gổ đánh nhau "
    "tại {p} vào khoảng {t}. Người dân xung quanh rất hoang mang.",
    "Nhà hàng xóm tại {p} bị kẻ gian cạy cửa lấy trộm tài sản vào khoảng {t}. Camera nhà tôi có "
    "ghi lại hình ảnh một người đi xe máy biển số {v}.",
    "Có dấu hiệu tổ chức đánh bạc thường xuyên tại một căn nhà ở {p}, khoảng {n} người ra vào "
    "từ {t} mỗi ngày, có người canh gác ở đầu ngõ.",
    "Tôi bị hai đối tượng đi xe máy biển số {v} giật túi xách tại {p} lúc {t}."};
const char* const kEconomic[] = {
    "Cửa hàng tại {p} bán nhiều mỹ phẩm, quần áo giả mạo nhãn hiệu nổi tiếng, không có hóa đơn "
    "chứng từ. Tôi đã mua và kiểm tra thấy là hàng giả.",
    "Một nhóm cho vay nặng lãi hoạt động tại {p}, lãi suất khoảng 10% một tuần, thường xuyên "
    "đến nhà con nợ đe dọa vào khoảng {t}.",
    "Xe tải biển số {v} chở hàng lậu không rõ nguồn gốc, thường tập kết tại {p} vào khoảng {t}.",
    "Doanh nghiệp tại {p} có dấu hiệu mua bán hóa đơn giá trị gia tăng để trốn thuế."};
const char* const kDrugs[] = {
    "Có người bán ma túy tại {p}, thường giao dịch vào khoảng {t}, khách đến bằng xe máy rồi đi "
    "ngay.",
    "Quán karaoke tại {p} có dấu hiệu cho khách sử dụng ma túy tổng hợp, khoảng {n} người tụ tập "
    "đến khuya.",
    "Tôi phát hiện một số người tiêm chích ma túy tại bãi đất trống ở {p}, để lại nhiều bơm kim "
    "tiêm.",
    "Căn nhà thuê ở {p} có mùi lạ, nhiều người ra vào lúc {t}, nghi là điểm sử dụng ma túy."};
const char* const kEnvironment[] = {
    "Một cơ sở sản xuất tại {p} xả nước thải chưa qua xử lý ra kênh, nước có màu đen và bốc mùi "
    "hôi, nhất là vào khoảng {t}.",
    "Xe tải biển số {v} đổ trộm phế thải xây dựng tại {p} vào ban đêm.",
    "Có người khai thác cát trái phép trên sông gần {p}, khoảng {n} thuyền hút cát hoạt động lúc "
    "{t}.",
    "Phát hiện chặt phá rừng phòng hộ gần {p}, gỗ được chở đi bằng xe biển số {v}."};
const char* const kCyber[] = {
    "Tôi nhận cuộc gọi giả danh công an yêu cầu chuyển tiền để \"xác minh tài khoản\"; đối tượng "
    "gọi từ số lạ và biết rõ thông tin cá nhân của tôi.",
    "Một trang mạng xã hội tuyển cộng tác viên làm nhiệm vụ online, tôi đã chuyển khoản nhiều lần "
    "nhưng không rút được tiền. Có khoảng {n} người khác cũng bị lừa.",
    "Tài khoản mạng xã hội của tôi bị chiếm đoạt và dùng để nhắn tin vay tiền bạn bè.",
    "Có nhóm quảng cáo cá độ bóng đá trực tuyến, mời chào học sinh tại {p} tham gia.",
    "Có người rao bán dữ liệu cá nhân của khoảng {n} nghìn khách hàng trên một nhóm chat."};
const char* const kTraffic[] = {
    "Nhóm thanh niên khoảng {n} xe máy tụ tập đua xe, lạng lách trên đường tại {p} vào khoảng {t}.",
    "Xe ô tô biển số {v} gây tai nạn rồi bỏ chạy tại {p} lúc {t}.",
    "Xe tải biển số {v} chở quá tải thường xuyên đi qua {p}, làm hư hỏng mặt đường.",
    "Tài xế xe khách biển số {v} có dấu hiệu say rượu, chạy lấn làn tại {p}."};
const char* const kOther[] = {
    "Tiếng ồn từ quán nhậu tại {p} kéo dài đến {t}, nhiều lần gây mất trật tự công cộng.",
    "Có người lạ thường xuyên theo dõi, chụp ảnh trẻ em trước cổng trường tại {p}.",
    "Lấn chiếm vỉa hè, dựng lều trái phép tại {p}, gây cản trở người đi bộ."};

struct TypeInfo {
    CrimeType type;
    double weight;
    const char* const* texts;
    std::size_t count;
};
const TypeInfo kTypes[] = {
    {CrimeType::Criminal, 24, kCriminal, std::size(kCriminal)},
    {CrimeType::Economic, 14, kEconomic, std::size(kEconomic)},
    {CrimeType::Drugs, 15, kDrugs, std::size(kDrugs)},
    {CrimeType::Environment, 9, kEnvironment, std::size(kEnvironment)},
    {CrimeType::Cyber, 18, kCyber, std::size(kCyber)},
    {CrimeType::Traffic, 12, kTraffic, std::size(kTraffic)},
    {CrimeType::Other, 8, kOther, std::size(kOther)},
};

std::string fillIn(std::string text, const std::string& place, const std::string& time,
                   const std::string& plate, int n) {
    auto replace = [&text](const std::string& key, const std::string& value) {
        for (auto at = text.find(key); at != std::string::npos;
             at = text.find(key, at + value.size()))
            text.replace(at, key.size(), value);
    };
    replace("{p}", place);
    replace("{t}", time);
    replace("{v}", plate);
    replace("{n}", std::to_string(n));
    return text;
}

// The statuses a case passes through to reach `final` (first = "received").
std::vector<std::string> pathTo(const std::string& final) {
    if (final == "received")
        return {"received"};
    if (final == "rejected" || final == "merged")
        return {"received", "verifying", final};
    static const std::vector<std::string> main = {"received",      "verifying", "assigned",
                                                  "investigating", "concluded", "closed"};
    return {main.begin(), std::find(main.begin(), main.end(), final) + 1};
}

std::string finalStatus(Rng& rng, std::int64_t age) {
    const double r = rng.unit();
    if (age < kDay)
        return r < 0.6 ? "received" : "verifying";
    if (age < 7 * kDay)
        return r < 0.1    ? "received"
               : r < 0.45 ? "verifying"
               : r < 0.75 ? "assigned"
               : r < 0.85 ? "investigating"
               : r < 0.95 ? "rejected"
                          : "merged";
    if (age < 30 * kDay)
        return r < 0.08   ? "verifying"
               : r < 0.25 ? "assigned"
               : r < 0.65 ? "investigating"
               : r < 0.8  ? "concluded"
               : r < 0.93 ? "rejected"
                          : "merged";
    return r < 0.08   ? "investigating"
           : r < 0.2  ? "concluded"
           : r < 0.8  ? "closed"
           : r < 0.93 ? "rejected"
                      : "merged";
}

// Typical days spent before entering each status of the main path.
double stepDays(Rng& rng, const std::string& to) {
    if (to == "verifying")
        return rng.uniform(0.02, 1.0);
    if (to == "assigned")
        return rng.uniform(0.5, 3);
    if (to == "investigating")
        return rng.uniform(0.1, 2);
    if (to == "concluded")
        return rng.uniform(4, 25);
    if (to == "closed")
        return rng.uniform(1, 7);
    return rng.uniform(1, 5); // rejected, merged
}

// A follow-up code as intake gives it ("K7Q3-M9TX-4HBD"); only its hash is stored.
std::string followupCode(Rng& rng) {
    static const char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
    std::string code;
    for (int i = 0; i < 12; ++i) {
        if (i == 4 || i == 8)
            code += '-';
        code += kAlphabet[rng.below(32)];
    }
    return code;
}

std::string historyNote(const std::string& to, bool substantiated, const std::string& mergedCode) {
    if (to == "received")
        return "Tiếp nhận tin báo.";
    if (to == "verifying")
        return "Chuyển bộ phận xác minh ban đầu.";
    if (to == "assigned")
        return "Phân công cán bộ thụ lý: Trần Thị Mai.";
    if (to == "investigating")
        return "Bắt đầu xác minh tại hiện trường, làm việc với người liên quan.";
    if (to == "concluded")
        return substantiated ? "Kết luận: tin báo có cơ sở, chuyển xử lý theo quy định."
                             : "Kết luận: tin báo không có cơ sở.";
    if (to == "closed")
        return "Đóng hồ sơ, đã thông báo kết quả cho người báo tin.";
    if (to == "rejected")
        return "Không đủ thông tin để xác minh, không thụ lý.";
    return "Trùng nội dung với tin báo " + mergedCode + ", gộp vào hồ sơ đó.";
}

} // namespace

void seedTipoffs(SeedContext& ctx) {
    Rng rng(ctx.options.seed, "tipoffs");
    const int total = ctx.sizes.tipoffs;
    const char* stage = N_("Tip-offs");
    std::vector<double> typeWeights;
    for (const auto& t : kTypes)
        typeWeights.push_back(t.weight);
    const WeightedPicker typePicker(typeWeights);

    // Receipt times first, sorted, so codes are numbered in order within each year.
    std::vector<std::int64_t> received(static_cast<std::size_t>(total));
    for (auto& t : received)
        t = ctx.now - static_cast<std::int64_t>(std::pow(rng.unit(), 1.4) *
                                                static_cast<double>(ctx.sizes.tipoffDays * kDay));
    std::sort(received.begin(), received.end());

    db::Statement insert(
        ctx.db,
        "INSERT INTO tipoffs (id, code, crime_type, subtype, description, lat, lon, address, "
        "province_code, commune_code, occurred_at, discovered_at, received_at, channel, anonymous, "
        "reporter_sealed, followup_code, notice_channel, people_involved, objects_involved, "
        "status, "
        "outcome, assignee, due_at, concluded_at, closed_at, merged_into, satisfaction, "
        "updated_at, "
        "updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    db::Statement history(ctx.db, "INSERT INTO tipoff_history (id, tipoff_id, at, actor, "
                                  "from_status, to_status, note, updated_at, updated_by) "
                                  "VALUES (?,?,?,?,?,?,?,?,?)");
    db::Statement notice(ctx.db, "INSERT INTO tipoff_notices (id, tipoff_id, channel, message, "
                                 "state, queued_at, sent_at, updated_at, updated_by) "
                                 "VALUES (?,?,?,?,?,?,?,?,?)");
    const std::string& by = ctx.options.actor;
    std::int64_t historyRows = 0, notices = 0;
    int year = 0;
    std::int64_t seq = 0;
    // The latest case of each type, for merging duplicates into.
    std::vector<std::pair<std::string, std::string>> latest(std::size(kTypes));

    for (int i = 0; i < total; ++i) {
        ctx.tick(stage, i, total);
        const std::int64_t at = received[static_cast<std::size_t>(i)];
        const int y = std::stoi(day(at).substr(0, 4));
        if (y != year) {
            year = y;
            seq = 0;
        }
        const std::string code = values::CaseCode::hubIssued("TG", year, ++seq).str();
        const std::size_t typeIndex = typePicker.pick(rng);
        const TypeInfo& type = kTypes[typeIndex];
        const auto& subtypes = tipoff::subtypesOf(type.type);
        const std::string subtype = subtypes.empty() ? "" : rng.pick(subtypes);

        const Place place = ctx.randomPlace(rng);
        const std::string street = randomStreetAddress(rng);
        const int province = rng.chance(0.8) ? place.province : ctx.randomProvinceByPopulation(rng);
        const std::string plate = randomPlate(rng, province, rng.chance(0.5));
        const std::string where =
            street + (place.commune ? ", " + place.commune->name : std::string());
        const std::string time = std::to_string(rng.range(6, 23)) + " giờ";
        const char* text = type.texts[rng.below(type.count)];
        const std::string description = fillIn(text, where, time, plate, rng.rangeInt(2, 15));

        std::string status = finalStatus(rng, ctx.now - at);
        std::string mergedInto, mergedCode;
        if (status == "merged") {
            if (latest[typeIndex].first.empty())
                status = "rejected";
            else
                std::tie(mergedInto, mergedCode) = latest[typeIndex];
        }
        const auto path = pathTo(status);
        std::vector<std::int64_t> times = {at};
        for (std::size_t s = 1; s < path.size(); ++s)
            times.push_back(times.back() +
                            static_cast<std::int64_t>(stepDays(rng, path[s]) * kDay));
        // A case cannot have moved in the future: squeeze its steps into the time it has had.
        const std::int64_t limit = ctx.now - 60;
        if (times.back() > limit && times.size() > 1) {
            const double f =
                static_cast<double>(limit - at) / static_cast<double>(times.back() - at);
            for (auto& t : times)
                t = at + static_cast<std::int64_t>(static_cast<double>(t - at) * f);
        }
        const bool substantiated = rng.chance(0.62);
        const bool reached = [&](const char* s) {
            return std::find(path.begin(), path.end(), s) != path.end();
        }("assigned");
        auto timeOf = [&](const char* s) -> std::optional<std::string> {
            const auto it = std::find(path.begin(), path.end(), s);
            if (it == path.end())
                return std::nullopt;
            return utc(times[static_cast<std::size_t>(it - path.begin())]);
        };

        const std::string channel = [&] {
            const double r = rng.unit();
            return r < 0.4 ? "vneid" : r < 0.65 ? "hotline" : r < 0.9 ? "web" : "in_person";
        }();
        const bool named = ctx.options.sealReporter && rng.chance(0.35);
        std::optional<std::vector<std::uint8_t>> sealed;
        // Every reporter gets a follow-up code; the anonymous hear back only through it.
        const std::string followup = tipoff::followupHash(followupCode(rng));
        std::optional<std::string> noticeChannel;
        if (named) {
            const bool female = rng.chance(0.5);
            const int birthYear = rng.rangeInt(1960, 2004);
            const Place home = ctx.randomPlace(rng, place.province);
            // One draw per statement: the operands of + are evaluated in no fixed order.
            const std::string name = randomPersonName(rng, female).full();
            const std::string cccd = uniqueCccd(ctx, rng, home.province, birthYear, female);
            const std::string phone = randomMobile(rng);
            const std::string address = home.address(randomStreetAddress(rng));
            const std::string json = "{\"name\":\"" + name + "\",\"cccd\":\"" + cccd +
                                     "\",\"phone\":\"" + phone + "\",\"address\":\"" + address +
                                     "\"}";
            sealed = ctx.options.sealReporter(json);
            noticeChannel = channel == "vneid" ? "vneid" : rng.chance(0.7) ? "sms" : "email";
        } else {
            noticeChannel = "followup";
        }
        const bool finished = status == "concluded" || status == "closed";
        std::optional<int> satisfaction;
        if (status == "closed" && rng.chance(0.45))
            satisfaction = rng.chance(0.7) ? rng.rangeInt(4, 5) : rng.rangeInt(1, 3);
        const std::int64_t occurred = at - rng.range(kHour, 3 * kDay);
        const std::string id = ctx.newId();

        const std::int64_t discovered = occurred + rng.range(0, at - occurred);
        const int peopleInvolved = rng.rangeInt(0, 6);
        const int objectsInvolved = rng.rangeInt(0, 4);
        const std::optional<std::string> outcome =
            finished
                ? std::optional<std::string>(substantiated ? "substantiated" : "unsubstantiated")
                : std::nullopt;
        const std::optional<std::string> assignee =
            reached ? std::optional<std::string>("officer") : std::nullopt;
        const std::optional<std::string> due =
            reached ? std::optional<std::string>(utc(at + tipoff::dueDays(type.type) * kDay))
                    : std::nullopt;
        const std::optional<std::string> merged =
            mergedInto.empty() ? std::nullopt : std::optional<std::string>(mergedInto);
        insert.bindAll(id, code, std::string(tipoff::crimeTypeName(type.type)), subtype,
                       description.substr(0, 1000), place.lat, place.lon, place.address(street),
                       place.provinceCode(), place.communeCode(), utc(occurred), utc(discovered),
                       utc(at), channel, named ? 0 : 1);
        if (sealed)
            insert.bindBlob(16, *sealed);
        else
            insert.bind(16, nullptr);
        insert.bind(17, followup).bind(18, noticeChannel).bind(19, peopleInvolved);
        insert.bind(20, objectsInvolved).bind(21, status).bind(22, outcome).bind(23, assignee);
        insert.bind(24, due).bind(25, timeOf("concluded")).bind(26, timeOf("closed"));
        insert.bind(27, merged).bind(28, satisfaction).bind(29, ctx.nowText).bind(30, by);
        insert.run();

        for (std::size_t s = 0; s < path.size(); ++s) {
            const std::string actor =
                s == 0 ? (channel == "hotline" || channel == "in_person" ? "officer" : "system")
                       : "officer";
            history
                .bindAll(ctx.newId(), id, utc(times[s]), actor,
                         s == 0 ? std::nullopt : std::optional<std::string>(path[s - 1]), path[s],
                         historyNote(path[s], substantiated, mergedCode), ctx.nowText, by)
                .run();
            ++historyRows;
        }
        if (status == "closed" && noticeChannel && *noticeChannel != "followup") {
            const std::int64_t queued = times.back();
            notice
                .bindAll(ctx.newId(), id, *noticeChannel,
                         "Tin báo " + code +
                             " của quý vị đã được giải quyết. Cảm ơn quý vị đã phối hợp với "
                             "cơ quan Công an.",
                         "delivered", utc(queued), utc(queued + rng.range(5, 600)), ctx.nowText, by)
                .run();
            ++notices;
        }
        latest[typeIndex] = {id, code};
    }
    ctx.tick(stage, total, total);
    ctx.finish("tipoffs", total);
    ctx.finish("tipoff_history", historyRows);
    ctx.finish("tipoff_notices", notices);
}

} // namespace c175::seed
