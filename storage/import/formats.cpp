#include "storage/import/formats.h"

#include <deque>
#include <map>
#include <unordered_map>

#include "model/hash.h"
#include "model/rewardbench.h"

namespace flame::import {

bool betterGoesFirst(std::string_view prompt, std::string_view better, std::string_view worse) {
    std::string_view lo = better < worse ? better : worse;
    std::string_view hi = better < worse ? worse : better;
    HashBuilder h;
    h.add(prompt).add(lo).add(hi);
    bool loFirst = (h.finish().low & 1) == 0;
    return loFirst == (lo == better);
}

namespace {

// --- small readers that produce readable reasons -------------------------------------------

struct Fields {
    const json::Value& record;
    std::string error;

    const std::string* string(const char* name, bool required = true) {
        const json::Value* v = record.findNonNull(name);
        if (!v) {
            if (required && error.empty()) error = std::string("missing field '") + name + "'";
            return nullptr;
        }
        if (!v->isString()) {
            if (error.empty()) error = std::string("field '") + name + "' must be a string, not " + json::typeName(v->type());
            return nullptr;
        }
        return &v->asString();
    }
    std::optional<std::int64_t> integer(const char* name, bool required = true) {
        const json::Value* v = record.findNonNull(name);
        if (!v) {
            if (required && error.empty()) error = std::string("missing field '") + name + "'";
            return std::nullopt;
        }
        // pandas may write 1.0 for an integer column
        if (!v->isNumber() || v->asDouble() != double(std::int64_t(v->asDouble()))) {
            if (error.empty()) error = std::string("field '") + name + "' must be an integer";
            return std::nullopt;
        }
        return std::int64_t(v->asDouble());
    }
};

Split splitOf(const FormatContext& ctx, std::optional<Split> fromRecord) {
    if (ctx.split) return *ctx.split;
    return fromRecord.value_or(Split::Train);
}

// A pairwise judgment with deterministic placement. `fields` are the task's input fields; the
// last two receive the responses.
Judgment makePair(const TaskDefinition& task, std::vector<std::string> contextValues, const std::string& better,
                  const std::string& worse) {
    Judgment j;
    j.taskKey = task.key;
    std::string promptKey;
    for (const auto& v : contextValues) promptKey += v + '\x1f';
    bool aFirst = betterGoesFirst(promptKey, better, worse);
    contextValues.push_back(aFirst ? better : worse);
    contextValues.push_back(aFirst ? worse : better);
    for (std::size_t i = 0; i < task.inputFields.size() && i < contextValues.size(); ++i)
        j.context.push_back({task.inputFields[i], contextValues[i]});
    j.target = {{"choice", aFirst ? "A" : "B"}};
    j.aiFeedback = task.aiFeedback;
    return j;
}

class TaskChoice {
public:
    // Resolves --task against the tasks a format may write to; `fallback` when none was given.
    static const TaskDefinition* resolve(const FormatContext& ctx, const std::vector<std::string>& allowed,
                                         const std::string& fallback, std::string* error) {
        std::string key = ctx.task.empty() ? fallback : ctx.task;
        bool ok = false;
        for (const auto& a : allowed) ok |= a == key;
        const TaskDefinition* t = ctx.catalog->find(key);
        if (!ok || !t) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            *error = "--task " + key + " does not fit this format (possible: " + list + ")";
            return nullptr;
        }
        return t;
    }
};

// --- judgments (the native schema) --------------------------------------------------------------

class NativeAdapter : public FormatAdapter {
public:
    explicit NativeAdapter(const FormatContext& ctx) : m_ctx(ctx) {}
    std::string convert(const json::Value& r, Converted& out) override {
        Fields f{r, {}};
        const std::string* task = f.string("task");
        if (!task) return f.error;
        const TaskDefinition* def = m_ctx.catalog->find(*task);
        if (!def) return "unknown task '" + *task + "'";
        if (!m_ctx.task.empty() && m_ctx.task != *task) return {}; // filtered out by --task
        const json::Value* ctxv = r.findNonNull("context");
        const json::Value* tgtv = r.findNonNull("target");
        if (!ctxv) return "missing field 'context'";
        if (!tgtv) return "missing field 'target'";
        std::string why;
        auto context = fieldsFromJson(*ctxv, &why);
        if (!context) return "context: " + why;
        auto target = fieldsFromJson(*tgtv, &why);
        if (!target) return "target: " + why;
        std::optional<Split> split;
        if (const std::string* s = f.string("split", false)) {
            split = parseSplit(*s);
            if (!split) return "split must be train, dev or test";
        }
        if (!f.error.empty()) return f.error;
        Judgment j;
        j.taskKey = *task;
        j.split = splitOf(m_ctx, split);
        j.context = std::move(*context);
        j.target = std::move(*target);
        if (const std::string* a = f.string("annotator", false)) j.annotator = *a;
        if (const std::string* i = f.string("item", false)) j.item = *i;
        if (!f.error.empty()) return f.error;
        j.aiFeedback = def->aiFeedback;
        orderFields(*def, j);
        out.judgments.push_back(std::move(j));
        return {};
    }

private:
    FormatContext m_ctx;
};

// --- Anthropic HH-RLHF --------------------------------------------------------------------------

class HhRlhfAdapter : public FormatAdapter {
public:
    explicit HhRlhfAdapter(const FormatContext& ctx, const TaskDefinition* task) : m_ctx(ctx), m_task(task) {}
    std::string convert(const json::Value& r, Converted& out) override {
        Fields f{r, {}};
        const std::string* chosen = f.string("chosen");
        const std::string* rejected = f.string("rejected");
        if (!chosen || !rejected) return f.error;
        if (*chosen == *rejected) return "chosen and rejected are identical";
        // The longest common prefix, cut back to the last "\n\nAssistant: " inside it
        // (TRL's rule, without its failure when one string is a prefix of the other).
        std::size_t common = 0;
        while (common < chosen->size() && common < rejected->size() && (*chosen)[common] == (*rejected)[common]) ++common;
        static const std::string marker = "\n\nAssistant: ";
        std::size_t cut = std::string::npos;
        if (common >= marker.size()) cut = chosen->rfind(marker, common - marker.size());
        if (cut == std::string::npos) {
            // An empty final reply may end in "\n\nAssistant:" without the space.
            return "no '\\n\\nAssistant: ' turn in the part that chosen and rejected share";
        }
        std::string conversation = chosen->substr(0, cut);
        std::size_t start = conversation.find_first_not_of('\n');
        conversation = start == std::string::npos ? std::string() : conversation.substr(start);
        if (conversation.empty()) return "the conversation before the final reply is empty";
        std::string better = chosen->substr(cut + marker.size());
        std::string worse = rejected->substr(cut + marker.size());
        Judgment j = makePair(*m_task, {conversation}, better, worse);
        j.split = splitOf(m_ctx, std::nullopt);
        out.judgments.push_back(std::move(j));
        return {};
    }

private:
    FormatContext m_ctx;
    const TaskDefinition* m_task;
};

// --- HelpSteer / HelpSteer2 ------------------------------------------------------------------------

class HelpSteerAdapter : public FormatAdapter {
public:
    explicit HelpSteerAdapter(const FormatContext& ctx) : m_ctx(ctx) {}
    std::string convert(const json::Value& r, Converted& out) override {
        Fields f{r, {}};
        if (r.find("response_1") || r.find("preference_strength")) return preference(r, out);
        const std::string* prompt = f.string("prompt");
        const std::string* response = f.string("response");
        if (!prompt || !response) return f.error;
        std::optional<Split> split;
        if (const std::string* s = f.string("split", false)) split = parseSplit(*s);
        static const char* attributes[] = {"helpfulness", "correctness", "coherence", "complexity", "verbosity"};
        int found = 0;
        for (const char* attr : attributes) {
            std::string key = std::string("helpsteer-") + attr;
            if (!m_ctx.task.empty() && m_ctx.task != key) continue;
            const json::Value* v = r.findNonNull(attr);
            if (!v) continue;
            const TaskDefinition* task = m_ctx.catalog->find(key);
            // One value, or one per annotator (HelpSteer2 disagreements file).
            std::vector<std::int64_t> ratings;
            if (v->isArray()) {
                for (const auto& x : v->asArray()) {
                    if (!x.isNumber() || x.asDouble() != double(std::int64_t(x.asDouble())))
                        return std::string("field '") + attr + "' must hold integers";
                    ratings.push_back(std::int64_t(x.asDouble()));
                }
            } else if (v->isNumber() && v->asDouble() == double(std::int64_t(v->asDouble()))) {
                ratings.push_back(std::int64_t(v->asDouble()));
            } else {
                return std::string("field '") + attr + "' must be an integer from 0 to 4";
            }
            for (std::size_t k = 0; k < ratings.size(); ++k) {
                if (ratings[k] < 0 || ratings[k] > 4) return std::string("field '") + attr + "' must be from 0 to 4";
                Judgment j;
                j.taskKey = key;
                j.split = splitOf(m_ctx, split);
                j.context = {{"prompt", *prompt}, {"response", *response}};
                j.target = {{"rating", std::to_string(ratings[k])}};
                if (ratings.size() > 1) j.annotator = "annotator-" + std::to_string(k + 1);
                (void)task;
                out.judgments.push_back(std::move(j));
                ++found;
            }
        }
        if (found == 0 && m_ctx.task.empty()) return "none of the five HelpSteer attributes is present";
        return {};
    }

private:
    std::string preference(const json::Value& r, Converted& out) {
        Fields f{r, {}};
        const std::string* prompt = f.string("prompt");
        const std::string* r1 = f.string("response_1");
        const std::string* r2 = f.string("response_2");
        auto strength = f.integer("preference_strength");
        if (!prompt || !r1 || !r2 || !strength) return f.error;
        if (*strength < -3 || *strength > 3) return "preference_strength must be from -3 to 3";
        if (!m_ctx.task.empty() && m_ctx.task != "helpsteer-pairwise") return {};
        if (*strength == 0) {
            out.unpaired = true; // "about the same": no preference to learn
            return {};
        }
        const TaskDefinition* task = m_ctx.catalog->find("helpsteer-pairwise");
        bool secondBetter = *strength > 0;
        Judgment j = makePair(*task, {*prompt}, secondBetter ? *r2 : *r1, secondBetter ? *r1 : *r2);
        std::optional<Split> split;
        if (const std::string* s = f.string("split", false)) split = parseSplit(*s);
        j.split = splitOf(m_ctx, split);
        out.judgments.push_back(std::move(j));
        return {};
    }
    FormatContext m_ctx;
};

// --- Stanford SHP ---------------------------------------------------------------------------------

class ShpAdapter : public FormatAdapter {
public:
    ShpAdapter(const FormatContext& ctx, const TaskDefinition* task) : m_ctx(ctx), m_task(task) {}
    std::string convert(const json::Value& r, Converted& out) override {
        Fields f{r, {}};
        const std::string* history = f.string("history");
        const std::string* a = f.string("human_ref_A");
        const std::string* b = f.string("human_ref_B");
        auto labels = f.integer("labels");
        if (!history || !a || !b || !labels) return f.error;
        if (*labels != 0 && *labels != 1) return "labels must be 0 or 1";
        bool aBetter = *labels == 1; // 1 = A preferred (SHP card; DeepSpeed-Chat)
        Judgment j = makePair(*m_task, {*history}, aBetter ? *a : *b, aBetter ? *b : *a);
        std::optional<Split> split;
        if (const std::string* d = f.string("domain", false)) {
            auto us = d->rfind('_');
            if (us != std::string::npos) split = parseSplit(d->substr(us + 1));
        }
        j.split = splitOf(m_ctx, split);
        std::string item;
        for (const char* k : {"post_id", "c_root_id_A", "c_root_id_B"})
            if (const std::string* s = f.string(k, false)) item += (item.empty() ? "" : "/") + *s;
        j.item = item;
        out.judgments.push_back(std::move(j));
        return {};
    }

private:
    FormatContext m_ctx;
    const TaskDefinition* m_task;
};

// --- OpenAI summarize-from-feedback comparisons ------------------------------------------------------

class SummarizeAdapter : public FormatAdapter {
public:
    explicit SummarizeAdapter(const FormatContext& ctx) : m_ctx(ctx) {}
    std::string convert(const json::Value& r, Converted& out) override {
        if (r.findNonNull("summary") && !r.findNonNull("summaries"))
            return "an axis (pointwise) record; only comparisons are imported (FLAMe keeps SummFeedback's "
                   "pointwise ratings for evaluation)";
        Fields f{r, {}};
        const json::Value* info = r.findNonNull("info");
        const json::Value* summaries = r.findNonNull("summaries");
        auto choice = f.integer("choice");
        if (!info || !info->isObject()) return "missing object 'info'";
        if (!summaries || !summaries->isArray() || summaries->asArray().size() != 2)
            return "'summaries' must be an array of two objects";
        if (!choice) return f.error;
        if (*choice != 0 && *choice != 1) return "choice must be 0 or 1";
        std::string texts[2];
        for (int i = 0; i < 2; ++i) {
            const json::Value* t = summaries->asArray()[std::size_t(i)].findNonNull("text");
            if (!t || !t->isString()) return "summaries[" + std::to_string(i) + "].text must be a string";
            texts[i] = t->asString();
        }
        Fields fi{*info, {}};
        const std::string* post = fi.string("post", false);
        const std::string* article = fi.string("article", false);
        const std::string* title = fi.string("title", false);
        const std::string* subreddit = fi.string("subreddit", false);
        if (!fi.error.empty()) return "info: " + fi.error;
        std::string key, source;
        if (post) {
            key = "summfeedback-tldr-pairwise";
            if (subreddit) source = "SUBREDDIT: r/" + *subreddit + "\n";
            if (title) source += "TITLE: " + *title + "\n\n";
            source += *post;
        } else if (article) {
            key = "summfeedback-cnndm-pairwise";
            if (title) source = "TITLE: " + *title + "\n\n";
            source += *article;
        } else {
            return "info has neither 'post' nor 'article'";
        }
        if (!m_ctx.task.empty() && m_ctx.task != key) return {};
        const TaskDefinition* task = m_ctx.catalog->find(key);
        Judgment j = makePair(*task, {source}, texts[*choice], texts[1 - *choice]);
        std::optional<Split> split;
        if (const std::string* s = f.string("split", false)) {
            if (*s == "train") split = Split::Train;
            else if (*s == "valid1") split = Split::Dev;
            else if (*s == "valid2" || *s == "test") split = Split::Test;
        }
        j.split = splitOf(m_ctx, split);
        if (const std::string* w = f.string("worker", false)) j.annotator = *w;
        if (const std::string* id = fi.string("id", false)) j.item = *id;
        out.judgments.push_back(std::move(j));
        return {};
    }

private:
    FormatContext m_ctx;
};

// --- OpenAI PRM800K ---------------------------------------------------------------------------------
// The paper's pairs: (human solution vs incorrect model solution) and (correct model solution vs
// incorrect model solution). Pairs across records go through a bounded cache keyed by problem,
// so memory stays independent of the file size.

class Prm800kAdapter : public FormatAdapter {
public:
    Prm800kAdapter(const FormatContext& ctx, const TaskDefinition* task) : m_ctx(ctx), m_task(task) {}
    std::string convert(const json::Value& r, Converted& out) override {
        const json::Value* question = r.findNonNull("question");
        const json::Value* label = r.findNonNull("label");
        if (!question || !question->isObject()) return "missing object 'question'";
        if (!label || !label->isObject()) return "missing object 'label'";
        Fields q{*question, {}};
        const std::string* problem = q.string("problem");
        if (!problem) return "question: " + q.error;
        const json::Value* steps = label->findNonNull("steps");
        if (!steps || !steps->isArray()) return "label.steps must be an array";
        Fields l{*label, {}};
        const std::string* finish = l.string("finish_reason");
        if (!finish) return "label: " + l.error;

        // Trajectory: the chosen completion of each step, or the labeler's own step.
        std::string solution;
        bool error = false;
        for (const auto& step : steps->asArray()) {
            if (!step.isObject()) return "label.steps must hold objects";
            const json::Value* completions = step.findNonNull("completions");
            const json::Value* chosen = step.findNonNull("chosen_completion");
            const json::Value* human = step.findNonNull("human_completion");
            std::string text;
            int rating = 1;
            if (chosen && chosen->isNumber() && completions && completions->isArray()) {
                std::size_t k = std::size_t(chosen->asInt());
                if (k >= completions->asArray().size()) return "chosen_completion is out of range";
                const json::Value& c = completions->asArray()[k];
                const json::Value* t = c.findNonNull("text");
                if (!t || !t->isString()) return "a completion has no text";
                text = t->asString();
                if (const json::Value* rt = c.findNonNull("rating"); rt && rt->isNumber()) rating = int(rt->asInt());
            } else if (human && human->isObject()) {
                const json::Value* t = human->findNonNull("text");
                if (!t || !t->isString()) return "human_completion has no text";
                text = t->asString();
            } else if (completions && completions->isArray() && !completions->asArray().empty()) {
                // Labeling stopped at this step (found_error): the first completion was rated.
                const json::Value& c = completions->asArray()[0];
                const json::Value* t = c.findNonNull("text");
                if (t && t->isString()) text = t->asString();
                if (const json::Value* rt = c.findNonNull("rating"); rt && rt->isNumber()) rating = int(rt->asInt());
            } else {
                continue; // TRL: all three null happens sometimes
            }
            if (!solution.empty()) solution += "\n";
            solution += text;
            if (rating < 0) {
                error = true;
                break;
            }
        }
        if (*finish == "found_error") error = true;
        bool correct = *finish == "solution" && !error;
        if (!correct && !error) {
            out.unpaired = true; // give_up, bad_problem: no verdict on the solution
            return {};
        }
        auto& slot = remember(*problem);
        if (error) {
            const std::string* human = q.string("ground_truth_solution", false);
            if (human) {
                emit(*problem, *human, solution, out);
            } else if (!slot.correct.empty()) {
                emit(*problem, slot.correct, solution, out);
            } else {
                slot.incorrect = solution;
                out.unpaired = true;
            }
        } else {
            if (!slot.incorrect.empty()) {
                emit(*problem, solution, slot.incorrect, out);
            } else {
                slot.correct = solution;
                out.unpaired = true;
            }
        }
        return {};
    }

private:
    struct Slot {
        std::string correct, incorrect;
    };
    Slot& remember(const std::string& problem) {
        auto it = m_cache.find(problem);
        if (it != m_cache.end()) return it->second;
        if (m_order.size() >= kMaxCached) {
            m_cache.erase(m_order.front());
            m_order.pop_front();
        }
        m_order.push_back(problem);
        return m_cache[problem];
    }
    void emit(const std::string& problem, const std::string& better, const std::string& worse, Converted& out) {
        if (better == worse) return;
        Judgment j = makePair(*m_task, {problem}, better, worse);
        j.split = splitOf(m_ctx, std::nullopt);
        out.judgments.push_back(std::move(j));
    }
    static constexpr std::size_t kMaxCached = 20000;
    FormatContext m_ctx;
    const TaskDefinition* m_task;
    std::unordered_map<std::string, Slot> m_cache;
    std::deque<std::string> m_order;
};

// --- RewardBench v1 rows (evaluation set) -----------------------------------------------------------

class RewardBenchAdapter : public FormatAdapter {
public:
    std::string convert(const json::Value& r, Converted& out) override {
        Fields f{r, {}};
        const std::string* prompt = f.string("prompt");
        const std::string* chosen = f.string("chosen");
        const std::string* rejected = f.string("rejected");
        const std::string* subset = f.string("subset");
        if (!prompt || !chosen || !rejected || !subset) return f.error;
        static const char* prior[] = {"anthropic_helpful", "anthropic_hhh", "shp", "summarize", "anthropic_harmless",
                                      "mtbench_gpt4", "mtbench_human"};
        bool known = rewardbench::findSubset(*subset) != nullptr;
        for (const char* p : prior) known |= *subset == p;
        if (!known) return "unknown RewardBench subset '" + *subset + "'";
        sample::EvalExample e;
        e.set = "rewardbench";
        e.subset = *subset;
        e.prompt = *prompt;
        e.chosen = *chosen;
        e.rejected = *rejected;
        if (const std::string* m = f.string("chosen_model", false)) e.chosenModel = *m;
        if (const std::string* m = f.string("rejected_model", false)) e.rejectedModel = *m;
        std::string id;
        if (const json::Value* v = r.findNonNull("id")) id = v->isString() ? v->asString() : json::serialize(*v);
        out.evalExamples.push_back(std::move(e));
        out.evalIds.push_back(id);
        return {};
    }
};

// --- PKU-SafeRLHF pairs and BeaverTails single responses ----------------------------------------------

class BeaverTailsAdapter : public FormatAdapter {
public:
    explicit BeaverTailsAdapter(const FormatContext& ctx) : m_ctx(ctx) {}
    std::string convert(const json::Value& r, Converted& out) override {
        Fields f{r, {}};
        const std::string* prompt = f.string("prompt");
        if (!prompt) return f.error;
        if (r.find("response_0")) {
            const std::string* r0 = f.string("response_0");
            const std::string* r1 = f.string("response_1");
            auto better = f.integer("better_response_id");
            auto safer = f.integer("safer_response_id");
            if (!r0 || !r1 || !better || !safer) return f.error;
            if ((*better != 0 && *better != 1) || (*safer != 0 && *safer != 1)) return "response ids must be 0 or 1";
            if (*r0 == *r1) return "response_0 and response_1 are identical";
            const std::string* resp[2] = {r0, r1};
            for (auto [key, id] : {std::pair<const char*, std::int64_t>{"beavertails-helpfulness", *better},
                                   {"beavertails-harmlessness", *safer}}) {
                if (!m_ctx.task.empty() && m_ctx.task != key) continue;
                Judgment j = makePair(*m_ctx.catalog->find(key), {*prompt}, *resp[id], *resp[1 - id]);
                j.split = splitOf(m_ctx, std::nullopt);
                out.judgments.push_back(std::move(j));
            }
            return {};
        }
        const std::string* response = f.string("response");
        if (!response) return f.error;
        const json::Value* safe = r.findNonNull("is_safe");
        if (!safe || !safe->isBool()) return "field 'is_safe' must be true or false";
        if (!m_ctx.task.empty() && m_ctx.task != "beavertails-qa-classification") return {};
        Judgment j;
        j.taskKey = "beavertails-qa-classification";
        j.split = splitOf(m_ctx, std::nullopt);
        j.context = {{"prompt", *prompt}, {"response", *response}};
        j.target = {{"answer", safe->asBool() ? "safe" : "unsafe"}};
        out.judgments.push_back(std::move(j));
        return {};
    }

private:
    FormatContext m_ctx;
};

// --- UltraFeedback binarized (AI feedback: GPT-4 scores) ----------------------------------------------

class UltraFeedbackAdapter : public FormatAdapter {
public:
    UltraFeedbackAdapter(const FormatContext& ctx, const TaskDefinition* task) : m_ctx(ctx), m_task(task) {}
    bool aiFeedback() const override { return true; }
    std::string convert(const json::Value& r, Converted& out) override {
        Fields f{r, {}};
        const std::string* prompt = f.string("prompt");
        if (!prompt) return f.error;
        std::string replies[2];
        const char* names[2] = {"chosen", "rejected"};
        for (int i = 0; i < 2; ++i) {
            const json::Value* v = r.findNonNull(names[i]);
            if (!v) return std::string("missing field '") + names[i] + "'";
            if (v->isString()) {
                replies[i] = v->asString();
                continue;
            }
            if (!v->isArray() || v->asArray().empty())
                return std::string("field '") + names[i] + "' must be a list of {role, content} messages";
            const json::Value& last = v->asArray().back();
            const json::Value* role = last.findNonNull("role");
            const json::Value* content = last.findNonNull("content");
            if (!role || !role->isString() || !content || !content->isString())
                return std::string("the last message of '") + names[i] + "' needs string 'role' and 'content'";
            if (role->asString() != "assistant")
                return std::string("the last message of '") + names[i] + "' is not the assistant's";
            replies[i] = content->asString();
        }
        if (replies[0] == replies[1]) return "chosen and rejected replies are identical";
        Judgment j = makePair(*m_task, {*prompt}, replies[0], replies[1]);
        j.split = splitOf(m_ctx, std::nullopt);
        j.aiFeedback = true;
        if (const std::string* id = f.string("prompt_id", false)) j.item = *id;
        out.judgments.push_back(std::move(j));
        return {};
    }

private:
    FormatContext m_ctx;
    const TaskDefinition* m_task;
};

} // namespace

