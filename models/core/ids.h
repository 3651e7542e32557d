// Identifiers and timestamps made where a record is born.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace c175::core {

// A UUIDv7 (RFC 9562) as 36 lower-case characters: time-ordered, random in the rest.
std::string newUuidV7();
// Deterministic UUIDv7 for seeded data: the time part from `unixMs`, the rest from `counter`.
std::string uuidV7From(std::int64_t unixMs, std::uint64_t counter);

// ISO 8601 UTC with seconds: "2026-12-03T13:11:38Z". Fast (no locale, no time zone look-up): the
// seed formats millions. Years outside 0000-9999 come with their sign ("+10000-01-01...").
std::string formatUtc(std::chrono::system_clock::time_point t);
std::string formatUtcSeconds(std::int64_t unixSeconds);
std::string formatDay(std::int64_t unixSeconds); // "2026-12-03"
std::string nowUtc();
// Parses "YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)" or "YYYY-MM-DD"; false when malformed.
bool parseIsoTime(const std::string& text, std::int64_t& unixSeconds);

} // namespace c175::core
