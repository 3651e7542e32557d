// Crime tip-offs across types and statuses, with history rows that follow the workflow
// (received -> verifying -> assigned -> investigating -> concluded -> closed, or rejected/merged).
#include "core/ids.h"
#include "db/database.h"
#include "seed/names.h"
#include "seed/provinces.h"
#include "seed/seed_context.h"
#include "seed/seed_evidence.h"
#include "tipoff/centre_keys.h"
#include "tipoff/intake.h"
#include "tipoff/tipoff_types.h"
#include "values/case_code.h"
#include "values/plate.h"

#include <algorithm>
#include <cmath>
#include <future>

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

// How often the demo data repeats itself the way real tip-offs do, so related-case linking has
// something to find: a reporter who calls again about another matter, the same vehicle in
// several reports, and a second report of the same incident from close by.
constexpr double kNamedShare = 0.30;     // reporters who give their identity
constexpr double kRepeatReporter = 0.06; // of named reporters: one who reported before
constexpr double kRepeatPlate = 0.12;    // of descriptions with a plate: a plate seen before
constexpr double kSameIncident = 0.03;   // a second report close in place and time
constexpr double kWithEvidence = 0.07;   // tips with one or two evidence files
constexpr std::size_t kRecent = 40;      // repeats come from the last kRecent ones

template <typename T> void remember(std::vector<T>& recent, T value) {
    if (recent.size() == kRecent)
        recent.erase(recent.begin());
    recent.push_back(std::move(value));
}

// A named reporter as the intake form gives one; CCCD and phone are validated on the way.
tipoff::ReporterInput newReporter(SeedContext& ctx, Rng& rng, int province, bool email) {
    tipoff::ReporterInput r;
    const bool female = rng.chance(0.5);
    const int birthYear = rng.rangeInt(1960, 2004);
    const Place home = ctx.randomPlace(rng, province);
    // One draw per statement: the operands of + are evaluated in no fixed order.
    r.name = randomPersonName(rng, female).full();
    // Some give only a phone number.
    if (rng.chance(0.8))
        r.cccd = uniqueCccd(ctx, rng, home.province, birthYear, female);
    r.phone = randomMobile(rng);
    r.address = home.address(randomStreetAddress(rng));
    if (email) {
        const std::uint64_t n = rng.below(1000);
        r.email = "nguoibaotin" + std::to_string(n) + "@example.vn";
    }
    r.shareWithAgencies = rng.chance(0.3);
    return r;
}

// Protecting a tip is the costly part of seeding it: sealing a named reporter takes two X25519
// operations, and each identity value a keyed HMAC. Both run on a second thread a batch behind
// the rows, with intake's own functions (reporterJson, CentreSealer, reporterTokens,
// BlindIndexer): a row goes in with its box empty and receives the box and its blind indexes, in
// the same transaction, once its batch is done.
class ProtectionBatches {
public:
    ProtectionBatches(SeedContext& ctx, const tipoff::CentreSealer& sealer,
                      const tipoff::BlindIndexer& indexer)
        : m_ctx(ctx), m_sealer(sealer), m_indexer(indexer),
          m_update(ctx.db, "UPDATE tipoffs SET reporter_sealed = ? WHERE rowid = ?"),
          m_blind(ctx.db, "INSERT OR IGNORE INTO tipoff_blind_index (id, tipoff_id, kind, "
                          "digest, source, updated_at, updated_by) VALUES (?,?,?,?,?,?,?)") {}
    ~ProtectionBatches() {
        if (m_running.valid())
            m_running.wait();
    }
    ProtectionBatches(const ProtectionBatches&) = delete;
    ProtectionBatches& operator=(const ProtectionBatches&) = delete;

    // The tip at `rowid`: its reporter (nullopt = anonymous) and the identity values of its text.
    void add(std::int64_t rowid, const std::string& tipId,
             std::optional<tipoff::ReporterInput> reporter,
             std::vector<tipoff::IdentityToken> tokens) {
        m_filling.push_back({rowid, tipId, std::move(reporter), std::move(tokens), {}, {}});
        if (m_filling.size() >= 256)
            launch();
    }
    // Protects what is left and stores everything.
    void finish() {
        launch();
        store();
    }
    std::int64_t blindRows() const { return m_blindRows; }

private:
    struct Item {
        std::int64_t rowid;
        std::string tipId;
        std::optional<tipoff::ReporterInput> reporter;
        std::vector<tipoff::IdentityToken> tokens;
        std::vector<std::uint8_t> box;    // filled by the worker
        std::vector<std::string> digests; // one per token, filled by the worker
    };
    void launch() {
        store();
        m_working = std::move(m_filling);
        m_filling.clear();
        m_running = std::async(std::launch::async, [this] {
            for (auto& item : m_working) {
                if (item.reporter) {
                    item.box = m_sealer.seal(tipoff::reporterJson(*item.reporter));
                    for (auto& t : tipoff::reporterTokens(*item.reporter))
                        item.tokens.push_back(std::move(t));
                }
                for (const auto& t : item.tokens)
                    item.digests.push_back(m_indexer.digest(t.kind, t.value));
            }
        });
    }
    void store() {
        if (!m_running.valid())
            return;
        m_running.get(); // rethrows what the worker threw
        for (const auto& item : m_working) {
            if (item.reporter)
                m_update.bindBlob(1, item.box).bind(2, item.rowid).run();
            for (std::size_t i = 0; i < item.tokens.size(); ++i) {
                const auto& t = item.tokens[i];
                m_blind
                    .bindAll(m_ctx.newId(), item.tipId, t.kind, item.digests[i], t.source,
                             m_ctx.nowText, m_ctx.options.actor)
                    .run();
                m_blindRows += m_ctx.db.changes();
            }
        }
        m_working.clear();
    }

