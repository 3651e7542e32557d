#include "protocol/json_text.h"

#include "core/text_fold.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace c175::sync {
namespace {

class Parser {
public:
    Parser(std::string_view text, int maxDepth) : m_text(text), m_maxDepth(maxDepth) {}

    JsonValue parseDocument() {
        JsonValue v = parseValue(0);
        skipSpace();
        if (m_pos != m_text.size())
            fail("end of input");
        return v;
    }

private:
    [[noreturn]] void fail(const char* expected) {
        throw JsonError("malformed JSON at byte " + std::to_string(m_pos) + ": expected " +
                        expected);
    }
    void skipSpace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                break;
            ++m_pos;
        }
    }
    bool consume(char c) {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool literal(const char* word) {
        const size_t n = std::strlen(word);
        if (m_text.substr(m_pos, n) == word) {
            m_pos += n;
            return true;
        }
        return false;
    }

    JsonValue parseValue(int depth) {
        if (depth > m_maxDepth)
            fail("less nesting");
        skipSpace();
        if (m_pos >= m_text.size())
            fail("a value");
        const char c = m_text[m_pos];
        if (c == '{')
            return parseObject(depth);
        if (c == '[')
            return parseArray(depth);
        if (c == '"')
            return JsonValue(parseString());
        if (literal("null"))
            return JsonValue();
        if (literal("true"))
            return JsonValue(true);
        if (literal("false"))
            return JsonValue(false);
        if (c == '-' || (c >= '0' && c <= '9'))
            return parseNumber();
        fail("a value");
    }

    JsonValue parseObject(int depth) {
        ++m_pos;
        JsonValue obj = JsonValue::object();
        if (consume('}'))
            return obj;
        do {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                fail("a member name");
            std::string key = parseString();
            if (!consume(':'))
                fail("':'");
            obj.members().emplace_back(std::move(key), parseValue(depth + 1));
        } while (consume(','));
        if (!consume('}'))
            fail("',' or '}'");
        return obj;
    }

    JsonValue parseArray(int depth) {
        ++m_pos;
        JsonValue arr = JsonValue::array();
        if (consume(']'))
            return arr;
        do {
            arr.items().push_back(parseValue(depth + 1));
        } while (consume(','));
        if (!consume(']'))
            fail("',' or ']'");
        return arr;
    }

    JsonValue parseNumber() {
        const size_t start = m_pos;
        bool isDouble = false;
        if (m_text[m_pos] == '-')
            ++m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c >= '0' && c <= '9') {
                ++m_pos;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                isDouble = true;
                ++m_pos;
            } else {
                break;
            }
        }
        const char* first = m_text.data() + start;
        const char* last = m_text.data() + m_pos;
        if (!isDouble) {
            std::int64_t i = 0;
            auto [p, ec] = std::from_chars(first, last, i);
            if (ec == std::errc() && p == last)
                return JsonValue(i);
        }
        double d = 0;
        auto [p, ec] = std::from_chars(first, last, d);
        if (ec != std::errc() || p != last || !std::isfinite(d)) {
            m_pos = start;
            fail("a number");
        }
        return JsonValue(d);
    }

    unsigned hex4() {
        if (m_pos + 4 > m_text.size())
            fail("four hex digits");
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<unsigned>(c - 'A' + 10);
            else
                fail("a hex digit");
        }
        return v;
    }

    std::string parseString() {
        ++m_pos; // opening quote
        std::string out;
        while (true) {
            const size_t run = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] != '"' && m_text[m_pos] != '\\') {
                if (static_cast<unsigned char>(m_text[m_pos]) < 0x20)
                    fail("no control character in a string");
                ++m_pos;
            }
            out.append(m_text.data() + run, m_pos - run);
            if (m_pos >= m_text.size())
                fail("'\"'");
            if (m_text[m_pos] == '"') {
                ++m_pos;
                return out;
            }
            ++m_pos; // backslash
            if (m_pos >= m_text.size())
                fail("an escape");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = hex4();
                if (cp >= 0xD800 && cp < 0xDC00) {
                    if (!literal("\\u"))
                        fail("a low surrogate");
                    const unsigned lo = hex4();
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        fail("a low surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp < 0xE000) {
                    fail("a high surrogate first");
                }
                core::appendUtf8(out, static_cast<char32_t>(cp));
                break;
            }
            default:
                fail("a valid escape");
            }
        }
    }

    std::string_view m_text;
    size_t m_pos = 0;
    int m_maxDepth;
};

} // namespace

void JsonValue::set(std::string key, JsonValue v) {
    for (auto& [k, existing] : m_members) {
        if (k == key) {
            existing = std::move(v);
            return;
        }
    }
    m_members.emplace_back(std::move(key), std::move(v));
}

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const auto& [k, v] : m_members)
        if (k == key)
            return &v;
    return nullptr;
}

bool JsonValue::operator==(const JsonValue& other) const {
    if (isNumber() && other.isNumber()) {
        if (m_type == Type::Int && other.m_type == Type::Int)
            return m_int == other.m_int;
        return asDouble() == other.asDouble();
    }
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case Type::Null:
        return true;
    case Type::Bool:
        return m_int == other.m_int;
    case Type::String:
        return m_string == other.m_string;
    case Type::Array:
        return m_items == other.m_items;
    case Type::Object:
        return m_members == other.m_members;
    default:
        return false;
    }
}

JsonValue parseJson(std::string_view text, int maxDepth) {
    return Parser(text, maxDepth).parseDocument();
}

void writeJsonString(std::string& out, std::string_view text) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    size_t run = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

void writeJsonDouble(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buf[32];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, value);
    std::string_view text(buf, static_cast<size_t>(p - buf));
    out += text;
    // Keep a double a double on the way back (21.0, not 21).
    if (text.find_first_of(".eE") == std::string_view::npos)
        out += ".0";
}

void writeJson(std::string& out, const JsonValue& value) {
    switch (value.type()) {
    case JsonValue::Type::Null:
        out += "null";
        break;
    case JsonValue::Type::Bool:
        out += value.asBool() ? "true" : "false";
        break;
    case JsonValue::Type::Int: {
        char buf[24];
        auto [p, ec] = std::to_chars(buf, buf + sizeof buf, value.asInt());
        out.append(buf, p);
        break;
    }
    case JsonValue::Type::Double:
        writeJsonDouble(out, value.asDouble());
        break;
    case JsonValue::Type::String:
        writeJsonString(out, value.asString());
        break;
    case JsonValue::Type::Array: {
        out += '[';
        bool first = true;
        for (const auto& item : value.items()) {
            if (!first)
                out += ',';
            first = false;
            writeJson(out, item);
        }
        out += ']';
        break;
    }
    case JsonValue::Type::Object: {
        out += '{';
        bool first = true;
        for (const auto& [k, v] : value.members()) {
            if (!first)
                out += ',';
            first = false;
            writeJsonString(out, k);
            out += ':';
            writeJson(out, v);
        }
        out += '}';
        break;
    }
    }
}

std::string toJson(const JsonValue& value) {
    std::string out;
    writeJson(out, value);
    return out;
}

} // namespace c175::sync
