// Human-readable case codes: hub-issued "TG-2026-000123" or made offline "TG-2026-K7Q3-0042".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace c175::values {

// Offline codes carry a 4-character device tag (Crockford base32: 0-9 A-Z without I L O U) so
// consoles that number cases while disconnected never collide with each other or with the hub.
// Prefix: 2..4 upper-case letters; year 2000..2999; hub seq 1..999999 (6 digits), offline seq
// 1..9999 (4 digits).
class CaseCode {
public:
    // Throws core::ValidationError(field, rule).
    static CaseCode parse(std::string_view text, std::string_view field = "case_code");
    static CaseCode hubIssued(std::string_view prefix, int year, std::int64_t seq);
    static CaseCode offline(std::string_view prefix, int year, std::string_view deviceTag,
                            std::int64_t seq);
    // Stable 4-character tag from any id string (a hash of it).
    static std::string deviceTagFrom(std::string_view deviceId);

    const std::string& str() const { return m_text; }
    std::string prefix() const;
    int year() const;
    bool isOffline() const;
    std::string deviceTag() const; // empty for hub-issued codes
    std::int64_t sequence() const;

    friend bool operator==(const CaseCode&, const CaseCode&) = default;

private:
    explicit CaseCode(std::string text) : m_text(std::move(text)) {}
    std::string m_text;
};

} // namespace c175::values
