#pragma once
// A small JSON (RFC 8259) reader and writer. Own code rather than a dependency because the
// importers need what general parsers do not give cheaply: the line and column of every error,
// strict UTF-8 validation with readable reasons, limits on size and depth, and a parser small
// enough to fuzz. Strings keep raw UTF-8; `\uXXXX` escapes (including surrogate pairs) decode.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flame::json {

class Value;
using Array = std::vector<Value>;
using Member = std::pair<std::string, Value>;
using Object = std::vector<Member>; // keeps insertion order; lookups are linear (objects are small)

enum class Type { Null, Bool, Number, String, Array, Object };
const char* typeName(Type type);

class Value {
public:
    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : m_type(Type::Bool), m_bool(b) {}
    Value(int v) : Value(static_cast<std::int64_t>(v)) {}
    Value(std::int64_t v) : m_type(Type::Number), m_int(v), m_double(double(v)), m_isInt(true) {}
    Value(double v) : m_type(Type::Number), m_double(v) {}
    Value(std::string s) : m_type(Type::String), m_string(std::move(s)) {}
    Value(const char* s) : Value(std::string(s)) {}
    Value(Array a);
    Value(Object o);
    Value(const Value& other);
    Value(Value&&) noexcept = default;
    Value& operator=(const Value& other);
    Value& operator=(Value&&) noexcept = default;
    ~Value();

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isInteger() const { return m_type == Type::Number && m_isInt; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool asBool() const { return m_bool; }
    double asDouble() const { return m_double; }
    std::int64_t asInt() const { return m_isInt ? m_int : static_cast<std::int64_t>(m_double); }
    const std::string& asString() const { return m_string; }
    const Array& asArray() const;
    const Object& asObject() const;
    Array& asArray();
    Object& asObject();

    // Object member by key; nullptr if absent or if this is not an object. A member whose value
    // is null is returned (callers that treat absent and null alike use findNonNull).
    const Value* find(std::string_view key) const;
    const Value* findNonNull(std::string_view key) const;
    // Appends a member to an object value (no duplicate check).
    Value& set(std::string key, Value value);

private:
    friend class Parser;
    Type m_type = Type::Null;
    bool m_bool = false;
    std::int64_t m_int = 0;
    double m_double = 0;
    bool m_isInt = false;
    std::string m_string;
    std::unique_ptr<Array> m_array;
    std::unique_ptr<Object> m_object;
};

struct ParseLimits {
    std::size_t maxDepth = 64;
};

struct ParseError {
    std::size_t offset = 0;
    std::size_t line = 1;   // 1-based, counted in the parsed text
    std::size_t column = 1; // 1-based, in bytes
    std::string message;
};

// Parses one JSON text (surrounding white space allowed, nothing else after it).
std::optional<Value> parse(std::string_view text, ParseError* error = nullptr,
                           ParseLimits limits = {});

// True if `text` is valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
// On failure, *badOffset is the byte offset of the first invalid sequence.
bool isValidUtf8(std::string_view text, std::size_t* badOffset = nullptr);

// Appends `s` as a JSON string literal (quotes included). Raw UTF-8 is kept; control characters,
// quotes and backslashes are escaped. `s` must be valid UTF-8.
void appendQuoted(std::string& out, std::string_view s);
std::string quoted(std::string_view s);
// Appends a number the way JSON readers read back exactly (shortest round-trip form).
void appendNumber(std::string& out, double v);

// Compact serialisation (no spaces), members in stored order.
std::string serialize(const Value& value);
void serializeTo(std::string& out, const Value& value);

} // namespace flame::json
