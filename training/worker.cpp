#include "training/worker.h"

#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "model/mixture.h"
#include "storage/instruction_store.h"
#include "training/checkpoint.h"
#include "training/judge.h"
#include "training/model_io.h"
#include "training/runs.h"
#include "training/worker_internal.h"

namespace flame::training {

void WorkerContext::emit(json::Object event) {
    if (!primary || !emitLine) return;
    json::Object out;
    out.emplace_back("event", event.front().second);
    out.emplace_back("run", json::Value(run.id));
    for (std::size_t i = 1; i < event.size(); ++i) out.push_back(std::move(event[i]));
    emitLine(json::serialize(json::Value(std::move(out))));
}

Status WorkerContext::flushMetrics(bool force) {
    if (!primary || pending.empty()) return {};
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - lastFlush < std::chrono::seconds(1)) return {};
    for (const auto& p : pending)
        if (auto s = runs->addMetrics(run.id, p.step, p.examples, p.values); !s) return s;
    pending.clear();
    lastFlush = now;
    return {};
}

std::string WorkerContext::runDir() const { return runDirectory(*ws, run.id); }

Expected<std::vector<double>> runRates(const WorkerContext& ctx, const std::vector<const TaskDefinition*>& tasks,
                                       const std::vector<const TaskTokens*>& tokens, MixtureKind kind,
                                       const std::map<std::string, double>& weights) {
    std::vector<MixtureTask> mt;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        auto w = weights.find(tasks[i]->key);
        mt.push_back({tasks[i]->key, std::int64_t(tokens[i]->size()), w == weights.end() ? 0.0 : w->second});
    }
    return mixtureRates(mt, MixtureSpec{kind, ctx.config.cap > 0 ? ctx.config.cap : kPaperCap});
}

namespace {

// Sums values[0..count) over the ranks, in place. The tensor lives on the model's device, as NCCL
// needs.
void allReduceOnModelDevice(WorkerContext& ctx, TransformerImpl& model, double* values, std::size_t count) {
    at::Tensor blob = at::from_blob(values, {std::int64_t(count)}, at::kDouble);
    at::Tensor t = blob.to(model.tok_emb->weight.device()); // the blob itself on CPU
    ctx.collective->allReduceSum(t);
    if (!t.is_same(blob)) blob.copy_(t);
}

// This rank's share of an evaluation: all of it in a single process.
struct Share {
    int shard = 0, shards = 1;
};
Share shareOf(const WorkerContext& ctx) {
    if (ctx.collective && ctx.world > 1) return {ctx.rank, ctx.world};
    return {};
}

} // namespace

