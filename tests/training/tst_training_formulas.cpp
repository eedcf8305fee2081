// The pure formulas of training, against hand-computed values: RewardBench scoring
// (model/scoring.h), CoBBLEr bias (model/bias.h), mixtures (model/mixture.h) and tail-patch
// ratings, bundles and weights (model/tailpatch.h).
#include <QtTest>

#include <cmath>
#include <set>

#include "model/bias.h"
#include "model/catalog.h"
#include "model/json.h"
#include "model/mixture.h"
#include "model/scoring.h"
#include "model/tailpatch.h"

using namespace flame;

class TrainingFormulasTest : public QObject {
    Q_OBJECT

private slots:
    // --- RewardBench ------------------------------------------------------------------------
    void sectionsAreExampleWeighted() {
        std::map<std::string, double> acc;
        for (const auto& s : rewardbench::kSubsets) acc[std::string(s.name)] = 1.0;
        acc["alpacaeval-easy"] = 0.5; // weight 100 of Chat's 358
        acc["math-prm"] = 1.0;
        for (const char* h : {"hep-cpp", "hep-go", "hep-java", "hep-js", "hep-python", "hep-rust"}) acc[h] = 0.0;
        acc["xstest-should-respond"] = 0.0; // weight 250 of Safety's 740
        auto s = rewardbench::computeScores(acc);
        QCOMPARE(s.section(rewardbench::Section::Chat), (0.5 * 100 + 95 + 95 + 28 + 40) / 358.0);
        QCOMPARE(s.section(rewardbench::Section::ChatHard), 1.0);
        QCOMPARE(s.section(rewardbench::Section::Safety), (740.0 - 250.0) / 740.0);
        // math-prm is weighted 984 = 6 x 164: math and code count half each.
        QCOMPARE(s.section(rewardbench::Section::Reasoning), 0.5);
        const double mean = ((0.5 * 100 + 258) / 358.0 + 1.0 + 490.0 / 740.0 + 0.5) / 4.0;
        QVERIFY(std::fabs(s.score - mean) < 1e-15);
        QVERIFY(!s.legacyScore); // no prior sets: the legacy score is the 4-section mean, reported as null
    }

    void missingSubsetsAreSkippedAndEmptySectionsScoreZero() {
        std::map<std::string, double> acc = {{"mt-bench-easy", 1.0}, {"mt-bench-med", 0.0}, {"unknown-subset", 1.0}};
        auto s = rewardbench::computeScores(acc);
        QCOMPARE(s.section(rewardbench::Section::Chat), 28.0 / 68.0);
        QCOMPARE(s.section(rewardbench::Section::Safety), 0.0);
        QVERIFY(!s.sectionPresent[std::size_t(rewardbench::Section::Safety)]);
        QCOMPARE(s.score, 28.0 / 68.0 / 4.0);
        QCOMPARE(s.subsets.at("unknown-subset"), 1.0); // kept, weighs nothing
    }

    void legacyScoreWithPriorSets() {
        std::map<std::string, double> acc;
        for (const auto& s : rewardbench::kSubsets) acc[std::string(s.name)] = 0.8;
        acc["anthropic_helpful"] = 0.6;
        acc["shp"] = 0.4;
        acc["anthropic_harmless"] = 0.0; // not a prior set of the legacy score
        auto s = rewardbench::computeScores(acc);
        QVERIFY(s.prior && std::fabs(*s.prior - 0.5) < 1e-15);
        QVERIFY(s.legacyScore && std::fabs(*s.legacyScore - (2 * 4 * 0.8 + 0.5) / 9.0) < 1e-15);
        QVERIFY(std::fabs(s.score - 0.8) < 1e-15);
    }

    void categoriesSplitReasoning() {
        std::map<std::string, double> acc = {{"math-prm", 0.9}, {"hep-go", 0.3}, {"hep-rust", 0.5}};
        QCOMPARE(rewardbench::categoryScore(rewardbench::Category::Math, acc), 0.9);
        QCOMPARE(rewardbench::categoryScore(rewardbench::Category::Coding, acc), 0.4);
    }

