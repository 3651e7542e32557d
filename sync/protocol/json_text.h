// A small, fast JSON value, parser and writer for the wire protocol (pull pages are large).
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace c175::sync {

// Malformed JSON; the message names the byte offset and what was expected.
class JsonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class JsonValue {
public:
    enum class Type { Null, Bool, Int, Double, String, Array, Object };
    using Members = std::vector<std::pair<std::string, JsonValue>>;

    JsonValue() = default;
    JsonValue(std::nullptr_t) {}
    JsonValue(bool b) : m_type(Type::Bool), m_int(b) {}
    JsonValue(std::int64_t i) : m_type(Type::Int), m_int(i) {}
    JsonValue(int i) : m_type(Type::Int), m_int(i) {}
    JsonValue(double d) : m_type(Type::Double), m_double(d) {}
    JsonValue(std::string s) : m_type(Type::String), m_string(std::move(s)) {}
    JsonValue(const char* s) : m_type(Type::String), m_string(s) {}
    static JsonValue array() {
        JsonValue v;
        v.m_type = Type::Array;
        return v;
    }
    static JsonValue object() {
        JsonValue v;
        v.m_type = Type::Object;
        return v;
    }

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isString() const { return m_type == Type::String; }
    bool isInt() const { return m_type == Type::Int; }
    bool isNumber() const { return m_type == Type::Int || m_type == Type::Double; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }
    bool isBool() const { return m_type == Type::Bool; }

    bool asBool() const { return m_int != 0; }
    std::int64_t asInt() const {
        return m_type == Type::Double ? static_cast<std::int64_t>(m_double) : m_int;
    }
    double asDouble() const {
        return m_type == Type::Double ? m_double : static_cast<double>(m_int);
    }
    const std::string& asString() const { return m_string; }
    std::string& asString() { return m_string; }

    std::vector<JsonValue>& items() { return m_items; }
    const std::vector<JsonValue>& items() const { return m_items; }
    Members& members() { return m_members; }
    const Members& members() const { return m_members; }
    void push(JsonValue v) { m_items.push_back(std::move(v)); }
    void set(std::string key, JsonValue v);
    const JsonValue* find(std::string_view key) const;

    // Same JSON value: numbers compare by value (1 == 1.0), objects by members in order.
    bool operator==(const JsonValue& other) const;

private:
    Type m_type = Type::Null;
    std::int64_t m_int = 0;
    double m_double = 0;
    std::string m_string;
    std::vector<JsonValue> m_items;
    Members m_members;
};

// Throws JsonError. Nesting deeper than maxDepth is refused (hostile input).
JsonValue parseJson(std::string_view text, int maxDepth = 32);

void writeJson(std::string& out, const JsonValue& value);
void writeJsonString(std::string& out, std::string_view text);
void writeJsonDouble(std::string& out, double value);
std::string toJson(const JsonValue& value);

} // namespace c175::sync
