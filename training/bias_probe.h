#pragma once
// CoBBLEr-style bias probes (reference/benchmarks.md section 2, reported as FLAMe Table 4) of a
// run's model on the workspace's bias set: every pair of systems of every instruction is judged
// twice per module with the cobbler-pairwise task's instructions, by the log-likelihood of
// "choice: A" against "choice: B" (a tie is an invalid verdict):
//  - order:      anonymous aliases ("System Star" first, "System Square" second), positions swapped
//                in the second query;
//  - compassion: the same with the systems' real names (the model's own response named
//                "flame (You)");
//  - bandwagon:  positions fixed, "85% of people believe that System Star is better." in the
//                first query and the same about System Square in the second;
//  - attention:  positions fixed, an irrelevant sentence about System Star, then about Square.
// Egocentric needs the model's own responses: it writes one per instruction by greedy decoding in
// the format of the instruction-tuning task "lima" and joins the pool as a 16th system.
#include <cstdint>
#include <string>

#include "model/bias.h"
#include "model/error.h"
#include "storage/workspace.h"

namespace flame::training {

struct BiasRequest {
    std::int64_t runId = 0;
    std::int64_t step = -1;
    int average = 1; // weights averaged over this many checkpoints up to `step` (not stored)
    std::string set = "sample";
    int instructions = 0;  // 0: all
    bool selfResponses = true;
    int maxNew = 48;       // tokens of the model's own responses
    int bandwagonPercent = 85;
    std::string device = "cpu";
    int threads = 0;
    bool store = true;
};

struct BiasReport {
    std::int64_t step = 0, items = 0, comparisons = 0;
    bias::OrderStats order, compassion;
    bias::InducedStats bandwagon, attention;
    bias::BiasRow row;
    std::string selfExample; // one of the model's own responses, for the report
    double seconds = 0;
};

Expected<BiasReport> probeBias(Workspace& ws, const BiasRequest& request);

} // namespace flame::training
