#include "storage/import/record_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace flame {

RecordReader::~RecordReader() {
    if (m_file) std::fclose(m_file);
}

Status RecordReader::open(const std::string& path) {
    m_path = path;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return Error::badInput(std::string("cannot open: ") + std::strerror(errno), path);
    if (S_ISDIR(st.st_mode)) return Error::badInput("is a folder, not a file", path);
    m_size = std::uint64_t(st.st_size);
    m_file = std::fopen(path.c_str(), "rb");
    if (!m_file) return Error::badInput(std::string("cannot open: ") + std::strerror(errno), path);
    // Byte-order mark.
    if (fill() && m_buffer.size() >= 3 && std::memcmp(m_buffer.data(), "\xEF\xBB\xBF", 3) == 0) {
        m_pos = 3;
        m_consumed = 3;
    }
    // Array or lines: the first byte that is not white space.
    while (true) {
        int c = peek();
        if (c == ' ' || c == '\t' || c == '\r') {
            get();
            continue;
        }
        if (c == '\n') {
            get();
            ++m_line;
            continue;
        }
        if (c == '[') {
            get();
            m_array = true;
        }
        break;
    }
    return {};
}

bool RecordReader::fill() {
    if (m_eof) return false;
    if (m_pos < m_buffer.size()) return true;
    m_buffer.resize(1u << 20);
    std::size_t n = std::fread(m_buffer.data(), 1, m_buffer.size(), m_file);
    m_buffer.resize(n);
    m_pos = 0;
    if (n == 0) {
        m_eof = true;
        return false;
    }
    return true;
}

int RecordReader::peek() {
    if (m_pos >= m_buffer.size() && !fill()) return -1;
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

int RecordReader::get() {
    if (m_pos >= m_buffer.size() && !fill()) return -1;
    ++m_consumed;
    return static_cast<unsigned char>(m_buffer[m_pos++]);
}

RecordReader::Next RecordReader::next(std::string& out, std::size_t& line) {
    return m_array ? nextArrayElement(out, line) : nextLine(out, line);
}

RecordReader::Next RecordReader::nextLine(std::string& out, std::size_t& line) {
    while (true) {
        out.clear();
        line = m_line;
        bool tooLarge = false;
        bool any = false;
        while (true) {
            if (m_pos >= m_buffer.size() && !fill()) break;
            // Copy up to the next newline in one go.
            const char* start = m_buffer.data() + m_pos;
            std::size_t avail = m_buffer.size() - m_pos;
            const void* nl = std::memchr(start, '\n', avail);
            std::size_t take = nl ? std::size_t(static_cast<const char*>(nl) - start) : avail;
            if (!tooLarge) {
                if (out.size() + take > m_max) {
                    tooLarge = true;
                    out.clear();
                } else {
                    out.append(start, take);
                }
            }
            any = true;
            m_pos += take;
            m_consumed += take;
            if (nl) {
                ++m_pos;
                ++m_consumed;
                ++m_line;
                break;
            }
        }
        if (!any && m_eof) return Next::End;
        if (tooLarge) return Next::TooLarge;
        if (!out.empty() && out.back() == '\r') out.pop_back();
        if (out.find_first_not_of(" \t\r") == std::string::npos) {
            if (m_eof && m_pos >= m_buffer.size()) return Next::End;
            continue; // blank line
        }
        return Next::Record;
    }
}

RecordReader::Next RecordReader::nextArrayElement(std::string& out, std::size_t& line) {
    out.clear();
    if (m_arrayDone) return Next::End;
    // Skip white space and one separating comma.
    bool sawComma = false;
    while (true) {
        int c = peek();
        if (c == -1) return Next::Malformed; // the closing ']' is missing
        if (c == '\n') {
            get();
            ++m_line;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            get();
        } else if (c == ',' && !sawComma) {
            get();
            sawComma = true;
        } else if (c == ']') {
            get();
            m_arrayDone = true;
            return Next::End;
        } else {
            break;
        }
    }
    line = m_line;
    // Copy one element: track strings, escapes and nesting depth.
    int depth = 0;
    bool inString = false, escape = false, tooLarge = false;
    while (true) {
        int c = peek();
        if (c == -1) return Next::Malformed;
        if (!inString && depth == 0 && (c == ',' || c == ']')) break;
        get();
        if (c == '\n') ++m_line;
        if (!tooLarge) {
            if (out.size() + 1 > m_max) {
                tooLarge = true;
                out.clear();
            } else {
                out += char(c);
            }
        }
        if (inString) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth < 0) return Next::Malformed;
        }
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n' || out.back() == '\r' || out.back() == '\t')) out.pop_back();
    return tooLarge ? Next::TooLarge : Next::Record;
}

} // namespace flame
