// Any bytes as a catalog file: a catalog or an error naming the file, no crash.
#include "model/catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto catalog = flame::Catalog::fromJson(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    if (!catalog && catalog.error().file != "fuzz.json") __builtin_trap();
    if (catalog)
        for (const auto& t : catalog->tasks()) (void)t.candidateLabels();
    return 0;
}
