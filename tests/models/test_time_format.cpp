// core::formatUtcSeconds / formatDay: the arithmetic formatters (used by the seed for millions of
// rows) give exactly what gmtime + strftime give, at the edges of days, months, years and leap
// days, and round-trip through parseIsoTime with any offset.
#include "core/ids.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <ctime>
#include <random>
#include <string>

using namespace c175::core;

namespace {

// The reference: the C library, as core formatted before.
std::string libcUtc(std::int64_t unixSeconds) {
    const auto t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::int64_t at(const std::string& iso) {
    std::int64_t t = 0;
    REQUIRE_MESSAGE(parseIsoTime(iso, t), iso);
    return t;
}

} // namespace

TEST_CASE("formatUtcSeconds: the epoch, day ends and year ends") {
    CHECK(formatUtcSeconds(0) == "1970-01-01T00:00:00Z");
    CHECK(formatUtcSeconds(86399) == "1970-01-01T23:59:59Z");
    CHECK(formatUtcSeconds(86400) == "1970-01-02T00:00:00Z");
    CHECK(formatUtcSeconds(-1) == "1969-12-31T23:59:59Z");
    CHECK(formatUtcSeconds(-86400) == "1969-12-31T00:00:00Z");
    CHECK(formatUtcSeconds(-86401) == "1969-12-30T23:59:59Z");
    CHECK(formatUtcSeconds(at("2025-12-31T23:59:59Z")) == "2025-12-31T23:59:59Z");
    CHECK(formatUtcSeconds(at("2025-12-31T23:59:59Z") + 1) == "2026-01-01T00:00:00Z");
    CHECK(formatDay(at("2026-12-31T23:59:59Z")) == "2026-12-31");
    CHECK(formatDay(at("2026-12-31T23:59:59Z") + 1) == "2027-01-01");
    CHECK(formatUtcSeconds(1'000'000'000) == "2001-09-09T01:46:40Z");
    CHECK(formatUtcSeconds(2'147'483'647) == "2038-01-19T03:14:07Z");
    CHECK(formatUtcSeconds(2'147'483'648) == "2038-01-19T03:14:08Z"); // past 32-bit time_t
    CHECK(formatUtcSeconds(at("9999-12-31T23:59:59Z")) == "9999-12-31T23:59:59Z");
    CHECK(formatUtcSeconds(at("0001-01-01T00:00:00Z")) == "0001-01-01T00:00:00Z");
    CHECK(formatDay(at("9999-12-31T00:00:00Z") + 86400) == "+10000-01-01");
    CHECK(formatDay(at("0000-01-01T00:00:00Z") - 86400) == "-0001-12-31");
}

TEST_CASE("formatDay: leap days, including the century rules") {
    CHECK(formatDay(at("2024-02-28T12:00:00Z") + 86400) == "2024-02-29");
    CHECK(formatDay(at("2024-02-29T12:00:00Z") + 86400) == "2024-03-01");
    CHECK(formatDay(at("2026-02-28T12:00:00Z") + 86400) == "2026-03-01"); // not a leap year
    CHECK(formatDay(at("2000-02-28T00:00:00Z") + 86400) == "2000-02-29"); // divisible by 400
    CHECK(formatDay(at("2100-02-28T00:00:00Z") + 86400) == "2100-03-01"); // by 100, not 400
    CHECK(formatDay(at("1900-02-28T00:00:00Z") + 86400) == "1900-03-01");
    CHECK(formatUtcSeconds(at("2028-02-29T23:59:59Z") + 1) == "2028-03-01T00:00:00Z");
    // Day 366 of a leap year is still 31 December.
    CHECK(formatDay(at("2024-01-01T00:00:00Z") + 365 * 86400) == "2024-12-31");
    CHECK(formatDay(at("2025-01-01T00:00:00Z") + 365 * 86400) == "2026-01-01");
}

TEST_CASE("offsets: a local time with a negative or positive offset formats as its UTC moment") {
    // 23:30 on 31 December in Hanoi is 16:30 UTC the same day.
    CHECK(formatUtcSeconds(at("2026-12-31T23:30:00+07:00")) == "2026-12-31T16:30:00Z");
    // 20:00 on 31 December at -05:00 is already the next year in UTC.
    CHECK(formatUtcSeconds(at("2026-12-31T20:00:00-05:00")) == "2027-01-01T01:00:00Z");
    CHECK(formatDay(at("2026-12-31T20:00:00-05:00")) == "2027-01-01");
    // Across a leap day, both ways.
    CHECK(formatUtcSeconds(at("2024-02-28T22:00:00-03:30")) == "2024-02-29T01:30:00Z");
    CHECK(formatUtcSeconds(at("2024-03-01T05:00:00+07:00")) == "2024-02-29T22:00:00Z");
    CHECK(formatUtcSeconds(at("1970-01-01T00:00:00+00:01")) == "1969-12-31T23:59:00Z");
}

TEST_CASE("formatUtcSeconds and formatDay agree with gmtime + strftime everywhere") {
    std::mt19937_64 rng(175);
    // 1900 .. 2200: every kind of month and year end, both sides of the epoch.
    std::uniform_int_distribution<std::int64_t> when(-2'208'988'800, 7'258'118'400);
    for (int i = 0; i < 200000; ++i) {
        const std::int64_t t = when(rng);
        const std::string expected = libcUtc(t);
        REQUIRE(formatUtcSeconds(t) == expected);
        REQUIRE(formatDay(t) == expected.substr(0, 10));
        std::int64_t back = 0;
        REQUIRE(parseIsoTime(expected, back));
        REQUIRE(back == t);
    }
    // Every day boundary of four whole years around a leap year.
    const std::int64_t from = at("2023-01-01T00:00:00Z");
    for (std::int64_t d = 0; d < 4 * 366; ++d)
        for (std::int64_t t : {from + d * 86400 - 1, from + d * 86400})
            REQUIRE(formatUtcSeconds(t) == libcUtc(t));
}