    void bothOrdersAndTies() {
        using rewardbench::bothOrdersResult;
        using rewardbench::orderResult;
        QCOMPARE(orderResult(-1.0, -2.0), 1.0);
        QCOMPARE(orderResult(-2.0, -1.0), 0.0);
        QCOMPARE(orderResult(-1.0, -1.0), 0.5); // a tie is half credit
        QCOMPARE(bothOrdersResult(1.0, 0.0), 0.5); // position-biased judge
        QCOMPARE(bothOrdersResult(1.0, 1.0), 1.0);
    }

    void baselines() {
        using rewardbench::Baseline;
        QCOMPARE(rewardbench::baselineResult(Baseline::AlwaysFirst, 10, 20, 1, 7), 0.5);
        QCOMPARE(rewardbench::baselineResult(Baseline::AlwaysLonger, 30, 20, 1, 7), 1.0);
        QCOMPARE(rewardbench::baselineResult(Baseline::AlwaysLonger, 10, 20, 1, 7), 0.0);
        QCOMPARE(rewardbench::baselineResult(Baseline::AlwaysLonger, 20, 20, 1, 7), 0.5);
        // The random judge is reproducible and averages one half.
        double sum = 0;
        for (std::uint64_t i = 0; i < 20000; ++i) {
            const double r = rewardbench::baselineResult(Baseline::Random, 1, 2, 3, i);
            QVERIFY(r == 0.0 || r == 0.5 || r == 1.0);
            sum += r;
        }
        QVERIFY(std::fabs(sum / 20000 - 0.5) < 0.01);
        QCOMPARE(rewardbench::baselineResult(Baseline::Random, 1, 2, 3, 42), rewardbench::baselineResult(Baseline::Random, 1, 2, 3, 42));
    }

    void lengthSplitByHand() {
        using rewardbench::Section;
        rewardbench::LengthSplits splits;
        // Chat Hard: chosen longer 1, 0 (0.5); chosen shorter 1, 1, 0.5 (5/6); equal lengths and
        // unknown subsets are left out.
        rewardbench::addToLengthSplits(splits, "llmbar-natural", 1.0, 30, 20);
        rewardbench::addToLengthSplits(splits, "mt-bench-hard", 0.0, 31, 20);
        rewardbench::addToLengthSplits(splits, "llmbar-adver-manual", 1.0, 10, 20);
        rewardbench::addToLengthSplits(splits, "llmbar-natural", 1.0, 11, 20);
        rewardbench::addToLengthSplits(splits, "llmbar-natural", 0.5, 12, 20);
        rewardbench::addToLengthSplits(splits, "llmbar-natural", 0.0, 20, 20);
        rewardbench::addToLengthSplits(splits, "no-such-subset", 0.0, 5, 20);
        rewardbench::addToLengthSplits(splits, "anthropic_hhh", 0.0, 5, 20); // a prior set: no section
        // Safety: only chosen-shorter pairs, so no controlled figure.
        rewardbench::addToLengthSplits(splits, "donotanswer", 1.0, 5, 20);
        const auto& hard = splits[std::size_t(Section::ChatHard)];
        QCOMPARE(hard.chosenLonger.count, std::int64_t(2));
        QCOMPARE(hard.chosenShorter.count, std::int64_t(3));
        QCOMPARE(hard.chosenLonger.accuracy(), 0.5);
        QVERIFY(std::fabs(hard.chosenShorter.accuracy() - 2.5 / 3) < 1e-12);
        QVERIFY(hard.controlled() && std::fabs(*hard.controlled() - (0.5 + 2.5 / 3) / 2) < 1e-12);
        QVERIFY(!splits[std::size_t(Section::Safety)].controlled());
        QCOMPARE(splits[std::size_t(Section::Chat)].chosenLonger.count + splits[std::size_t(Section::Chat)].chosenShorter.count,
                 std::int64_t(0));
        // A pure length rule scores exactly one half once lengths are controlled, whatever the lean.
        rewardbench::LengthSplits longer;
        for (int i = 0; i < 9; ++i)
            rewardbench::addToLengthSplits(longer, "xstest-should-refuse",
                                           rewardbench::baselineResult(rewardbench::Baseline::AlwaysLonger, 10, 50, 1, 0), 10, 50);
        rewardbench::addToLengthSplits(longer, "xstest-should-refuse",
                                       rewardbench::baselineResult(rewardbench::Baseline::AlwaysLonger, 50, 10, 1, 0), 50, 10);
        QCOMPARE(*longer[std::size_t(Section::Safety)].controlled(), 0.5);
    }

