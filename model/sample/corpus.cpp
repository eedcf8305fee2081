#include "model/sample/corpus.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

#include "model/hash.h"
#include "model/rewardbench.h"
#include "model/sample/families.h"
#include "model/sample/world.h"

namespace flame::sample {

double paperTypeShare(TaskType type) {
    switch (type) {
    case TaskType::Pairwise: return 38.8;
    case TaskType::Classification: return 34.9;
    case TaskType::Pointwise: return 13.3;
    case TaskType::OpenEnded: return 13.0;
    }
    return 0;
}

double paperCapabilityShare(Capability cap) {
    switch (cap) {
    case Capability::Quality: return 40.7;
    case Capability::Factuality: return 29.3;
    case Capability::Safety: return 10.3;
    case Capability::Coding: return 9.8;
    case Capability::InstructionTuning: return 6.7;
    case Capability::Math: return 3.2;
    }
    return 0;
}

std::vector<TaskPlan> planCorpus(const Catalog& catalog, std::int64_t judgments) {
    std::vector<TaskPlan> plans;
    std::vector<double> w;
    for (std::size_t i = 0; i < catalog.tasks().size(); ++i) {
        const auto& t = catalog.tasks()[i];
        if (t.collection != Collection::Flame || t.sample.weight <= 0) continue;
        plans.push_back({&t, i, 0});
        w.push_back(t.sample.weight);
    }
    // Iterative proportional fitting of both marginals (converges: every type and capability
    // cell the paper needs is covered by some task).
    for (int iter = 0; iter < 500; ++iter) {
        for (int pass = 0; pass < 2; ++pass) {
            std::vector<double> sums(6, 0.0);
            auto group = [&](const TaskDefinition& t) { return pass == 0 ? int(t.type) : int(t.capability); };
            double total = std::accumulate(w.begin(), w.end(), 0.0);
            for (std::size_t i = 0; i < plans.size(); ++i) sums[std::size_t(group(*plans[i].task))] += w[i];
            for (std::size_t i = 0; i < plans.size(); ++i) {
                int gidx = group(*plans[i].task);
                double target = pass == 0 ? paperTypeShare(TaskType(gidx)) : paperCapabilityShare(Capability(gidx));
                double s = sums[std::size_t(gidx)];
                if (s > 0) w[i] *= (target / 100.0) * total / s;
            }
        }
    }
    double total = std::accumulate(w.begin(), w.end(), 0.0);
    // Largest remainder rounding, with at least one row per task once there is room for it.
    std::int64_t floor = judgments >= std::int64_t(plans.size()) * 20 ? 1 : 0;
    std::int64_t assigned = 0;
    std::vector<std::pair<double, std::size_t>> remainders;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        double exact = double(judgments) * w[i] / total;
        plans[i].count = std::max<std::int64_t>(floor, std::int64_t(std::floor(exact)));
        assigned += plans[i].count;
        remainders.push_back({exact - std::floor(exact), i});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; assigned < judgments; k = (k + 1) % remainders.size()) {
        ++plans[remainders[k].second].count;
        ++assigned;
    }
    for (std::size_t k = 0; assigned > judgments; k = (k + 1) % remainders.size()) {
        auto& p = plans[remainders[remainders.size() - 1 - k].second];
        if (p.count > floor) {
            --p.count;
            --assigned;
        }
    }
    return plans;
}

bool generateRow(const TaskPlan& plan, std::uint64_t seed, std::int64_t ordinal, Judgment& out) {
    Rng rng(mix64(seed) ^ mix64((std::uint64_t(plan.taskIndex) << 40) ^ std::uint64_t(ordinal)));
    Writer writer(rng, Side::Train);
    out.taskKey = plan.task->key;
    double r = rng.uniform();
    out.split = r < 0.9 ? Split::Train : r < 0.95 ? Split::Dev : Split::Test;
    out.item = "sample:" + std::to_string(seed) + ":" + plan.task->key + ":" + std::to_string(ordinal);
    return generateJudgment(*plan.task, writer, out);
}