std::vector<std::string> formatNames() {
    return {"judgments", "hh-rlhf", "helpsteer", "shp", "summarize-feedback", "prm800k", "rewardbench",
            "beavertails", "ultrafeedback"};
}

std::unique_ptr<FormatAdapter> makeAdapter(const std::string& format, const FormatContext& ctx, std::string* error) {
    auto need = [&](const std::vector<std::string>& allowed, const std::string& fallback) {
        return TaskChoice::resolve(ctx, allowed, fallback, error);
    };
    auto onlyAmong = [&](const std::vector<std::string>& allowed) {
        if (ctx.task.empty()) return true;
        for (const auto& a : allowed)
            if (a == ctx.task) return true;
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        *error = "--task " + ctx.task + " does not fit this format (possible: " + list + ")";
        return false;
    };
    if (format == "judgments") {
        if (!ctx.task.empty() && !ctx.catalog->find(ctx.task)) {
            *error = "unknown task '" + ctx.task + "'";
            return nullptr;
        }
        return std::make_unique<NativeAdapter>(ctx);
    }
    if (format == "hh-rlhf") {
        auto* t = need({"hh-rlhf-helpful-base", "hh-rlhf-helpful-online", "hh-rlhf-helpful-rejection-sampled",
                        "hh-rlhf-harmlessness"},
                       "hh-rlhf-helpful-base");
        return t ? std::make_unique<HhRlhfAdapter>(ctx, t) : nullptr;
    }
    if (format == "helpsteer") {
        if (!onlyAmong({"helpsteer-helpfulness", "helpsteer-correctness", "helpsteer-coherence", "helpsteer-complexity",
                        "helpsteer-verbosity", "helpsteer-pairwise"}))
            return nullptr;
        return std::make_unique<HelpSteerAdapter>(ctx);
    }
    if (format == "shp") {
        auto* t = need({"shp-pairwise"}, "shp-pairwise");
        return t ? std::make_unique<ShpAdapter>(ctx, t) : nullptr;
    }
    if (format == "summarize-feedback") {
        if (!onlyAmong({"summfeedback-tldr-pairwise", "summfeedback-cnndm-pairwise"})) return nullptr;
        return std::make_unique<SummarizeAdapter>(ctx);
    }
    if (format == "prm800k") {
        auto* t = need({"prm800k-pairwise"}, "prm800k-pairwise");
        return t ? std::make_unique<Prm800kAdapter>(ctx, t) : nullptr;
    }
    if (format == "rewardbench") {
        if (!ctx.task.empty()) {
            *error = "--task does not apply to rewardbench (rows go to the evaluation set)";
            return nullptr;
        }
        return std::make_unique<RewardBenchAdapter>();
    }
    if (format == "beavertails") {
        if (!onlyAmong({"beavertails-helpfulness", "beavertails-harmlessness", "beavertails-qa-classification"}))
            return nullptr;
        return std::make_unique<BeaverTailsAdapter>(ctx);
    }
    if (format == "ultrafeedback") {
        auto* t = need({"ultrafeedback-pairwise"}, "ultrafeedback-pairwise");
        return t ? std::make_unique<UltraFeedbackAdapter>(ctx, t) : nullptr;
    }
    std::string list;
    for (const auto& n : formatNames()) list += (list.empty() ? "" : ", ") + n;
    *error = "unknown format '" + format + "' (known: " + list + ")";
    return nullptr;
}

} // namespace flame::import
