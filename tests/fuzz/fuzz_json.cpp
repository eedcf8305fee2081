// Any bytes: the JSON reader returns a value or an error with a position, never crashes; a value
// it returns serialises to text it reads back to the same serialisation.
#include <cstdlib>
#include <string_view>

#include "model/json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    flame::json::ParseError error;
    auto value = flame::json::parse(text, &error);
    if (!value) {
        if (error.offset > size || error.line == 0 || error.message.empty()) std::abort();
        return 0;
    }
    std::string once = flame::json::serialize(*value);
    auto again = flame::json::parse(once);
    if (!again || flame::json::serialize(*again) != once) std::abort();
    return 0;
}