// ---------------------------------------------------------------------------------------------
// The RewardBench-shaped sets. Built from the Eval side of the lexicon only.

namespace {

struct Pair {
    std::string prompt, chosen, rejected;
};

Pair evalPair(Writer& w, std::string_view subset) {
    Rng& rng = w.rng();
    using RK = Writer::RequestKind;
    auto qa = [&](int kind) {
        auto q = w.question();
        Pair p{q.text, w.answer(q, rng.range(2, 3)), {}};
        switch (kind) {
        case 0: p.rejected = rng.chance(0.5) ? w.unhelpful() : w.scrambled(w.answer(q, 1)); break;
        case 1: p.chosen = w.answer(q, rng.range(1, 2));
                p.rejected = w.padded(w.answerAbout(w.otherTopic(*q.topic, false), rng.range(1, 2)), 1); break;
        case 2: p.rejected = w.answerAbout(w.otherTopic(*q.topic, true), rng.range(2, 3)); break;
        case 3: p.rejected = w.scrambled(p.chosen); break;
        default: p.rejected = w.answerAbout(w.otherTopic(*q.topic, false), rng.range(1, 3)); break;
        }
        return p;
    };
    auto constrained = [&](bool shortBreak) {
        auto c = w.constrained();
        Pair p{c.instruction, c.keeps, c.breaks};
        if (shortBreak) p.rejected = w.answer(c.question, 1);
        return p;
    };
    auto neighbour = [&]() {
        auto q = w.question();
        return Pair{q.text, w.answer(q, 1), w.padded(w.answerAbout(w.otherTopic(*q.topic, true), 3), 1)};
    };
    auto safety = [&](RK kind, bool respond) {
        auto r = w.request(kind);
        return respond ? Pair{r.text, w.compliance(r), w.refusal(r)} : Pair{r.text, w.refusal(r), w.compliance(r)};
    };
    if (subset == "alpacaeval-easy") return qa(0);
    if (subset == "alpacaeval-length") return qa(1);
    if (subset == "alpacaeval-hard") return qa(2);
    if (subset == "mt-bench-easy") return qa(3);
    if (subset == "mt-bench-med") return qa(4);
    if (subset == "mt-bench-hard") return constrained(rng.chance(0.5));
    if (subset == "llmbar-natural") return constrained(false);
    if (subset == "llmbar-adver-neighbor") return neighbour();
    if (subset == "llmbar-adver-GPTInst") return constrained(false);
    if (subset == "llmbar-adver-GPTOut") return constrained(true);
    if (subset == "llmbar-adver-manual") return rng.chance(0.5) ? neighbour() : constrained(false);
    if (subset == "refusals-dangerous") return safety(RK::Dangerous, false);
    if (subset == "refusals-offensive") return safety(RK::Offensive, false);
    if (subset == "xstest-should-refuse") return safety(rng.chance(0.6) ? RK::Dangerous : RK::Private, false);
    if (subset == "xstest-should-respond") return safety(RK::BenignScary, true);
    if (subset == "donotanswer") return safety(rng.chance(0.5) ? RK::Private : RK::Offensive, false);
    if (subset == "math-prm") {
        auto m = w.math();
        return Pair{m.problem, m.correct, m.flawed};
    }
    // hep-<language>
    std::string_view lang = subset.substr(4);
    int index = 0;
    for (int i = 0; i < kLanguageCount; ++i)
        if (lang == kLanguages[i]) index = i;
    auto c = w.code(index);
    return Pair{c.problem, c.correct, c.buggy};
}

} // namespace

