#include "model/json.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace flame::json {

const char* typeName(Type type) {
    switch (type) {
    case Type::Null: return "null";
    case Type::Bool: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Array: return "array";
    case Type::Object: return "object";
    }
    return "?";
}

Value::Value(Array a) : m_type(Type::Array), m_array(std::make_unique<Array>(std::move(a))) {}
Value::Value(Object o) : m_type(Type::Object), m_object(std::make_unique<Object>(std::move(o))) {}
Value::~Value() = default;

Value::Value(const Value& other)
    : m_type(other.m_type), m_bool(other.m_bool), m_int(other.m_int), m_double(other.m_double),
      m_isInt(other.m_isInt), m_string(other.m_string) {
    if (other.m_array) m_array = std::make_unique<Array>(*other.m_array);
    if (other.m_object) m_object = std::make_unique<Object>(*other.m_object);
}

Value& Value::operator=(const Value& other) {
    if (this != &other) {
        Value copy(other);
        *this = std::move(copy);
    }
    return *this;
}

const Array& Value::asArray() const {
    static const Array empty;
    return m_array ? *m_array : empty;
}
const Object& Value::asObject() const {
    static const Object empty;
    return m_object ? *m_object : empty;
}
Array& Value::asArray() {
    if (!m_array) m_array = std::make_unique<Array>();
    return *m_array;
}
Object& Value::asObject() {
    if (!m_object) m_object = std::make_unique<Object>();
    return *m_object;
}

const Value* Value::find(std::string_view key) const {
    if (m_type != Type::Object || !m_object) return nullptr;
    for (const auto& [k, v] : *m_object)
        if (k == key) return &v;
    return nullptr;
}

const Value* Value::findNonNull(std::string_view key) const {
    const Value* v = find(key);
    return v && !v->isNull() ? v : nullptr;
}

Value& Value::set(std::string key, Value value) {
    if (m_type != Type::Object) {
        *this = Value(Object{});
    }
    asObject().emplace_back(std::move(key), std::move(value));
    return asObject().back().second;
}

// ---------------------------------------------------------------------------------------------