EvalOutcome evaluateRows(WorkerContext& ctx, TransformerImpl& model, const std::vector<EvalRow>& rows) {
    const auto t0 = std::chrono::steady_clock::now();
    const Share share = shareOf(ctx);
    auto logProbs = judgeShard(model, *ctx.tokenizer, ctx.rewardbenchInstructions, rows, ctx.config.model.maxSeq,
                               share.shard, share.shards);
    static_assert(sizeof(PairLogProbs) == 4 * sizeof(double), "PairLogProbs rows must be contiguous doubles");
    // Other ranks' rows are zero here, so the sum is a gather.
    if (share.shards > 1 && !logProbs.empty()) allReduceOnModelDevice(ctx, model, logProbs.front().data(), 4 * logProbs.size());
    EvalOutcome out = outcomeFromLogProbs(rows, logProbs);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

double devLoss(WorkerContext& ctx, TransformerImpl& model) {
    if (ctx.devSequences.empty()) return 0.0;
    const Share share = shareOf(ctx);
    TargetLossSum s = targetLossSum(model, ctx.devSequences, ctx.devTargetStarts, 16, &ctx.devSegments, share.shard,
                                    share.shards);
    if (share.shards > 1) {
        double v[2] = {s.total, double(s.tokens)};
        allReduceOnModelDevice(ctx, model, v, 2);
        s.total = v[0];
        s.tokens = std::int64_t(v[1]);
    }
    return s.mean();
}

namespace {

// Rank 0's liveness: a heartbeat on its own connection, and the run's cancel request polled.
class Heartbeat {
public:
    Heartbeat(WorkerContext& ctx) : m_ctx(ctx) {
        m_thread = std::thread([this] { loop(); });
    }
    ~Heartbeat() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        m_thread.join();
    }

private:
    void loop() {
        auto ws = Workspace::open(m_ctx.options.workspace);
        if (!ws) return;
        RunStore runs(*ws);
        std::unique_lock<std::mutex> lock(m_mutex);
        for (;;) {
            const auto interval = std::chrono::milliseconds(std::int64_t(m_ctx.options.heartbeatSeconds * 1000));
            if (m_cv.wait_for(lock, interval, [&] { return m_stop; })) return;
            (void)runs.heartbeat(m_ctx.run.id, m_ctx.currentStep.load());
            auto cancel = runs.cancelRequested(m_ctx.run.id);
            if (cancel && *cancel) m_ctx.cancelFlag = true;
        }
    }
    WorkerContext& m_ctx;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::thread m_thread;
};

Status loadEvaluationData(WorkerContext& ctx) {
    auto ins = runInstructions(*ctx.ws, ctx.run.id, "rewardbench-pairwise");
    if (!ins) return ins.error();
    ctx.rewardbenchInstructions = *ins;
    auto full = loadEvalSet(*ctx.ws, ctx.config.evalSet, 0);
    if (!full) return full.error();
    ctx.evalFull = *full;
    auto periodic = loadEvalSet(*ctx.ws, ctx.config.evalSet, ctx.config.evalLimit);
    if (!periodic) return periodic.error();
    ctx.evalPeriodic = *periodic;
    // The held-out loss: dev-split judgments of the run's tasks, taken round-robin over tasks.
    InstructionStore store(*ctx.ws);
    auto recorded = ctx.runs->instructions(ctx.run.id);
    if (!recorded) return recorded.error();
    std::vector<TaskTokens> dev;
    for (const TaskDefinition* t : ctx.tasks) {
        auto v = store.byId((*recorded)[ctx.ws->taskId(t->key)]);
        if (!v) return v.error();
        auto tt = loadTaskTokens(*ctx.ws, *ctx.tokenizer, *t, v->id, v->instructions, 1, ctx.config.aiFeedback);
        if (!tt) return tt.error();
        dev.push_back(std::move(*tt));
    }
    for (std::size_t i = 0; std::int64_t(ctx.devSequences.size()) < ctx.config.evalLossExamples; ++i) {
        bool any = false;
        for (const auto& d : dev) {
            if (i >= d.size()) continue;
            any = true;
            FittedSequence s = fitExample(d, i, ctx.config.model.maxSeq, ctx.config.maxTarget);
            ctx.devSequences.push_back(std::move(s.tokens));
            ctx.devTargetStarts.push_back(s.targetStart);
            ctx.devSegments.push_back(std::move(s.segments));
            if (std::int64_t(ctx.devSequences.size()) >= ctx.config.evalLossExamples) break;
        }
        if (!any) break;
    }
    return {};
}

Status evaluateAndRecord(WorkerContext& ctx, TransformerImpl& model, std::int64_t step, std::int64_t examples, bool full) {
    const auto& rows = full ? ctx.evalFull : ctx.evalPeriodic;
    EvalOutcome outcome = evaluateRows(ctx, model, rows); // every rank judges its share
    const double loss = devLoss(ctx, model);
    if (!ctx.primary) return {};
    using rewardbench::Section;
    const auto& s = outcome.scores;
    std::vector<std::pair<std::string, double>> values = {
        {"chat", s.section(Section::Chat)},       {"chat_hard", s.section(Section::ChatHard)},
        {"safety", s.section(Section::Safety)},   {"reasoning", s.section(Section::Reasoning)},
        {"score", s.score},                       {"eval_loss", loss},
        {"eval_seconds", outcome.seconds}};
    if (auto st = ctx.flushMetrics(true); !st) return st;
    if (auto st = ctx.runs->addMetrics(ctx.run.id, step, examples, values); !st) return st;
    std::vector<EvalResultRow> stored;
    for (const auto& r : subsetRows(outcome)) stored.push_back({r.subset, r.accuracy, r.examples});
    if (auto st = ctx.runs->addEvalResults(ctx.run.id, step, ctx.config.evalSet, stored); !st) return st;
    json::Object e;
    e.emplace_back("event", json::Value("eval"));
    e.emplace_back("step", json::Value(step));
    for (const auto& [k, v] : values)
        if (k != "eval_loss") e.emplace_back(k, json::Value(v));
    e.emplace_back("loss", json::Value(loss));
    e.emplace_back("examples", json::Value(examples));
    e.emplace_back("eval_examples", json::Value(std::int64_t(rows.size())));
    ctx.emit(std::move(e));
    return {};
}

Status checkpointAndRecord(WorkerContext& ctx, TransformerImpl& model, torch::optim::Optimizer& opt, std::int64_t step,
                           std::int64_t examples, const MixtureSampler::State& sampler) {
    CheckpointState st;
    st.step = step;
    st.examples = examples;
    st.phase = "main";
    st.sampler = sampler;
    st.configJson = json::serialize(toJson(ctx.config));
    st.model = ctx.config.model;
    st.tokenizerHash = ctx.tokenizer->hash();
    const std::string dir = ctx.runDir() + "/ckpt-" + std::to_string(step);
    // Metrics first: a checkpoint that exists implies every metric up to its step is stored, so a
    // worker killed right after the checkpoint resumes past it without losing the steps' points.
    if (auto s = ctx.flushMetrics(true); !s) return s;
    if (auto s = saveCheckpoint(dir, model, &opt, st); !s) return s;
    if (auto s = ctx.runs->addCheckpoint(ctx.run.id, step, dir); !s) return s;
    for (std::int64_t removed : pruneCheckpoints(ctx.runDir(), ctx.config.keepCheckpoints))
        (void)ctx.runs->removeCheckpoint(ctx.run.id, removed);
    json::Object e;
    e.emplace_back("event", json::Value("checkpoint"));
    e.emplace_back("step", json::Value(step));
    e.emplace_back("path", json::Value(dir));
    ctx.emit(std::move(e));
    return {};
}

// Where the main phase starts: fresh, from a parent checkpoint, or from this run's own checkpoint.
struct Start {
    std::int64_t step = 0, examples = 0;
    std::optional<MixtureSampler::State> sampler;
    std::string resumeDir; // own checkpoint to resume from
};

Expected<RunState> runMain(WorkerContext& ctx) {
    const TrainConfig& cfg = ctx.config;
    Start start;
    if (auto own = listCheckpoints(ctx.runDir()); !own.empty()) {
        auto st = readCheckpoint(own.back().second);
        if (!st) return st.error();
        if (st->tokenizerHash != ctx.tokenizer->hash())
            return Error::badInput("the run's checkpoint was trained with another tokenizer", own.back().second);
        start.step = st->step;
        start.examples = st->examples;
        start.sampler = st->sampler;
        start.resumeDir = own.back().second;
    }
    std::map<std::string, double> weights = cfg.weights;
    if (cfg.variant == "flame-opt-rm") {
        auto w = runTailpatchPhase(ctx);
        if (!w) {
            if (w.error().kind == ErrorKind::Cancelled) return RunState::Cancelled;
            return w.error();
        }
        weights = *w;
    }
    std::vector<const TaskTokens*> tokens;
    for (const auto& t : ctx.tokens) tokens.push_back(&t);
    auto rates = runRates(ctx, ctx.tasks, tokens, cfg.mixture, weights);
    if (!rates) return rates.error();
    if (ctx.primary) {
        json::Object mix;
        for (std::size_t i = 0; i < ctx.tasks.size(); ++i) mix.emplace_back(ctx.tasks[i]->key, json::Value((*rates)[i]));
        (void)ctx.runs->setDocument(ctx.run.id, "mixture", json::serialize(json::Value(std::move(mix))));
    }
    // The network: seeded once, before anything else draws from Torch's generator.
    torch::manual_seed(cfg.seed);
    Transformer model(cfg.model);
    if (!start.resumeDir.empty()) {
        if (auto s = loadCheckpointWeights(start.resumeDir, *model); !s) return s.error();
    } else {
        // Weights only, with a fresh optimiser: FLAMe's checkpoint for FLAMe-RM (and FLAMe-Opt-RM
        // from the tail-patch base), otherwise the initial network if the run names one.
        const bool fromParent = cfg.variant == "flame-rm" || (cfg.variant == "flame-opt-rm" && cfg.tailpatch.init == "base");
        const std::int64_t run = fromParent ? cfg.fromRun : cfg.initRun;
        if (run > 0) {
            auto ckpt = findCheckpoint(*ctx.ws, run, fromParent ? cfg.fromStep : cfg.initStep);
            if (!ckpt) return ckpt.error();
            if (auto s = readCheckpoint(ckpt->second); !s) return s.error();
            if (auto s = loadCheckpointWeights(ckpt->second, *model); !s) return s.error();
        }
    }
    model->to(at::Device(ctx.device));
    if (ctx.collective && start.resumeDir.empty()) broadcastParameters(*model, *ctx.collective);
    auto optimizer = makeOptimizer(*model, cfg.optim);
    if (!start.resumeDir.empty()) {
        if (auto s = loadCheckpointOptimizer(start.resumeDir, *optimizer); !s) return s.error();
        if (auto s = restoreRng(start.resumeDir); !s) return s.error();
    }
    if (start.step >= cfg.steps) return RunState::Finished;
    std::vector<std::size_t> sizes;
    for (const auto* t : tokens) sizes.push_back(t->size());
    MixtureSampler sampler(sizes, *rates, cfg.seed);
    if (start.sampler) sampler.setState(*start.sampler);

    LoopOptions lo;
    lo.firstStep = start.step + 1;
    lo.lastStep = cfg.steps;
    lo.totalSteps = cfg.steps;
    lo.examplesBefore = start.examples;
    lo.batch = cfg.batch;
    lo.microBatch = microBatchFor(cfg.microBatch, cfg.batch / ctx.world, cfg.model.maxSeq, ctx.device);
    lo.rank = ctx.rank;
    lo.world = ctx.world;
    lo.optim = cfg.optim;
    lo.dropout = cfg.model.dropout;
    lo.seed = cfg.seed;
    lo.maxSeq = cfg.model.maxSeq;
    lo.maxTarget = cfg.maxTarget;
    lo.contextLoss = cfg.contextLoss;
    lo.targetLoss = cfg.targetLoss;
    lo.evalEvery = cfg.evalEvery;
    lo.checkpointEvery = cfg.checkpointEvery;
    lo.bf16 = ctx.device != "cpu";
    LoopHooks hooks;
    hooks.collective = ctx.collective.get();
    hooks.stopRequested = [&](std::int64_t step) { return ctx.stopRequested(step); };
    hooks.onStep = [&](const StepMetrics& m) {
        ctx.currentStep = m.step;
        if (!ctx.primary) return;
        const double tps = m.seconds > 0 ? double(m.tokens * ctx.world) / m.seconds : 0.0;
        ctx.pending.push_back({m.step, m.examples,
                               {{"loss", m.loss}, {"lr", m.lr}, {"grad_norm", m.gradNorm}, {"step_seconds", m.seconds},
                                {"tokens_per_s", tps}, {"data_wait_seconds", m.dataWaitSeconds}}});
        if (m.contextLoss >= 0) ctx.pending.back().values.push_back({"context_loss", m.contextLoss});
        (void)ctx.flushMetrics(false);
        json::Object e;
        e.emplace_back("event", json::Value("step"));
        e.emplace_back("step", json::Value(m.step));
        e.emplace_back("loss", json::Value(m.loss));
        e.emplace_back("lr", json::Value(m.lr));
        e.emplace_back("examples", json::Value(m.examples));
        if (m.contextLoss >= 0) e.emplace_back("context_loss", json::Value(m.contextLoss));
        e.emplace_back("grad_norm", json::Value(m.gradNorm));
        e.emplace_back("step_seconds", json::Value(m.seconds));
        e.emplace_back("tokens_per_s", json::Value(tps));
        e.emplace_back("data_wait_seconds", json::Value(m.dataWaitSeconds));
        e.emplace_back("data_build_seconds", json::Value(m.dataBuildSeconds));
        ctx.emit(std::move(e));
    };
    hooks.evaluate = [&](std::int64_t step, std::int64_t examples) { // all ranks: the set is sharded
        return evaluateAndRecord(ctx, *model, step, examples, step == cfg.steps);
    };
    if (ctx.primary) {
        hooks.checkpoint = [&](std::int64_t step, std::int64_t examples, const MixtureSampler::State& s) {
            return checkpointAndRecord(ctx, *model, *optimizer, step, examples, s);
        };
    }
    auto end = runLoop(*model, *optimizer, tokens, std::move(sampler), lo, hooks);
    if (!end) return end.error();
    if (auto s = ctx.flushMetrics(true); !s) return s.error();
    return *end == LoopEnd::Stopped ? RunState::Cancelled : RunState::Finished;
}

Expected<RunState> setUp(WorkerContext& ctx) {
    auto ws = Workspace::open(ctx.options.workspace);
    if (!ws) return ws.error();
    ctx.ws.emplace(std::move(*ws));
    ctx.runs = std::make_unique<RunStore>(*ctx.ws);
    auto run = ctx.runs->require(ctx.options.runId);
    if (!run) return run.error();
    ctx.run = *run;
    auto cfg = parseTrainConfig(run->config);
    if (!cfg) return cfg.error();
    ctx.config = *cfg;
    TrainConfig& c = ctx.config;
    if (ctx.options.nodeRank >= 0) c.nodeRank = ctx.options.nodeRank;
    if (!ctx.options.masterAddr.empty()) c.masterAddr = ctx.options.masterAddr;
    if (ctx.options.masterPort > 0) c.masterPort = ctx.options.masterPort;
    if (ctx.options.localRank < 0 || ctx.options.localRank >= c.nproc)
        return Error::badInput("--local-rank must be in [0, nproc) (nproc " + std::to_string(c.nproc) + ")");
    ctx.world = worldSize(c);
    ctx.rank = c.nodeRank * c.nproc + ctx.options.localRank;
    ctx.primary = ctx.rank == 0;
    if (ctx.primary) {
        if (ctx.run.state == RunState::Running && ctx.run.host == hostName() && processAlive(ctx.run.pid) &&
            ctx.run.pid != ::getpid())
        {
            ctx.refused = true;
            return Error::badInput("run " + std::to_string(ctx.run.id) + " is already running (pid " +
                                   std::to_string(ctx.run.pid) + ")");
        }
        if (ctx.run.state == RunState::Finished) {
            ctx.refused = true;
            return Error::badInput("run " + std::to_string(ctx.run.id) + " has already finished");
        }
    }
    configureThreads(ctx.options.threads > 0 ? ctx.options.threads : c.threads, c.nproc);
    auto dev = checkDevice(deviceForRank(c, ctx.options.localRank));
    if (!dev) return dev.error();
    ctx.device = *dev;
    auto tok = runTokenizer(*ctx.ws, c);
    if (!tok) return tok.error();
    if (tok->vocabSize() != c.model.vocab)
        return Error::badInput("the run's network has " + std::to_string(c.model.vocab) + " tokens, its tokenizer " +
                               std::to_string(tok->vocabSize()));
    ctx.tokenizer.emplace(std::move(*tok));
    if (ctx.world > 1) {
        if (c.masterPort <= 0) return Error::badInput("a run with several ranks needs --master-port");
        GroupOptions go;
        go.rank = ctx.rank;
        go.world = ctx.world;
        go.masterAddr = c.masterAddr;
        go.masterPort = c.masterPort;
        go.cuda = ctx.device != "cpu";
        auto col = Collective::create(go);
        if (!col) return col.error();
        ctx.collective = std::move(*col);
    }
    auto tasks = runTasks(*ctx.ws, c);
    if (!tasks) return tasks.error();
    ctx.tasks = *tasks;
    InstructionStore store(*ctx.ws);
    auto recorded = ctx.runs->instructions(ctx.run.id);
    if (!recorded) return recorded.error();
    for (const TaskDefinition* t : ctx.tasks) {
        auto it = recorded->find(ctx.ws->taskId(t->key));
        if (it == recorded->end()) return Error::internal("run " + std::to_string(ctx.run.id) + " did not record instructions of " + t->key);
        auto v = store.byId(it->second);
        if (!v) return v.error();
        auto tt = loadTaskTokens(*ctx.ws, *ctx.tokenizer, *t, v->id, v->instructions, 0, c.aiFeedback);
        if (!tt) return tt.error();
        ctx.tokens.push_back(std::move(*tt));
    }
    if (auto s = loadEvaluationData(ctx); !s) return s.error(); // every rank judges a share of the sets
    return RunState::Running;
}

} // namespace

