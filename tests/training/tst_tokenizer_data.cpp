// Tokenizer (round trip, Python compatibility, damaged files) and the data pipeline without Torch:
// segments, truncation, the token cache and its invalidation, the mixture sampler and batches.
#include <QtTest>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "model/format.h"
#include "model/sample/corpus.h"
#include "storage/instruction_store.h"
#include "storage/judgment_store.h"
#include "storage/sample_writer.h"
#include "storage/workspace.h"
#include "tests/test_support.h"
#include "training/data.h"
#include "training/tokenizer.h"

using namespace flame;
using namespace flame::training;

namespace {

std::vector<std::string> sampleTexts(int perTask) {
    const Catalog& cat = Catalog::builtin();
    auto plans = sample::planCorpus(cat, 4000);
    std::vector<std::string> texts;
    for (const auto& p : plans)
        for (std::int64_t i = 0; i < std::min<std::int64_t>(perTask, p.count); ++i) {
            Judgment j;
            if (sample::generateRow(p, 1, i, j)) texts.push_back(formatExample(p.task->instructions, j.context, j.target));
        }
    return texts;
}

} // namespace

class TokenizerDataTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_model;
    std::optional<Tokenizer> m_tok;

    std::string path(const char* name) { return (m_dir.path() + "/" + name).toStdString(); }