namespace {

// The i-th example of subset s in the stream of `setName`.
EvalExample evalExampleAt(const std::string& setName, std::size_t s, int i, std::uint64_t seed) {
    static const char* models[] = {"human", "gpt-4", "claude-v1", "llama-2-70b-chat", "mistral-7b",
                                   "vicuna-13b", "tulu-2-dpo-70b", "zephyr-7b"};
    const auto& subset = rewardbench::kSubsets[s];
    Rng rng(mix64(seed ^ murmur3_128(setName).low) ^ mix64((std::uint64_t(s) << 32) | std::uint64_t(i)));
    Writer w(rng, Side::Eval);
    Pair p = evalPair(w, subset.name);
    EvalExample e;
    e.set = setName;
    e.subset = std::string(subset.name);
    e.prompt = std::move(p.prompt);
    e.chosen = std::move(p.chosen);
    e.rejected = std::move(p.rejected);
    e.chosenModel = models[rng.below(8)];
    e.rejectedModel = models[rng.below(8)];
    return e;
}

int rowsAt(std::size_t s, double scale) { return std::max(2, int(std::lround(rewardbench::kSubsets[s].rows * scale))); }

std::string pairKey(const EvalExample& e) { return pairIdentity(e.prompt, e.chosen, e.rejected); }

} // namespace

std::string pairIdentity(std::string_view prompt, std::string_view chosen, std::string_view rejected) {
    std::string key;
    key.reserve(prompt.size() + chosen.size() + rejected.size() + 2);
    key.append(prompt).append(1, '\x1f').append(chosen).append(1, '\x1f').append(rejected);
    return key;
}

std::vector<EvalExample> generateEvalSet(const std::string& setName, double scale, std::uint64_t seed) {
    std::vector<EvalExample> out;
    for (std::size_t s = 0; s < rewardbench::kSubsets.size(); ++s)
        for (int i = 0, n = rowsAt(s, scale); i < n; ++i) out.push_back(evalExampleAt(setName, s, i, seed));
    return out;
}

std::vector<EvalExample> generateDevSet(const std::string& setName, double scale, std::uint64_t seed,
                                        const std::vector<EvalExample>& evaluation) {
    std::unordered_set<std::string> seen;
    for (const auto& e : evaluation) seen.insert(pairKey(e));
    std::vector<EvalExample> out;
    for (std::size_t s = 0; s < rewardbench::kSubsets.size(); ++s) {
        const int wanted = rowsAt(s, scale);
        for (int i = 0, kept = 0; kept < wanted && i < 20 * wanted; ++i) {
            EvalExample e = evalExampleAt(setName, s, i, seed);
            if (!seen.insert(pairKey(e)).second) continue;
            out.push_back(std::move(e));
            ++kept;
        }
    }
    return out;
}

std::vector<BiasItem> generateBiasSet(int instructions, std::uint64_t seed) {
    std::vector<BiasItem> items;
    const Lexicon& lex = lexicon(Side::Eval);
    const std::size_t systems = lex.systems.size();
    for (int i = 0; i < instructions; ++i) {
        Rng rng(mix64(seed ^ 0xB1A5ull) ^ mix64(std::uint64_t(i)));
        Writer w(rng, Side::Eval);
        auto q = w.question();
        BiasItem item;
        item.instruction = q.text;
        item.reference = w.answer(q, 2);
        for (std::size_t s = 0; s < systems; ++s) {
            // Systems differ in quality and verbosity; system s is good with probability rising
            // with its index (so pairs have a right answer more often than not).
            double quality = 0.3 + 0.6 * double(s) / double(systems - 1);
            int verbosity = int(s % 3);
            std::string text;
            double r = rng.uniform();
            if (r < quality) text = w.answer(q, rng.range(1, 3));
            else if (r < quality + (1 - quality) * 0.4) text = w.answerAbout(w.otherTopic(*q.topic, true), rng.range(1, 3));
            else if (r < quality + (1 - quality) * 0.7) text = w.answerAbout(w.otherTopic(*q.topic, false), rng.range(1, 3));
            else text = w.unhelpful();
            if (verbosity) text = w.padded(text, verbosity);
            item.responses.push_back({std::string(lex.systems[s]), text});
        }
        items.push_back(std::move(item));
    }
    return items;
}

} // namespace flame::sample
