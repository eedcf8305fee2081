// flame tokenizer | train | worker | eval | bias | score | runs | export-model | mixture | devices
// The commands are thin shells over training/ (DESIGN.md section 7): options in, typed
// configuration to the library, results printed as text or JSON.
#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/cli/cli_support.h"
#include "app/cli/score_output.h"
#include "app/cli/worker_launch.h"
#include "model/bias.h"
#include "model/json.h"
#include "model/rewardbench.h"
#include "model/scoring.h"
#include "storage/run_store.h"
#include "training/bias_probe.h"
#include "training/config.h"
#include "training/distributed.h"
#include "training/evaluation.h"
#include "training/export.h"
#include "training/model_io.h"
#include "training/predict.h"
#include "training/runs.h"
#include "training/tokenizer.h"
#include "training/worker.h"

namespace flame::cli {

using namespace flame::training;

namespace {

template <class T> bool fail(int& exitCode, const Expected<T>& e) {
    if (e) return false;
    exitCode = report(e.error());
    return true;
}

json::Value runToJson(Workspace& ws, const RunRecord& r) {
    json::Object o;
    o.emplace_back("id", json::Value(r.id));
    o.emplace_back("name", json::Value(r.name));
    o.emplace_back("variant", json::Value(r.variant));
    o.emplace_back("parent", r.parentRunId ? json::Value(r.parentRunId) : json::Value());
    o.emplace_back("state", json::Value(toString(r.state)));
    o.emplace_back("step", json::Value(r.step));
    auto cfg = parseTrainConfig(r.config);
    o.emplace_back("steps", json::Value(cfg ? std::int64_t(cfg->steps) : 0));
    o.emplace_back("device", json::Value(r.device));
    o.emplace_back("created_at", json::Value(r.createdAt));
    o.emplace_back("started_at", r.startedAt.empty() ? json::Value() : json::Value(r.startedAt));
    o.emplace_back("finished_at", r.finishedAt.empty() ? json::Value() : json::Value(r.finishedAt));
    o.emplace_back("heartbeat_at", r.heartbeatAt.empty() ? json::Value() : json::Value(r.heartbeatAt));
    o.emplace_back("pid", r.pid ? json::Value(r.pid) : json::Value());
    o.emplace_back("host", json::Value(r.host));
    o.emplace_back("error", r.error.empty() ? json::Value() : json::Value(r.error));
    RunStore runs(ws);
    for (const char* m : {"score", "chat", "chat_hard", "safety", "reasoning", "loss"}) {
        auto pts = runs.metrics(r.id, m);
        o.emplace_back(m, pts && !pts->empty() ? json::Value(pts->back().value) : json::Value());
    }
    return json::Value(std::move(o));
}

// The options every command that loads a run's model shares: the workspace, the run, the
// checkpoint step, the device, the threads and --json.
template <class Request>
void addRunModelOptions(CLI::App* cmd, std::string& ws, Request& req, bool& asJson) {
    cmd->add_option("WS", ws, "Workspace file")->required();
    cmd->add_option("--run", req.runId, "Run id")->required();
    cmd->add_option("--step", req.step, "Checkpoint step (default: the latest)");
    cmd->add_option("--average", req.average,
                    "Average the weights of this many kept checkpoints up to --step (results are not stored)");
    cmd->add_option("--device", req.device, "cpu | cuda | cuda:K")->default_val(req.device);
    cmd->add_option("--threads", req.threads,
                    "CPU threads (default: all cores); on CPU each scores its own batches, one intra-op thread each");
    cmd->add_flag("--json", asJson, "Print JSON");
}

} // namespace

void addTrainingCommands(CLI::App& app, int& exitCode) {
    // --- tokenizer --------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("tokenizer", "Train or use the workspace's SentencePiece tokenizer");
        auto ws = std::make_shared<std::string>();
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->require_subcommand(1);
        auto opts = std::make_shared<TokenizerTrainOptions>();
        auto asJson = std::make_shared<bool>(false);
        auto* train = cmd->add_subcommand("train", "Train on a sample of the formatted training corpus");
        train->add_option("--vocab", opts->vocabSize, "Vocabulary size")->default_val(opts->vocabSize)->check(CLI::Range(300, 1000000));
        train->add_option("--sample", opts->sampleExamples, "Formatted examples to train on")->default_val(opts->sampleExamples);
        train->add_option("--seed", opts->seed, "Seed of the example sample")->default_val(opts->seed);
        train->add_option("--model-type", opts->modelType, "bpe or unigram")->default_val(opts->modelType)->check(CLI::IsMember({"bpe", "unigram"}));
        train->add_flag("--json", *asJson, "Print a JSON object");
        train->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws);
            if (fail(exitCode, opened)) return;
            auto r = trainTokenizer(*opened, *opts);
            if (fail(exitCode, r)) return;
            if (*asJson)
                std::printf("{\"path\":%s,\"hash\":\"%s\",\"vocab\":%d,\"examples\":%lld}\n", json::quoted(r->path).c_str(),
                            r->hash.c_str(), r->vocabSize, (long long)r->examples);
            else
                std::printf("tokenizer %s: %d pieces, trained on %lld formatted examples, hash %s\n", r->path.c_str(),
                            r->vocabSize, (long long)r->examples, r->hash.c_str());
        });
        auto text = std::make_shared<std::string>();
        auto* encode = cmd->add_subcommand("encode", "Print the ids of a text (one line, space-separated)");
        encode->add_option("--text", *text, "Text to encode (\\n stays a newline when passed literally)")->required();
        encode->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws, WorkspaceMode::ReadOnly);
            if (fail(exitCode, opened)) return;
            auto tok = loadWorkspaceTokenizer(*opened);
            if (fail(exitCode, tok)) return;
            std::string line;
            for (int id : tok->encode(*text)) line += (line.empty() ? "" : " ") + std::to_string(id);
            printLine(line);
        });
    }
    // --- train ------------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("train", "Create a training run and run it (FLAMe, FLAMe-RM, FLAMe-Opt-RM)");
        struct Opts {
            std::string ws, variant = "flame", preset = "tiny", device, name, mixture, weightsFile, tailpatchBy, optInit, tauMode,
                        tailpatchMeasure,
                        masterAddr, devSet, tasks;
            std::optional<int> layers, dModel, heads, dFF, segments, steps, batch, microBatch, nproc, evalEvery, checkpointEvery, keep, threads, warmup, maxSeq,
                maxTarget, tailpatchSteps, tailpatchBatch, groupSize, nodes, nodeRank, masterPort;
            std::optional<double> lr, dropout, tailpatchLr, contextLoss;
            std::optional<std::int64_t> seed, from, fromStep, init, initStep, cap, evalLimit, devLimit;
            bool json = false, queue = false, noMid = false;
        };
        auto o = std::make_shared<Opts>();
        cmd->add_option("WS", o->ws, "Workspace file")->required();
        cmd->add_option("--variant", o->variant,
                        "pretrain (next-token on the contexts, no labels: an initial network) | flame | flame-rm | flame-opt-rm")
            ->check(CLI::IsMember({"pretrain", "flame", "flame-rm", "flame-opt-rm"}));
        cmd->add_option("--preset", o->preset, "Network size: tiny (CPU, minutes) | small | base (GPU)")->check(CLI::IsMember({"tiny", "small", "base"}));
        cmd->add_option("--name", o->name, "Run name");
        cmd->add_option("--layers", o->layers, "Transformer layers (overrides the preset)");
        cmd->add_option("--d-model", o->dModel, "Model width (overrides the preset)");
        cmd->add_option("--heads", o->heads, "Attention heads (overrides the preset)");
        cmd->add_option("--d-ff", o->dFF, "MLP width (overrides the preset)");
        cmd->add_option("--segments", o->segments,
                        "Segment embedding rows (0: none; 16: header, each context field and the target get their own)");
        cmd->add_option("--steps", o->steps, "Optimizer steps (tiny: flame 600, flame-rm 50, flame-opt-rm 200)");
        cmd->add_option("--batch", o->batch, "Global batch in examples (tiny: 16; flame-rm 8; flame-opt-rm 8)");
        cmd->add_option("--micro-batch", o->microBatch, "Examples per forward pass and rank (gradient accumulation; default: the whole per-rank batch on CUDA, "
                        "on CPU passes of at most 1,024 tokens)");
        cmd->add_option("--lr", o->lr, "Peak learning rate of AdamW (tiny 3e-3)");
        cmd->add_option("--warmup", o->warmup, "Linear warm-up steps");
        cmd->add_option("--dropout", o->dropout, "Dropout (paper 0.05)");
        cmd->add_option("--seed", o->seed, "Seed of initialisation, data order and dropout");
        cmd->add_option("--device", o->device, "cpu | cuda | cuda:K");
        cmd->add_option("--nproc", o->nproc, "Ranks on this machine (data parallel; Gloo on CPU)");
        cmd->add_option("--threads", o->threads, "Intra-op threads per rank (default: cores / ranks)");
        cmd->add_option("--eval-every", o->evalEvery, "Evaluate every N steps (and at the end)");
        cmd->add_option("--eval-limit", o->evalLimit, "Examples of the evaluation set in periodic evaluations (0: all)");
        cmd->add_option("--checkpoint-every", o->checkpointEvery, "Checkpoint every N steps (and at the end)");
        cmd->add_option("--keep", o->keep, "Checkpoints kept (the last K)");
        cmd->add_option("--max-seq", o->maxSeq, "Longest sequence in tokens (the context side is cut)");
        cmd->add_option("--max-target", o->maxTarget, "Longest target in tokens");
        cmd->add_option("--context-loss", o->contextLoss,
                        "Weight of an auxiliary next-token loss on the context tokens (0: target only, the paper's)");
        cmd->add_option("--mixture", o->mixture, "proportional | equal | explicit")->check(CLI::IsMember({"proportional", "equal", "explicit"}));
        cmd->add_option("--cap", o->cap, "Examples-proportional cap per task (default: 2^16 scaled to the corpus size)");
        cmd->add_option("--weights", o->weightsFile, "JSON file {task: weight} for an explicit mixture");
        cmd->add_option("--tasks", o->tasks, "Comma-separated task keys to train on (default: the variant's)");
        cmd->add_option("--from", o->from, "Parent FLAMe run (flame-rm, flame-opt-rm)");
        cmd->add_option("--init", o->init,
                        "Initial network: a pretrain run's checkpoint (flame; FLAMe-Opt-RM inherits its parent's). Default: random");
        cmd->add_option("--init-step", o->initStep, "Checkpoint step of the --init run (default: its last)");
        cmd->add_option("--from-step", o->fromStep, "Parent checkpoint step (flame-rm: last; flame-opt-rm: nearest half)");
        cmd->add_option("--tailpatch-steps", o->tailpatchSteps, "Fine-tuning steps per tail-patch (default 40; paper <= 3000)");
        cmd->add_option("--tailpatch-batch", o->tailpatchBatch, "Batch of a tail-patch");
        cmd->add_option("--tailpatch-lr", o->tailpatchLr, "Learning rate of a tail-patch");
        cmd->add_option("--tailpatch-by", o->tailpatchBy, "task (each task alone) | group (same capability and type)")->check(CLI::IsMember({"task", "group"}));
        cmd->add_option("--group-size", o->groupSize, "Tasks per tail-patch group");
        cmd->add_option("--tailpatch-measure", o->tailpatchMeasure,
                        "What tail-patch ratings compare: score (the category score, default) | length-controlled "
                        "(its accuracy with chosen-longer and chosen-shorter pairs weighted equally)")
            ->check(CLI::IsMember({"score", "length-controlled"}));
        cmd->add_option("--dev-set", o->devSet, "Development set of tail-patching (default sample-dev)");
        cmd->add_option("--dev-limit", o->devLimit, "Development examples per measurement (0: all)");
        cmd->add_flag("--no-mid", o->noMid, "Measure tail-patches only at the end (no stability check)");
        cmd->add_option("--opt-init", o->optInit, "FLAMe-Opt-RM's final training starts from scratch | base")->check(CLI::IsMember({"scratch", "base"}));
        cmd->add_option("--tau-mode", o->tauMode, "Category bundles: relative (rated +2) | paper (absolute tau)")->check(CLI::IsMember({"relative", "paper"}));
        cmd->add_option("--nnodes", o->nodes, "Machines of a multi-machine run (each runs --nproc ranks)");
        cmd->add_option("--node-rank", o->nodeRank, "This machine's index in a multi-machine run");
        cmd->add_option("--master-addr", o->masterAddr, "Address of rank 0's machine (rendezvous)");
        cmd->add_option("--master-port", o->masterPort, "Port of the rendezvous on rank 0's machine");
        cmd->add_flag("--json", o->json, "Print the workers' JSON events, one per line");
        cmd->add_flag("--queue", o->queue, "Only create the run (state queued); start it with `flame worker` or `flame runs resume`");
        cmd->callback([o, &exitCode] {
            auto cfg = defaultConfig(o->variant, o->preset);
            if (fail(exitCode, cfg)) return;
            TrainConfig& c = *cfg;
            if (o->steps) {
                c.steps = *o->steps;
                if (!o->evalEvery) c.evalEvery = c.variant == "pretrain" ? c.steps : std::max(1, c.steps / 6);
                if (!o->checkpointEvery) c.checkpointEvery = std::max(1, c.steps / 6);
            }
            if (o->layers) c.model.layers = *o->layers;
            if (o->dModel) c.model.dModel = *o->dModel;
            if (o->heads) c.model.heads = *o->heads;
            if (o->dFF) c.model.dFF = *o->dFF;
            if (o->segments) c.model.segments = *o->segments;
            if (o->batch) c.batch = *o->batch;
            if (o->microBatch) c.microBatch = *o->microBatch;
            if (o->lr) c.optim.lr = *o->lr;
            if (o->warmup) c.optim.warmup = *o->warmup;
            if (o->dropout) c.model.dropout = *o->dropout;
            if (o->seed) c.seed = std::uint64_t(*o->seed);
            if (!o->device.empty()) c.device = o->device;
            if (o->nproc) c.nproc = *o->nproc;
            if (o->threads) c.threads = *o->threads;
            if (o->evalEvery) c.evalEvery = *o->evalEvery;
            if (o->evalLimit) c.evalLimit = *o->evalLimit;
            if (o->checkpointEvery) c.checkpointEvery = *o->checkpointEvery;
            if (o->keep) c.keepCheckpoints = *o->keep;
            if (o->maxSeq) c.model.maxSeq = *o->maxSeq;
            if (o->maxTarget) c.maxTarget = *o->maxTarget;
            if (o->contextLoss) c.contextLoss = *o->contextLoss;
            if (!o->mixture.empty()) c.mixture = *parseMixtureKind(o->mixture);
            if (o->cap) c.cap = *o->cap;
            if (!o->weightsFile.empty()) {
                std::ifstream in(o->weightsFile);
                std::stringstream ss;
                ss << in.rdbuf();
                json::ParseError perr;
                auto v = json::parse(ss.str(), &perr);
                if (!in || !v || !v->isObject()) {
                    exitCode = report(Error::badInput("not a JSON object of task weights", o->weightsFile));
                    return;
                }
                for (const auto& [k, w] : v->asObject()) c.weights[k] = w.asDouble();
                if (o->mixture.empty()) c.mixture = MixtureKind::Explicit;
            }
            if (!o->tasks.empty()) {
                c.tasks.clear();
                std::stringstream list(o->tasks);
                for (std::string key; std::getline(list, key, ',');)
                    if (!key.empty()) c.tasks.push_back(key);
            }
            if (o->from) c.fromRun = *o->from;
            if (o->fromStep) c.fromStep = *o->fromStep;
            if (o->init) c.initRun = *o->init;
            if (o->initStep) c.initStep = *o->initStep;
            if (o->tailpatchSteps) c.tailpatch.steps = *o->tailpatchSteps;
            if (o->tailpatchBatch) c.tailpatch.batch = *o->tailpatchBatch;
            if (o->tailpatchLr) c.tailpatch.lr = *o->tailpatchLr;
            if (!o->tailpatchBy.empty()) c.tailpatch.by = o->tailpatchBy;
            if (o->groupSize) c.tailpatch.groupSize = *o->groupSize;
            if (!o->tailpatchMeasure.empty()) c.tailpatch.measure = o->tailpatchMeasure;
            if (!o->devSet.empty()) c.tailpatch.devSet = o->devSet;
            if (o->devLimit) c.tailpatch.devLimit = *o->devLimit;
            if (o->noMid) c.tailpatch.mid = false;
            if (!o->optInit.empty()) c.tailpatch.init = o->optInit;
            if (!o->tauMode.empty()) c.tailpatch.bundles.tauMode = *tailpatch::parseTauMode(o->tauMode);
            if (o->nodes) c.nodes = *o->nodes;
            if (o->nodeRank) c.nodeRank = *o->nodeRank;
            if (!o->masterAddr.empty()) c.masterAddr = o->masterAddr;
            if (o->masterPort) c.masterPort = *o->masterPort;
            std::int64_t id = 0;
            {
                auto opened = Workspace::open(o->ws);
                if (fail(exitCode, opened)) return;
                auto created = createRun(*opened, c, o->name);
                if (fail(exitCode, created)) return;
                id = *created;
                RunStore runs(*opened);
                auto run = runs.require(id);
                if (fail(exitCode, run)) return;
                c = *parseTrainConfig(run->config);
            }
            if (o->json) printLine("{\"event\":\"created\",\"run\":" + std::to_string(id) + "}");
            else std::printf("created run %lld (%s, %s preset, %d steps, batch %d)\n", (long long)id, c.variant.c_str(),
                             c.preset.c_str(), c.steps, c.batch);
            if (o->queue) return;
            exitCode = launchWorkers(o->ws, id, c, o->json, o->threads.value_or(0));
        });
    }
    // --- worker -----------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("worker", "Run one rank of a run (started by train, runs resume or the GUI)");
        auto o = std::make_shared<WorkerOptions>();
        cmd->add_option("WS", o->workspace, "Workspace file")->required();
        cmd->add_option("--run", o->runId, "Run id")->required();
        cmd->add_option("--local-rank", o->localRank, "Rank on this machine (0 .. nproc-1)")->default_val(0);
        cmd->add_option("--threads", o->threads, "Intra-op threads");
        cmd->add_option("--master-addr", o->masterAddr, "Rendezvous address (overrides the run's)");
        cmd->add_option("--master-port", o->masterPort, "Rendezvous port (overrides the run's)");
        cmd->add_option("--node-rank", o->nodeRank, "This machine's index (overrides the run's)");
        cmd->add_option("--stop-after", o->stopAfterStep, "Stop (checkpoint, state cancelled) after this step, as SIGTERM would");
        cmd->callback([o, &exitCode] {
            const RunState s = runWorker(*o, printLine, [] { return cancelRequested(); });
            exitCode = exitCodeFor(s);
        });
    }
    // --- eval -------------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("eval", "RewardBench-style evaluation of a run, beside the baselines");
        auto ws = std::make_shared<std::string>();
        auto req = std::make_shared<EvalRequest>();
        auto asJson = std::make_shared<bool>(false);
        addRunModelOptions(cmd, *ws, *req, *asJson);
        cmd->add_option("--set", req->set, "sample | sample-dev | rewardbench (imported)")->default_val(req->set);
        cmd->add_option("--limit", req->limit, "Stratified subset of N examples (0: all)");
        auto resultsPath = std::make_shared<std::string>();
        cmd->add_option("--results", *resultsPath,
                        "Also write one JSON line per pair (subset, section, result, lengths), as `flame score rewardbench` reads");
        cmd->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws);
            if (fail(exitCode, opened)) return;
            auto r = evaluateRun(*opened, *req);
            if (fail(exitCode, r)) return;
            if (!resultsPath->empty()) {
                std::ofstream out(*resultsPath, std::ios::trunc);
                for (std::size_t i = 0; i < r->rows.size() && out; ++i) {
                    const auto& row = r->rows[i];
                    const auto& j = r->model.judgments[i];
                    json::Object line;
                    line.emplace_back("id", json::Value(row.id));
                    line.emplace_back("subset", json::Value(row.subset));
                    const rewardbench::Subset* known = rewardbench::findSubset(row.subset);
                    line.emplace_back("section", known ? json::Value(rewardbench::toString(known->section)) : json::Value());
                    line.emplace_back("result", json::Value(j.result));
                    line.emplace_back("verdict_result", json::Value(j.verdictResult));
                    line.emplace_back("margin", json::Value(j.margin()));
                    line.emplace_back("chosen_chars", json::Value(std::int64_t(row.chosenChars)));
                    line.emplace_back("rejected_chars", json::Value(std::int64_t(row.rejectedChars)));
                    out << json::serialize(json::Value(std::move(line))) << '\n';
                }
                if (!out.flush()) {
                    exitCode = report(Error::badInput("cannot write the per-example results", *resultsPath));
                    return;
                }
            }
            if (*asJson) {
                json::Object o;
                o.emplace_back("run", json::Value(req->runId));
                o.emplace_back("step", json::Value(r->step));
                if (!r->averagedSteps.empty()) {
                    json::Array steps;
                    for (auto st : r->averagedSteps) steps.emplace_back(json::Value(st));
                    o.emplace_back("averaged_steps", json::Value(std::move(steps)));
                }
                o.emplace_back("set", json::Value(r->set));
                o.emplace_back("examples", json::Value(r->examples));
                o.emplace_back("model", scoresJson(r->model.scores));
                o.emplace_back("verdicts", scoresJson(r->model.verdictScores));
                json::Object b;
                for (const auto& [kind, out] : r->baselines) b.emplace_back(rewardbench::toString(kind), scoresJson(out.scores));
                o.emplace_back("baselines", json::Value(std::move(b)));
                o.emplace_back("length_split", lengthSplitJson(r->lengthSplits));
                o.emplace_back("seconds", json::Value(r->model.seconds));
                printLine(json::serialize(json::Value(std::move(o))));
                return;
            }
            std::string averaged;
            for (auto st : r->averagedSteps) averaged += (averaged.empty() ? " (weights averaged over steps " : ", ") + std::to_string(st);
            if (!averaged.empty()) averaged += ")";
            std::printf("run %lld step %lld%s on '%s' (%lld pairs, each judged in both orders, %.1f s)\n", (long long)req->runId,
                        (long long)r->step, averaged.c_str(), r->set.c_str(), (long long)r->examples, r->model.seconds);
            std::vector<std::pair<std::string, const rewardbench::Scores*>> cols = {{"model", &r->model.scores},
                                                                                     {"(verdicts)", &r->model.verdictScores}};
            for (const auto& [kind, out] : r->baselines) cols.emplace_back(rewardbench::toString(kind), &out.scores);
            printScoresTable(cols);
            printLengthSplit(r->lengthSplits);
        });
    }
    // --- bias -------------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("bias", "CoBBLEr-style bias probes of a run (FLAMe Table 4; lower is better)");
        auto ws = std::make_shared<std::string>();
        auto req = std::make_shared<BiasRequest>();
        auto asJson = std::make_shared<bool>(false);
        addRunModelOptions(cmd, *ws, *req, *asJson);
        cmd->add_option("--instructions", req->instructions, "Bias instructions used (0: all; each has 120 pairs x 8 queries)");
        cmd->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws);
            if (fail(exitCode, opened)) return;
            auto r = probeBias(*opened, *req);
            if (fail(exitCode, r)) return;
            const bias::BiasRow random = bias::randomRow();
            if (*asJson) {
                auto row = [](const bias::BiasRow& b) {
                    json::Object o;
                    const auto v = bias::values(b);
                    for (std::size_t i = 0; i < 6; ++i) o.emplace_back(bias::kColumns[i], json::Value(v[i]));
                    o.emplace_back("average", json::Value(b.average()));
                    return json::Value(std::move(o));
                };
                json::Object o;
                o.emplace_back("run", json::Value(req->runId));
                o.emplace_back("step", json::Value(r->step));
                o.emplace_back("instructions", json::Value(r->items));
                o.emplace_back("comparisons", json::Value(r->comparisons));
                o.emplace_back("model", row(r->row));
                o.emplace_back("random", row(random));
                o.emplace_back("valid", json::Value(r->order.validRate()));
                o.emplace_back("long", json::Value(r->order.longRate()));
                o.emplace_back("seconds", json::Value(r->seconds));
                printLine(json::serialize(json::Value(std::move(o))));
                return;
            }
            std::printf("run %lld step %lld: %lld instructions, %lld pairs per module (%.0f s); lower is better\n",
                        (long long)req->runId, (long long)r->step, (long long)r->items, (long long)r->comparisons, r->seconds);
            std::printf("%-26s %6s %6s %6s %6s %6s %6s %6s\n", "autorater", "Avg", "Order", "Compas", "Length", "Egoc", "Bandw", "Attn");
            auto print = [](const char* name, const bias::BiasRow& b) {
                std::printf("%-26s %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f %6.2f\n", name, b.average(), b.order, b.compassion,
                            b.length, b.egocentric, b.bandwagon, b.attention);
            };
            print("this run", r->row);
            print("Random (expected)", random);
            for (const auto& ref : bias::paperRows()) print(ref.name, ref.row);
            if (!r->selfExample.empty()) std::printf("one of the model's own responses: %s\n", r->selfExample.c_str());
        });
    }
    // --- predict ----------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("predict", "The model's verdicts on corpus judgments, beside the human labels");
        auto ws = std::make_shared<std::string>();
        auto req = std::make_shared<PredictRequest>();
        auto asJson = std::make_shared<bool>(false);
        addRunModelOptions(cmd, *ws, *req, *asJson);
        cmd->add_option("--split", req->split, "train | dev | test")->default_val(req->split)->check(CLI::IsMember({"train", "dev", "test"}));
        cmd->add_option("--task", req->task, "Only this task");
        cmd->add_option("--limit", req->limitPerTask, "Judgments per task (0: all)");
        cmd->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws);
            if (fail(exitCode, opened)) return;
            auto r = predictJudgments(*opened, *req);
            if (fail(exitCode, r)) return;
            if (*asJson) {
                json::Object tasks;
                for (const auto& [k, v] : r->perTask)
                    tasks.emplace_back(k, json::Value(json::Object{{"agree", json::Value(v.first)}, {"judged", json::Value(v.second)}}));
                return printLine(json::serialize(json::Value(json::Object{
                    {"run", json::Value(req->runId)}, {"step", json::Value(r->step)}, {"judged", json::Value(r->judged)},
                    {"agree", json::Value(r->agree)}, {"tasks", json::Value(std::move(tasks))}})));
            }
            std::printf("run %lld step %lld: agrees with the human label on %lld of %lld %s judgments (%.1f%%, %.0f s); "
                        "verdicts stored in run_predictions\n",
                        (long long)req->runId, (long long)r->step, (long long)r->agree, (long long)r->judged, req->split.c_str(),
                        100.0 * double(r->agree) / double(r->judged), r->seconds);
            for (const auto& [k, v] : r->perTask)
                std::printf("  %-36s %5lld / %-5lld %5.1f%%\n", k.c_str(), (long long)v.first, (long long)v.second,
                            100.0 * double(v.first) / double(std::max<std::int64_t>(1, v.second)));
        });
    }
    // --- score ------------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("score", "Score per-example results of any judge");
        cmd->require_subcommand(1);
        auto* rb = cmd->add_subcommand("rewardbench", "RewardBench v1 from {\"subset\": ..., \"result\": 0|0.5|1} lines");
        auto file = std::make_shared<std::string>();
        auto asJson = std::make_shared<bool>(false);
        rb->add_option("RESULTS", *file, "JSON Lines file ('-' for standard input)")->required();
        rb->add_flag("--json", *asJson, "Print JSON");
        rb->callback([=, &exitCode] {
            std::stringstream ss;
            if (*file == "-") ss << std::cin.rdbuf();
            else {
                std::ifstream in(*file, std::ios::binary);
                if (!in) {
                    exitCode = report(Error::badInput("cannot open the file", *file));
                    return;
                }
                ss << in.rdbuf();
            }
            auto tallies = rewardbench::readResultsJsonl(ss.str(), *file);
            if (fail(exitCode, tallies)) return;
            const auto scores = rewardbench::computeScores(*tallies);
            if (*asJson) return printLine(rewardbench::scoresToJson(scores));
            printScoresTable({{"accuracy", &scores}});
            if (scores.legacyScore) std::printf("%-24s %14.3f\n", "legacy score (prior 0.5x)", *scores.legacyScore);
        });
    }
    // --- runs -------------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("runs", "List, show, cancel and resume training runs");
        auto ws = std::make_shared<std::string>();
        auto asJson = std::make_shared<bool>(false);
        auto run = std::make_shared<std::int64_t>(0);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_flag("--json", *asJson, "Print JSON");
        cmd->require_subcommand(1);
        auto* list = cmd->add_subcommand("list", "All runs (dead workers' runs are marked interrupted first)");
        list->add_flag("--json", *asJson, "Print JSON");
        list->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws);
            if (fail(exitCode, opened)) return;
            RunStore runs(*opened);
            (void)runs.reconcile();
            auto all = runs.list();
            if (fail(exitCode, all)) return;
            if (*asJson) {
                json::Array a;
                for (const auto& r : *all) a.push_back(runToJson(*opened, r));
                return printLine(json::serialize(json::Value(std::move(a))));
            }
            std::printf("%4s  %-14s %-12s %-11s %9s %7s  %s\n", "id", "variant", "state", "step", "score", "parent", "name");
            for (const auto& r : *all) {
                auto j = runToJson(*opened, r);
                const json::Value* score = j.find("score");
                std::printf("%4lld  %-14s %-12s %5lld/%-5lld %9s %7s  %s\n", (long long)r.id, r.variant.c_str(), toString(r.state),
                            (long long)r.step, (long long)j.find("steps")->asInt(),
                            score->isNull() ? "-" : (std::to_string(score->asDouble()).substr(0, 5)).c_str(),
                            r.parentRunId ? std::to_string(r.parentRunId).c_str() : "-", r.name.c_str());
            }
        });
        auto* show = cmd->add_subcommand("show", "One run: state, configuration, latest evaluation, checkpoints");
        show->add_option("RUN", *run, "Run id")->required();
        show->add_flag("--json", *asJson, "Print JSON");
        show->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws);
            if (fail(exitCode, opened)) return;
            RunStore runs(*opened);
            (void)runs.reconcile();
            auto r = runs.require(*run);
            if (fail(exitCode, r)) return;
            json::Value o = runToJson(*opened, *r);
            json::ParseError perr;
            o.set("config", *json::parse(r->config, &perr));
            json::Array ck;
            if (auto cps = runs.checkpoints(*run))
                for (const auto& c : *cps) ck.emplace_back(json::Object{{"step", json::Value(c.step)}, {"path", json::Value(c.path)}});
            o.set("checkpoints", json::Value(std::move(ck)));
            for (const char* doc : {"mixture", "tailpatch_plan"})
                if (auto d = runs.document(*run, doc); d && *d) o.set(doc, *json::parse(**d, &perr));
            if (auto b = runs.biasResults(*run); b && !b->empty()) {
                json::Object bo;
                for (const auto& [k, v] : *b) bo.emplace_back(k, json::Value(v));
                o.set("bias", json::Value(std::move(bo)));
            }
            std::int64_t evalStep = 0;
            if (auto ev = runs.evalResults(*run, "sample", -1, &evalStep); ev && !ev->empty()) {
                std::map<std::string, double> acc;
                for (const auto& e : *ev) acc[e.subset] = e.accuracy;
                json::Value s = scoresJson(rewardbench::computeScores(acc));
                s.set("step", json::Value(evalStep));
                o.set("eval", std::move(s));
            }
            printLine(json::serialize(o));
        });
        auto* cancel = cmd->add_subcommand("cancel", "Stop a run: its worker checkpoints and stops (resumable)");
        cancel->add_option("RUN", *run, "Run id")->required();
        cancel->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws);
            if (fail(exitCode, opened)) return;
            RunStore runs(*opened);
            (void)runs.reconcile();
            auto r = runs.require(*run);
            if (fail(exitCode, r)) return;
            if (r->state == RunState::Queued) {
                (void)runs.finish(*run, RunState::Cancelled, "cancelled before it started");
                std::printf("run %lld cancelled (it had not started)\n", (long long)*run);
            } else if (r->state == RunState::Running) {
                (void)runs.requestCancel(*run);
                if (r->host == hostName() && processAlive(r->pid)) ::kill(pid_t(r->pid), SIGTERM);
                std::printf("run %lld: cancel requested; its worker checkpoints and stops at the next step\n", (long long)*run);
            } else {
                exitCode = report(Error::badInput("run " + std::to_string(*run) + " is " + toString(r->state) + ", not running"));
            }
        });
        auto* resume = cmd->add_subcommand("resume", "Continue a cancelled, interrupted or failed run from its last checkpoint");
        auto threads = std::make_shared<int>(0);
        resume->add_option("RUN", *run, "Run id")->required();
        resume->add_option("--threads", *threads, "Intra-op threads per rank");
        resume->add_flag("--json", *asJson, "Print the workers' JSON events");
        resume->callback([=, &exitCode] {
            TrainConfig c;
            {
                auto opened = Workspace::open(*ws);
                if (fail(exitCode, opened)) return;
                RunStore runs(*opened);
                (void)runs.reconcile();
                auto r = runs.require(*run);
                if (fail(exitCode, r)) return;
                if (r->state == RunState::Running || r->state == RunState::Finished) {
                    exitCode = report(Error::badInput("run " + std::to_string(*run) + " is " + toString(r->state)));
                    return;
                }
                auto cfg = parseTrainConfig(r->config);
                if (fail(exitCode, cfg)) return;
                c = *cfg;
                if (auto s = runs.requeue(*run); !s) {
                    exitCode = report(s.error());
                    return;
                }
            }
            exitCode = launchWorkers(*ws, *run, c, *asJson, *threads);
        });
    }
    // --- export-model -----------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("export-model", "Weights, configuration and tokenizer of a run for Python PyTorch");
        auto ws = std::make_shared<std::string>();
        auto req = std::make_shared<ExportRequest>();
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_option("--run", req->runId, "Run id")->required();
        cmd->add_option("--output,-o", req->output, "Output folder")->required();
        cmd->add_option("--step", req->step, "Checkpoint step (default: the latest)");
        cmd->add_option("--check", req->checkExamples, "Judge inputs with C++ scores for scripts/flame_model.py check")->default_val(req->checkExamples);
        cmd->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws, WorkspaceMode::ReadOnly);
            if (fail(exitCode, opened)) return;
            auto r = exportModel(*opened, *req);
            if (fail(exitCode, r)) return;
            std::printf("exported run %lld step %lld (%lld parameters) to %s; check with: python3 scripts/flame_model.py check %s\n",
                        (long long)req->runId, (long long)r->step, (long long)r->parameters, r->output.c_str(), r->output.c_str());
        });
    }
    // --- devices ----------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("devices", "Devices a worker can train on (cpu and each CUDA device)");
        auto asJson = std::make_shared<bool>(false);
        cmd->add_flag("--json", *asJson, "Print a JSON array");
        cmd->callback([=] {
            const auto devices = availableDevices();
            if (*asJson) {
                json::Array a;
                for (const auto& d : devices) a.emplace_back(d);
                return printLine(json::serialize(json::Value(std::move(a))));
            }
            for (const auto& d : devices) printLine(d);
        });
    }
    // --- mixture ----------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("mixture", "The mixture a run would train on: task, examples, rate, examples per step");
        auto ws = std::make_shared<std::string>();
        auto variant = std::make_shared<std::string>("flame");
        auto cap = std::make_shared<std::int64_t>(0);
        auto batch = std::make_shared<int>(0);
        auto asJson = std::make_shared<bool>(false);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        // Pretraining samples FLAMe's mixture; FLAMe-Opt-RM's is decided by tail-patching.
        cmd->add_option("--variant", *variant, "flame | flame-rm | pretrain")
            ->check(CLI::IsMember({"flame", "flame-rm", "pretrain"}));
        cmd->add_option("--cap", *cap, "Examples-proportional cap (default: scaled)");
        cmd->add_option("--batch", *batch, "Batch for the examples-per-step column");
        cmd->add_flag("--json", *asJson, "Print JSON");
        cmd->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws, WorkspaceMode::ReadOnly);
            if (fail(exitCode, opened)) return;
            auto c = defaultConfig(*variant, "tiny");
            if (fail(exitCode, c)) return;
            c->cap = *cap;
            if (*batch > 0) c->batch = *batch;
            if (c->cap == 0) {
                auto tasks = runTasks(*opened, *c);
                auto counts = trainCounts(*opened, false);
                if (fail(exitCode, tasks) || fail(exitCode, counts)) return;
                std::int64_t total = 0;
                for (const auto& [t, n] : *counts)
                    if (std::find(tasks->begin(), tasks->end(), t) != tasks->end()) total += n;
                c->cap = scaledCap(total);
            }
            auto rows = mixturePreview(*opened, *c);
            if (fail(exitCode, rows)) return;
            if (*asJson) {
                json::Array a;
                for (const auto& r : *rows)
                    a.emplace_back(json::Object{{"task", json::Value(r.task)}, {"capability", json::Value(r.capability)},
                                                {"type", json::Value(r.type)}, {"examples", json::Value(r.examples)},
                                                {"rate", json::Value(r.rate)}, {"per_step", json::Value(r.perStep)}});
                return printLine(json::serialize(json::Value(std::move(a))));
            }
            std::printf("cap %lld, batch %d\n%-36s %-18s %9s %8s %9s\n", (long long)c->cap, c->batch, "task", "capability", "examples",
                        "rate", "per step");
            for (const auto& r : *rows)
                std::printf("%-36s %-18s %9lld %8.4f %9.3f\n", r.task.c_str(), r.capability.c_str(), (long long)r.examples, r.rate,
                            r.perStep);
        });
    }
}

} // namespace flame::cli
