#pragma once
// The network presets and each variant's run defaults, as plain data. The training engine builds
// its configuration from them (training/config.cpp) and the studio's launch dialog shows them
// (ui/runs/launch_options.cpp); the dialog cannot link the engine (DESIGN.md section 2), so the
// one table lives here, below both, and the two cannot drift apart.
#include <optional>
#include <string_view>
#include <vector>

namespace flame {

struct PresetSpec {
    std::string_view name;
    // Network.
    int dModel, layers, heads, dFF, maxSeq;
    int segments; // rows of the segment embedding (0: none)
    double dropout;
    // A FLAMe run's optimisation.
    int batch;
    double lr;
    int steps, warmup;
    std::string_view description;
};

const std::vector<PresetSpec>& presetSpecs(); // tiny, small, base
const PresetSpec* findPresetSpec(std::string_view name);

// What a run of a variant gets unless the user says otherwise.
struct RunDefaults {
    int steps = 0, batch = 0;
    double lr = 0;
    int warmup = 0, evalEvery = 0, checkpointEvery = 0;
};
// nullopt for a variant other than pretrain, flame, flame-rm and flame-opt-rm.
std::optional<RunDefaults> runDefaults(const PresetSpec& preset, std::string_view variant);

} // namespace flame
