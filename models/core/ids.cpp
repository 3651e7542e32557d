#include "core/ids.h"

#include <openssl/rand.h>

#include <array>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <string_view>

namespace c175::core {
namespace {

// Hand-written hex: the seed formats millions of ids.
std::string formatUuid(const std::array<unsigned char, 16>& b) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(36, '-');
    std::size_t at = 0;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            ++at; // the dash already there
        out[at++] = kHex[b[i] >> 4];
        out[at++] = kHex[b[i] & 15];
    }
    return out;
}

void setTimeAndVersion(std::array<unsigned char, 16>& b, std::int64_t unixMs) {
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>(unixMs >> (8 * (5 - i)));
    b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0F));
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3F));
}

// Days from 1970-01-01 for a civil date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm, the inverse of the above).
void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

void put2(char* out, unsigned v) {
    out[0] = static_cast<char>('0' + v / 10);
    out[1] = static_cast<char>('0' + v % 10);
}

// Formats "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" by arithmetic into a buffer: the seed formats
// millions of times, and strftime (locale, time zone look-ups) costs several times more. Years
// outside 0000-9999 are written in full with their sign (ISO 8601 expanded years).
std::string formatTime(std::int64_t unixSeconds, bool withTime) {
    constexpr std::int64_t kDay = 86400;
    std::int64_t days = unixSeconds / kDay;
    std::int64_t secs = unixSeconds % kDay;
    if (secs < 0) {
        secs += kDay;
        --days;
    }
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    char buf[48];
    char* p = buf;
    if (y >= 0 && y <= 9999) {
        put2(p, static_cast<unsigned>(y / 100));
        put2(p + 2, static_cast<unsigned>(y % 100));
        p += 4;
    } else {
        p += std::snprintf(p, 24, "%+05lld", static_cast<long long>(y));
    }
    *p++ = '-';
    put2(p, m);
    p += 2;
    *p++ = '-';
    put2(p, d);
    p += 2;
    if (withTime) {
        *p++ = 'T';
        put2(p, static_cast<unsigned>(secs / 3600));
        p[2] = ':';
        put2(p + 3, static_cast<unsigned>(secs / 60 % 60));
        p[5] = ':';
        put2(p + 6, static_cast<unsigned>(secs % 60));
        p[8] = 'Z';
        p += 9;
    }
    return std::string(buf, p);
}

} // namespace

std::string newUuidV7() {
    std::array<unsigned char, 16> b{};
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1)
        throw std::runtime_error("The system random generator failed.");
    std::int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
    // Ids of one process sort in the order they were made, even within a millisecond (records
    // ordered by id, such as a case's history, keep their order): RFC 9562's counter in the 12
    // bits after the version, started at random with headroom, the time moved on when it runs out.
    static std::mutex mutex;
    static std::int64_t lastMs = 0;
    static unsigned counter = 0;
    {
        std::lock_guard lock(mutex);
        if (ms <= lastMs) {
            if (++counter > 0xFFF) {
                counter = 0;
                ++lastMs;
            }
            ms = lastMs;
        } else {
            lastMs = ms;
            counter = static_cast<unsigned>(((b[6] & 0x07) << 8) | b[7]);
        }
    }
    b[6] = static_cast<unsigned char>(counter >> 8);
    b[7] = static_cast<unsigned char>(counter);
    setTimeAndVersion(b, ms);
    return formatUuid(b);
}

std::string uuidV7From(std::int64_t unixMs, std::uint64_t counter) {
    std::array<unsigned char, 16> b{};
    // splitmix64 spreads the counter over the random bits.
    std::uint64_t z = counter + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    for (int i = 0; i < 8; ++i)
        b[8 + i] = static_cast<unsigned char>(z >> (8 * i));
    b[6] = static_cast<unsigned char>(counter >> 8);
    b[7] = static_cast<unsigned char>(counter);
    setTimeAndVersion(b, unixMs);
    return formatUuid(b);
}

std::string formatUtcSeconds(std::int64_t unixSeconds) {
    return formatTime(unixSeconds, true);
}

std::string formatUtc(std::chrono::system_clock::time_point t) {
    return formatUtcSeconds(
        std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}

std::string formatDay(std::int64_t unixSeconds) {
    return formatTime(unixSeconds, false);
}

std::string nowUtc() {
    return formatUtc(std::chrono::system_clock::now());
}

// True when text[from, from + pattern.size()) has a digit wherever pattern has 'D' and the same
// character elsewhere: sscanf alone would take signs and spaces inside the fields.
bool shapeMatches(const std::string& text, std::size_t from, std::string_view pattern) {
    if (from + pattern.size() > text.size())
        return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = text[from + i];
        if (pattern[i] == 'D' ? (c < '0' || c > '9') : c != pattern[i])
            return false;
    }
    return true;
}

bool parseIsoTime(const std::string& text, std::int64_t& unixSeconds) {
    if (!shapeMatches(text, 0, "DDDD-DD-DD"))
        return false;
    if (text.size() > 10 && !shapeMatches(text, 11, "DD:DD:DD"))
        return false;
    if (const auto sign = text.find_first_of("+-", 19);
        text.size() > 19 && sign != std::string::npos && !shapeMatches(text, sign + 1, "DD:DD"))
        return false;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3 || consumed != 10)
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return false;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kDays[mo - 1] || (mo == 2 && d == 29 && !leap))
        return false;
    std::size_t pos = 10;
    std::int64_t offset = 0;
    if (pos < text.size()) {
        if (text[pos] != 'T' && text[pos] != ' ')
            return false;
        int n = 0;
        if (std::sscanf(text.c_str() + pos + 1, "%2d:%2d:%2d%n", &h, &mi, &s, &n) != 3 || n != 8)
            return false;
        if (h > 23 || mi > 59 || s > 60)
            return false;
        pos += 9;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
                ++pos;
        }
        if (pos >= text.size())
            return false; // a time needs its offset, or the moment is ambiguous
        if (text[pos] == 'Z') {
            ++pos;
        } else if (text[pos] == '+' || text[pos] == '-') {
            int oh = 0, om = 0;
            if (std::sscanf(text.c_str() + pos + 1, "%2d:%2d%n", &oh, &om, &n) != 2 || n != 5 ||
                oh > 14 || om > 59)
                return false;
            offset = (oh * 3600 + om * 60) * (text[pos] == '+' ? 1 : -1);
            pos += 6;
        } else {
            return false;
        }
        if (pos != text.size())
            return false;
    }
    unixSeconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset;
    return true;
}

} // namespace c175::core
