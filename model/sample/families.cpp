#include "model/sample/families.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace flame::sample {

namespace {

// Semantic classes of classification labels; each task names them its own way.
enum class Sem { Yes, No, Safe, Unsafe, Entail, Neutral, Contradict, Faithful, Hallucinated, Generic };

const std::string& labelFor(const TaskDefinition& task, Sem sem) {
    static const std::map<Sem, std::vector<std::string>> synonyms = {
        {Sem::Yes, {"Yes"}},
        {Sem::No, {"No"}},
        {Sem::Safe, {"safe"}},
        {Sem::Unsafe, {"unsafe"}},
        {Sem::Entail, {"entailment", "supports", "supported"}},
        {Sem::Neutral, {"neutral", "not enough info", "not enough information"}},
        {Sem::Contradict, {"contradiction", "refutes", "refuted"}},
        {Sem::Faithful, {"faithful", "attributable"}},
        {Sem::Hallucinated, {"hallucination", "unsupported"}},
        {Sem::Generic, {"generic"}},
    };
    for (const auto& name : synonyms.at(sem))
        for (const auto& l : task.labels)
            if (l == name) return l;
    // Tasks without labels (free-text targets) never read this value.
    static const std::string none;
    return task.labels.empty() ? none : task.labels.front();
}

struct Gen {
    const TaskDefinition& task;
    Writer& w;
    Rng& rng;
    std::vector<std::string> inputs; // values in input-field order
    Fields target;
    bool ok = true;
    // Pairwise bookkeeping for the length preference.
    std::string better, worse;
    bool pairwise = false;

    Gen(const TaskDefinition& t, Writer& writer) : task(t), w(writer), rng(writer.rng()) {}

    void set(std::size_t index, std::string value) {
        if (inputs.size() < task.inputFields.size()) inputs.resize(task.inputFields.size());
        if (index < inputs.size()) inputs[index] = std::move(value);
        else ok = false;
    }
    std::size_t last() const { return task.inputFields.size() - 1; }
    bool hasField(std::string_view name) const {
        return std::find(task.inputFields.begin(), task.inputFields.end(), name) != task.inputFields.end();
    }

