#include "core/text_fold.h"

namespace c175::core {
namespace {

// Base letters of U+1EA0..U+1EF9 (Latin Extended Additional, the Vietnamese block).
constexpr std::string_view kVietBlock = "aaaaaaaaaaaaaaaaaaaaaaaa" // 1EA0-1EB7
                                        "eeeeeeeeeeeeeeee"         // 1EB8-1EC7
                                        "iiii"                     // 1EC8-1ECB
                                        "oooooooooooooooooooooooo" // 1ECC-1EE3
                                        "uuuuuuuuuuuuuu"           // 1EE4-1EF1
                                        "yyyyyyyy";                // 1EF2-1EF9

// Base letters of U+00C0..U+00FF; '\0' = keep the code point (lower-cased where it has a case).
constexpr std::string_view kLatin1 = "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0"
                                     "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";

char32_t foldCodePoint(char32_t cp) {
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (cp >= 0xC0 && cp <= 0xFF) {
        const char base = kLatin1[cp - 0xC0];
        if (base)
            return static_cast<char32_t>(base);
        return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ? cp + 32 : cp;
    }
    if (cp >= 0x1EA0 && cp <= 0x1EF9)
        return static_cast<char32_t>(kVietBlock[cp - 0x1EA0]);
    switch (cp) {
    case 0x0100:
    case 0x0101:
    case 0x0102:
    case 0x0103:
    case 0x0104:
    case 0x0105:
        return 'a';
    case 0x0110:
    case 0x0111:
        return 'd';
    case 0x0128:
    case 0x0129:
        return 'i';
    case 0x0168:
    case 0x0169:
    case 0x01AF:
    case 0x01B0:
        return 'u';
    case 0x01A0:
    case 0x01A1:
        return 'o';
    default:
        return cp;
    }
}

bool isCombiningMark(char32_t cp) {
    return cp >= 0x0300 && cp <= 0x036F;
}

} // namespace

char32_t decodeUtf8(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    int extra = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
        ++pos;
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        extra = 1;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3;
        cp = b0 & 0x07;
    } else {
        ++pos;
        return 0xFFFD;
    }
    if (pos + extra >= s.size()) {
        pos = s.size();
        return 0xFFFD;
    }
    for (int i = 1; i <= extra; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80) {
            pos += i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    pos += extra + 1;
    const bool overlong =
        (extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0xFFFD;
    return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string foldForSearch(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const auto b = static_cast<unsigned char>(utf8[pos]);
        if (b < 0x80) {
            out += static_cast<char>((b >= 'A' && b <= 'Z') ? b + 32 : b);
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = decodeUtf8(utf8, pos);
        if (cp == 0xFFFD) {
            out.append(utf8.substr(start, pos - start));
            continue;
        }
        if (isCombiningMark(cp))
            continue;
        appendUtf8(out, foldCodePoint(cp));
    }
    return out;
}

std::size_t utf8Length(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

bool isValidUtf8(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t start = pos;
        const char32_t cp = decodeUtf8(s, pos);
        if (cp == 0xFFFD && s.substr(start, 3) != "\xEF\xBF\xBD")
            return false;
    }
    return true;
}

} // namespace c175::core
