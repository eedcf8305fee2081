#pragma once
// `flame worker`: one rank of a training run (DESIGN.md section 5). Started by `flame train`, by
// `flame runs resume` or by the GUI; several ranks of one run join through c10d.
//
// Rank 0 owns the run's row: it marks it running (pid, host), writes a heartbeat every 2 s from
// its own thread and connection (and polls the run's cancel request there), writes metrics,
// evaluation results and checkpoints, and prints one JSON object per line:
//   {"event":"start","run":R,"rank":0,"world":W,"variant":...,"step":S}
//   {"event":"step","run":R,"step":N,"loss":x,"lr":x,"examples":n,...}
//   {"event":"eval","run":R,"step":N,"chat":x,"chat_hard":x,"safety":x,"reasoning":x,"score":x,"loss":x,...}
//   {"event":"checkpoint","run":R,"step":N,"path":"..."}
//   {"event":"tailpatch","run":R,"group":...,"tasks":[...],"base":{...},"patched":{...}}   (FLAMe-Opt-RM)
//   {"event":"end","run":R,"state":"finished"|"failed"|"cancelled"[,"error":"..."]}
// A stop request (SIGTERM/SIGINT or `flame runs cancel`) makes every rank stop at the next step
// boundary; rank 0 checkpoints and the run becomes "cancelled", resumable with `flame runs resume`.
// A worker that dies without finishing is detected by RunStore::reconcile (pid gone or heartbeat
// stale) and its run marked "interrupted".
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "storage/run_store.h"

namespace flame::training {

struct WorkerOptions {
    std::string workspace;
    std::int64_t runId = 0;
    int localRank = 0;        // rank on this machine; the global rank is nodeRank * nproc + localRank
    int threads = 0;          // 0: the run's setting, else cores / local ranks
    std::string masterAddr;   // overrides the run's configuration when set
    int masterPort = 0;       // overrides when > 0
    int nodeRank = -1;        // overrides when >= 0
    double heartbeatSeconds = 2.0;
    // Stop as a SIGTERM would, once this step is done (0: never). Makes "stop and resume"
    // reproducible for tests and scripts, where a signal's timing is not.
    std::int64_t stopAfterStep = 0;
};

using LineSink = std::function<void(const std::string& line)>;

// Runs the rank to the end of the run (or a stop). `externalStop` is polled every step (signal
// handlers). Returns the state the run ended in on this rank; errors are recorded in the run row
// by rank 0 and reported in the "end" event.
RunState runWorker(const WorkerOptions& options, const LineSink& emit, const std::function<bool()>& externalStop);

} // namespace flame::training
