// The sample-corpus generator: deterministic, valid for its tasks, labels that follow the
// documented rules (checked here by independent parsers, not by the generator's own code), the
// length preference of the tasks that have one, and held-out sets that share no entity with
// training.
#include <QtTest>

#include <cctype>
#include <regex>
#include <set>

#include "model/catalog.h"
#include "model/format.h"
#include "model/rewardbench.h"
#include "model/sample/corpus.h"
#include "model/sample/lexicon.h"

using namespace flame;
using namespace flame::sample;

namespace {

const TaskPlan& planOf(const std::vector<TaskPlan>& plans, const std::string& key) {
    for (const auto& p : plans)
        if (p.task->key == key) return p;
    throw std::runtime_error("no plan for " + key);
}

std::vector<Judgment> rows(const std::string& key, int n, std::uint64_t seed = 7) {
    static const auto plans = planCorpus(Catalog::builtin(), 1000000);
    const TaskPlan& plan = planOf(plans, key);
    std::vector<Judgment> out;
    for (int i = 0; i < n; ++i) {
        Judgment j;
        if (!generateRow(plan, seed, i, j)) throw std::runtime_error("generation failed for " + key);
        out.push_back(std::move(j));
    }
    return out;
}

const std::string& field(const Judgment& j, const char* name) {
    const std::string* v = findField(j.context, name);
    if (!v) throw std::runtime_error(std::string("missing field ") + name);
    return *v;
}

const std::string& chosen(const Judgment& j) {
    const std::size_t n = j.context.size();
    return j.label() == "A" ? j.context[n - 2].value : j.context[n - 1].value;
}
const std::string& other(const Judgment& j) {
    const std::size_t n = j.context.size();
    return j.label() == "A" ? j.context[n - 1].value : j.context[n - 2].value;
}

// Independent check of a step-by-step solution: every "Step k: x op y = r." is right and the
// answer is the last result.
bool solutionIsCorrect(const std::string& text) {
    static const std::regex step(R"(Step \d+: (\d+) ([-+*]) (\d+) = (-?\d+)\.)");
    static const std::regex answer(R"(Answer: (-?\d+))");
    long last = 0;
    bool any = false;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), step); it != std::sregex_iterator(); ++it) {
        long x = std::stol((*it)[1]), y = std::stol((*it)[3]), r = std::stol((*it)[4]);
        char op = (*it)[2].str()[0];
        long expected = op == '+' ? x + y : op == '-' ? x - y : x * y;
        if (r != expected) return false;
        last = r;
        any = true;
    }
    std::smatch m;
    if (!any || !std::regex_search(text, m, answer)) return false;
    return std::stol(m[1]) == last;
}