    SeedContext& m_ctx;
    const tipoff::CentreSealer& m_sealer;
    const tipoff::BlindIndexer& m_indexer;
    db::Statement m_update, m_blind;
    std::vector<Item> m_filling, m_working;
    std::int64_t m_blindRows = 0;
    // Declared last: destroyed first, so the worker is done before the batch it reads goes.
    std::future<void> m_running;
};

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
        "updated_by, share_with_agencies) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    db::Statement history(ctx.db, "INSERT INTO tipoff_history (id, tipoff_id, at, actor, "
                                  "from_status, to_status, note, updated_at, updated_by) "
                                  "VALUES (?,?,?,?,?,?,?,?,?)");
    db::Statement notice(ctx.db, "INSERT INTO tipoff_notices (id, tipoff_id, channel, message, "
                                 "state, queued_at, sent_at, updated_at, updated_by) "
                                 "VALUES (?,?,?,?,?,?,?,?,?)");
    db::Statement evidence(ctx.db, "INSERT INTO tipoff_evidence (id, tipoff_id, sha256, "
                                   "media_type, size_bytes, file_name, description, updated_at, "
                                   "updated_by) VALUES (?,?,?,?,?,?,?,?,?)");
    // Identities are sealed and indexed exactly as intake does it; seedDemo creates the centre
    // key before this stage. Without one every reporter stays anonymous.
    std::optional<tipoff::CentreSealer> sealer;
    std::optional<tipoff::BlindIndexer> indexer;
    if (tipoff::hasCentreKeys(ctx.db)) {
        sealer.emplace(ctx.db);
        indexer.emplace(ctx.db);
    }
    std::optional<ProtectionBatches> protection;
    if (sealer)
        protection.emplace(ctx, *sealer, *indexer);
    const bool canSeal = sealer.has_value();
    const auto evidenceFiles = makeDemoEvidence(ctx.db, ctx.options.seed);
    std::vector<tipoff::ReporterInput> recentReporters;
    std::vector<std::string> recentPlates;
    struct Previous {
        std::size_t typeIndex;
        Place place;
        std::int64_t occurred;
    };
    std::optional<Previous> previous;
    const std::string& by = ctx.options.actor;
    std::int64_t historyRows = 0, notices = 0, evidenceRows = 0;
    int year = 0;
    std::int64_t seq = 0;
    // The latest case of each type, for merging duplicates into.
    std::vector<std::pair<std::string, std::string>> latest(std::size(kTypes));

    for (int i = 0; i < total; ++i) {
        ctx.tick(stage, i, total);
        const std::int64_t at = received[static_cast<std::size_t>(i)];
        const int y = std::stoi(core::formatDay(at).substr(0, 4));
        if (y != year) {
            year = y;
            seq = 0;
        }
        const std::string code = values::CaseCode::hubIssued("TG", year, ++seq).str();
        // A second report of the previous incident: same kind, a street away, hours apart.
        const bool sameIncident = previous && rng.chance(kSameIncident);
        const std::size_t typeIndex = sameIncident ? previous->typeIndex : typePicker.pick(rng);
        const TypeInfo& type = kTypes[typeIndex];
        const auto& subtypes = tipoff::subtypesOf(type.type);
        const std::string subtype = subtypes.empty() ? "" : rng.pick(subtypes);

        Place place = sameIncident ? previous->place : ctx.randomPlace(rng);
        if (sameIncident) {
            place.lat += rng.uniform(-0.0012, 0.0012); // within about 130 m
            place.lon += rng.uniform(-0.0012, 0.0012);
        }
        const std::string street = randomStreetAddress(rng);
        const int province = rng.chance(0.8) ? place.province : ctx.randomProvinceByPopulation(rng);
        std::string plate = randomPlate(rng, province, rng.chance(0.5));
        if (!recentPlates.empty() && rng.chance(kRepeatPlate))
            plate = recentPlates[rng.below(recentPlates.size())];
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
            return core::formatUtcSeconds(times[static_cast<std::size_t>(it - path.begin())]);
        };

        const std::string channel = [&] {
            const double r = rng.unit();
            return r < 0.4 ? "vneid" : r < 0.65 ? "hotline" : r < 0.9 ? "web" : "in_person";
        }();
        const bool named = canSeal && rng.chance(kNamedShare);
        std::optional<tipoff::ReporterInput> sealedReporter;
        // Every reporter gets a follow-up code; the anonymous hear back only through it.
        const std::string followup = tipoff::followupHash(followupCode(rng));
        std::optional<std::string> noticeChannel;
        std::vector<tipoff::IdentityToken> tokens;
        bool share = false;
        if (named) {
            const std::string notify = channel == "vneid" ? "vneid"
                                       : rng.chance(0.7)  ? "sms"
                                                          : "email";
            tipoff::ReporterInput reporter;
            if (!recentReporters.empty() && rng.chance(kRepeatReporter))
                reporter = recentReporters[rng.below(recentReporters.size())];
            else
                reporter =
                    newReporter(ctx, rng, place.province, notify == "email" || rng.chance(0.3));
            if (notify == "email" && reporter.email.empty())
                reporter.email = "nguoibaotin" + std::to_string(rng.below(1000)) + "@example.vn";
            share = reporter.shareWithAgencies;
            sealedReporter = reporter;
            remember(recentReporters, std::move(reporter));
            noticeChannel = notify;
        } else {
            noticeChannel = "followup";
        }
        if (std::string_view(text).find("{v}") != std::string_view::npos) {
            tokens.push_back({"plate", values::VehiclePlate::parse(plate).str(), "description"});
            remember(recentPlates, plate);
        }
        const bool finished = status == "concluded" || status == "closed";
        std::optional<int> satisfaction;
        if (status == "closed" && rng.chance(0.45))
            satisfaction = rng.chance(0.7) ? rng.rangeInt(4, 5) : rng.rangeInt(1, 3);
        std::int64_t occurred = at - rng.range(kHour, 3 * kDay);
        if (sameIncident)
            occurred = std::min(at - 600, previous->occurred + rng.range(0, 12 * kHour));
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
            reached ? std::optional<std::string>(
                          core::formatUtcSeconds(at + tipoff::dueDays(type.type) * kDay))
                    : std::nullopt;
        const std::optional<std::string> merged =
            mergedInto.empty() ? std::nullopt : std::optional<std::string>(mergedInto);
        insert.bindAll(id, code, std::string(tipoff::crimeTypeName(type.type)), subtype,
                       description.substr(0, 1000), place.lat, place.lon, place.address(street),
                       place.provinceCode(), place.communeCode(), core::formatUtcSeconds(occurred),
                       core::formatUtcSeconds(discovered), core::formatUtcSeconds(at), channel,
                       named ? 0 : 1);
        insert.bind(16, nullptr); // the box comes from `protection`
        insert.bind(17, followup).bind(18, noticeChannel).bind(19, peopleInvolved);
        insert.bind(20, objectsInvolved).bind(21, status).bind(22, outcome).bind(23, assignee);
        insert.bind(24, due).bind(25, timeOf("concluded")).bind(26, timeOf("closed"));
        insert.bind(27, merged).bind(28, satisfaction).bind(29, ctx.nowText).bind(30, by);
        insert.bind(31, share ? 1 : 0);
        insert.run();
        if (protection && (sealedReporter || !tokens.empty()))
            protection->add(ctx.db.lastInsertRowid(), id, std::move(sealedReporter),
                            std::move(tokens));

        for (std::size_t s = 0; s < path.size(); ++s) {
            const std::string actor =
                s == 0 ? (channel == "hotline" || channel == "in_person" ? "officer" : "system")
                       : "officer";
            history
                .bindAll(ctx.newId(), id, core::formatUtcSeconds(times[s]), actor,
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
                         "delivered", core::formatUtcSeconds(queued),
                         core::formatUtcSeconds(queued + rng.range(5, 600)), ctx.nowText, by)
                .run();
            ++notices;
        }
        if (!evidenceFiles.empty() && rng.chance(kWithEvidence)) {
            const int n = rng.chance(0.3) ? 2 : 1;
            for (int e = 0; e < n; ++e) {
                const auto& f = evidenceFiles[rng.below(evidenceFiles.size())];
                evidence
                    .bindAll(ctx.newId(), id, f.stored.sha256, f.stored.mediaType,
                             f.stored.sizeBytes, f.stored.fileName, f.description, ctx.nowText, by)
                    .run();
                ++evidenceRows;
            }
        }
        latest[typeIndex] = {id, code};
        previous = Previous{typeIndex, place, occurred};
    }
    std::int64_t blindRows = 0;
    if (protection) {
        protection->finish();
        blindRows = protection->blindRows();
    }
    ctx.tick(stage, total, total);
    ctx.finish("tipoffs", total);
    ctx.finish("tipoff_history", historyRows);
    ctx.finish("tipoff_notices", notices);
    ctx.finish("tipoff_blind_index", blindRows);
    ctx.finish("tipoff_evidence", evidenceRows);
}

} // namespace c175::seed
