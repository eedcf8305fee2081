#pragma once
// The RewardBench rows of FLAMe Table 2 (official leaderboard as of 15 Jul 2024; copied from
// reference/flame-paper.md section 4.2), shown beside measured runs as reference rows. Fractions
// in [0, 1] like every measured score. These are 24B-and-larger models on the real RewardBench;
// the studio marks them as reference and never mixes them into a measured ranking.
#include <array>

namespace flame::rewardbench {

struct ReferenceScores {
    const char* model;
    const char* kind; // "custom classifier", "generative", "ours" (the paper's FLAMe models)
    double score, chat, chatHard, safety, reasoning;
};

inline constexpr std::array<ReferenceScores, 16> kPaperTable2 = {{
    {"Nemotron-4-340B-Reward", "custom classifier", 0.922, 0.958, 0.871, 0.922, 0.936},
    {"Cohere May 2024", "custom classifier", 0.895, 0.964, 0.713, 0.927, 0.977},
    {"Llama3-70B-SteerLM-RM", "custom classifier", 0.890, 0.913, 0.803, 0.937, 0.906},
    {"GPT-3.5-turbo-0125", "generative", 0.645, 0.922, 0.445, 0.623, 0.591},
    {"Prometheus-2-8x7B", "generative", 0.753, 0.930, 0.471, 0.835, 0.774},
    {"Llama-3-70B-Instruct", "generative", 0.760, 0.976, 0.589, 0.692, 0.785},
    {"Mixtral-8x7B", "generative", 0.778, 0.950, 0.640, 0.734, 0.787},
    {"Claude-3-Opus", "generative", 0.807, 0.947, 0.603, 0.891, 0.787},
    {"Gemini-1.5-Flash", "generative", 0.821, 0.922, 0.635, 0.877, 0.851},
    {"GPT-4o", "generative", 0.847, 0.966, 0.704, 0.867, 0.849},
    {"GPT-4-0125", "generative", 0.859, 0.953, 0.743, 0.872, 0.869},
    {"Gemini-1.5-Pro", "generative", 0.881, 0.923, 0.806, 0.875, 0.920},
    {"PaLM-2-24B (init)", "ours", 0.629, 0.899, 0.612, 0.553, 0.452},
    {"FLAMe-24B", "ours", 0.860, 0.947, 0.662, 0.885, 0.947},
    {"FLAMe-RM-24B", "ours", 0.878, 0.922, 0.757, 0.896, 0.938},
    {"FLAMe-Opt-RM-24B", "ours", 0.870, 0.922, 0.770, 0.862, 0.925},
}};

} // namespace flame::rewardbench