    void categoryLengthSplitSeparatesMathFromCoding() {
        using rewardbench::Category;
        rewardbench::CategoryLengthSplits splits;
        // Math (math-prm): chosen longer 1; chosen shorter 0, 0; equal lengths 1. Coding (hep-*):
        // chosen longer 0, chosen shorter 1. Unknown subsets are left out.
        rewardbench::addToCategoryLengthSplits(splits, "math-prm", 1.0, 40, 20);
        rewardbench::addToCategoryLengthSplits(splits, "math-prm", 0.0, 10, 20);
        rewardbench::addToCategoryLengthSplits(splits, "math-prm", 0.0, 11, 20);
        rewardbench::addToCategoryLengthSplits(splits, "math-prm", 1.0, 20, 20);
        rewardbench::addToCategoryLengthSplits(splits, "hep-go", 0.0, 40, 20);
        rewardbench::addToCategoryLengthSplits(splits, "hep-rust", 1.0, 10, 20);
        rewardbench::addToCategoryLengthSplits(splits, "no-such-subset", 1.0, 10, 20);
        const auto& math = splits[std::size_t(Category::Math)];
        QCOMPARE(math.chosenLonger.count, std::int64_t(1));
        QCOMPARE(math.chosenShorter.count, std::int64_t(2));
        QCOMPARE(*math.controlled(), 0.5); // (1 + 0) / 2, where the plain accuracy of these three is 1/3
        QCOMPARE(math.sameLength.count, std::int64_t(1));
        QCOMPARE(*math.balanced(), 0.625); // (1 + 3 x 0.5) / 4: the equal-length pair keeps its weight
        QVERIFY(!splits[std::size_t(Category::Chat)].balanced());
        const auto& coding = splits[std::size_t(Category::Coding)];
        QCOMPARE(coding.chosenLonger.accuracy(), 0.0);
        QCOMPARE(coding.chosenShorter.accuracy(), 1.0);
        for (Category c : {Category::Chat, Category::ChatHard, Category::Safety})
            QCOMPARE(splits[std::size_t(c)].chosenLonger.count + splits[std::size_t(c)].chosenShorter.count, std::int64_t(0));
    }

