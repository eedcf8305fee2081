// Any bytes as an input file: the record reader (JSON Lines or a JSON array, BOM, CRLF, size
// limit) splits it into records without crashing or looping, and never returns more bytes than
// the file holds.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "storage/import/record_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/flame-fuzz-record-reader-" + std::to_string(::getpid());
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    flame::RecordReader reader(256);
    if (!reader.open(path)) return 0;
    std::string record;
    std::size_t line = 0, total = 0, records = 0;
    while (true) {
        auto next = reader.next(record, line);
        if (next == flame::RecordReader::Next::End || next == flame::RecordReader::Next::Malformed) break;
        total += record.size();
        if (record.size() > 256 || total > size || ++records > size + 1) std::abort();
    }
    return 0;
}
