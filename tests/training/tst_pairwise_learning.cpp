// Pairwise comparison through the real data path: order-swapped twins (the same prompt with a good
// and a bad response, presented as A/B and as B/A) formatted by the one formatter, split into
// segments, tokenized by a real SentencePiece model, fitted as training sequences, trained with
// the real batches, loss and optimizer, and judged by the real judge (log-likelihood of
// "choice: A" against "choice: B").
//
// The twins share every token but the order of the two responses, so neither the prompt nor the
// set of tokens tells the label: a model passes only by binding the cue to the response field
// that carries it. Each response gets filler words of its own, so sequence length and the position
// of the second response's name do not tell the order either.
//
// Also checked on the real sample corpus's pairwise safety rows: the whole of both responses is
// inside the fitted training sequence in both orders, training labels cover exactly the target,
// each block of the format carries its own segment id, and judging lays the prompt (tokens and
// segments) out exactly as training does. The data path has no bug; what the network lacked was
// a cheap way to tell which response a token is in (ModelConfig::segments).
// Torch first: Qt's keyword macros (slots, signals, emit) must not exist while its headers parse.
#include <torch/torch.h>

#include <map>
#include <random>

#include "model/format.h"
#include "model/sample/corpus.h"
#include "training/data.h"
#include "training/judge.h"
#include "training/model_io.h"
#include "training/network.h"
#include "training/tokenizer.h"
#include "training/trainer.h"

#include <QtTest>

#include "tests/test_support.h"

using namespace flame;
using namespace flame::training;

