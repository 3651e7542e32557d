// Tip-off figures at pilot scale: search latency over 100,000 tips (p50, p95), the statistics
// query, and intake throughput. Prints "name: value unit" lines.
#include "core/ids.h"
#include "db/database.h"
#include "db/migrations.h"
#include "tipoff/case_search.h"
#include "tipoff/case_stats.h"
#include "tipoff/centre_keys.h"
#include "tipoff/intake.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using namespace c175;
using Clock = std::chrono::steady_clock;

// What the case list shows: the first page and the number of matches up to "10,000+".
constexpr std::int64_t kCountCap = 10000;

namespace {

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

const std::vector<std::string> kPlaces = {"chợ Đồng Xuân",   "phố Hàng Bạc",
                                          "bến xe Giáp Bát", "chợ Bến Thành",
                                          "phường Bến Nghé", "cầu Rồng",
                                          "chợ Hàn",         "phố cổ Hội An",
                                          "ga Sài Gòn",      "khu công nghiệp Đồng Nai",
                                          "thị trấn Sa Pa",  "bãi biển Nha Trang",
                                          "chợ Đầm",         "cảng Hải Phòng",
                                          "phường Đội Cấn",  "đường Láng",
                                          "quận Đống Đa",    "xã Đông Anh",
                                          "huyện Củ Chi",    "thành phố Thủ Đức"};
const std::vector<std::string> kActs = {"buôn bán ma túy",         "lừa đảo qua điện thoại",
                                        "trộm cắp xe máy",         "đánh bạc",
                                        "cho vay nặng lãi",        "xả thải ra sông",
                                        "đua xe trái phép",        "bán hàng giả",
                                        "giả danh công an",        "cướp giật túi xách",
                                        "khai thác cát trái phép", "mua bán động vật hoang dã",
                                        "tụ tập gây rối",          "lừa đảo đầu tư tiền ảo"};
const std::vector<std::string> kTimes = {"vào ban đêm",     "lúc sáng sớm", "chiều tối",
                                         "nhiều ngày liền", "cuối tuần",    "giờ cao điểm"};
const char* kTypes[] = {"criminal", "economic", "drugs", "environment",
                        "cyber",    "traffic",  "other"};
const char* kStatuses[] = {"received",  "verifying", "assigned", "investigating",
                           "concluded", "closed",    "rejected"};

void seed(db::Database& db, int n) {
    std::mt19937_64 rng(175);
    auto pick = [&](const auto& list) { return list[rng() % list.size()]; };
    db::Transaction tx(db);
    db::Statement ins(
        db, "INSERT INTO tipoffs(id, code, crime_type, subtype, description, lat, lon, address, "
            "province_code, occurred_at, received_at, channel, anonymous, status, outcome, "
            "assignee, due_at, concluded_at, satisfaction) "
            "VALUES (?,?,?,'',?,?,?,?,?,?,?,'hotline',1,?,?,?,?,?,?)");
    const std::int64_t start = 1735689600; // 2025-01-01
    for (int i = 0; i < n; ++i) {
        const std::int64_t received = start + static_cast<std::int64_t>(rng() % (700 * 86400));
        const std::string status = kStatuses[rng() % 7];
        const bool concluded = status == "concluded" || status == "closed";
        const std::string place = pick(kPlaces);
        const std::string desc = "Người dân phản ánh " + pick(kActs) + " tại " + place + " " +
                                 pick(kTimes) + ", có " + std::to_string(1 + rng() % 9) +
                                 " đối tượng tham gia.";
        char code[32];
        std::snprintf(code, sizeof code, "TG-2025-%06d", i + 1);
        ins.bindAll(core::uuidV7From(received * 1000, static_cast<std::uint64_t>(i)),
                    std::string(code), std::string(kTypes[rng() % 7]), desc,
                    10.0 + static_cast<double>(rng() % 1100) / 100.0,
                    104.0 + static_cast<double>(rng() % 500) / 100.0, place + ", Việt Nam",
                    std::to_string(1 + rng() % 34), core::formatUtcSeconds(received - 3600),
                    core::formatUtcSeconds(received), status);
        ins.bind(12, concluded ? std::optional<std::string>(rng() % 3 ? "substantiated"
                                                                      : "unsubstantiated")
                               : std::nullopt);
        ins.bind(13, std::string("officer") + std::to_string(rng() % 20));
        ins.bind(14, core::formatUtcSeconds(received + 20 * 86400));
        ins.bind(15, concluded ? std::optional<std::string>(core::formatUtcSeconds(
                                     received + static_cast<std::int64_t>(rng() % (30 * 86400))))
                               : std::nullopt);
        ins.bind(16, concluded && rng() % 2 ? std::optional<std::int64_t>(1 + rng() % 5)
                                            : std::nullopt);
        ins.run();
    }
    tx.commit();
}

} // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
    const auto dir =
        std::filesystem::temp_directory_path() / ("c175-bench-tipoff-" + core::newUuidV7());
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "cache.c175").string();
    {
        auto db = db::openCache(path);
        auto t0 = Clock::now();
        seed(db, n);
        std::cout << "tips: " << n << " count\n";
        std::cout << "seed_s: " << msSince(t0) / 1000 << " s\n";

        // Typed searches as people make them, some with filters; each = first page + total.
        const std::vector<std::pair<std::string, int>> searches = {
            {"dong xuan", 0}, {"lua dao", 0},          {"ma tuy", 1},  {"xe may", 0},
            {"Đống Đa", 0},   {"cho ben thanh", 0},    {"dua xe", 2},  {"hang gia", 0},
            {"song", 0},      {"gia danh cong an", 0}, {"tien ao", 1}, {"sa pa", 0},
            {"doi tuong", 0}, {"hai phong", 2},        {"dong", 0},    {"cat trai phep", 0}};
        std::vector<double> times;
        for (int round = 0; round < 10; ++round) {
            for (const auto& [text, filter] : searches) {
                tipoff::CaseQuery q;
                q.text = text;
                q.limit = 100;
                if (filter == 1)
                    q.status = tipoff::Status::Investigating;
                if (filter == 2)
                    q.areaCode = "1";
                const auto t = Clock::now();
                const auto page = tipoff::searchCases(db, q);
                const auto total = tipoff::countCases(db, q, kCountCap);
                times.push_back(msSince(t));
                if (round == 9 && std::getenv("C175_BENCH_VERBOSE"))
                    std::cerr << text << " filter " << filter << ": " << times.back() << " ms, "
                              << total << " matches\n";
                if (total < static_cast<std::int64_t>(page.size()))
                    return 1;
            }
        }
        std::cout << "search_ms_p50: " << percentile(times, 0.5) << " ms\n";
        std::cout << "search_ms_p95: " << percentile(times, 0.95) << " ms\n";

        std::vector<double> statTimes;
        for (int i = 0; i < 5; ++i) {
            const auto t = Clock::now();
            const auto s = tipoff::computeStats(db);
            statTimes.push_back(msSince(t));
            if (s.total != n)
                return 1;
        }
        std::cout << "stats_ms: " << percentile(statTimes, 0.5) << " ms\n";

        // Intake through the real service: validation, code, blind indexes, sealing, history,
        // notice, audit and outbox, one transaction per tip.
        tipoff::createCentreKeys(db, "bench", {});
        tipoff::IntakeService intake(db);
        tipoff::IntakeInput in;
        in.crimeType = "cyber";
        in.subtype = "online_fraud";
        in.description = "Bị lừa đảo qua số 0912 345 678, mạo danh ngân hàng";
        in.latitude = 21.03;
        in.longitude = 105.85;
        in.address = "Phường Đống Đa, Hà Nội";
        in.occurredAt = "2026-11-30T21:00:00+07:00";
        in.channel = "web";
        in.anonymous = false;
        in.reporter.name = "Người Báo Tin";
        in.reporter.phone = "0987654321";
        const int intakeCount = 1000;
        const auto t = Clock::now();
        for (int i = 0; i < intakeCount; ++i)
            intake.fileAs("bench", in);
        std::cout << "intake_per_s: " << intakeCount / (msSince(t) / 1000) << " tips/s\n";
    }
    std::filesystem::remove_all(dir);
    return 0;
}
