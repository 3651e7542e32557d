#include "values/case_code.h"

#include "core/errors.h"
#include "core/i18n.h"

#include <vector>

namespace c175::values {
namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2999;
constexpr std::int64_t kMaxHubSeq = 999'999;
constexpr std::int64_t kMaxOfflineSeq = 9'999;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto dash = s.find('-', start);
        parts.push_back(s.substr(start, dash - start));
        if (dash == std::string::npos)
            return parts;
        start = dash + 1;
    }
}

bool allOf(std::string_view s, bool (*pred)(char)) {
    for (const char c : s)
        if (!pred(c))
            return false;
    return !s.empty();
}

bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isCrockford(char c) {
    return kCrockford.find(c) != std::string_view::npos;
}

std::string padded(std::int64_t value, std::size_t width) {
    std::string s = std::to_string(value);
    return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
}

core::ValidationError malformed(std::string_view field) {
    return core::ValidationError(
        std::string(field),
        core::tr("must be a case code such as TG-2026-000123 or TG-2026-K7Q3-0042"));
}

void checkPrefixYear(std::string_view prefix, int year, std::string_view field) {
    if (prefix.size() < 2 || prefix.size() > 4 || !allOf(prefix, isUpper))
        throw core::ValidationError(std::string(field),
                                    core::tr("the prefix must be 2 to 4 capital letters"));
    if (year < kMinYear || year > kMaxYear)
        throw core::ValidationError(
            std::string(field),
            core::fmt(core::tr("the year must be between {} and {}"), kMinYear, kMaxYear));
}

void checkSeq(std::int64_t seq, std::int64_t max, std::string_view field) {
    if (seq < 1 || seq > max)
        throw core::ValidationError(
            std::string(field),
            core::fmt(core::tr("the sequence number must be between 1 and {}"), max));
}

// Crockford decoding is forgiving of the letters people misread: I and L are 1, O is 0.
std::string normaliseTag(std::string_view tag) {
    std::string out;
    for (char c : tag) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 32);
        if (c == 'I' || c == 'L')
            c = '1';
        else if (c == 'O')
            c = '0';
        out += c;
    }
    return out;
}

} // namespace

CaseCode CaseCode::parse(std::string_view text, std::string_view field) {
    std::string s(trim(text));
    for (char& c : s)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 32);
    const std::vector<std::string> parts = split(s);
    if (parts.size() != 3 && parts.size() != 4)
        throw malformed(field);
    const std::string& seqText = parts.back();
    const std::size_t seqWidth = parts.size() == 3 ? 6 : 4;
    if (parts[1].size() != 4 || !allOf(parts[1], isDigit) || seqText.size() != seqWidth ||
        !allOf(seqText, isDigit) || !allOf(parts[0], isUpper))
        throw malformed(field);
    const int year = std::stoi(parts[1]);
    const std::int64_t seq = std::stoll(seqText);
    if (parts.size() == 3) {
        checkPrefixYear(parts[0], year, field);
        checkSeq(seq, kMaxHubSeq, field);
        return hubIssued(parts[0], year, seq);
    }
    const std::string tag = normaliseTag(parts[2]);
    if (tag.size() != 4 || !allOf(tag, isCrockford))
        throw core::ValidationError(
            std::string(field),
            core::tr("the device tag must be 4 characters from 0-9 and A-Z without I, L, O, U"));
    checkPrefixYear(parts[0], year, field);
    checkSeq(seq, kMaxOfflineSeq, field);
    return offline(parts[0], year, tag, seq);
}

CaseCode CaseCode::hubIssued(std::string_view prefix, int year, std::int64_t seq) {
    checkPrefixYear(prefix, year, "case_code");
    checkSeq(seq, kMaxHubSeq, "case_code");
    return CaseCode{std::string(prefix) + "-" + std::to_string(year) + "-" + padded(seq, 6)};
}

CaseCode CaseCode::offline(std::string_view prefix, int year, std::string_view deviceTag,
                           std::int64_t seq) {
    checkPrefixYear(prefix, year, "case_code");
    const std::string tag = normaliseTag(deviceTag);
    if (tag.size() != 4 || !allOf(tag, isCrockford))
        throw core::ValidationError(
            "case_code",
            core::tr("the device tag must be 4 characters from 0-9 and A-Z without I, L, O, U"));
    checkSeq(seq, kMaxOfflineSeq, "case_code");
    return CaseCode{std::string(prefix) + "-" + std::to_string(year) + "-" + tag + "-" +
                    padded(seq, 4)};
}

std::string CaseCode::deviceTagFrom(std::string_view deviceId) {
    if (deviceId.empty())
        throw core::ValidationError("device_id", core::tr("must not be empty"));
    // FNV-1a: stable across platforms and runs (std::hash is not).
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : deviceId) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 32;
    std::string tag;
    for (int i = 0; i < 4; ++i) {
        tag += kCrockford[h & 31];
        h >>= 5;
    }
    return tag;
}

std::string CaseCode::prefix() const {
    return m_text.substr(0, m_text.find('-'));
}

int CaseCode::year() const {
    return std::stoi(m_text.substr(m_text.find('-') + 1, 4));
}

bool CaseCode::isOffline() const {
    return split(m_text).size() == 4;
}

std::string CaseCode::deviceTag() const {
    const auto parts = split(m_text);
    return parts.size() == 4 ? parts[2] : std::string();
}

std::int64_t CaseCode::sequence() const {
    return std::stoll(m_text.substr(m_text.rfind('-') + 1));
}

} // namespace c175::values
