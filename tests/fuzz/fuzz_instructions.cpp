// Any bytes as an instruction file: a clear error or instructions that validate or not, no crash.
#include "storage/instruction_store.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto ins = flame::parseInstructions(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    if (ins) {
        for (const auto& task : flame::Catalog::builtin().tasks()) (void)flame::validateInstructions(task, *ins);
    } else if (ins.error().file != "fuzz.json") {
        __builtin_trap();
    }
    return 0;
}
