// Composing Vietnamese text given in NFD into NFC, the form we store.
#pragma once
#include <string>
#include <string_view>

namespace c175::core {

// Composes Vietnamese letters given decomposed (base + U+0300/0301/0303/0309/0323 tone marks and
// U+0302/0306/031B vowel marks, in any canonical order) into their precomposed forms. Other text
// is returned unchanged; invalid UTF-8 bytes are kept as they are.
std::string toNfc(std::string_view utf8);

} // namespace c175::core