RunState runWorker(const WorkerOptions& options, const LineSink& emit, const std::function<bool()>& externalStop) {
    WorkerContext ctx;
    ctx.options = options;
    ctx.emitLine = emit;
    ctx.externalStop = externalStop;
    ctx.run.id = options.runId;
    std::unique_ptr<Heartbeat> heartbeat;
    Expected<RunState> result = RunState::Failed;
    try {
        result = setUp(ctx);
        if (result && ctx.primary) {
            if (auto s = ctx.runs->markRunning(ctx.run.id, ::getpid(), hostName()); !s) result = s.error();
            else heartbeat = std::make_unique<Heartbeat>(ctx);
        }
        if (result) {
            json::Object e;
            e.emplace_back("event", json::Value("start"));
            e.emplace_back("rank", json::Value(ctx.rank));
            e.emplace_back("world", json::Value(ctx.world));
            e.emplace_back("variant", json::Value(ctx.config.variant));
            e.emplace_back("device", json::Value(ctx.device));
            e.emplace_back("threads", json::Value(at::get_num_threads()));
            e.emplace_back("tasks", json::Value(std::int64_t(ctx.tasks.size())));
            ctx.emit(std::move(e));
            result = runMain(ctx);
        }
    } catch (const std::exception& e) {
        result = Error::internal(std::string("worker failed: ") + e.what());
    }
    heartbeat.reset();
    const RunState state = result ? *result : RunState::Failed;
    const std::string error = result ? std::string() : result.error().toString();
    // A worker refused because another one owns the run leaves the run as it is.
    if (ctx.primary && ctx.runs && !ctx.refused) {
        (void)ctx.runs->heartbeat(ctx.run.id, ctx.currentStep.load()); // the step it ended at
        (void)ctx.runs->finish(ctx.run.id, state, error);
    }
    if (ctx.primary) {
        json::Object e;
        e.emplace_back("event", json::Value("end"));
        e.emplace_back("state", json::Value(toString(state)));
        if (!error.empty()) e.emplace_back("error", json::Value(error));
        ctx.emit(std::move(e));
    } else if (!error.empty()) {
        std::fprintf(stderr, "flame worker (rank %d): %s\n", ctx.rank, error.c_str());
    }
    return state;
}

} // namespace flame::training
