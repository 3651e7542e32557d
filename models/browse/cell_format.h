// Turns stored values into the text a list cell shows (Vietnamese number, money and time formats).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace c175::browse {

struct Column;

// 1234567 -> "1.234.567"
std::string formatThousands(std::int64_t value);
// 1234.56 -> "1.234,6" (digits after the comma)
std::string formatDecimal(double value, int digits = 1);
// "2026-12-03T13:11:38Z" -> "03/12/2026 20:11" (Vietnam time, UTC+7); the text as is when
// unreadable
std::string formatVietnamTime(const std::string& isoUtc);
// "2026-12-03" -> "03/12/2026"
std::string formatDay(const std::string& day);

// The cell text of a stored value (`isNull` -> empty); `raw` is SQLite's text of the value.
std::string formatCell(const Column& column, const std::string& raw, bool isNull);

} // namespace c175::browse