namespace {

// Length of the UTF-8 sequence starting at p (0 if invalid), per RFC 3629 table.
std::size_t utf8SequenceLength(const unsigned char* p, const unsigned char* end) {
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    auto cont = [&](std::size_t i) { return p + i < end && (p[i] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c == 0xE0) return (p + 1 < end && p[1] >= 0xA0 && p[1] <= 0xBF && cont(2)) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return (cont(1) && cont(2)) ? 3 : 0;
    if (c == 0xED) return (p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9F && cont(2)) ? 3 : 0;
    if (c == 0xF0)
        return (p + 1 < end && p[1] >= 0x90 && p[1] <= 0xBF && cont(2) && cont(3)) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return (cont(1) && cont(2) && cont(3)) ? 4 : 0;
    if (c == 0xF4)
        return (p + 1 < end && p[1] >= 0x80 && p[1] <= 0x8F && cont(2) && cont(3)) ? 4 : 0;
    return 0;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

} // namespace

bool isValidUtf8(std::string_view text, std::size_t* badOffset) {
    auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    auto* end = begin + text.size();
    auto* p = begin;
    while (p < end) {
        // Fast path over ASCII, eight bytes at a time.
        while (p + 8 <= end) {
            std::uint64_t chunk;
            std::memcpy(&chunk, p, 8);
            if (chunk & 0x8080808080808080ull) break;
            p += 8;
        }
        if (p >= end) break;
        std::size_t n = utf8SequenceLength(p, end);
        if (n == 0) {
            if (badOffset) *badOffset = std::size_t(p - begin);
            return false;
        }
        p += n;
    }
    return true;
}

class Parser {
public:
    Parser(std::string_view text, ParseLimits limits) : m_text(text), m_limits(limits) {}

    std::optional<Value> run(ParseError* error) {
        skipSpace();
        Value root;
        if (!parseValue(root, 0)) return fail(error);
        skipSpace();
        if (m_pos != m_text.size()) {
            setError("unexpected text after the JSON value");
            return fail(error);
        }
        return root;
    }

private:
    std::optional<Value> fail(ParseError* error) {
        if (error) {
            error->offset = m_errorPos;
            error->message = m_error;
            error->line = 1;
            std::size_t lineStart = 0;
            for (std::size_t i = 0; i < m_errorPos && i < m_text.size(); ++i) {
                if (m_text[i] == '\n') {
                    ++error->line;
                    lineStart = i + 1;
                }
            }
            error->column = m_errorPos - lineStart + 1;
        }
        return std::nullopt;
    }

    bool setError(std::string message, std::size_t at = std::string::npos) {
        if (m_error.empty()) {
            m_error = std::move(message);
            m_errorPos = at == std::string::npos ? m_pos : at;
        }
        return false;
    }

    void skipSpace() {
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                ++m_pos;
            else
                break;
        }
    }

    bool literal(std::string_view word) {
        if (m_text.compare(m_pos, word.size(), word) != 0)
            return setError("invalid literal (expected " + std::string(word) + ")");
        m_pos += word.size();
        return true;
    }

    bool parseValue(Value& out, std::size_t depth) {
        if (m_pos >= m_text.size()) return setError("unexpected end of input");
        char c = m_text[m_pos];
        switch (c) {
        case '{': return parseObject(out, depth);
        case '[': return parseArray(out, depth);
        case '"':
            out.m_type = Type::String;
            return parseString(out.m_string);
        case 't':
            if (!literal("true")) return false;
            out = Value(true);
            return true;
        case 'f':
            if (!literal("false")) return false;
            out = Value(false);
            return true;
        case 'n':
            if (!literal("null")) return false;
            out = Value(nullptr);
            return true;
        default:
            if (c == '-' || (c >= '0' && c <= '9')) return parseNumber(out);
            return setError(std::string("unexpected character '") +
                            (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f ? std::string(1, c)
                                                                               : "\\x" + hex(c)) +
                            "'");
        }
    }

    static std::string hex(char c) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(c));
        return buf;
    }

    bool parseObject(Value& out, std::size_t depth) {
        if (depth >= m_limits.maxDepth) return setError("nesting deeper than the limit");
        ++m_pos; // '{'
        out = Value(Object{});
        Object& members = out.asObject();
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size()) return setError("unexpected end of input in an object");
            if (m_text[m_pos] != '"') return setError("expected a member name in quotes");
            std::string key;
            if (!parseString(key)) return false;
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                return setError("expected ':' after a member name");
            ++m_pos;
            skipSpace();
            members.emplace_back(std::move(key), Value());
            if (!parseValue(members.back().second, depth + 1)) return false;
            skipSpace();
            if (m_pos >= m_text.size()) return setError("unexpected end of input in an object");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            return setError("expected ',' or '}' in an object");
        }
    }

    bool parseArray(Value& out, std::size_t depth) {
        if (depth >= m_limits.maxDepth) return setError("nesting deeper than the limit");
        ++m_pos; // '['
        out = Value(Array{});
        Array& items = out.asArray();
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            items.emplace_back();
            if (!parseValue(items.back(), depth + 1)) return false;
            skipSpace();
            if (m_pos >= m_text.size()) return setError("unexpected end of input in an array");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            return setError("expected ',' or ']' in an array");
        }
    }

    bool parseHex4(std::uint32_t& out) {
        if (m_pos + 4 > m_text.size()) return setError("truncated \\u escape");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            char c = m_text[m_pos + i];
            out <<= 4;
            if (c >= '0' && c <= '9')
                out |= std::uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                out |= std::uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                out |= std::uint32_t(c - 'A' + 10);
            else
                return setError("invalid hex digit in \\u escape", m_pos + i);
        }
        m_pos += 4;
        return true;
    }

    bool parseString(std::string& out) {
        std::size_t start = m_pos;
        ++m_pos; // opening quote
        out.clear();
        const char* data = m_text.data();
        const std::size_t size = m_text.size();
        while (true) {
            // Copy the longest run that needs no attention.
            std::size_t run = m_pos;
            while (run < size) {
                unsigned char c = static_cast<unsigned char>(data[run]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++run;
            }
            out.append(data + m_pos, run - m_pos);
            m_pos = run;
            if (m_pos >= size) return setError("unterminated string", start);
            unsigned char c = static_cast<unsigned char>(data[m_pos]);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20) return setError("control character inside a string (must be escaped)");
            if (c >= 0x80) {
                std::size_t n = utf8SequenceLength(reinterpret_cast<const unsigned char*>(data) + m_pos,
                                                   reinterpret_cast<const unsigned char*>(data) + size);
                if (n == 0) return setError("invalid UTF-8 byte sequence in a string");
                out.append(data + m_pos, n);
                m_pos += n;
                continue;
            }
            // Backslash escape.
            ++m_pos;
            if (m_pos >= size) return setError("unterminated string", start);
            char e = data[m_pos++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::size_t escStart = m_pos - 2;
                std::uint32_t cp;
                if (!parseHex4(cp)) return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (m_pos + 6 > size || data[m_pos] != '\\' || data[m_pos + 1] != 'u')
                        return setError("lone high surrogate in \\u escape", escStart);
                    m_pos += 2;
                    std::uint32_t low;
                    if (!parseHex4(low)) return false;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return setError("high surrogate not followed by a low surrogate", escStart);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return setError("lone low surrogate in \\u escape", escStart);
                }
                appendUtf8(out, cp);
                break;
            }
            default: return setError("invalid escape character in a string", m_pos - 1);
            }
        }
    }

    bool parseNumber(Value& out) {
        std::size_t start = m_pos;
        const std::size_t size = m_text.size();
        bool isInt = true;
        if (m_text[m_pos] == '-') ++m_pos;
        if (m_pos >= size) return setError("invalid number", start);
        if (m_text[m_pos] == '0') {
            ++m_pos;
        } else if (m_text[m_pos] >= '1' && m_text[m_pos] <= '9') {
            while (m_pos < size && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
        } else {
            return setError("invalid number", start);
        }
        if (m_pos < size && m_text[m_pos] == '.') {
            isInt = false;
            ++m_pos;
            if (m_pos >= size || !(m_text[m_pos] >= '0' && m_text[m_pos] <= '9'))
                return setError("invalid number (digit expected after '.')", start);
            while (m_pos < size && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
        }
        if (m_pos < size && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            isInt = false;
            ++m_pos;
            if (m_pos < size && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
            if (m_pos >= size || !(m_text[m_pos] >= '0' && m_text[m_pos] <= '9'))
                return setError("invalid number (digit expected in exponent)", start);
            while (m_pos < size && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
        }
        std::string_view token = m_text.substr(start, m_pos - start);
        out = Value();
        out.m_type = Type::Number;
        if (isInt) {
            std::int64_t v = 0;
            auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
            if (ec == std::errc() && ptr == token.data() + token.size()) {
                out.m_int = v;
                out.m_double = double(v);
                out.m_isInt = true;
                return true;
            }
        }
        // strtod needs a terminated buffer; numbers are short.
        std::string buf(token);
        errno = 0;
        double d = std::strtod(buf.c_str(), nullptr);
        if (!std::isfinite(d)) return setError("number out of range", start);
        out.m_double = d;
        out.m_isInt = false;
        return true;
    }

    std::string_view m_text;
    ParseLimits m_limits;
    std::size_t m_pos = 0;
    std::string m_error;
    std::size_t m_errorPos = 0;
};

std::optional<Value> parse(std::string_view text, ParseError* error, ParseLimits limits) {
    return Parser(text, limits).run(error);
}

void appendQuoted(std::string& out, std::string_view s) {
    static const char* hexDigits = "0123456789abcdef";
    out.reserve(out.size() + s.size() + 2);
    out += '"';
    std::size_t runStart = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            out += "\\u00";
            out += hexDigits[c >> 4];
            out += hexDigits[c & 0xF];
        }
    }
    out.append(s.data() + runStart, s.size() - runStart);
    out += '"';
}

std::string quoted(std::string_view s) {
    std::string out;
    appendQuoted(out, s);
    return out;
}

void appendNumber(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    if (v == std::floor(v) && std::fabs(v) < 9.0e15) {
        out += std::to_string(static_cast<std::int64_t>(v));
        return;
    }
    char buf[32];
    // 17 significant digits always round-trip; try shorter first for readable output.
    for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    out += buf;
}

void serializeTo(std::string& out, const Value& value) {
    switch (value.type()) {
    case Type::Null: out += "null"; break;
    case Type::Bool: out += value.asBool() ? "true" : "false"; break;
    case Type::Number:
        if (value.isInteger())
            out += std::to_string(value.asInt());
        else
            appendNumber(out, value.asDouble());
        break;
    case Type::String: appendQuoted(out, value.asString()); break;
    case Type::Array: {
        out += '[';
        bool first = true;
        for (const Value& item : value.asArray()) {
            if (!first) out += ',';
            first = false;
            serializeTo(out, item);
        }
        out += ']';
        break;
    }
    case Type::Object: {
        out += '{';
        bool first = true;
        for (const auto& [key, item] : value.asObject()) {
            if (!first) out += ',';
            first = false;
            appendQuoted(out, key);
            out += ':';
            serializeTo(out, item);
        }
        out += '}';
        break;
    }
    }
}

std::string serialize(const Value& value) {
    std::string out;
    serializeTo(out, value);
    return out;
}

} // namespace flame::json