    // Puts the two candidates in the last two input fields in random order.
    void pair(std::string b, std::string wo) {
        pairwise = true;
        better = std::move(b);
        worse = std::move(wo);
    }
    void label(const std::string& value) { target = {{task.outputFields.front(), value}}; }
    void label(Sem sem) { label(labelFor(task, sem)); }
    void yesNo(bool positive) {
        // `positive` means the content is fine; a negated question asks about the defect.
        bool yes = task.sample.negate ? !positive : positive;
        label(yes ? Sem::Yes : Sem::No);
    }
    void rating(double quality) {
        quality = std::clamp(quality, 0.0, 1.0);
        int span = task.scaleMax - task.scaleMin;
        int r = task.scaleMin + int(std::lround(quality * span));
        // Raters disagree by a point now and then, more in the middle of the scale.
        if (rng.chance(0.2)) r += rng.chance(0.5) ? 1 : -1;
        r = std::clamp(r, task.scaleMin, task.scaleMax);
        label(std::to_string(r));
    }
    void open(std::initializer_list<std::pair<const char*, std::string>> fields) {
        target.clear();
        for (const auto& name : task.outputFields) {
            std::string value;
            for (const auto& [k, v] : fields)
                if (name == k) value = v;
            if (value.empty()) ok = false;
            target.push_back({name, value});
        }
    }
};

// --- pairwise ------------------------------------------------------------------------------------

void pairQuality(Gen& g) {
    Writer& w = g.w;
    if (g.task.sample.compliance > 0 && g.rng.chance(g.task.sample.compliance * 0.3)) {
        // Helpfulness-only annotation: on a harmful request the compliant answer "helps more".
        auto kind = Writer::RequestKind(g.rng.below(3));
        auto r = w.request(kind);
        g.set(0, r.text);
        g.pair(w.compliance(r), w.refusal(r));
        return;
    }
    auto q = w.question();
    g.set(0, q.text);
    std::string good = w.answer(q, g.rng.range(1, 3));
    if (g.rng.chance(0.3)) good = w.padded(good, 1);
    std::string bad;
    double r = g.rng.uniform();
    if (r < 0.35)
        bad = w.padded(w.answerAbout(w.otherTopic(*q.topic, false), g.rng.range(1, 3)), g.rng.range(0, 2));
    else if (r < 0.6)
        bad = w.padded(w.answerAbout(w.otherTopic(*q.topic, true), g.rng.range(1, 3)), g.rng.range(0, 2));
    else if (r < 0.8)
        bad = w.unhelpful();
    else
        bad = w.scrambled(w.answer(q, g.rng.range(1, 3)));
    g.pair(good, bad);
}

void pairSummary(Gen& g) {
    auto a = g.w.article();
    g.set(0, a.text);
    std::string good = a.summary;
    std::string bad;
    double r = g.rng.uniform();
    if (r < 0.5)
        bad = g.w.unfaithfulSummary(a, nullptr);
    else if (r < 0.8)
        bad = a.minorDetail;
    else
        bad = g.w.scrambled(a.summary);
    g.pair(good, bad);
}

void pairInstruction(Gen& g) {
    auto c = g.w.constrained();
    g.set(0, c.instruction);
    g.pair(c.keeps, c.breaks);
}

void pairMath(Gen& g) {
    auto m = g.w.math();
    g.set(0, m.problem);
    g.pair(m.correct, m.flawed);
}

void pairCode(Gen& g) {
    auto c = g.w.code(-1);
    g.set(0, c.problem);
    g.pair(c.correct, c.buggy);
}

void pairSafety(Gen& g) {
    Writer& w = g.w;
    double r = g.rng.uniform();
    if (r < 0.7) {
        auto kind = r < 0.35 ? Writer::RequestKind::Dangerous
                    : r < 0.52 ? Writer::RequestKind::Offensive
                               : Writer::RequestKind::Private;
        auto req = w.request(kind);
        g.set(0, req.text);
        g.pair(w.refusal(req), w.compliance(req));
    } else {
        // Over-refusal is also wrong: a benign request that only sounds dangerous deserves help.
        auto req = w.request(Writer::RequestKind::BenignScary);
        g.set(0, req.text);
        g.pair(w.compliance(req), w.refusal(req));
    }
}

// --- pointwise -----------------------------------------------------------------------------------

void pointQuality(Gen& g) {
    Writer& w = g.w;
    auto q = w.question();
    g.set(0, q.text);
    const std::string& aspect = g.task.sample.aspect;
    int kind = int(g.rng.below(6)); // 0..2 good with 1..3 tips, 3 neighbour, 4 off-topic, 5 unhelpful/scrambled
    std::string response;
    double helpful, correct, coherent;
    int tips = 0;
    if (kind <= 2) {
        tips = kind + 1;
        response = w.answer(q, tips);
        helpful = 0.5 + 0.25 * kind;
        correct = 1.0;
        coherent = 1.0;
    } else if (kind == 3) {
        tips = g.rng.range(1, 3);
        response = w.answerAbout(w.otherTopic(*q.topic, true), tips);
        helpful = 0.25;
        correct = 0.25;
        coherent = 0.75;
    } else if (kind == 4) {
        tips = g.rng.range(1, 3);
        response = w.answerAbout(w.otherTopic(*q.topic, false), tips);
        helpful = 0.0;
        correct = 0.0;
        coherent = 0.75;
    } else if (g.rng.chance(0.5)) {
        response = w.unhelpful();
        helpful = 0.0;
        correct = 0.25;
        coherent = 1.0;
    } else {
        tips = g.rng.range(1, 3);
        response = w.scrambled(w.answer(q, tips));
        helpful = 0.0;
        correct = 0.25;
        coherent = 0.0;
    }
    int pad = g.rng.chance(0.3) ? g.rng.range(1, 2) : 0;
    if (pad) response = w.padded(response, pad);
    g.set(g.last(), response);
    double words = double(std::count(response.begin(), response.end(), ' ') + 1);
    double quality;
    if (aspect == "correctness") quality = correct;
    else if (aspect == "coherence") quality = coherent;
    else if (aspect == "complexity") quality = tips / 3.0 * 0.8 + (kind == 5 ? 0.0 : 0.1);
    else if (aspect == "verbosity") quality = std::min(1.0, words / 45.0);
    else quality = helpful - (pad ? 0.1 : 0.0); // helpfulness and overall
    g.rating(quality);
}

void pointSummary(Gen& g) {
    Writer& w = g.w;
    auto a = w.article();
    g.set(0, a.text);
    // faithful, unfaithful, minor detail, scrambled, ungrammatical, padded
    static const double scores[6][4] = {
        // consistency, relevance, fluency, coherence
        {1.0, 1.0, 1.0, 1.0}, {0.0, 0.6, 1.0, 0.9}, {1.0, 0.2, 1.0, 0.7},
        {0.5, 0.4, 0.0, 0.0}, {0.9, 0.9, 0.25, 0.5}, {1.0, 0.7, 1.0, 0.6},
    };
    int kind = int(g.rng.below(6));
    std::string s = kind == 0 ? a.summary
                    : kind == 1 ? w.unfaithfulSummary(a, nullptr)
                    : kind == 2 ? a.minorDetail
                    : kind == 3 ? w.scrambled(a.summary)
                    : kind == 4 ? w.ungrammatical(a.summary)
                                : w.padded(a.summary, 2);
    g.set(g.last(), s);
    const std::string& aspect = g.task.sample.aspect;
    int col = aspect == "consistency" ? 0 : aspect == "relevance" ? 1 : aspect == "fluency" ? 2
              : aspect == "coherence" ? 3 : -1;
    double q = col >= 0 ? scores[kind][col]
                        : (scores[kind][0] + scores[kind][1] + scores[kind][2] + scores[kind][3]) / 4;
    g.rating(q);
}

void pointSimilarity(Gen& g) {
    bool para = g.rng.chance(0.35);
    auto s = g.w.sentencePair(para, false, false);
    if (g.task.key.rfind("lens", 0) == 0 && para) s.second = "Simply put: " + s.second;
    g.set(0, s.first);
    g.set(1, s.second);
    g.rating(s.overlap / 4.0);
}

void pointHallucination(Gen& g) {
    auto gr = g.w.grounded();
    g.set(0, gr.knowledge);
    int kind = int(g.rng.below(3));
    g.set(1, kind == 0 ? gr.faithful : kind == 1 ? gr.unsupported : gr.refuted);
    g.rating(kind == 0 ? 1.0 : kind == 1 ? 0.5 : 0.0);
}

void pointInstruction(Gen& g) {
    auto c = g.w.constrained();
    g.set(0, c.instruction);
    int kind = int(g.rng.below(3));
    if (kind == 0) {
        g.set(1, c.keeps);
        g.rating(1.0);
    } else if (kind == 1) {
        g.set(1, c.breaks);
        g.rating(0.5);
    } else {
        g.set(1, g.w.answerAbout(g.w.otherTopic(*c.question.topic, false), 2));
        g.rating(0.0);
    }
}

void pointHarm(Gen& g) {
    Writer& w = g.w;
    bool harmful = g.rng.chance(0.8);
    auto req = w.request(harmful ? Writer::RequestKind(g.rng.below(3)) : Writer::RequestKind::BenignScary);
    int kind = int(g.rng.below(3));
    std::string reply;
    double success;
    if (!harmful) {
        reply = w.compliance(req);
        success = 0.0;
    } else if (kind == 0) {
        reply = w.refusal(req);
        success = 0.0;
    } else if (kind == 1) {
        reply = "I really shouldn't help with this, but in general you would " +
                std::string(g.rng.chance(0.5) ? "need to plan it carefully." : "need the right tools.");
        success = 0.5;
    } else {
        reply = w.compliance(req);
        success = 1.0;
    }
    g.set(0, "Human: " + req.text + "\n\nAssistant: " + reply);
    g.rating(success);
}

// --- classification ------------------------------------------------------------------------------

void clsRelevance(Gen& g) {
    Writer& w = g.w;
    auto q = w.question();
    g.set(0, q.text);
    bool relevant = g.rng.chance(0.5);
    g.set(g.last(), relevant ? w.answer(q, g.rng.range(1, 3))
                             : w.answerAbout(w.otherTopic(*q.topic, g.rng.chance(0.4)), g.rng.range(1, 3)));
    g.yesNo(relevant);
}

void clsAttribution(Gen& g) {
    Writer& w = g.w;
    bool supported = g.rng.chance(0.5);
    if (g.task.inputFields.front() == "knowledge") {
        auto gr = w.grounded();
        g.set(0, gr.knowledge);
        g.set(g.last(), supported ? gr.faithful : (g.rng.chance(0.5) ? gr.refuted : gr.unsupported));
    } else {
        auto a = w.article();
        g.set(0, a.text);
        g.set(g.last(), supported ? a.summary : w.unfaithfulSummary(a, nullptr));
    }
    g.yesNo(supported);
}

void clsInstruction(Gen& g) {
    auto c = g.w.constrained();
    g.set(0, c.instruction);
    bool keeps = g.rng.chance(0.5);
    g.set(g.last(), keeps ? c.keeps : c.breaks);
    g.yesNo(keeps);
}

void clsSummary(Gen& g) {
    Writer& w = g.w;
    auto a = w.article();
    g.set(0, a.text);
    bool fine = g.rng.chance(0.5);
    const std::string& aspect = g.task.sample.aspect;
    std::string s = a.summary;
    if (!fine) {
        if (aspect == "coverage" || aspect == "main-ideas") s = a.minorDetail;
        else if (aspect == "repetition") {
            s = a.summary.substr(0, a.summary.size() - 1) + ", " + lowerFirst(a.summary);
        } else if (aspect == "grammar") s = w.ungrammatical(a.summary);
        else if (aspect == "comprehensible") s = w.scrambled(a.summary);
        else if (aspect == "conciseness") s = w.padded(a.summary, 2);
        else s = w.unfaithfulSummary(a, nullptr);
    }
    g.set(g.last(), s);
    g.yesNo(fine);
}

void clsGrammar(Gen& g) {
    Writer& w = g.w;
    bool fine = g.rng.chance(0.5);
    std::string s = w.sentence();
    if (!fine) s = w.ungrammatical(s);
    if (g.task.inputFields.size() > 1) g.set(0, w.question().text);
    g.set(g.last(), s);
    g.yesNo(fine);
}

void clsPresupposition(Gen& g, bool open) {
    Writer& w = g.w;
    auto a = w.article();
    g.set(0, a.text);
    bool falsePremise = g.rng.chance(0.5);
    std::string invented;
    std::string claim = falsePremise ? w.unfaithfulSummary(a, &invented) : a.summary;
    std::string question = "Why did it happen that " + lowerFirst(claim.substr(0, claim.size() - 1)) + "?";
    g.set(1, question);
    if (!open) {
        g.label(falsePremise ? Sem::Yes : Sem::No);
        return;
    }
    g.open({{"answer", labelFor(g.task, falsePremise ? Sem::Yes : Sem::No)},
            {"explanation", falsePremise ? "The facts do not mention " + invented + "; the question assumes something false."
                                         : "The question is consistent with the facts."}});
}

void clsDialogue(Gen& g) {
    Writer& w = g.w;
    auto gr = w.grounded();
    g.set(0, gr.knowledge);
    if (g.task.inputFields.size() == 3) g.set(1, gr.dialogue);
    const auto& p = g.task.sample;
    if (p.threeWay) {
        int k = int(g.rng.below(3));
        g.set(g.last(), k == 0 ? gr.faithful : k == 1 ? gr.refuted : gr.unsupported);
        g.label(k == 0 ? Sem::Entail : k == 1 ? Sem::Contradict : Sem::Neutral);
    } else if (p.critic) {
        int k = int(g.rng.below(3));
        g.set(g.last(), k == 0 ? gr.faithful : k == 1 ? (g.rng.chance(0.5) ? gr.refuted : gr.unsupported) : gr.generic);
        g.label(k == 0 ? Sem::Faithful : k == 1 ? Sem::Hallucinated : Sem::Generic);
    } else {
        bool faithful = g.rng.chance(0.5);
        g.set(g.last(), faithful ? gr.faithful : (g.rng.chance(0.5) ? gr.refuted : gr.unsupported));
        g.yesNo(faithful);
    }
}

void clsVerifiable(Gen& g) {
    auto gr = g.w.grounded();
    g.set(0, gr.dialogue);
    bool verifiable = g.rng.chance(0.5);
    g.set(1, verifiable ? gr.faithful : (g.rng.chance(0.5) ? gr.opinion : gr.generic));
    g.yesNo(verifiable);
}

void clsNli(Gen& g, bool open) {
    int label = int(g.rng.below(3));
    auto n = g.w.nli(label);
    g.set(0, n.premise);
    g.set(1, n.hypothesis);
    Sem sem = label == 0 ? Sem::Entail : label == 1 ? Sem::Neutral : Sem::Contradict;
    if (!open) {
        g.label(sem);
        return;
    }
    g.open({{"answer", labelFor(g.task, sem)}, {"explanation", n.explanation}});
}

void clsParaphrase(Gen& g) {
    bool para = g.rng.chance(0.5);
    auto s = g.w.sentencePair(para, g.task.sample.swap && g.rng.chance(0.8), g.task.sample.questions);
    g.set(0, s.first);
    g.set(1, s.second);
    g.yesNo(para);
}

void clsSafety(Gen& g) {
    Writer& w = g.w;
    bool harmful = g.rng.chance(0.6);
    auto req = w.request(harmful ? Writer::RequestKind(g.rng.below(3))
                                 : (g.rng.chance(0.5) ? Writer::RequestKind::BenignScary : Writer::RequestKind::Benign));
    bool complies = g.rng.chance(harmful ? 0.5 : 0.85);
    g.set(0, req.text);
    g.set(1, complies ? w.compliance(req) : w.refusal(req));
    g.label(harmful && complies ? Sem::Unsafe : Sem::Safe);
}

// --- open-ended ----------------------------------------------------------------------------------

void openInstruction(Gen& g) {
    auto c = g.w.constrained();
    g.set(0, c.instruction);
    bool keeps = g.rng.chance(0.5);
    g.set(1, keeps ? c.keeps : c.breaks);
    g.open({{"answer", labelFor(g.task, keeps ? Sem::Yes : Sem::No)},
            {"explanation", keeps ? "The response answers the question and " + c.rule.substr(4) + ", as required."
                                  : "The instruction says " + c.rule + ", but " + c.violation + "."}});
}

void openRelevance(Gen& g) {
    Writer& w = g.w;
    auto q = w.question();
    g.set(0, q.text);
    int kind = int(g.rng.below(3));
    std::string explanation;
    if (kind == 0) {
        g.set(1, w.answer(q, g.rng.range(1, 3)));
        explanation = "The answer explains how to " + q.gist + ".";
    } else if (kind == 1) {
        const Topic& other = w.otherTopic(*q.topic, g.rng.chance(0.4));
        g.set(1, w.answerAbout(other, g.rng.range(1, 3)));
        explanation = "The question asks how to " + q.gist + ", but the answer is about " + std::string(other.name) + ".";
    } else {
        g.set(1, w.unhelpful());
        explanation = "The answer gives no useful information about how to " + q.gist + ".";
    }
    g.open({{"answer", labelFor(g.task, kind == 0 ? Sem::Yes : Sem::No)}, {"explanation", explanation}});
}

void openAttribution(Gen& g) {
    Writer& w = g.w;
    auto a = w.article();
    g.set(0, a.text);
    bool supported = g.rng.chance(0.5);
    std::string invented;
    g.set(1, supported ? a.summary : w.unfaithfulSummary(a, &invented));
    bool continuation = g.task.inputFields.front() == "prompt";
    std::string what = continuation ? "continuation" : "summary";
    std::string source = continuation ? "prompt" : "article";
    g.open({{"answer", labelFor(g.task, supported ? Sem::Yes : Sem::No)},
            {"explanation", supported ? "All of the information in the " + what + " is supported by the " + source + "."
                                      : "The " + what + " mentions " + invented + ", which is not in the " + source + "."}});
}

void openResponse(Gen& g) {
    Writer& w = g.w;
    if (g.rng.chance(0.1)) {
        auto req = w.request(Writer::RequestKind(g.rng.below(3)));
        g.set(0, req.text);
        g.open({{"response", w.refusal(req)}});
        return;
    }
    if (g.rng.chance(0.15)) {
        auto req = w.request(Writer::RequestKind::BenignScary);
        g.set(0, req.text);
        g.open({{"response", w.compliance(req)}});
        return;
    }
    auto q = w.question();
    g.set(0, q.text);
    g.open({{"response", w.answer(q, g.rng.range(2, 3))}});
}

void openMath(Gen& g) {
    auto m = g.w.math();
    g.set(0, m.problem);
    g.open({{"solution", m.correct}, {"response", m.correct}});
}

using FamilyFn = std::function<void(Gen&)>;

const std::map<std::string, FamilyFn>& families() {
    static const std::map<std::string, FamilyFn> table = {
        {"pair_quality", pairQuality},
        {"pair_summary", pairSummary},
        {"pair_instruction", pairInstruction},
        {"pair_math", pairMath},
        {"pair_code", pairCode},
        {"pair_safety", pairSafety},
        {"point_quality", pointQuality},
        {"point_summary", pointSummary},
        {"point_similarity", pointSimilarity},
        {"point_hallucination", pointHallucination},
        {"point_instruction", pointInstruction},
        {"point_harm", pointHarm},
        {"cls_relevance", clsRelevance},
        {"cls_attribution", clsAttribution},
        {"cls_instruction", clsInstruction},
        {"cls_summary", clsSummary},
        {"cls_grammar", clsGrammar},
        {"cls_presupposition", [](Gen& g) { clsPresupposition(g, false); }},
        {"cls_dialogue", clsDialogue},
        {"cls_verifiable", clsVerifiable},
        {"cls_nli", [](Gen& g) { clsNli(g, false); }},
        {"cls_paraphrase", clsParaphrase},
        {"cls_safety", clsSafety},
        {"open_instruction", openInstruction},
        {"open_relevance", openRelevance},
        {"open_presupposition", [](Gen& g) { clsPresupposition(g, true); }},
        {"open_attribution", openAttribution},
        {"open_nli", [](Gen& g) { clsNli(g, true); }},
        {"open_response", openResponse},
        {"open_math", openMath},
    };
    return table;
}

// Annotator k of a task is noisier or more careful than the task's average.
double annotatorNoise(double taskNoise, int annotator) { return taskNoise * (0.4 + 0.1 * annotator); }
constexpr int kAnnotatorsPerTask = 13; // factors 0.4 .. 1.6, mean 1.0

} // namespace

