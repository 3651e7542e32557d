// Social protection: programmes, households, beneficiaries (unique valid CCCDs) and applications
// (one per beneficiary, programme and period) in every workflow status.
#include "core/ids.h"
#include "db/database.h"
#include "seed/names.h"
#include "seed/provinces.h"
#include "seed/seed_context.h"

#include <algorithm>
#include <cmath>

namespace c175::seed {
namespace {

struct Programme {
    const char* code;
    const char* name;
    const char* kind;
    std::int64_t amount;                       // per period
    std::optional<std::int64_t> incomeCeiling; // per person per month
    bool disability, unemployed;
    const char* startsOn;
    std::optional<std::string> endsOn;
    bool quarterly; // periods "2026-Q1" rather than "2026"
    double popularity;
};

// Amounts follow the 2024 social assistance base (500.000 ₫ a month) and usual practice.
const Programme kProgrammes[] = {
    {"TCXH-KT", "Trợ cấp xã hội hằng tháng cho người khuyết tật", "monthly_allowance", 2'250'000,
     std::nullopt, true, false, "2024-07-01", std::nullopt, true, 3},
    {"TCXH-NCT", "Trợ cấp xã hội hằng tháng cho người cao tuổi", "monthly_allowance", 1'500'000,
     1'500'000, false, false, "2024-07-01", std::nullopt, true, 2},
    {"HT-DIEN", "Hỗ trợ tiền điện cho hộ nghèo", "monthly_allowance", 150'000, 1'500'000, false,
     false, "2023-01-01", std::nullopt, true, 3},
    {"BHYT-CN", "Cấp thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo", "health_insurance", 1'263'600,
     2'250'000, false, false, "2023-01-01", std::nullopt, false, 4},
    {"TCTN", "Trợ cấp thất nghiệp", "unemployment", 10'500'000, std::nullopt, false, true,
     "2023-01-01", std::nullopt, true, 2},
    {"HN-LD", "Hỗ trợ học nghề cho người lao động mất việc làm", "one_off", 4'500'000, std::nullopt,
     false, true, "2024-01-01", std::nullopt, false, 1},
    {"TET-HN", "Quà Tết Nguyên đán cho hộ nghèo, hộ cận nghèo", "one_off", 1'000'000, 2'250'000,
     false, false, "2023-01-01", std::nullopt, false, 3},
    {"BAO-YAGI", "Hỗ trợ khắc phục hậu quả bão số 3 (Yagi)", "disaster_relief", 5'000'000,
     std::nullopt, false, false, "2024-09-07", "2025-03-31", false, 1},
};

struct Member {
    std::int64_t incomePerPerson;
    int disability;
    bool unemployed;
};

bool eligible(const Programme& p, const Member& m) {
    if (p.incomeCeiling && m.incomePerPerson > *p.incomeCeiling)
        return false;
    if (p.disability && m.disability == 0)
        return false;
    return !(p.unemployed && !m.unemployed);
}

std::string periodOf(const Programme& p, std::int64_t at) {
    const std::string d = core::formatDay(at);
    if (!p.quarterly)
        return d.substr(0, 4);
    const int month = std::stoi(d.substr(5, 2));
    return d.substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
}

const char* applicationStatus(Rng& rng, std::int64_t age, bool isEligible) {
    const double r = rng.unit();
    if (age < 5 * kDay)
        return r < 0.7 ? "submitted" : "under_review";
    if (!isEligible)
        return r < 0.85 ? "rejected" : "under_review";
    if (age < 30 * kDay)
        return r < 0.15   ? "submitted"
               : r < 0.45 ? "under_review"
               : r < 0.7  ? "recommended"
               : r < 0.93 ? "approved"
                          : "rejected";
    return r < 0.02   ? "under_review"
           : r < 0.05 ? "recommended"
           : r < 0.2  ? "approved"
           : r < 0.9  ? "paid"
                      : "rejected";
}

const char* decisionNote(const std::string& status, bool isEligible) {
    if (status == "rejected")
        return isEligible ? "Hồ sơ thiếu giấy tờ chứng minh, đề nghị bổ sung và nộp lại."
                          : "Không đủ điều kiện theo quy định của chương trình.";
    if (status == "recommended")
        return "Đủ điều kiện, đề nghị phê duyệt.";
    if (status == "approved" || status == "paid")
        return "Phê duyệt theo đề nghị của cán bộ thẩm định.";
    return "";
}

} // namespace

void seedWelfare(SeedContext& ctx) {
    Rng rng(ctx.options.seed, "welfare");
    const std::string& by = ctx.options.actor;
    db::Statement prog(ctx.db, "INSERT INTO programmes (id, code, name, kind, amount_vnd, "
                               "income_ceiling_vnd, requires_disability, requires_unemployed, "
                               "starts_on, ends_on, updated_at, updated_by) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    std::vector<std::string> programmeIds;
    std::vector<double> popularity;
    for (const auto& p : kProgrammes) {
        programmeIds.push_back(ctx.newId());
        popularity.push_back(p.popularity);
        prog.bindAll(programmeIds.back(), p.code, p.name, p.kind, p.amount, p.incomeCeiling,
                     p.disability ? 1 : 0, p.unemployed ? 1 : 0, p.startsOn, p.endsOn, ctx.nowText,
                     by)
            .run();
    }
    ctx.finish("programmes", static_cast<std::int64_t>(std::size(kProgrammes)));

    db::Statement household(ctx.db, "INSERT INTO households (id, code, head_name, province_code, "
                                    "commune_code, address, members, monthly_income_vnd, "
                                    "poor_certified, updated_at, updated_by) "
                                    "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    db::Statement person(ctx.db, "INSERT INTO beneficiaries (id, household_id, full_name, cccd, "
                                 "birth_date, sex, phone, disability, unemployed, updated_at, "
                                 "updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    db::Statement application(
        ctx.db, "INSERT INTO applications (id, code, beneficiary_id, programme_id, period, "
                "submitted_at, status, reviewer, approver, decision_note, payment_channel, "
                "amount_vnd, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");

    const WeightedPicker byPopularity(popularity);
    const int total = ctx.sizes.beneficiaries;
    const char* stage = N_("Social protection");
    std::vector<int> perProvince(provinces2025().size(), 0);
    std::int64_t households = 0, applications = 0;
    int people = 0;
    std::int64_t appSeq = 0;
    while (people < total) {
        ctx.tick(stage, people, total);
        const Place place = ctx.randomPlace(rng);
        const std::string pcode = place.provinceCode();
        char code[32];
        std::snprintf(code, sizeof code, "HGD-%s-%06d", pcode.c_str(),
                      ++perProvince[static_cast<std::size_t>(place.province)]);
        const int members = std::min(7, 1 + rng.count(2.6));
        // About one household in six is poor, one in six near-poor (income per person a month).
        const double r = rng.unit();
        const std::int64_t perPerson = r < 0.17   ? rng.range(600, 1'500) * 1000
                                       : r < 0.33 ? rng.range(1'500, 2'250) * 1000
                                                  : rng.range(2'300, 12'000) * 1000;
        const bool poor = perPerson <= 1'500'000 && rng.chance(0.85);
        const bool headFemale = rng.chance(0.35);
        const PersonName head = randomPersonName(rng, headFemale);
        const std::string householdId = ctx.newId();
        const std::string address = place.address(randomStreetAddress(rng));
        household
            .bindAll(householdId, code, head.full(), pcode, place.communeCode(), address, members,
                     perPerson * members, poor ? 1 : 0, ctx.nowText, by)
            .run();
        ++households;

        const int listed = std::min(members, 1 + static_cast<int>(rng.below(3)));
        for (int m = 0; m < listed && people < total; ++m, ++people) {
            const bool female = m == 0 ? headFemale : rng.chance(0.5);
            const PersonName name =
                m == 0 ? head : randomPersonNameInFamily(rng, female, head.family);
            const int birthYear = m == 0 ? rng.rangeInt(1945, 1995) : rng.rangeInt(1940, 2007);
            char birth[16];
            const int month = rng.rangeInt(1, 12);
            std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", birthYear, month,
                          rng.rangeInt(1, 28));
            const std::string cccd = uniqueCccd(ctx, rng, place.province, birthYear, female);
            const std::optional<std::string> phone =
                rng.chance(0.8) ? std::optional<std::string>(randomMobile(rng)) : std::nullopt;
            const Member member{perPerson, rng.chance(0.08) ? rng.rangeInt(1, 3) : 0,
                                birthYear < 2005 && birthYear > 1962 && rng.chance(0.07)};
            const std::string id = ctx.newId();
            person
                .bindAll(id, householdId, name.full(), cccd, birth, female ? "female" : "male",
                         phone, member.disability, member.unemployed ? 1 : 0, ctx.nowText, by)
                .run();

            // Applications: to programmes the person qualifies for, and some that get refused.
            const int wanted = rng.count(1.6);
            std::vector<std::size_t> chosen;
            for (int a = 0; a < wanted * 6 && static_cast<int>(chosen.size()) < wanted; ++a) {
                const std::size_t pi = byPopularity.pick(rng);
                if (std::find(chosen.begin(), chosen.end(), pi) != chosen.end())
                    continue;
                const bool ok = eligible(kProgrammes[pi], member);
                if (!ok && !rng.chance(0.04))
                    continue;
                chosen.push_back(pi);
                const Programme& p = kProgrammes[pi];
                std::int64_t from = 0;
                core::parseIsoTime(p.startsOn, from);
                std::int64_t to = ctx.now - kHour;
                if (p.endsOn) {
                    std::int64_t end = 0;
                    core::parseIsoTime(*p.endsOn, end);
                    to = std::min(to, end);
                }
                from = std::max(from, ctx.now - 540 * kDay);
                if (to <= from)
                    continue;
                const std::int64_t submitted = rng.range(from, to);
                const std::string status = applicationStatus(rng, ctx.now - submitted, ok);
                const bool reviewed = status != "submitted";
                const bool decided = status == "approved" || status == "paid" ||
                                     (status == "rejected" && rng.chance(0.4));
                std::optional<std::string> channel;
                if (status == "approved" || status == "paid") {
                    const double c = rng.unit();
                    channel = c < 0.45 ? "bank" : c < 0.7 ? "post" : c < 0.85 ? "e_wallet" : "cash";
                }
                const int year = std::stoi(core::formatDay(submitted).substr(0, 4));
                char appCode[32];
                std::snprintf(appCode, sizeof appCode, "HS-%04d-%07lld", year,
                              static_cast<long long>(++appSeq));
                application
                    .bindAll(ctx.newId(), appCode, id, programmeIds[pi], periodOf(p, submitted),
                             core::formatUtcSeconds(submitted), status,
                             reviewed ? std::optional<std::string>("reviewer") : std::nullopt,
                             decided ? std::optional<std::string>("approver") : std::nullopt,
                             decisionNote(status, ok), channel, p.amount, ctx.nowText, by)
                    .run();
                ++applications;
            }
        }
    }
    ctx.tick(stage, total, total);
    ctx.finish("households", households);
    ctx.finish("beneficiaries", people);
    ctx.finish("applications", applications);
}

} // namespace c175::seed