private slots:
    void initTestCase() {
        m_model = path("t.model");
        TokenizerTrainOptions o;
        o.vocabSize = 600;
        FLAME_VERIFY_OK(trainTokenizerOnTexts(sampleTexts(4), o, m_model));
        auto tok = Tokenizer::load(m_model);
        FLAME_VERIFY_OK(tok);
        m_tok.emplace(std::move(*tok));
    }

    void roundTripKeepsEveryCharacter() {
        for (std::string text : {std::string("INSTRUCTIONS:\ntitle: x\n\nCONTEXT:\nprompt: a  b\n\nEVALUATION:\nchoice: A"),
                                 std::string("  leading spaces, trailing  \n\n\ttab"), std::string("caf\xc3\xa9 \xf0\x9f\x98\x80 1234+5678=6912")}) {
            auto ids = m_tok->encode(text);
            QCOMPARE(m_tok->decode(ids), text);
        }
        auto nl = m_tok->encode("\n");
        QCOMPARE(nl.size(), std::size_t(1)); // "\n" is one piece of its own
        QCOMPARE(m_tok->piece(Tokenizer::kEos), std::string("</s>"));
        QVERIFY(m_tok->vocabSize() > 300 && m_tok->vocabSize() <= 600);
        QCOMPARE(m_tok->hash().size(), std::size_t(32));
    }

    void pythonSentencepieceGivesTheSameIds() {
        if (!QFile::exists("/usr/bin/python3")) QSKIP("no /usr/bin/python3");
        const std::string text = "INSTRUCTIONS:\ntitle: Which response is better?\n\nEVALUATION:\nchoice: B 42";
        QProcess p;
        p.start("/usr/bin/python3", {"-c", "import sys, sentencepiece as s; m = s.SentencePieceProcessor(model_file=sys.argv[1]); "
                                           "print(' '.join(map(str, m.encode(sys.argv[2]))))",
                                     QString::fromStdString(m_model), QString::fromStdString(text)});
        QVERIFY(p.waitForFinished(60000));
        if (p.exitCode() != 0) QSKIP("python3 has no sentencepiece module");
        std::string cpp;
        for (int id : m_tok->encode(text)) cpp += (cpp.empty() ? "" : " ") + std::to_string(id);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed().toStdString(), cpp);
    }

    void damagedModelFilesGiveClearErrors() {
        std::ifstream in(m_model, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        {
            std::ofstream out(path("half.model"), std::ios::binary);
            out << bytes.substr(0, bytes.size() / 2);
        }
        auto half = Tokenizer::load(path("half.model"));
        QVERIFY(!half.ok());
        QVERIFY(half.error().message.find("not a valid SentencePiece model") != std::string::npos);
        QCOMPARE(half.error().kind, ErrorKind::BadInput);
        { std::ofstream out(path("empty.model"), std::ios::binary); }
        auto empty = Tokenizer::load(path("empty.model"));
        QVERIFY(!empty.ok() && empty.error().message.find("empty") != std::string::npos);
        QVERIFY(!Tokenizer::load(path("missing.model")).ok());
    }

    void segmentsConcatenateToTheFormatter() {
        const Catalog& cat = Catalog::builtin();
        auto plans = sample::planCorpus(cat, 3000);
        int checked = 0;
        for (const auto& p : plans) {
            Judgment j;
            if (!sample::generateRow(p, 7, 0, j)) continue;
            TextSegments s = splitInput(p.task->instructions, j.context);
            std::string joined = s.header;
            for (const auto& f : s.fields) joined += f;
            joined += s.tail;
            QCOMPARE(joined, formatInput(p.task->instructions, j.context));
            QCOMPARE(formatInput(p.task->instructions, j.context) + targetText(j.target),
                     formatExample(p.task->instructions, j.context, j.target));
            QVERIFY(s.fields.size() >= 1);
            ++checked;
        }
        QVERIFY(checked > 90);
    }

    void truncationTrimsTheLongestFields() {
        QCOMPARE(fieldCap({10, 50, 100}, 100), std::size_t(45)); // 10 + 45 + 45
        QCOMPARE(fieldCap({10, 50, 100}, 1000), std::size_t(100));
        QCOMPARE(fieldCap({30, 30}, 10), std::size_t(5));
        std::vector<std::int32_t> header(20, 5), a(10, 6), b(200, 7), tail(3, 8), target(4, 9);
        FittedSequence f = fitSequence({header.data(), 20}, {{a.data(), 10}, {b.data(), 200}}, {tail.data(), 3},
                                       {target.data(), 4}, 64, 16);
        QCOMPARE(f.tokens.size(), std::size_t(64));
        QCOMPARE(f.tokens.front(), Tokenizer::kBos);
        QCOMPARE(f.tokens.back(), Tokenizer::kEos);
        QCOMPARE(f.targetStart, std::size_t(64 - 5));
        QCOMPARE(f.tokens[1], 5);                                  // the header is whole
        QCOMPARE(std::count(f.tokens.begin(), f.tokens.end(), 6), 10L); // the short field is whole
        QCOMPARE(std::count(f.tokens.begin(), f.tokens.end(), 7), 64L - 1 - 20 - 10 - 3 - 4 - 1);
        // A long target keeps maxTarget - 1 tokens plus EOS.
        std::vector<std::int32_t> longTarget(50, 9);
        FittedSequence g = fitSequence({header.data(), 20}, {{a.data(), 10}}, {tail.data(), 3}, {longTarget.data(), 50}, 128, 16);
        QCOMPARE(g.tokens.size() - g.targetStart, std::size_t(16));
    }

    void batchesLabelOnlyTargets() {
        FittedSequence s1{{1, 10, 11, 12, 2}, 3, {}}; // target: 12 and EOS
        FittedSequence s2{{1, 20, 21, 2}, 2, {}};
        HostBatch b = makeBatch({s1, s2}, {7, 8});
        QCOMPARE(b.rows, 2);
        QCOMPARE(b.length, 4);
        QCOMPARE(b.inputs, (std::vector<std::int64_t>{1, 10, 11, 12, 1, 20, 21, 0}));
        QCOMPARE(b.labels, (std::vector<std::int64_t>{-100, -100, 12, 2, -100, 21, 2, -100}));
        QCOMPARE(b.targetTokens, std::int64_t(4));
        QCOMPARE(b.exampleIds, (std::vector<std::uint64_t>{7, 8}));
        QVERIFY(b.contextLabels.empty());
        QCOMPARE(b.contextTokens, std::int64_t(0));
    }

    void contextLabelsCoverTheInputSide() {
        FittedSequence s1{{1, 10, 11, 12, 2}, 3, {}};
        FittedSequence s2{{1, 20, 21, 2}, 2, {}};
        HostBatch b = makeBatch({s1, s2}, {7, 8}, true);
        // Positions predicting context tokens (after BOS, before the target) and nothing else:
        // the target labels are unchanged, padding is skipped.
        QCOMPARE(b.contextLabels, (std::vector<std::int64_t>{10, 11, -100, -100, 20, -100, -100, -100}));
        QCOMPARE(b.labels, (std::vector<std::int64_t>{-100, -100, 12, 2, -100, 21, 2, -100}));
        QCOMPARE(b.contextTokens, std::int64_t(3));
        QCOMPARE(b.targetTokens, std::int64_t(4));
    }

    void samplerIsDeterministicAndResumable() {
        MixtureSampler a({5, 0, 20}, {0.5, 0.3, 0.5}, 42), b({5, 0, 20}, {0.5, 0.3, 0.5}, 42);
        std::map<int, int> perTask;
        std::vector<int> seenOfTask0;
        for (int i = 0; i < 200; ++i) {
            ExampleRef x = a.next(), y = b.next();
            QCOMPARE(x.task, y.task);
            QCOMPARE(x.example, y.example);
            ++perTask[int(x.task)];
            if (x.task == 0 && seenOfTask0.size() < 5) seenOfTask0.push_back(int(x.example));
        }
        QCOMPARE(perTask[1], 0); // no examples, never drawn
        QVERIFY(perTask[0] > 60 && perTask[2] > 60);
        std::sort(seenOfTask0.begin(), seenOfTask0.end());
        QCOMPARE(seenOfTask0, (std::vector<int>{0, 1, 2, 3, 4})); // one epoch is a permutation
        auto state = a.state();
        std::vector<std::pair<int, int>> cont;
        for (int i = 0; i < 50; ++i) {
            auto r = a.next();
            cont.push_back({int(r.task), int(r.example)});
        }
        MixtureSampler c({5, 0, 20}, {0.5, 0.3, 0.5}, 42);
        c.setState(state);
        for (int i = 0; i < 50; ++i) {
            auto r = c.next();
            QCOMPARE(std::make_pair(int(r.task), int(r.example)), cont[std::size_t(i)]);
        }
        MixtureSampler other({5, 0, 20}, {0.5, 0.3, 0.5}, 43);
        bool differs = false;
        MixtureSampler fresh({5, 0, 20}, {0.5, 0.3, 0.5}, 42);
        for (int i = 0; i < 20; ++i) differs = differs || other.next().example != fresh.next().example;
        QVERIFY(differs);
    }

    void tokenCacheBuildsOnceAndFollowsTheCorpus() {
        auto ws = Workspace::create(path("cache.flame"));
        FLAME_VERIFY_OK(ws);
        sample::SampleOptions so;
        so.judgments = 1500;
        so.biasInstructions = 1;
        FLAME_VERIFY_OK(writeSampleCorpus(*ws, so));
        const TaskDefinition* task = ws->catalog().find("hh-rlhf-harmlessness");
        InstructionStore store(*ws);
        auto v = store.current(task->key);
        FLAME_VERIFY_OK(v);
        auto first = loadTaskTokens(*ws, *m_tok, *task, v->id, v->instructions, 0, false);
        FLAME_VERIFY_OK(first);
        QVERIFY(first->rebuilt());
        QVERIFY(first->size() > 10);
        auto count = ws->db().queryInt("SELECT count(*) FROM judgments WHERE task_id = " + std::to_string(ws->taskId(task->key)) +
                                       " AND split = 0");
        QCOMPARE(std::int64_t(first->size()), *count);
        // The cached tokens are the formatted example, segment by segment.
        auto e = first->example(0);
        auto j = loadJudgment(*ws, e.judgmentId);
        FLAME_VERIFY_OK(j);
        std::vector<int> ids(first->header().data, first->header().data + first->header().size);
        for (auto f : e.fields) ids.insert(ids.end(), f.data, f.data + f.size);
        ids.insert(ids.end(), first->tail().data, first->tail().data + first->tail().size);
        ids.insert(ids.end(), e.target.data, e.target.data + e.target.size);
        QCOMPARE(m_tok->decode(ids), formatExample(v->instructions, (*j)->context, (*j)->target));
        auto second = loadTaskTokens(*ws, *m_tok, *task, v->id, v->instructions, 0, false);
        FLAME_VERIFY_OK(second);
        QVERIFY(!second->rebuilt());
        QCOMPARE(second->path(), first->path());
        // A judgment fewer: the cache no longer matches the corpus and is rebuilt.
        FLAME_VERIFY_OK(ws->db().exec("DELETE FROM judgments WHERE id = " + std::to_string(e.judgmentId)));
        auto third = loadTaskTokens(*ws, *m_tok, *task, v->id, v->instructions, 0, false);
        FLAME_VERIFY_OK(third);
        QVERIFY(third->rebuilt());
        QCOMPARE(third->size(), first->size() - 1);
        // A truncated cache file is detected and rebuilt, not read.
        std::filesystem::resize_file(third->path(), 100);
        auto fourth = loadTaskTokens(*ws, *m_tok, *task, v->id, v->instructions, 0, false);
        FLAME_VERIFY_OK(fourth);
        QVERIFY(fourth->rebuilt());
    }
};

QTEST_GUILESS_MAIN(TokenizerDataTest)
#include "tst_tokenizer_data.moc"