    void readsResultLines() {
        const std::string text = "{\"subset\":\"hep-go\",\"result\":1,\"id\":3}\n\n{\"subset\":\"hep-go\",\"result\":0.5}\n"
                                 "{\"subset\":\"math-prm\",\"result\":false}\n";
        auto t = rewardbench::readResultsJsonl(text, "r.jsonl");
        QVERIFY(t.ok());
        QCOMPARE(t->at("hep-go").count, std::int64_t(2));
        QCOMPARE(t->at("hep-go").accuracy(), 0.75);
        QCOMPARE(t->at("math-prm").accuracy(), 0.0);
        auto bad = rewardbench::readResultsJsonl("{\"subset\":\"a\",\"result\":1}\n{\"subset\":\"a\",\"result\":0.3}\n", "r.jsonl");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().line, std::size_t(2));
        QVERIFY(!rewardbench::readResultsJsonl("{\"result\":1}\n", "r").ok());
        QVERIFY(!rewardbench::readResultsJsonl("not json\n", "r").ok());
    }

    void scoresJsonShape() {
        auto s = rewardbench::computeScores(std::map<std::string, double>{{"hep-go", 1.0}});
        json::ParseError e;
        auto v = json::parse(rewardbench::scoresToJson(s), &e);
        QVERIFY(v && v->isObject());
        QCOMPARE(v->find("subsets")->find("hep-go")->asDouble(), 1.0);
        QCOMPARE(v->find("sections")->find("reasoning")->asDouble(), 1.0);
        QCOMPARE(v->find("sections")->find("chat_hard")->asDouble(), 0.0);
        QCOMPARE(v->find("score")->asDouble(), 0.25);
        QVERIFY(v->find("legacy_score")->isNull());
    }

    // --- CoBBLEr --------------------------------------------------------------------------------
    void orderModuleByHand() {
        using bias::Pick;
        auto c = [](Pick a, Pick b, std::size_t l0, std::size_t l1, int self = -1) {
            bias::Comparison x;
            x.q1 = a;
            x.q2 = b;
            x.length0 = l0;
            x.length1 = l1;
            x.self = self;
            return x;
        };
        std::vector<bias::Comparison> v = {
            c(Pick::First, Pick::First, 10, 20),        // first-position bias
            c(Pick::Second, Pick::Second, 10, 20),      // last-position bias
            c(Pick::First, Pick::Second, 30, 20),       // consistent: m0 wins, m0 longer -> long
            c(Pick::Second, Pick::First, 30, 20),       // consistent: m1 wins, m1 shorter -> short
            c(Pick::Second, Pick::First, 20, 20, 1),    // equal length: m1 counts as longer -> long; self picked
            c(Pick::None, Pick::First, 5, 6, 0),        // invalid first query
            c(Pick::First, Pick::None, 5, 6, 0),        // self (m0) picked, val invalid -> egocentric
            c(Pick::First, Pick::First, 5, 6, 0),       // self picked but same slot again: order bias, not ego
        };
        auto s = bias::orderStats(v);
        QCOMPARE(s.total, std::int64_t(8));
        QCOMPARE(s.valid, std::int64_t(7));
        QCOMPARE(s.first, std::int64_t(2));
        QCOMPARE(s.last, std::int64_t(1));
        QCOMPARE(s.meCompared, std::int64_t(4));
        QCOMPARE(s.meBias, std::int64_t(2));
        QCOMPARE(s.egocentric(), 0.5);
        // valid and not order-biased: rows 3, 4, 5, 7 -> long wins in rows 3 and 5, and row 7
        // (m0 won, lengths 5 < 6: m1 is longer) is short.
        QCOMPARE(s.validNonOrder, std::int64_t(4));
        QCOMPARE(s.longWins, std::int64_t(2));
        QCOMPARE(s.retention(), 4.0 / 7.0);
        bias::InducedStats b = bias::inducedStats(v);
        QCOMPARE(b.biased, std::int64_t(1)); // only row 3 followed the statement both times (First, then Second)
        bias::BiasRow row = bias::tableRow(s, s, b, b);
        QCOMPARE(row.order, 3.0 / 8.0);
        QCOMPARE(row.length, 0.0); // |2/4 - 0.5|
        QCOMPARE(row.bandwagon, 1.0 / 8.0);
    }

    void randomRowAndReferences() {
        auto r = bias::randomRow();
        QVERIFY(std::fabs(r.average() - 1.75 / 6.0) < 1e-15); // FLAMe prints 0.30, the exact value is 0.2917
        const auto& rows = bias::paperRows();
        QVERIFY(rows.size() >= 3);
        // FLAMe-24B's average is 0.76 / 6 = 0.127 (Table 4 prints 0.13).
        QVERIFY(std::fabs(rows[2].row.average() - 0.76 / 6.0) < 1e-12);
    }

    void pairsAreAllUnorderedPairsShuffled() {
        auto p = bias::itemPairs(15, 939, 0);
        QCOMPARE(p.size(), std::size_t(105));
        std::set<std::pair<int, int>> seen;
        bool someSwapped = false;
        for (auto [a, b] : p) {
            QVERIFY(a != b);
            someSwapped = someSwapped || a > b;
            seen.insert({std::min(a, b), std::max(a, b)});
        }
        QCOMPARE(seen.size(), std::size_t(105));
        QVERIFY(someSwapped);
        QCOMPARE(bias::itemPairs(15, 939, 0), p);
        QVERIFY(bias::itemPairs(15, 939, 1) != p);
    }

    // --- mixtures ----------------------------------------------------------------------------------
    void proportionalWithCap() {
        std::vector<MixtureTask> t = {{"a", 100, 0}, {"b", 300, 0}, {"c", 1000, 0}, {"d", 0, 0}};
        auto r = mixtureRates(t, {MixtureKind::Proportional, 200});
        QVERIFY(r.ok());
        QCOMPARE((*r)[0], 100.0 / 500.0);
        QCOMPARE((*r)[1], 200.0 / 500.0);
        QCOMPARE((*r)[2], 200.0 / 500.0);
        QCOMPARE((*r)[3], 0.0);
        auto uncapped = mixtureRates(t, {MixtureKind::Proportional, 0});
        QCOMPARE((*uncapped)[2], 1000.0 / 1400.0);
        QCOMPARE(scaledCap(20000), std::int64_t(247)); // 65536 * 20000 / 5.3M = 247.3
        QCOMPARE(scaledCap(kPaperCorpusSize), kPaperCap);
        QCOMPARE(scaledCap(10), std::int64_t(1));
    }

    void equalAndExplicit() {
        std::vector<MixtureTask> t = {{"a", 5, 1}, {"b", 50, 3}, {"c", 0, 10}};
        auto eq = mixtureRates(t, {MixtureKind::Equal, 0});
        QCOMPARE((*eq)[0], 0.5);
        QCOMPARE((*eq)[1], 0.5);
        QCOMPARE((*eq)[2], 0.0); // no examples, whatever its weight
        auto ex = mixtureRates(t, {MixtureKind::Explicit, 0});
        QCOMPARE((*ex)[0], 0.25);
        QCOMPARE((*ex)[1], 0.75);
        QVERIFY(!mixtureRates({{"a", 0, 1}}, {MixtureKind::Equal, 0}).ok());
        QVERIFY(!mixtureRates({{"a", 5, 0}}, {MixtureKind::Explicit, 0}).ok());
        QVERIFY(!mixtureRates({{"a", 5, -1}}, {MixtureKind::Explicit, 0}).ok());
        auto per = examplesPerStep(*ex, 8);
        QCOMPARE(per[1], 6.0);
    }

    // --- tail-patch ---------------------------------------------------------------------------------
    void ratings() {
        tailpatch::RatingRules r; // strong 0.05, weak 0.02, harm 0.05
        using M = tailpatch::Measurement;
        QCOMPARE(tailpatch::rate(M{0.5, 0.56, std::nullopt}, r), 2);
        QCOMPARE(tailpatch::rate(M{0.5, 0.56, 0.53}, r), 2);  // stable: already up half-way
        QCOMPARE(tailpatch::rate(M{0.5, 0.56, 0.505}, r), 1); // strong at the end only: not stable
        QCOMPARE(tailpatch::rate(M{0.5, 0.53, std::nullopt}, r), 1);
        QCOMPARE(tailpatch::rate(M{0.5, 0.51, std::nullopt}, r), 0);
        QCOMPARE(tailpatch::rate(M{0.5, 0.46, std::nullopt}, r), 0);
        QCOMPARE(tailpatch::rate(M{0.5, 0.44, std::nullopt}, r), -1);
    }

    void bundlesAndWeights() {
        using tailpatch::TaskEffect;
        auto effect = [](std::string key, std::array<double, 5> patched) {
            TaskEffect e;
            e.key = std::move(key);
            for (std::size_t c = 0; c < 5; ++c) e.measurements[c] = {0.5, patched[c], std::nullopt};
            return e;
        };
        // Categories: chat, chat_hard, math, coding, safety.
        std::vector<TaskEffect> effects = {
            effect("general", {0.6, 0.6, 0.6, 0.5, 0.5}),    // 2+2+2 = 6 >= 5: generally helpful; also in 3 bundles
            effect("hard", {0.5, 0.60, 0.5, 0.5, 0.5}),      // chat_hard +2 (largest gain): top chat_hard
            effect("hard2", {0.5, 0.58, 0.5, 0.5, 0.44}),    // chat_hard +2, safety -1
            effect("hard3", {0.5, 0.56, 0.5, 0.5, 0.5}),     // chat_hard +2, third: not top
            effect("safe", {0.5, 0.5, 0.5, 0.5, 0.53}),      // safety +1 only: in no bundle, so not a top task
            effect("none", {0.5, 0.5, 0.5, 0.5, 0.5}),
        };
        tailpatch::Weights w;
        w.scale = 0.001; // read as "thousands": rates are unchanged
        auto plan = tailpatch::planMixture(effects, {}, {}, w);
        QCOMPARE(plan.general, std::vector<std::string>{"general"});
        const auto ch = tailpatch::index(rewardbench::Category::ChatHard);
        const auto sa = tailpatch::index(rewardbench::Category::Safety);
        QCOMPARE(plan.specific[ch], (std::vector<std::string>{"general", "hard", "hard2", "hard3"}));
        // "general" and "hard" gain the same 0.1: the tie keeps the tasks' order.
        QCOMPARE(plan.top[ch], (std::vector<std::string>{"general", "hard"}));
        QVERIFY(plan.top[sa].empty());
        QCOMPARE(plan.others, (std::vector<std::string>{"safe", "none"}));
        // Fixed 200K for top tasks; sums for the rest; 3K for others.
        QCOMPARE(plan.weights.at("hard"), 200.0);
        QCOMPARE(plan.weights.at("general"), 200.0);
        QCOMPARE(plan.weights.at("safe"), 3.0);
        QCOMPARE(plan.weights.at("hard2"), 30.0);
        QCOMPARE(plan.weights.at("hard3"), 30.0);
        QCOMPARE(plan.weights.at("none"), 3.0);
        QCOMPARE(plan.bundlesOf("general"), (std::vector<std::string>{"general", "chat", "chat_hard", "math", "top:chat_hard"}));
    }

    void paperTauMode() {
        tailpatch::TaskEffect e;
        e.key = "t";
        for (std::size_t c = 0; c < 5; ++c) e.measurements[c] = {0.6, 0.7, std::nullopt};
        e.measurements[tailpatch::index(rewardbench::Category::ChatHard)] = {0.6, 0.67, std::nullopt}; // past 66%
        tailpatch::BundleRules rules;
        rules.tauMode = tailpatch::TauMode::Paper;
        tailpatch::Weights w;
        w.topCount = 0;
        auto plan = tailpatch::planMixture({e}, {}, rules, w);
        QCOMPARE(plan.specific[tailpatch::index(rewardbench::Category::ChatHard)], std::vector<std::string>{"t"});
        QVERIFY(plan.specific[tailpatch::index(rewardbench::Category::Chat)].empty()); // 0.70 < 0.95
        // Rated +2 everywhere (total 10): generally helpful too: 100K + 30K.
        QCOMPARE(plan.weights.at("t"), 130000.0);
    }

    void groupsByCapabilityAndType() {
        const Catalog& cat = Catalog::builtin();
        std::vector<const TaskDefinition*> tasks;
        for (const auto& t : cat.tasks())
            if (t.collection == Collection::Flame) tasks.push_back(&t);
        auto groups = tailpatch::groupTasks(tasks, 4);
        std::set<std::string> all;
        for (const auto& g : groups) {
            QVERIFY(!g.keys.empty() && g.keys.size() <= 4);
            const TaskDefinition* first = cat.find(g.keys.front());
            for (const auto& k : g.keys) {
                QVERIFY(all.insert(k).second);
                QCOMPARE(cat.find(k)->capability, first->capability);
                QCOMPARE(cat.find(k)->type, first->type);
            }
        }
        QCOMPARE(all.size(), tasks.size());
        QCOMPARE(tailpatch::groupTasks(tasks, 1).size(), tasks.size());
    }
};

QTEST_APPLESS_MAIN(TrainingFormulasTest)
#include "tst_training_formulas.moc"
