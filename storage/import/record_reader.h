#pragma once
// Streams the records of a JSON Lines file, or of a file holding one JSON array, without holding
// more than one record in memory (plus a read buffer). The kind is decided by the first
// non-white-space byte ('[' = array), not by the file name (dataset-formats.md section 8).
// A UTF-8 byte-order mark at the start is skipped; a CR before LF is dropped.
#include <cstdint>
#include <cstdio>
#include <string>

#include "model/error.h"

namespace flame {

class RecordReader {
public:
    explicit RecordReader(std::size_t maxRecordBytes = 16u << 20) : m_max(maxRecordBytes) {}
    RecordReader(const RecordReader&) = delete;
    RecordReader& operator=(const RecordReader&) = delete;
    ~RecordReader();

    Status open(const std::string& path);

    enum class Next { Record, End, TooLarge, Malformed };
    // Record: `out` holds one record's text and `line` its first line (1-based).
    // TooLarge: the record was longer than the limit and was skipped.
    // Malformed: the array structure itself is broken (array files only); reading stops.
    Next next(std::string& out, std::size_t& line);

    bool isArray() const { return m_array; }
    std::uint64_t bytesRead() const { return m_consumed; }
    std::uint64_t fileSize() const { return m_size; }
    std::size_t maxRecordBytes() const { return m_max; }
    const std::string& path() const { return m_path; }

private:
    bool fill();
    int peek();
    int get();
    Next nextLine(std::string& out, std::size_t& line);
    Next nextArrayElement(std::string& out, std::size_t& line);

    std::FILE* m_file = nullptr;
    std::string m_path;
    std::size_t m_max;
    std::string m_buffer;
    std::size_t m_pos = 0;
    std::uint64_t m_consumed = 0, m_size = 0;
    std::size_t m_line = 1;
    bool m_array = false;
    bool m_arrayDone = false;
    bool m_eof = false;
};

} // namespace flame
