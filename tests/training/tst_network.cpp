// The network and the training loop in-process: shapes, causal and padding masks, the KV cache,
// prefix-shared judging against the plain computation, counter-based dropout, learning a trivial
// task, checkpoints (round trip with optimizer state, damaged files) and resume == uninterrupted.
// Torch first: Qt's keyword macros (slots, signals, emit) must not exist while its headers parse.
#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>

#include "model/sample/corpus.h"
#include "storage/instruction_store.h"
#include "storage/sample_writer.h"
#include "training/checkpoint.h"
#include "training/config.h"
#include "training/evaluation.h"
#include "training/judge.h"
#include "training/network.h"
#include "training/tokenizer.h"
#include "training/trainer.h"

#include <QtTest>

#include "tests/test_support.h"

using namespace flame;
using namespace flame::training;

namespace {

ModelConfig smallConfig(int vocab = 50) {
    ModelConfig c;
    c.vocab = vocab;
    c.dModel = 32;
    c.layers = 2;
    c.heads = 4;
    c.dFF = 64;
    c.maxSeq = 64;
    c.dropout = 0.0;
    return c;
}

at::Tensor longs(std::vector<std::int64_t> v) { return torch::tensor(v, torch::kLong); }

double maxDiff(const at::Tensor& a, const at::Tensor& b) { return (a - b).abs().max().item<double>(); }

} // namespace

class NetworkTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char* name) { return (m_dir.path() + "/" + name).toStdString(); }

    // A small sample workspace (1,200 judgments, its evaluation set) and a 400-piece tokenizer,
    // made once for the tests that need real formatted text.
    std::optional<Workspace> m_ws;
    std::optional<Tokenizer> m_tok;
    bool prepareSampleWorkspace() {
        if (m_ws) return true;
        auto ws = Workspace::create(path("sample.flame"));
        if (!ws) return false;
        sample::SampleOptions so;
        so.judgments = 1200;
        so.biasInstructions = 1;
        if (!writeSampleCorpus(*ws, so)) return false;
        TokenizerTrainOptions to;
        to.vocabSize = 400;
        to.sampleExamples = 300;
        auto trained = trainTokenizer(*ws, to);
        if (!trained) return false;
        auto tok = Tokenizer::load(trained->path);
        if (!tok) return false;
        m_ws.emplace(std::move(*ws));
        m_tok.emplace(std::move(*tok));
        return true;
    }