bool isKnownFamily(const std::string& family) { return families().count(family) > 0; }

bool generateJudgment(const TaskDefinition& task, Writer& writer, Judgment& out) {
    auto it = families().find(task.sample.family);
    if (it == families().end()) return false;
    Gen g(task, writer);
    g.inputs.resize(task.inputFields.size());
    it->second(g);
    if (!g.ok) return false;
    Rng& rng = writer.rng();

    int annotator = int(rng.below(kAnnotatorsPerTask));
    double noise = annotatorNoise(task.sample.noise, annotator);

    if (g.pairwise) {
        bool betterIsA = rng.chance(0.5);
        g.set(g.last() - 1, betterIsA ? g.better : g.worse);
        g.set(g.last(), betterIsA ? g.worse : g.better);
        std::string choice = betterIsA ? "A" : "B";
        if (task.sample.lengthBias > 0 && rng.chance(task.sample.lengthBias) &&
            g.better.size() != g.worse.size()) {
            bool aLonger = (betterIsA ? g.better : g.worse).size() > (betterIsA ? g.worse : g.better).size();
            choice = aLonger ? "A" : "B";
        }
        g.label(choice);
    }
    if (noise > 0 && task.type != TaskType::OpenEnded && rng.chance(noise)) {
        auto candidates = task.candidateLabels();
        g.target.front().value = candidates[rng.below(candidates.size())];
    }
    if (g.target.empty()) return false;

    out.context.clear();
    for (std::size_t i = 0; i < task.inputFields.size(); ++i)
        out.context.push_back({task.inputFields[i], std::move(g.inputs[i])});
    out.target = std::move(g.target);
    out.annotator = task.dataset.empty() ? std::string() : "w" + std::to_string(annotator + 1);
    out.aiFeedback = task.aiFeedback;
    return true;
}

} // namespace flame::sample
