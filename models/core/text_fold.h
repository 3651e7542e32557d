// Folding Vietnamese text for search: lower case, tone and vowel marks removed, đ/Đ -> d.
#pragma once
#include <string>
#include <string_view>

namespace c175::core {

// "Đồng Xuân" -> "dong xuan". Works on NFC and NFD input (combining marks are dropped).
// Invalid UTF-8 bytes are kept as they are.
std::string foldForSearch(std::string_view utf8);

// Decodes one code point at `pos`, advancing it; returns U+FFFD for a bad sequence.
char32_t decodeUtf8(std::string_view s, std::size_t& pos);
void appendUtf8(std::string& out, char32_t cp);
// Number of code points (what a person counts as characters in Vietnamese NFC text).
std::size_t utf8Length(std::string_view s);
bool isValidUtf8(std::string_view s);

} // namespace c175::core