private Q_SLOTS:
    void initTestCase() { at::set_num_threads(2); }

    void shapesAndCausality() {
        torch::manual_seed(1);
        Transformer m(smallConfig());
        m->eval();
        torch::NoGradGuard ng;
        at::Tensor t = torch::randint(4, 50, {3, 10}, torch::kLong);
        at::Tensor h = m->forward(t);
        QCOMPARE(h.sizes().vec(), (std::vector<std::int64_t>{3, 10, 32}));
        QCOMPARE(m->logits(h).sizes().vec(), (std::vector<std::int64_t>{3, 10, 50}));
        at::Tensor t2 = t.clone();
        t2[0][7].fill_((t[0][7].item<std::int64_t>() + 1) % 50);
        at::Tensor h2 = m->forward(t2);
        QCOMPARE(maxDiff(h.slice(1, 0, 7), h2.slice(1, 0, 7)), 0.0); // the past never sees the future
        QVERIFY(maxDiff(h[0].slice(0, 7), h2[0].slice(0, 7)) > 1e-4);
        QCOMPARE(maxDiff(h[1], h2[1]), 0.0); // rows are independent
        QVERIFY(smallConfig().parameterCount() > 0);
    }

    void leftPaddingAndCacheMatchTheFullForward() {
        torch::manual_seed(2);
        Transformer m(smallConfig());
        m->eval();
        torch::NoGradGuard ng;
        at::Tensor seq = longs({1, 7, 8, 9, 10, 11});
        at::Tensor full = m->forward(seq.view({1, 6}));
        // Left-padded by three in a batch, with explicit positions and a key mask.
        at::Tensor padded = longs({0, 0, 0, 1, 7, 8, 9, 10, 11}).view({1, 9});
        at::Tensor pos = longs({0, 0, 0, 0, 1, 2, 3, 4, 5}).view({1, 9});
        at::Tensor valid = longs({0, 0, 0, 1, 1, 1, 1, 1, 1}).view({1, 9}).to(torch::kBool);
        at::Tensor hp = m->forward(padded, pos, nullptr, valid);
        QVERIFY(maxDiff(hp.slice(1, 3), full) < 1e-5);
        // Incremental: the prefix with a cache, then the last token alone.
        KVCache cache = m->emptyCache();
        m->forward(seq.slice(0, 0, 5).view({1, 5}), {}, &cache);
        QCOMPARE(cache.length(), std::int64_t(5));
        at::Tensor last = m->forward(seq.slice(0, 5).view({1, 1}), {}, &cache);
        QVERIFY(maxDiff(last[0][0], full[0][5]) < 1e-5);
    }

    void prefixSharedJudgingEqualsThePlainComputation() {
        torch::manual_seed(3);
        Transformer m(smallConfig());
        std::vector<JudgeQuery> qs;
        for (int i = 0; i < 7; ++i) {
            JudgeQuery q;
            q.prompt.push_back(Tokenizer::kBos);
            for (int k = 0; k < 5 + 3 * i; ++k) q.prompt.push_back(4 + (k * 7 + i) % 40);
            q.candidates = {{30, 31, 40, 2}, {30, 31, 41, 2}, {30, 33, 2}};
            if (i % 3 == 0) q.candidates = {{44, 2}, {45, 2}}; // no common prefix
            if (i == 5) q.candidates = {{12, 2}};              // one candidate
            qs.push_back(q);
        }
        auto shared = scoreCandidates(*m, qs, 3);
        auto plain = scoreCandidatesReference(*m, qs);
        QCOMPARE(shared.size(), plain.size());
        for (std::size_t i = 0; i < qs.size(); ++i)
            for (std::size_t c = 0; c < qs[i].candidates.size(); ++c) {
                QVERIFY2(std::fabs(shared[i][c] - plain[i][c]) < 1e-4, qPrintable(QString("%1 vs %2").arg(shared[i][c]).arg(plain[i][c])));
                QVERIFY(shared[i][c] < 0);
            }
        QVERIFY(m->is_training()); // the judge restores the mode it found
    }

    // Scoring batches side by side on CPU threads: the same batches, so the same scores bit for
    // bit as one stream at one intra-op thread; the intra-op setting comes back afterwards, and an
    // error in one stream reaches the caller (after the others have stopped).
    void concurrentStreamsGiveTheSameScoresBitForBit() {
        torch::manual_seed(5);
        Transformer m(smallConfig());
        std::vector<JudgeQuery> qs;
        for (int i = 0; i < 90; ++i) { // 90 prompts of 8-59 tokens: several batches of the token budget
            JudgeQuery q;
            q.prompt.push_back(Tokenizer::kBos);
            for (int k = 0; k < 7 + (i * 13) % 52; ++k) q.prompt.push_back(4 + (k * 5 + i) % 40);
            q.candidates = {{30, 31, 2}, {30, 32, 2}};
            qs.push_back(q);
        }
        at::set_num_threads(1);
        const auto one = scoreCandidates(*m, qs, 32, 1);
        const auto two = scoreCandidates(*m, qs, 32, 2);
        QCOMPARE(at::get_num_threads(), 1);
        QCOMPARE(two, one);
        const auto plain = scoreCandidatesReference(*m, std::vector<JudgeQuery>(qs.begin(), qs.begin() + 12));
        for (std::size_t i = 0; i < plain.size(); ++i)
            for (std::size_t c = 0; c < 2; ++c) QVERIFY(std::fabs(two[i][c] - plain[i][c]) < 1e-4);
        const auto eight = scoreCandidates(*m, qs, 8, 1); // other batches: other rounding
        at::set_num_threads(2);
        QCOMPARE(scoreCandidates(*m, qs, 8, 3), eight);
        QCOMPARE(at::get_num_threads(), 2);
        qs[70].prompt[3] = 5000; // outside the vocabulary: the embedding lookup throws in whichever stream
        QVERIFY_THROWS_EXCEPTION(c10::Error, scoreCandidates(*m, qs, 32, 2));
        QCOMPARE(at::get_num_threads(), 2);
        QVERIFY(m->is_training());
    }

    void greedyDecodingMatchesAPlainArgmaxLoop() {
        torch::manual_seed(4);
        Transformer m(smallConfig());
        std::vector<std::vector<std::int32_t>> prompts = {{1, 5, 6, 7}, {1, 9, 10, 11, 12, 13, 14}};
        auto fast = greedyDecode(*m, prompts, 8);
        m->eval();
        torch::NoGradGuard ng;
        for (std::size_t i = 0; i < prompts.size(); ++i) {
            std::vector<std::int64_t> seq(prompts[i].begin(), prompts[i].end());
            std::vector<std::int32_t> slow;
            for (int s = 0; s < 8; ++s) {
                at::Tensor lg = m->logits(m->forward(torch::tensor(seq, torch::kLong).view({1, -1})));
                const auto next = lg[0][std::int64_t(seq.size()) - 1].argmax().item<std::int64_t>();
                if (next == Tokenizer::kEos) break;
                slow.push_back(std::int32_t(next));
                seq.push_back(next);
            }
            QCOMPARE(fast[i], slow);
        }
    }

    void dropoutDependsOnlyOnTheExample() {
        at::Tensor x = torch::ones({2, 16, 8});
        std::vector<std::uint64_t> ids = {5, 9}, second = {9};
        DropoutContext d{0.25, 77, &ids}, d2{0.25, 77, &second};
        at::Tensor a = exampleDropout(x, d, 3);
        at::Tensor b = exampleDropout(x.slice(0, 1, 2), d2, 3);
        QCOMPARE(maxDiff(a[1], b[0]), 0.0); // the same example gets the same mask in any batch
        QCOMPARE(maxDiff(a, exampleDropout(x, d, 3)), 0.0);
        QVERIFY(maxDiff(a, exampleDropout(x, d, 4)) > 0); // another site, another mask
        const double kept = (a > 0).to(torch::kDouble).mean().item<double>();
        QVERIFY(kept > 0.6 && kept < 0.9);
        QVERIFY(std::fabs(a.max().item<double>() - 1.0 / 0.75) < 1e-6);
    }

    void lossIsTakenOnLabelledPositionsOnly() {
        torch::manual_seed(5);
        Transformer m(smallConfig());
        m->eval();
        at::Tensor in = longs({1, 5, 6, 7, 1, 8, 9, 0}).view({2, 4});
        at::Tensor lab = longs({-100, -100, 7, 2, -100, 9, 2, -100}).view({2, 4});
        auto [loss, n] = m->lossSum(in, lab);
        QCOMPARE(n, std::int64_t(4));
        at::Tensor lp = torch::log_softmax(m->logits(m->forward(in)), -1);
        const double manual = -(lp[0][2][7] + lp[0][3][2] + lp[1][1][9] + lp[1][2][2]).item<double>();
        QVERIFY(std::fabs(loss.item<double>() - manual) < 1e-4);
    }

    void learnsATrivialTaskInBoundedSteps() {
        // The target names which key token (10 or 11) the context holds, wherever it is.
        torch::manual_seed(6);
        ModelConfig c = smallConfig(20);
        Transformer m(c);
        OptimConfig oc;
        oc.lr = 3e-3;
        oc.warmup = 10;
        auto opt = makeOptimizer(*m, oc);
        std::mt19937 gen(1);
        auto example = [&](int key) {
            std::vector<std::int32_t> s = {Tokenizer::kBos};
            const int len = 6 + int(gen() % 8), at = int(gen() % std::uint32_t(len));
            for (int i = 0; i < len; ++i) s.push_back(i == at ? key : 4 + int(gen() % 6));
            return s;
        };
        int step = 0;
        for (; step < 300; ++step) {
            std::vector<FittedSequence> batch;
            for (int b = 0; b < 16; ++b) {
                const int key = 10 + int(gen() % 2);
                FittedSequence f{example(key), 0, {}};
                f.targetStart = f.tokens.size();
                f.tokens.push_back(key + 5);
                f.tokens.push_back(Tokenizer::kEos);
                batch.push_back(f);
            }
            HostBatch hb = makeBatch(batch, std::vector<std::uint64_t>(16, 0));
            opt->zero_grad();
            auto [loss, n] = m->lossSum(torch::from_blob(hb.inputs.data(), {hb.rows, hb.length}, torch::kLong),
                                        torch::from_blob(hb.labels.data(), {hb.rows, hb.length}, torch::kLong));
            (loss / double(n)).backward();
            opt->step();
            if (step >= 50 && step % 25 == 0 && loss.item<double>() / double(n) < 0.02) break;
        }
        std::vector<JudgeQuery> qs;
        std::vector<int> keys;
        for (int i = 0; i < 60; ++i) {
            keys.push_back(10 + i % 2);
            qs.push_back({example(keys.back()), {{15, 2}, {16, 2}}, {}});
        }
        auto scores = scoreCandidates(*m, qs);
        int right = 0;
        for (std::size_t i = 0; i < qs.size(); ++i) right += (scores[i][0] > scores[i][1]) == (keys[i] == 10);
        QVERIFY2(right >= 57, qPrintable(QString("%1/60 right after %2 steps").arg(right).arg(step)));
    }

    void learningRateSchedule() {
        OptimConfig o;
        o.lr = 1e-3;
        o.warmup = 10;
        o.minLrRatio = 0.1;
        QCOMPARE(learningRate(o, 5, 100), 5e-4);
        QCOMPARE(learningRate(o, 10, 100), 1e-3);
        QVERIFY(std::fabs(learningRate(o, 100, 100) - 1e-4) < 1e-15);
        QVERIFY(learningRate(o, 55, 100) < 1e-3 && learningRate(o, 55, 100) > 1e-4);
    }

    void checkpointRoundTripKeepsOptimizerState() {
        torch::manual_seed(7);
        ModelConfig c = smallConfig();
        Transformer a(c);
        auto optA = makeOptimizer(*a, OptimConfig{});
        at::Tensor in = torch::randint(4, 50, {4, 12}, torch::kLong);
        at::Tensor lab = torch::randint(4, 50, {4, 12}, torch::kLong);
        auto step = [&](TransformerImpl& m, torch::optim::Optimizer& o) {
            o.zero_grad();
            m.lossSum(in, lab).first.backward();
            o.step();
        };
        for (int i = 0; i < 3; ++i) step(*a, *optA);
        CheckpointState st;
        st.step = 3;
        st.examples = 12;
        st.model = c;
        st.sampler.rng = {{1, 2, 3, 0xFFFFFFFFFFFFFFFFull}};
        st.sampler.epoch = {1, 2};
        st.sampler.position = {3, 4};
        st.tokenizerHash = "abc";
        const std::string dir = path("ckpt-3");
        FLAME_VERIFY_OK(saveCheckpoint(dir, *a, optA.get(), st));
        auto read = readCheckpoint(dir);
        FLAME_VERIFY_OK(read);
        QCOMPARE(read->step, std::int64_t(3));
        QCOMPARE(read->sampler.rng.s[3], 0xFFFFFFFFFFFFFFFFull);
        QCOMPARE(read->sampler.position, (std::vector<std::uint64_t>{3, 4}));
        QCOMPARE(read->model.dModel, 32);
        torch::manual_seed(99); // another initialisation, overwritten by the load
        Transformer b(c);
        auto optB = makeOptimizer(*b, OptimConfig{});
        FLAME_VERIFY_OK(loadCheckpointWeights(dir, *b));
        FLAME_VERIFY_OK(loadCheckpointOptimizer(dir, *optB));
        for (int i = 0; i < 2; ++i) {
            step(*a, *optA);
            step(*b, *optB);
        }
        auto pa = a->parameters(), pb = b->parameters();
        for (std::size_t i = 0; i < pa.size(); ++i) QCOMPARE(maxDiff(pa[i], pb[i]), 0.0); // Adam moments came back
    }

    void averagedWeightsAreTheMeanOfTheCheckpoints() {
        ModelConfig c = smallConfig();
        CheckpointState st;
        st.model = c;
        std::vector<Transformer> models;
        std::vector<std::string> dirs;
        for (int i = 0; i < 3; ++i) {
            torch::manual_seed(20 + i);
            models.emplace_back(c);
            dirs.push_back(path(("avg-" + std::to_string(i)).c_str()));
            st.step = i + 1;
            FLAME_VERIFY_OK(saveCheckpoint(dirs.back(), *models.back(), nullptr, st));
        }
        torch::manual_seed(99);
        Transformer avg(c);
        FLAME_VERIFY_OK(averageCheckpointWeights(*avg, dirs));
        auto p0 = models[0]->parameters(), p1 = models[1]->parameters(), p2 = models[2]->parameters();
        auto pa = avg->parameters();
        for (std::size_t i = 0; i < pa.size(); ++i) {
            QVERIFY(maxDiff(pa[i], (p0[i] + p1[i] + p2[i]) / 3) < 1e-6);
            if (maxDiff(p0[i], p1[i]) > 0) QVERIFY(maxDiff(pa[i], p0[i]) > 0); // not a copy of one of them
        }
        // A checkpoint of another network is refused, naming the file.
        ModelConfig wider = c;
        wider.dModel = 48;
        Transformer other(wider);
        st.model = wider;
        FLAME_VERIFY_OK(saveCheckpoint(path("avg-wide"), *other, nullptr, st));
        auto bad = averageCheckpointWeights(*avg, {dirs[0], path("avg-wide")});
        QVERIFY(!bad.ok());
        QVERIFY(!averageCheckpointWeights(*avg, {}).ok());
    }

    void damagedCheckpointsGiveClearErrors() {
        torch::manual_seed(8);
        Transformer m(smallConfig());
        CheckpointState st;
        st.model = smallConfig();
        const std::string dir = path("ckpt-damaged");
        FLAME_VERIFY_OK(saveCheckpoint(dir, *m, nullptr, st));
        const auto size = std::filesystem::file_size(dir + "/model.pt");
        std::filesystem::resize_file(dir + "/model.pt", size / 2);
        auto r = readCheckpoint(dir);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("truncated") != std::string::npos, r.error().message.c_str());
        FLAME_VERIFY_OK(saveCheckpoint(dir, *m, nullptr, st));
        {
            std::fstream f(dir + "/model.pt", std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(std::streamoff(size / 2));
            f.put('\x5A');
        }
        r = readCheckpoint(dir);
        QVERIFY(!r.ok() && r.error().message.find("corrupt") != std::string::npos);
        { std::ofstream(dir + "/state.json") << "{\"files\": "; }
        r = readCheckpoint(dir);
        QVERIFY(!r.ok() && r.error().message.find("corrupt or truncated") != std::string::npos);
        std::filesystem::remove(dir + "/state.json");
        QVERIFY(!readCheckpoint(dir).ok());
        // Garbage in place of weights: an error value, not an exception.
        std::vector<char> junk(100, 'x');
        QVERIFY(!loadStateDictBytes(junk, *m, "junk").ok());
    }

    void resumedLoopReproducesTheUninterruptedLossesBitForBit() {
        // A small workspace, its token caches, and the real loop with dropout and accumulation.
        QVERIFY(prepareSampleWorkspace());
        auto& ws = m_ws;
        auto& tok = m_tok;
        InstructionStore store(*ws);
        std::vector<TaskTokens> owned;
        for (const char* key : {"hh-rlhf-harmlessness", "mnli", "prm800k-pairwise"}) {
            const TaskDefinition* t = ws->catalog().find(key);
            auto v = store.current(key);
            auto tt = loadTaskTokens(*ws, *tok, *t, v->id, v->instructions, 0, false);
            FLAME_VERIFY_OK(tt);
            owned.push_back(std::move(*tt));
        }
        std::vector<const TaskTokens*> tasks;
        std::vector<std::size_t> sizes;
        for (const auto& t : owned) {
            tasks.push_back(&t);
            sizes.push_back(t.size());
        }
        ModelConfig mc = smallConfig(tok->vocabSize());
        mc.maxSeq = 128;
        mc.dropout = 0.1;
        LoopOptions lo;
        lo.lastStep = lo.totalSteps = 6;
        lo.batch = 4;
        lo.microBatch = 2;
        lo.optim.warmup = 2;
        lo.dropout = 0.1;
        lo.maxSeq = 128;
        lo.maxTarget = 32;
        lo.evalAtEnd = lo.checkpointAtEnd = false;
        std::vector<double> contextLosses;
        auto run = [&](std::int64_t first, std::int64_t last, const std::string& resumeFrom, const std::string& saveAt,
                       std::int64_t saveStep) {
            torch::manual_seed(11);
            Transformer m(mc);
            auto opt = makeOptimizer(*m, lo.optim);
            MixtureSampler sampler(sizes, {1.0, 1.0, 1.0}, 5);
            if (!resumeFrom.empty()) {
                auto st = readCheckpoint(resumeFrom);
                sampler.setState(st->sampler);
                (void)loadCheckpointWeights(resumeFrom, *m);
                (void)loadCheckpointOptimizer(resumeFrom, *opt);
            }
            std::vector<double> losses;
            LoopHooks hooks;
            hooks.onStep = [&](const StepMetrics& s) {
                losses.push_back(s.loss);
                contextLosses.push_back(s.contextLoss);
            };
            hooks.checkpoint = [&](std::int64_t step, std::int64_t examples, const MixtureSampler::State& s) -> Status {
                if (step != saveStep) return {};
                CheckpointState cs;
                cs.step = step;
                cs.examples = examples;
                cs.sampler = s;
                cs.model = mc;
                return saveCheckpoint(saveAt, *m, opt.get(), cs);
            };
            LoopOptions o = lo;
            o.firstStep = first;
            o.lastStep = last;
            o.checkpointEvery = 1;
            auto end = runLoop(*m, *opt, tasks, std::move(sampler), o, hooks);
            return end.ok() ? losses : std::vector<double>{};
        };
        const auto whole = run(1, 6, "", "", 0);
        QCOMPARE(whole.size(), std::size_t(6));
        const auto head = run(1, 3, "", path("resume-ckpt"), 3);
        const auto tail = run(4, 6, path("resume-ckpt"), "", 0);
        QCOMPARE(head.size(), std::size_t(3));
        QCOMPARE(tail.size(), std::size_t(3));
        // Exact equality (QCOMPARE on doubles would be fuzzy): bit for bit.
        for (int i = 0; i < 3; ++i) QVERIFY(head[std::size_t(i)] == whole[std::size_t(i)]);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(tail[std::size_t(i)] == whole[std::size_t(i + 3)],
                     qPrintable(QString("step %1: %2 vs %3").arg(i + 4).arg(tail[std::size_t(i)], 0, 'g', 17).arg(whole[std::size_t(i + 3)], 0, 'g', 17)));
        QVERIFY(contextLosses.front() == -1.0); // not measured without the context loss

        // The auxiliary context loss: the first step's target loss is the same (same weights, same
        // batch), the context loss is reported, and it changes the updates (later losses differ).
        lo.contextLoss = 0.5;
        contextLosses.clear();
        const auto withContext = run(1, 6, "", "", 0);
        QCOMPARE(withContext.size(), std::size_t(6));
        QVERIFY(withContext[0] == whole[0]);
        QVERIFY(withContext[5] != whole[5]);
        QCOMPARE(contextLosses.size(), std::size_t(6));
        // A 400-piece vocabulary at initialisation: about ln(400) = 6 nats per context token.
        QVERIFY2(contextLosses[0] > 4 && contextLosses[0] < 8, qPrintable(QString::number(contextLosses[0])));
        QVERIFY(contextLosses[5] < contextLosses[0]);

        // Micro-batches (gradient accumulation) change float rounding only: the whole batch of 4
        // in one pass, and one example per pass, follow the 2 x 2 curve above.
        lo.contextLoss = 0;
        for (int micro : {4, 1}) {
            lo.microBatch = micro;
            const auto other = run(1, 6, "", "", 0);
            QCOMPARE(other.size(), whole.size());
            for (std::size_t i = 0; i < whole.size(); ++i)
                QVERIFY2(std::fabs(other[i] - whole[i]) <= 1e-5 * whole[i],
                         qPrintable(QString("micro-batch %1, step %2: %3 vs %4").arg(micro).arg(i + 1).arg(other[i], 0, 'g', 17).arg(whole[i], 0, 'g', 17)));
        }
    }

    void automaticMicroBatchesFitTheCpuTokenBudget() {
        QCOMPARE(microBatchFor(3, 12, 384, "cpu"), 3);     // asked for: kept
        QCOMPARE(microBatchFor(0, 8, 384, "cpu"), 2);      // 2 x 384 <= 1024 < 4 x 384
        QCOMPARE(microBatchFor(0, 16, 384, "cpu"), 2);
        QCOMPARE(microBatchFor(0, 6, 256, "cpu"), 3);      // a divisor of the per-rank batch: not 4
        QCOMPARE(microBatchFor(0, 7, 384, "cpu"), 1);
        QCOMPARE(microBatchFor(0, 8, 2048, "cpu"), 1);     // at least one example per pass
        QCOMPARE(microBatchFor(0, 4, 64, "cpu"), 4);       // the whole batch fits
        QCOMPARE(microBatchFor(0, 16, 384, "cuda:0"), 16); // GPUs take the whole per-rank batch
    }

    void shardedJudgingAddsUpToTheWholeSet() {
        // What data-parallel ranks do in an evaluation: each judges every world-th row, the rest
        // stay zero, and one all-reduce sum gives every rank the whole set's log-probabilities.
        QVERIFY(prepareSampleWorkspace());
        auto rows = loadEvalSet(*m_ws, "sample", 41);
        FLAME_VERIFY_OK(rows);
        QVERIFY(rows->size() >= 30);
        auto ins = InstructionStore(*m_ws).current("rewardbench-pairwise");
        FLAME_VERIFY_OK(ins);
        torch::manual_seed(6);
        ModelConfig mc = smallConfig(m_tok->vocabSize());
        mc.maxSeq = 128;
        Transformer m(mc);
        const auto whole = judgeShard(*m, *m_tok, ins->instructions, *rows, mc.maxSeq, 0, 1);
        const auto even = judgeShard(*m, *m_tok, ins->instructions, *rows, mc.maxSeq, 0, 2);
        const auto odd = judgeShard(*m, *m_tok, ins->instructions, *rows, mc.maxSeq, 1, 2);
        QCOMPARE(whole.size(), rows->size());
        QCOMPARE(even.size(), rows->size());
        QCOMPARE(odd.size(), rows->size());
        std::vector<PairLogProbs> summed(rows->size());
        for (std::size_t i = 0; i < rows->size(); ++i)
            for (std::size_t k = 0; k < 4; ++k) {
                const PairLogProbs& other = i % 2 == 0 ? odd[i] : even[i];
                QVERIFY(other[k] == 0.0); // not this shard's row: exactly zero, so the sum is a gather
                summed[i][k] = even[i][k] + odd[i][k];
                QVERIFY(whole[i][k] < 0);
                QVERIFY2(std::fabs(summed[i][k] - whole[i][k]) < 1e-4,
                         qPrintable(QString("row %1: %2 vs %3").arg(i).arg(summed[i][k]).arg(whole[i][k])));
            }
        // judgePairs is the one-shard case. (Its results are not compared with the gathered ones:
        // this untrained network's margins are all below 1e-4, so which side of zero each falls on
        // depends on how the rows were batched.)
        const EvalOutcome b = judgePairs(*m, *m_tok, ins->instructions, *rows, mc.maxSeq);
        QCOMPARE(b.judgments.size(), rows->size());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const PairJudgment& j = b.judgments[i];
            QCOMPARE((PairLogProbs{j.firstA, j.firstB, j.secondA, j.secondB}), whole[i]);
        }
        QCOMPARE(outcomeFromLogProbs(*rows, whole).scores.score, b.scores.score);
    }

    void lengthControlledCategoriesByHand() {
        // Chat Hard: the chosen response is longer in one pair (won), shorter in three (all lost),
        // and as long in one (won): plain 2/5, length-controlled (1 + 4 x (1 + 0) / 2) / 5. Safety:
        // only chosen-shorter pairs, so its length-controlled figure falls back to the plain score.
        const std::string s(10, 's'), l(30, 'l');
        std::vector<EvalRow> rows = {{1, "llmbar-natural", "p", l, s}, {2, "llmbar-natural", "p", s, l},
                                     {3, "llmbar-natural", "p", s, l}, {4, "llmbar-natural", "p", s, l},
                                     {5, "donotanswer", "p", s, l},    {6, "donotanswer", "p", s, l},
                                     {7, "llmbar-natural", "p", s, s}};
        const PairLogProbs won = {-0.1, -2.0, -2.0, -0.1}, lost = {-2.0, -0.1, -0.1, -2.0};
        const std::vector<PairLogProbs> lp = {won, lost, lost, lost, won, lost, won};
        const EvalOutcome o = outcomeFromLogProbs(rows, lp);
        const auto chatHard = tailpatch::index(rewardbench::Category::ChatHard);
        const auto safety = tailpatch::index(rewardbench::Category::Safety);
        QCOMPARE(o.categories[chatHard], 0.4);
        QCOMPARE(o.lengthControlledCategories[chatHard], 0.6);
        QCOMPARE(o.categories[safety], 0.5);
        QCOMPARE(o.lengthControlledCategories[safety], 0.5);
    }

    void contextAndTargetLossesComeFromOneForwardPass() {
        torch::manual_seed(5);
        Transformer m(smallConfig());
        m->eval();
        at::Tensor in = longs({1, 5, 6, 7, 1, 8, 9, 0}).view({2, 4});
        at::Tensor lab = longs({-100, -100, 7, 2, -100, 9, 2, -100}).view({2, 4});
        at::Tensor ctx = longs({5, 6, -100, -100, 8, -100, -100, -100}).view({2, 4});
        auto [target, context] = m->lossSums(in, lab, ctx, nullptr, {});
        QVERIFY(std::fabs(target.item<double>() - m->lossSum(in, lab).first.item<double>()) < 1e-5);
        QVERIFY(std::fabs(context.item<double>() - m->lossSum(in, ctx).first.item<double>()) < 1e-5);
        auto [targetOnly, none] = m->lossSums(in, lab, {}, nullptr, {});
        QVERIFY(!none.defined());
        QVERIFY(std::fabs(targetOnly.item<double>() - target.item<double>()) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(NetworkTest)
#include "tst_network.moc"