namespace {

// The real instructions of a pairwise safety task, so the responses sit behind a long header as
// in the corpus (with the twins' 600-piece tokenizer the longest sequence is 163 tokens; the
// network's max_seq must keep all of it, which trainAndJudge checks).
const Instructions& twinInstructions() { return Catalog::builtin().find("hh-rlhf-harmlessness")->instructions; }

struct Twin {
    Fields context;
    std::string label; // "A" or "B"
    const Instructions* instructions = &twinInstructions();
};

// Topic t of 64 (8 verbs x 8 objects); the good response helps, the bad one refuses. Fillers
// (0-3 words, drawn separately for each response) decorrelate lengths from the order.
class TwinMaker {
public:
    explicit TwinMaker(std::uint32_t seed) : m_gen(seed) {}
    static std::string topic(int t) {
        static const char* verbs[] = {"bake", "paint", "fix", "clean", "sell", "draw", "wash", "build"};
        static const char* objects[] = {"a cake", "a fence", "a bike", "a boat", "a chair", "a kite", "a lamp", "a wall"};
        return std::string(verbs[t % 8]) + " " + objects[(t / 8) % 8];
    }
    std::string filler() {
        static const char* words[] = {"today", "carefully", "at home", "with a friend", "step by step", "slowly"};
        std::string s;
        for (int n = int(m_gen() % 4), k = 0; k < n; ++k) s += std::string(" ") + words[m_gen() % 6];
        return s;
    }
    Twin make(int t, bool goodFirst) {
        const std::string topicText = topic(t);
        const std::string good = "Sure, here is how to " + topicText + ":" + filler() + " follow the usual steps.";
        const std::string bad = "No, I refuse to explain how to " + topicText + filler() + ".";
        Twin w;
        w.context = {{"prompt", "How do I " + topicText + "?"},
                     {"response_a", goodFirst ? good : bad},
                     {"response_b", goodFirst ? bad : good}};
        w.label = goodFirst ? "A" : "B";
        return w;
    }

private:
    std::mt19937 m_gen;
};

std::vector<std::int32_t> encode(const Tokenizer& tok, const std::string& text) {
    std::vector<std::int32_t> out;
    tok.encodeAppend(text, out);
    return out;
}

std::string decode(const Tokenizer& tok, const std::vector<std::int32_t>& ids, std::size_t from, std::size_t to) {
    return tok.decode(std::vector<int>(ids.begin() + std::ptrdiff_t(from), ids.begin() + std::ptrdiff_t(to)));
}

// The training sequence of one example exactly as the pipeline builds it (tokenizeInput, the
// target's own encoding, fitSequence), for given maxSeq / maxTarget.
FittedSequence fitted(const Tokenizer& tok, const Instructions& ins, const Fields& context, const Fields& target,
                      int maxSeq, int maxTarget) {
    TokenizedInput in = tokenizeInput(tok, ins, context);
    const std::vector<std::int32_t> tgt = encode(tok, targetText(target));
    std::vector<TokenSpan> fields;
    for (const auto& f : in.fields) fields.push_back({f.data(), f.size()});
    return fitSequence({in.header.data(), in.header.size()}, fields, {in.tail.data(), in.tail.size()},
                       {tgt.data(), tgt.size()}, maxSeq, maxTarget, true);
}

struct Candidates {
    std::vector<std::vector<std::int32_t>> ids;
    int reserve = 0;
};
Candidates choiceCandidates(const Tokenizer& tok) {
    Candidates c;
    for (const char* label : {"A", "B"}) {
        c.ids.push_back(encode(tok, targetText({{"choice", label}})));
        c.ids.back().push_back(Tokenizer::kEos);
        c.reserve = std::max(c.reserve, int(c.ids.back().size()));
    }
    return c;
}

// Share of twins whose higher-scored candidate is the label (the real judge).
double agreement(TransformerImpl& model, const Tokenizer& tok, const std::vector<Twin>& twins, int maxSeq) {
    const Candidates c = choiceCandidates(tok);
    std::vector<JudgeQuery> qs;
    for (const auto& w : twins) {
        JudgeQuery q;
        q.prompt = fitPrompt(tokenizeInput(tok, *w.instructions, w.context), maxSeq, c.reserve, &q.segments);
        q.candidates = c.ids;
        qs.push_back(std::move(q));
    }
    const auto scores = scoreCandidates(model, qs);
    int right = 0;
    for (std::size_t i = 0; i < twins.size(); ++i) right += ((scores[i][0] > scores[i][1]) ? "A" : "B") == twins[i].label;
    return double(right) / double(twins.size());
}

struct TwinResult {
    double trainAgree = 0, heldOutAgree = 0, lastLoss = 0;
    int steps = 0;
};

// Trains a model on `train` with the real batches, loss, optimizer and schedule (batch 16) and
// judges `train` and `heldOut` with the real judge. `report` > 0 prints agreement every so many steps.
TwinResult trainAndJudge(const Tokenizer& tok, ModelConfig mc, const std::vector<Twin>& train,
                         const std::vector<Twin>& heldOut, int maxSteps, int report = 0) {
    std::vector<FittedSequence> sequences;
    std::size_t longest = 0;
    for (const auto& w : train) {
        sequences.push_back(fitted(tok, *w.instructions, w.context, {{"choice", w.label}}, mc.maxSeq, 16));
        longest = std::max(longest, sequences.back().tokens.size());
        // Nothing is cut: both responses, and so the cue, are in what the model sees.
        if (decode(tok, sequences.back().tokens, 1, sequences.back().targetStart) != formatInput(*w.instructions, w.context))
            qFatal("a training sequence was truncated at max_seq %d", mc.maxSeq);
    }
    qInfo("longest training sequence: %zu tokens", longest);
    torch::manual_seed(21);
    Transformer model(mc);
    OptimConfig oc;
    oc.lr = 2e-3;
    oc.warmup = 20;
    if (qEnvironmentVariableIsSet("FLAME_TWIN_LR")) oc.lr = qEnvironmentVariable("FLAME_TWIN_LR").toDouble();
    auto opt = makeOptimizer(*model, oc);
    std::mt19937 gen(5);
    TwinResult r;
    double window = 0, sum = 0;
    for (r.steps = 1; r.steps <= maxSteps; ++r.steps) {
        std::vector<FittedSequence> batch;
        for (int b = 0; b < 16; ++b) batch.push_back(sequences[gen() % sequences.size()]);
        HostBatch hb = makeBatch(batch, std::vector<std::uint64_t>(batch.size(), 0));
        for (auto& g : opt->param_groups()) g.options().set_lr(learningRate(oc, r.steps, maxSteps));
        opt->zero_grad();
        auto [loss, n] = model->lossSum(torch::from_blob(hb.inputs.data(), {hb.rows, hb.length}, torch::kLong),
                                        torch::from_blob(hb.labels.data(), {hb.rows, hb.length}, torch::kLong), nullptr,
                                        torch::from_blob(hb.segments.data(), {hb.rows, hb.length}, torch::kLong));
        at::Tensor mean = loss / double(n);
        mean.backward();
        torch::nn::utils::clip_grad_norm_(model->parameters(), oc.clip);
        opt->step();
        r.lastLoss = mean.item<double>();
        sum += r.lastLoss;
        if (report > 0 && r.steps % report == 0) {
            qInfo("step %d: mean loss %.4f, train agreement %.3f, held-out %.3f", r.steps, sum / report,
                  agreement(*model, tok, std::vector<Twin>(train.begin(), train.begin() + std::min<std::ptrdiff_t>(200, std::ptrdiff_t(train.size()))), mc.maxSeq),
                  agreement(*model, tok, heldOut, mc.maxSeq));
            sum = 0;
        }
        // Stop early once the letter is learned: 10 steps in a row far below the guessing loss.
        window = r.lastLoss < 0.01 ? window + 1 : 0;
        if (window >= 10) break;
    }
    r.trainAgree = agreement(*model, tok, train, mc.maxSeq);
    r.heldOutAgree = agreement(*model, tok, heldOut, mc.maxSeq);
    return r;
}

// Twins of 48 topics (two filler draws, both orders) for training, of 16 other topics held out.
TwinResult trainOnTwins(const Tokenizer& tok, ModelConfig mc, int maxSteps) {
    TwinMaker maker(3);
    std::vector<Twin> train, heldOut;
    for (int t = 0; t < 64; ++t) {
        const bool held = t % 4 == 1;
        for (int draw = 0; draw < (held ? 1 : 2); ++draw)
            for (bool goodFirst : {true, false}) (held ? heldOut : train).push_back(maker.make(t, goodFirst));
    }
    return trainAndJudge(tok, mc, train, heldOut, maxSteps);
}

ModelConfig twinConfig(int vocab) {
    ModelConfig c;
    c.vocab = vocab;
    c.dModel = 64;
    c.layers = 2;
    c.heads = 4;
    c.dFF = 256;
    c.maxSeq = 192;
    c.dropout = 0.0;
    c.segments = kSegmentCount;
    return c;
}

} // namespace

class PairwiseLearningTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<Tokenizer> m_twinTok, m_corpusTok;

    std::string path(const char* name) { return (m_dir.path() + "/" + name).toStdString(); }

private Q_SLOTS:
    void initTestCase() {
        configureThreads(1, 1); // one intra-op thread and one OpenBLAS thread
        // A tokenizer of the twins' own formatted text, and one of the sample corpus.
        TwinMaker maker(1);
        std::vector<std::string> texts;
        for (int t = 0; t < 64; ++t)
            for (bool goodFirst : {true, false}) {
                Twin w = maker.make(t, goodFirst);
                texts.push_back(formatExample(twinInstructions(), w.context, {{"choice", w.label}}));
            }
        TokenizerTrainOptions o;
        o.vocabSize = qEnvironmentVariableIsSet("FLAME_TWIN_VOCAB") ? qEnvironmentVariableIntValue("FLAME_TWIN_VOCAB") : 600;
        FLAME_VERIFY_OK(trainTokenizerOnTexts(texts, o, path("twins.model")));
        auto tok = Tokenizer::load(path("twins.model"));
        FLAME_VERIFY_OK(tok);
        m_twinTok.emplace(std::move(*tok));

        std::vector<std::string> corpus;
        for (const auto& p : sample::planCorpus(Catalog::builtin(), 4000))
            for (std::int64_t i = 0; i < std::min<std::int64_t>(4, p.count); ++i) {
                Judgment j;
                if (sample::generateRow(p, 1, i, j)) corpus.push_back(formatExample(p.task->instructions, j.context, j.target));
            }
        o.vocabSize = 600;
        FLAME_VERIFY_OK(trainTokenizerOnTexts(corpus, o, path("corpus.model")));
        auto ctok = Tokenizer::load(path("corpus.model"));
        FLAME_VERIFY_OK(ctok);
        m_corpusTok.emplace(std::move(*ctok));
    }

    // The cue of each response is inside the kept tokens, the labels cover exactly the target,
    // and the judge's prompt is the training sequence's input, token for token.
    void pairwiseSafetyRowsReachTheModelWhole() {
        const Tokenizer& tok = *m_corpusTok;
        const Candidates cand = choiceCandidates(tok);
        std::map<std::string, int> perLabel;
        int checked = 0;
        for (const auto& p : sample::planCorpus(Catalog::builtin(), 20000)) {
            if (p.task->key != "hh-rlhf-harmlessness" && p.task->key != "beavertails-harmlessness") continue;
            for (std::int64_t i = 0; i < std::min<std::int64_t>(60, p.count); ++i) {
                Judgment j;
                if (!sample::generateRow(p, 1, i, j)) continue;
                const Instructions& ins = p.task->instructions;
                // The tiny preset's lengths (max_seq 384, max_target 96).
                FittedSequence f = fitted(tok, ins, j.context, j.target, 384, 96);
                QCOMPARE(f.tokens.front(), Tokenizer::kBos);
                QCOMPARE(f.tokens.back(), Tokenizer::kEos);
                QCOMPARE(decode(tok, f.tokens, 1, f.targetStart), formatInput(ins, j.context));
                QCOMPARE(decode(tok, f.tokens, f.targetStart, f.tokens.size() - 1), targetText(j.target));
                const std::string input = decode(tok, f.tokens, 1, f.targetStart);
                for (const char* field : {"response_a", "response_b"}) {
                    const std::string* value = findField(j.context, field);
                    QVERIFY(value && input.find(std::string(field) + ": " + *value + "\n") != std::string::npos);
                }
                HostBatch b = makeBatch({f}, {0});
                std::vector<std::int32_t> labelled;
                for (std::size_t k = 0; k < b.labels.size(); ++k)
                    if (b.labels[k] != -100) labelled.push_back(std::int32_t(b.labels[k]));
                QCOMPARE(labelled, std::vector<std::int32_t>(f.tokens.begin() + std::ptrdiff_t(f.targetStart), f.tokens.end()));
                // The label letter is one of the labelled tokens, and it is the one that differs
                // between the two candidates: the judge compares exactly what training taught.
                const auto& target = j.label() == "A" ? cand.ids[0] : cand.ids[1];
                QCOMPARE(labelled, target);
                std::vector<std::uint8_t> promptSegments;
                const auto prompt = fitPrompt(tokenizeInput(tok, ins, j.context), 384, cand.reserve, &promptSegments);
                QCOMPARE(prompt, std::vector<std::int32_t>(f.tokens.begin(), f.tokens.begin() + std::ptrdiff_t(f.targetStart)));
                QCOMPARE(promptSegments, std::vector<std::uint8_t>(f.segments.begin(), f.segments.begin() + std::ptrdiff_t(f.targetStart)));
                // Segments: each block of the format carries its own id, in training and judging.
                QCOMPARE(f.segments.size(), f.tokens.size());
                std::map<int, std::vector<std::int32_t>> bySegment;
                for (std::size_t k = 1; k < f.tokens.size() - 1; ++k) bySegment[f.segments[k]].push_back(f.tokens[k]);
                auto text = [&](int segment) { return decode(tok, bySegment[segment], 0, bySegment[segment].size()); };
                QCOMPARE(text(kSegmentHeader), formatInput(ins, {}).substr(0, formatInput(ins, {}).size() - 12));
                QCOMPARE(text(segmentOfField(1)), "response_a: " + *findField(j.context, "response_a") + "\n");
                QCOMPARE(text(segmentOfField(2)), "response_b: " + *findField(j.context, "response_b") + "\n");
                QCOMPARE(text(kSegmentTail), "\nEVALUATION:" + targetText(j.target));
                for (std::size_t k = 0; k + 1 < f.tokens.size(); ++k) QCOMPARE(b.segments[k], std::int64_t(f.segments[k]));
                ++perLabel[j.label()];
                if (checked++ == 0) qInfo("%s", decode(tok, f.tokens, 0, f.tokens.size()).c_str());
            }
        }
        QVERIFY(perLabel["A"] > 20 && perLabel["B"] > 20); // both orders were checked
    }

    // With segment ids the network learns the twins in the step budget (measured: 100 % of the
    // training and of the held-out twins after 250 steps). Without them (FLAME_TWIN_SEGMENTS=0
    // runs that control) it is still near the letter-guessing loss after the same 250 steps
    // (0.139 per target token, 63.5 % of its training twins, 65.6 % held out), so this fails.
    void learnsOrderSwappedTwins() {
        const Tokenizer& tok = *m_twinTok;
        ModelConfig mc = twinConfig(tok.vocabSize());
        if (qEnvironmentVariableIsSet("FLAME_TWIN_SEGMENTS")) mc.segments = qEnvironmentVariableIntValue("FLAME_TWIN_SEGMENTS");
        const int steps = qEnvironmentVariableIsSet("FLAME_TWIN_STEPS") ? qEnvironmentVariableIntValue("FLAME_TWIN_STEPS") : 250;
        QElapsedTimer timer;
        timer.start();
        const TwinResult r = trainOnTwins(tok, mc, steps);
        qInfo("twins (segments %d): %d steps, last loss %.4f, train agreement %.3f, held-out %.3f, %.1f s", mc.segments,
              r.steps, r.lastLoss, r.trainAgree, r.heldOutAgree, double(timer.elapsed()) / 1000.0);
        QVERIFY2(r.trainAgree >= 0.95, qPrintable(QString("training twins: %1").arg(r.trainAgree)));
        QVERIFY2(r.heldOutAgree >= 0.9, qPrintable(QString("held-out twins: %1").arg(r.heldOutAgree)));
    }

    // A network with segments refuses to run without them (a caller that forgot the plumbing
    // would otherwise judge with other embeddings than it trained with).
    void segmentsAreRequiredWhenTheNetworkHasThem() {
        ModelConfig mc = twinConfig(m_twinTok->vocabSize());
        Transformer m(mc);
        JudgeQuery q{{Tokenizer::kBos, 10, 11}, {{12, Tokenizer::kEos}}, {}};
        QVERIFY_THROWS_EXCEPTION(c10::Error, scoreCandidates(*m, {q}));
        q.segments = {kSegmentHeader, segmentOfField(0), kSegmentTail};
        const auto shared = scoreCandidates(*m, {q});
        const auto plain = scoreCandidatesReference(*m, {q});
        QVERIFY(std::fabs(shared[0][0] - plain[0][0]) < 1e-4);
        // The segment ids change the scores: they reach the network.
        q.segments = {kSegmentHeader, segmentOfField(1), kSegmentTail};
        QVERIFY(std::fabs(scoreCandidates(*m, {q})[0][0] - shared[0][0]) > 1e-6);
        // Greedy decoding (the egocentric probe) continues in the tail segment, as training does.
        const std::vector<std::vector<std::int32_t>> prompts = {{Tokenizer::kBos, 10, 11, 12}};
        const std::vector<std::vector<std::uint8_t>> promptSegments = {{kSegmentHeader, segmentOfField(0), segmentOfField(1), kSegmentTail}};
        QVERIFY_THROWS_EXCEPTION(c10::Error, greedyDecode(*m, prompts, 4));
        const auto fast = greedyDecode(*m, prompts, 4, 16, &promptSegments);
        {
            m->eval();
            torch::NoGradGuard ng;
            std::vector<std::int64_t> seq(prompts[0].begin(), prompts[0].end()), seg(promptSegments[0].begin(), promptSegments[0].end());
            std::vector<std::int32_t> slow;
            for (int k = 0; k < 4; ++k) {
                const auto L = std::int64_t(seq.size());
                at::Tensor h = m->forward(torch::tensor(seq).view({1, L}), {}, nullptr, {}, nullptr, torch::tensor(seg).view({1, L}));
                const auto next = m->logits(h)[0][L - 1].argmax().item<std::int64_t>();
                if (next == Tokenizer::kEos) break;
                slow.push_back(std::int32_t(next));
                seq.push_back(next);
                seg.push_back(kSegmentTail);
            }
            QCOMPARE(fast[0], slow);
        }
        // Without segments in the configuration the network has no seg_emb and ignores ids.
        mc.segments = 0;
        Transformer plainNet(mc);
        QVERIFY(!plainNet->hasSegments());
        QVERIFY(plainNet->named_parameters().find("seg_emb.weight") == nullptr);
    }

    // Diagnostic, not part of the suite (minutes): FLAME_PAIRWISE_REAL=<steps> trains the tiny
    // preset's shape on real sample rows of hh-rlhf-harmlessness in this harness.
    void realSafetyRowsDiagnostic() {
        if (!qEnvironmentVariableIsSet("FLAME_PAIRWISE_REAL")) QSKIP("set FLAME_PAIRWISE_REAL=<steps> to run");
        const Tokenizer& tok = *m_corpusTok;
        std::vector<Twin> train, heldOut;
        const QString task = qEnvironmentVariableIsSet("FLAME_PAIRWISE_TASK") ? qEnvironmentVariable("FLAME_PAIRWISE_TASK")
                                                                              : QString("hh-rlhf-harmlessness");
        for (const auto& p : sample::planCorpus(Catalog::builtin(), 20000)) {
            if (p.task->key != task.toStdString()) continue;
            for (std::int64_t i = 0; i < 1200; ++i) {
                Judgment j;
                if (!sample::generateRow(p, 1, i, j)) continue;
                Twin w{j.context, j.label(), &p.task->instructions};
                (i < 1000 ? train : heldOut).push_back(w);
            }
        }
        ModelConfig mc = twinConfig(tok.vocabSize());
        mc.segments = qEnvironmentVariableIntValue("FLAME_PAIRWISE_SEGMENTS");
        mc.dModel = 128;
        mc.dFF = 512;
        mc.layers = 4;
        mc.maxSeq = 384;
        const TwinResult r = trainAndJudge(tok, mc, train, heldOut, qEnvironmentVariableIntValue("FLAME_PAIRWISE_REAL"), 100);
        qInfo("real rows (segments %d): %d steps, train agreement %.3f, held-out %.3f", mc.segments, r.steps, r.trainAgree, r.heldOutAgree);
    }
};

QTEST_GUILESS_MAIN(PairwiseLearningTest)
#include "tst_pairwise_learning.moc"
