// Training-step time of the C++ worker's network, and the data pipeline's share of a step.
//
//  synthetic: a fixed batch (random tokens, the loss on the last `--target` positions of each row)
//             through forward, backward, clipping and AdamW, the exact work that
//             bench/training/train_step_peer.py times in Python PyTorch with the same shapes;
//  pipeline:  with --workspace, real batches from the token caches through the prefetch thread:
//             the time the prefetch thread spends building a step and the time the trainer waits.
// Prints one JSON object. Run by bench/training/run.sh beside the Python peer.
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <numeric>
#include <string>
#include <vector>

#include "model/mixture.h"
#include "storage/instruction_store.h"
#include "storage/workspace.h"
#include "training/config.h"
#include "training/data.h"
#include "training/model_io.h"
#include "training/network.h"
#include "training/runs.h"
#include "training/tokenizer.h"
#include "training/trainer.h"

using namespace flame;
using namespace flame::training;

namespace {

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// CPU time of the whole process (all threads): unaffected by other processes on a shared machine.
double cpuNow() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double mean(const std::vector<double>& v) { return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); }

struct Args {
    std::string workspace;
    int steps = 20, warmup = 3, threads = 2, batch = 16, length = 0, target = 8, vocab = 0;
    std::string preset = "tiny";
};

// One optimizer step exactly as the trainer does it (without the data pipeline).
double timedStep(TransformerImpl& model, torch::optim::Optimizer& opt, HostBatch& b, double dropout, double clip) {
    const double t0 = now();
    opt.zero_grad();
    at::Tensor in = at::from_blob(b.inputs.data(), {b.rows, b.length}, at::kLong);
    at::Tensor lab = at::from_blob(b.labels.data(), {b.rows, b.length}, at::kLong);
    DropoutContext drop{dropout, 1, &b.exampleIds};
    at::Tensor seg = b.segments.empty() ? at::Tensor() : at::from_blob(b.segments.data(), {b.rows, b.length}, at::kLong);
    auto [loss, n] = model.lossSum(in, lab, &drop, seg);
    (loss / double(std::max<std::int64_t>(1, n))).backward();
    torch::nn::utils::clip_grad_norm_(model.parameters(), clip);
    opt.step();
    return now() - t0;
}

} // namespace