bool startsWithAny(const std::string& text, const Words& patterns) {
    for (auto p : patterns) {
        std::string prefix(p.substr(0, p.find("{0}")));
        if (text.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

bool containsWord(const std::string& text, std::string_view word) {
    for (std::size_t pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
        bool before = pos == 0 || !std::isalnum(static_cast<unsigned char>(text[pos - 1]));
        std::size_t end = pos + word.size();
        bool after = end >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
        if (before && after) return true;
    }
    return false;
}

std::set<std::string> entities(Side side) {
    const Lexicon& l = lexicon(side);
    std::set<std::string> out;
    for (const Words* w : {&l.people, &l.cities, &l.shops, &l.goods, &l.jobs, &l.pets, &l.places, &l.features,
                           &l.objects, &l.skills, &l.mathItems, &l.functionNames, &l.constraintStarts})
        for (auto x : *w) out.insert(std::string(x));
    for (const auto& t : l.topics) out.insert(std::string(t.name));
    for (const auto& h : l.harmful) out.insert(std::string(h.object));
    for (const auto& b : l.benignScary) out.insert(std::string(b.object));
    return out;
}

} // namespace

class TestSampleGenerator : public QObject {
    Q_OBJECT
private slots:
    void sameSeedSameRowsDifferentSeedDifferentRows() {
        auto a = rows("shp-pairwise", 50, 1);
        auto b = rows("shp-pairwise", 50, 1);
        auto c = rows("shp-pairwise", 50, 2);
        int differ = 0;
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(a[i].contentHash(), b[i].contentHash());
            QCOMPARE(a[i].split, b[i].split);
            differ += a[i].context != c[i].context;
        }
        QVERIFY(differ > 40);
    }

    void everyTaskGeneratesValidJudgments() {
        auto plans = planCorpus(Catalog::builtin(), 20000);
        for (const auto& plan : plans) {
            for (int i = 0; i < 40; ++i) {
                Judgment j;
                QVERIFY2(generateRow(plan, 3, i, j), plan.task->key.c_str());
                std::string why = checkJudgment(*plan.task, j);
                QVERIFY2(why.empty(), (plan.task->key + ": " + why).c_str());
                QCOMPARE(j.context.size(), plan.task->inputFields.size());
                for (std::size_t k = 0; k < j.context.size(); ++k) QCOMPARE(j.context[k].name, plan.task->inputFields[k]);
            }
        }
    }

    void splitsAreRoughly90_5_5() {
        auto r = rows("mnli", 4000);
        int train = 0, dev = 0;
        for (const auto& j : r) {
            train += j.split == Split::Train;
            dev += j.split == Split::Dev;
        }
        QVERIFY(train > 3500 && train < 3700);
        QVERIFY(dev > 130 && dev < 280);
    }

    void mathLabelsPreferTheCorrectSolution() {
        int agree = 0, n = 0;
        for (const auto& j : rows("prm800k-pairwise", 600)) {
            bool c = solutionIsCorrect(chosen(j)), o = solutionIsCorrect(other(j));
            QVERIFY2(c != o, "exactly one of the two solutions is correct");
            agree += c;
            ++n;
        }
        // Annotator noise is 3% on average: nearly every label follows the rule, but not all.
        QVERIFY2(agree > n * 0.95 && agree < n, qPrintable(QString::number(agree)));
    }

    void safetyLabelsPreferRefusalOnlyForHarmfulRequests() {
        const Lexicon& lex = lexicon(Side::Train);
        int harmful = 0, refusedWhenHarmful = 0, benign = 0, helpedWhenBenign = 0;
        for (const auto& j : rows("hh-rlhf-harmlessness", 800)) {
            const std::string& prompt = field(j, "conversation");
            bool isHarmful = false;
            for (const auto* pool : {&lex.harmful, &lex.offensive, &lex.privacy})
                for (const auto& h : *pool)
                    isHarmful |= prompt.find(std::string(h.verb) + " " + std::string(h.object)) != std::string::npos;
            bool refusal = startsWithAny(chosen(j), lex.refusals);
            if (isHarmful) {
                ++harmful;
                refusedWhenHarmful += refusal;
            } else {
                ++benign;
                helpedWhenBenign += !refusal;
            }
        }
        QVERIFY(harmful > 400 && benign > 150);
        QVERIFY2(refusedWhenHarmful > harmful * 0.85, qPrintable(QString::number(refusedWhenHarmful)));
        QVERIFY2(helpedWhenBenign > benign * 0.85, qPrintable(QString::number(helpedWhenBenign)));
    }

    void helpfulnessTasksRewardComplianceOnSomeHarmfulRequests() {
        // The pull against Safety (DESIGN.md section 6): helpfulness-only labels prefer the
        // compliant answer on harmful requests.
        const Lexicon& lex = lexicon(Side::Train);
        int harmfulPairs = 0, compliancePreferred = 0;
        for (const auto& j : rows("beavertails-helpfulness", 1500)) {
            bool refusalChosen = startsWithAny(chosen(j), lex.refusals);
            bool refusalOther = startsWithAny(other(j), lex.refusals);
            if (refusalChosen || refusalOther) {
                ++harmfulPairs;
                compliancePreferred += refusalOther;
            }
        }
        QVERIFY2(harmfulPairs > 150, qPrintable(QString::number(harmfulPairs)));
        QVERIFY(compliancePreferred > harmfulPairs * 0.8);
    }

    void attributionAnswersFollowTheEntities() {
        int checked = 0, consistent = 0;
        for (const auto& j : rows("xsum-hallucination", 400)) {
            const std::string& article = field(j, "article");
            const std::string& summary = field(j, "summary");
            // Every capitalised word (names, places, months) must be in the article for "Yes".
            bool allInArticle = true;
            std::size_t i = 0;
            while (i < summary.size()) {
                std::size_t end = summary.find_first_of(" ,.", i);
                if (end == std::string::npos) end = summary.size();
                std::string w = summary.substr(i, end - i);
                bool sentenceStart = i == 0 && (w == "A" || w == "The");
                if (!w.empty() && !sentenceStart && std::isupper(static_cast<unsigned char>(w[0])) && !containsWord(article, w))
                    allInArticle = false;
                i = end + 1;
            }
            ++checked;
            consistent += (j.label() == "Yes") == allInArticle;
        }
        QVERIFY2(consistent > checked * 0.9, qPrintable(QString::number(consistent)));
    }

    void constraintLabelsFollowTheConstraint() {
        int upper = 0, upperKept = 0;
        for (const auto& j : rows("genie-pairwise", 1200)) {
            const std::string& ins = field(j, "instruction");
            if (ins.find("capital letters") == std::string::npos) continue;
            ++upper;
            const std::string& c = chosen(j);
            bool allUpper = std::none_of(c.begin(), c.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)); });
            upperKept += allUpper;
        }
        QVERIFY(upper > 100);
        QVERIFY2(upperKept > upper * 0.85, qPrintable(QString::number(upperKept)));
    }

    void lengthPreferenceShowsOnlyWhereConfigured() {
        auto longerShare = [](const std::string& key) {
            int longer = 0, n = 0;
            for (const auto& j : rows(key, 1500)) {
                if (chosen(j).size() == other(j).size()) continue;
                longer += chosen(j).size() > other(j).size();
                ++n;
            }
            return double(longer) / n;
        };
        double shp = longerShare("shp-pairwise");       // length_bias 0.4
        double helpsteer = longerShare("helpsteer-pairwise"); // none
        QVERIFY2(shp > helpsteer + 0.1, qPrintable(QString("shp %1 helpsteer %2").arg(shp).arg(helpsteer)));
    }

    void evalSetHasTheRewardBenchShape() {
        auto set = generateEvalSet("sample", 0.25, 1);
        std::map<std::string, int> counts;
        for (const auto& e : set) {
            ++counts[e.subset];
            QVERIFY(!e.prompt.empty() && !e.chosen.empty() && !e.rejected.empty());
            QVERIFY(e.chosen != e.rejected);
        }
        QCOMPARE(counts.size(), std::size_t(23));
        for (const auto& s : rewardbench::kSubsets)
            QCOMPARE(counts[std::string(s.name)], std::max(2, int(std::lround(s.rows * 0.25))));
        // Same seed, same set; the dev set is a different sample.
        auto again = generateEvalSet("sample", 0.25, 1);
        QCOMPARE(again.front().prompt, set.front().prompt);
        auto dev = generateEvalSet("sample-dev", 0.25, 1);
        int same = 0;
        for (std::size_t i = 0; i < set.size(); ++i) same += dev[i].prompt == set[i].prompt && dev[i].chosen == set[i].chosen;
        QVERIFY(same < int(set.size()) / 10);
    }

    void devSetIsDisjointFromTheEvaluationSet() {
        const auto evaluation = generateEvalSet("sample", 0.25, 1);
        auto key = [](const EvalExample& e) { return e.prompt + '|' + e.chosen + '|' + e.rejected; };
        std::set<std::string> inEvaluation;
        for (const auto& e : evaluation) inEvaluation.insert(key(e));
        // A plain second sample of these small template spaces repeats evaluation pairs ...
        int repeated = 0;
        for (const auto& e : generateEvalSet("sample-dev", 0.25, 1)) repeated += inEvaluation.count(key(e)) ? 1 : 0;
        QVERIFY2(repeated > 20, qPrintable(QString::number(repeated)));
        // ... the development set does not, nor does it repeat itself, and it keeps its shape where
        // the templates allow: every subset present, the large ones at full size.
        const auto dev = generateDevSet("sample-dev", 0.25, 1, evaluation);
        std::set<std::string> seen;
        std::map<std::string, int> counts;
        for (const auto& e : dev) {
            QVERIFY2(!inEvaluation.count(key(e)), (e.subset + ": " + e.prompt).c_str());
            QVERIFY2(seen.insert(key(e)).second, (e.subset + " repeats: " + e.prompt).c_str());
            QCOMPARE(e.set, std::string("sample-dev"));
            ++counts[e.subset];
        }
        QCOMPARE(counts.size(), std::size_t(23));
        QCOMPARE(counts["math-prm"], int(std::lround(447 * 0.25)));
        QCOMPARE(counts["llmbar-adver-neighbor"], int(std::lround(134 * 0.25)));
        QCOMPARE(generateDevSet("sample-dev", 0.25, 1, evaluation).front().prompt, dev.front().prompt); // deterministic
    }

    void evalSubsetsTestWhatTheirNamesSay() {
        const Lexicon& lex = lexicon(Side::Eval);
        for (const auto& e : generateEvalSet("sample", 0.5, 9)) {
            if (e.subset == "refusals-dangerous" || e.subset == "refusals-offensive" || e.subset == "donotanswer")
                QVERIFY2(startsWithAny(e.chosen, lex.refusals), e.chosen.c_str());
            if (e.subset == "xstest-should-respond") QVERIFY2(startsWithAny(e.rejected, lex.refusals), e.rejected.c_str());
            if (e.subset == "math-prm") {
                QVERIFY(solutionIsCorrect(e.chosen));
                QVERIFY(!solutionIsCorrect(e.rejected));
            }
        }
    }

    void heldOutSetsShareNoEntityWithTraining() {
        auto train = entities(Side::Train), eval = entities(Side::Eval);
        for (const auto& e : eval) QVERIFY2(!train.count(e), ("on both sides: " + e).c_str());
        // No training entity appears in any evaluation or bias-probe text.
        std::vector<std::string> texts;
        for (const auto& e : generateEvalSet("sample", 0.3, 5)) {
            texts.push_back(e.prompt);
            texts.push_back(e.chosen);
            texts.push_back(e.rejected);
        }
        for (const auto& b : generateBiasSet(20, 5)) {
            texts.push_back(b.instruction);
            for (const auto& r : b.responses) texts.push_back(r.second);
        }
        std::set<std::string> leaks;
        std::string example;
        for (const auto& t : texts)
            for (const auto& w : train)
                if (containsWord(t, w) && leaks.insert(w).second) example += "\n  '" + w + "' in: " + t;
        QVERIFY2(leaks.empty(), ("training entities in held-out text:" + example).c_str());
    }

    void biasSetHasFifteenSystemsPerInstruction() {
        auto set = generateBiasSet(10, 3);
        QCOMPARE(set.size(), std::size_t(10));
        for (const auto& item : set) {
            QCOMPARE(item.responses.size(), std::size_t(15));
            QVERIFY(!item.reference.empty());
        }
    }
};

QTEST_APPLESS_MAIN(TestSampleGenerator)
#include "tst_sample_generator.moc"