int main(int argc, char** argv) {
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const char* v = argv[i + 1];
        if (k == "--workspace") a.workspace = v;
        else if (k == "--steps") a.steps = std::atoi(v);
        else if (k == "--threads") a.threads = std::atoi(v);
        else if (k == "--batch") a.batch = std::atoi(v);
        else if (k == "--length") a.length = std::atoi(v);
        else if (k == "--target") a.target = std::atoi(v);
        else if (k == "--vocab") a.vocab = std::atoi(v);
        else if (k == "--preset") a.preset = v;
        else {
            std::fprintf(stderr, "usage: %s [--workspace WS] [--steps N] [--threads T] [--batch B] [--length L] [--target T] "
                                 "[--vocab V] [--preset tiny|small|base]\n", argv[0]);
            return 2;
        }
    }
    configureThreads(a.threads, 1); // exactly what a worker does (OpenBLAS pool: FLAME_BLAS_THREADS, default 1)
    const PresetSpec* preset = findPresetSpec(a.preset);
    if (!preset) return 2;
    ModelConfig mc = presetModel(*preset);

    std::optional<Workspace> ws;
    std::optional<Tokenizer> tok;
    std::vector<TaskTokens> caches;
    double meanLength = 0;
    if (!a.workspace.empty()) {
        auto opened = Workspace::open(a.workspace);
        if (!opened) return std::fprintf(stderr, "%s\n", opened.error().toString().c_str()), 1;
        ws.emplace(std::move(*opened));
        auto t = loadWorkspaceTokenizer(*ws);
        if (!t) return std::fprintf(stderr, "%s\n", t.error().toString().c_str()), 1;
        tok.emplace(std::move(*t));
        TrainConfig cfg;
        auto tasks = runTasks(*ws, cfg);
        if (!tasks) return 1;
        InstructionStore store(*ws);
        std::size_t count = 0, tokens = 0;
        for (const TaskDefinition* task : *tasks) {
            auto v = store.current(task->key);
            auto tt = loadTaskTokens(*ws, *tok, *task, v->id, v->instructions, 0, false);
            if (!tt) return std::fprintf(stderr, "%s\n", tt.error().toString().c_str()), 1;
            for (std::size_t i = 0; i < tt->size(); ++i, ++count) tokens += fitExample(*tt, i, mc.maxSeq, 96).tokens.size() - 1;
            caches.push_back(std::move(*tt));
        }
        meanLength = count ? double(tokens) / double(count) : 0;
    }
    mc.vocab = a.vocab > 0 ? a.vocab : tok ? tok->vocabSize() : 4000;
    if (a.length <= 0) a.length = meanLength > 0 ? int(meanLength + 0.5) : 170;

    torch::manual_seed(1);
    Transformer model(mc);
    model->train();
    auto opt = makeOptimizer(*model, OptimConfig{});

    // --- synthetic batch: the same shapes the Python peer uses --------------------------------
    HostBatch fixed;
    fixed.rows = a.batch;
    fixed.length = a.length;
    fixed.inputs.resize(std::size_t(a.batch * a.length));
    fixed.labels.assign(std::size_t(a.batch * a.length), -100);
    at::Tensor rnd = at::randint(4, mc.vocab, {a.batch * a.length}, at::kLong);
    std::memcpy(fixed.inputs.data(), rnd.data_ptr<std::int64_t>(), fixed.inputs.size() * 8);
    for (int r = 0; r < a.batch; ++r)
        for (int t = a.length - a.target; t < a.length; ++t)
            fixed.labels[std::size_t(r * a.length + t)] = fixed.inputs[std::size_t(r * a.length + t)];
    for (int r = 0; r < a.batch; ++r) fixed.exampleIds.push_back(std::uint64_t(r));
    if (mc.segments > 0) { // the peer's pattern: header, two fields, and the tail with the target
        fixed.segments.resize(fixed.inputs.size());
        for (int r = 0; r < a.batch; ++r)
            for (int t = 0; t < a.length; ++t)
                fixed.segments[std::size_t(r * a.length + t)] = t < 8 ? 0 : t >= a.length - a.target ? 3 : t < a.length / 2 ? 1 : 2;
    }
    std::vector<double> synthetic, syntheticCpu;
    for (int s = 0; s < a.warmup + a.steps; ++s) {
        const double c0 = cpuNow();
        const double dt = timedStep(*model, *opt, fixed, mc.dropout, 1.0);
        if (s >= a.warmup) {
            synthetic.push_back(dt);
            syntheticCpu.push_back(cpuNow() - c0);
        }
    }

    // --- real batches through the prefetch thread ----------------------------------------------
    std::vector<double> real, wait, build;
    if (!caches.empty()) {
        std::vector<const TaskTokens*> ptrs;
        std::vector<MixtureTask> mt;
        std::vector<std::size_t> sizes;
        std::int64_t total = 0;
        for (const auto& c : caches) total += std::int64_t(c.size());
        for (std::size_t i = 0; i < caches.size(); ++i) {
            ptrs.push_back(&caches[i]);
            sizes.push_back(caches[i].size());
            mt.push_back({"t" + std::to_string(i), std::int64_t(caches[i].size()), 0});
        }
        auto rates = mixtureRates(mt, {MixtureKind::Proportional, scaledCap(total)});
        PipelineConfig pc;
        pc.batch = a.batch;
        pc.maxSeq = mc.maxSeq;
        Prefetcher pf(ptrs, MixtureSampler(sizes, *rates, 1), pc, 1, a.warmup + a.steps);
        StepData d;
        double w = 0;
        int s = 0;
        while (pf.pop(d, &w)) {
            const double dt = timedStep(*model, *opt, d.microBatches[0], mc.dropout, 1.0);
            if (s++ >= a.warmup) {
                real.push_back(dt + w);
                wait.push_back(w);
                build.push_back(d.buildSeconds);
            }
        }
    }
    std::printf("{\"preset\":\"%s\",\"threads\":%d,\"batch\":%d,\"length\":%d,\"target\":%d,\"vocab\":%d,\"parameters\":%lld,"
                "\"cpp_step_ms_median\":%.3f,\"cpp_step_ms_mean\":%.3f,\"cpp_step_cpu_ms_median\":%.3f",
                a.preset.c_str(), a.threads, a.batch, a.length, a.target, mc.vocab, (long long)mc.parameterCount(),
                1e3 * median(synthetic), 1e3 * mean(synthetic), 1e3 * median(syntheticCpu));
    if (!real.empty())
        std::printf(",\"real_step_ms_mean\":%.3f,\"pipeline_build_ms_mean\":%.3f,\"pipeline_wait_ms_mean\":%.3f,"
                    "\"pipeline_build_share\":%.5f,\"pipeline_wait_share\":%.5f",
                    1e3 * mean(real), 1e3 * mean(build), 1e3 * mean(wait), mean(build) / mean(real), mean(wait) / mean(real));
    std::printf("}\n");
    return 0;
}
