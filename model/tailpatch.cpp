#include "model/tailpatch.h"

#include <algorithm>

namespace flame::tailpatch {

int rate(const Measurement& m, const RatingRules& rules) {
    const double d = m.delta();
    if (d <= -rules.harm) return -1;
    if (d >= rules.strong) {
        const bool stable = !m.mid || (*m.mid - m.base) >= rules.weak;
        return stable ? 2 : 1;
    }
    if (d >= rules.weak) return 1;
    return 0;
}

int TaskEffect::total() const {
    int t = 0;
    for (int r : ratings) t += r;
    return t;
}

void rateAll(std::vector<TaskEffect>& effects, const RatingRules& rules) {
    for (auto& e : effects)
        for (std::size_t c = 0; c < kCategoryCount; ++c) e.ratings[c] = rate(e.measurements[c], rules);
}

const char* toString(TauMode mode) { return mode == TauMode::Paper ? "paper" : "relative"; }

std::optional<TauMode> parseTauMode(std::string_view text) {
    if (text == "paper") return TauMode::Paper;
    if (text == "relative") return TauMode::Relative;
    return std::nullopt;
}

std::vector<std::string> Plan::bundlesOf(const std::string& key) const {
    std::vector<std::string> out;
    auto has = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), key) != v.end(); };
    if (has(general)) out.push_back("general");
    for (Category c : rewardbench::kCategories)
        if (has(specific[index(c)])) out.push_back(rewardbench::toString(c));
    for (Category c : rewardbench::kCategories)
        if (has(top[index(c)])) out.push_back(std::string("top:") + rewardbench::toString(c));
    if (has(others)) out.push_back("others");
    return out;
}

Plan planMixture(std::vector<TaskEffect> effects, const RatingRules& ratingRules, const BundleRules& bundleRules,
                 const Weights& weights) {
    Plan plan;
    rateAll(effects, ratingRules);
    plan.effects = std::move(effects);
    for (const auto& e : plan.effects) {
        bool any = false;
        if (e.total() >= bundleRules.generalMinTotal) {
            plan.general.push_back(e.key);
            any = true;
        }
        for (Category c : rewardbench::kCategories) {
            const std::size_t i = index(c);
            const Measurement& m = e.measurements[i];
            bool in = bundleRules.tauMode == TauMode::Paper ? (m.patched >= bundleRules.tau[i] && m.patched > m.base)
                                                            : e.ratings[i] == 2;
            if (in) {
                plan.specific[i].push_back(e.key);
                any = true;
            }
        }
        if (!any) plan.others.push_back(e.key);
    }
    // The top tasks of each weak category: the largest gains inside that category's bundle; ties
    // go to the earlier task so the plan is deterministic.
    for (Category c : weights.weakCategories) {
        const std::size_t i = index(c);
        std::vector<const TaskEffect*> helpful;
        for (const auto& e : plan.effects)
            if (std::find(plan.specific[i].begin(), plan.specific[i].end(), e.key) != plan.specific[i].end())
                helpful.push_back(&e);
        std::stable_sort(helpful.begin(), helpful.end(), [i](const TaskEffect* a, const TaskEffect* b) {
            return a->measurements[i].delta() > b->measurements[i].delta();
        });
        for (int k = 0; k < weights.topCount && k < int(helpful.size()); ++k) plan.top[i].push_back(helpful[k]->key);
    }
    for (const auto& e : plan.effects) {
        auto has = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), e.key) != v.end(); };
        double w = 0;
        bool isTop = false;
        for (std::size_t i = 0; i < kCategoryCount; ++i) isTop = isTop || has(plan.top[i]);
        if (isTop) {
            w = weights.topSpecific; // fixed, not summed (paper: "get a fixed w_top_specific")
        } else {
            if (has(plan.general)) w += weights.general;
            for (std::size_t i = 0; i < kCategoryCount; ++i)
                if (has(plan.specific[i])) w += weights.specific;
            if (w == 0) w = weights.others;
        }
        plan.weights[e.key] = w * weights.scale;
    }
    return plan;
}

std::vector<PatchGroup> groupTasks(const std::vector<const TaskDefinition*>& tasks, int maxGroupSize) {
    std::vector<PatchGroup> groups;
    if (maxGroupSize < 1) maxGroupSize = 1;
    // Keep the catalog's order inside a group and the order of first appearance across groups.
    std::vector<std::pair<std::string, std::vector<std::string>>> byKind;
    for (const TaskDefinition* t : tasks) {
        std::string kind = std::string(toString(t->capability)) + "/" + toString(t->type);
        auto it = std::find_if(byKind.begin(), byKind.end(), [&](const auto& p) { return p.first == kind; });
        if (it == byKind.end()) {
            byKind.push_back({kind, {}});
            it = byKind.end() - 1;
        }
        it->second.push_back(t->key);
    }
    for (const auto& [kind, keys] : byKind) {
        const std::size_t n = keys.size();
        const std::size_t chunks = (n + std::size_t(maxGroupSize) - 1) / std::size_t(maxGroupSize);
        for (std::size_t c = 0; c < chunks; ++c) {
            PatchGroup g;
            g.name = chunks > 1 ? kind + "#" + std::to_string(c + 1) : kind;
            // Spread members evenly over the chunks instead of a small last chunk.
            for (std::size_t k = c; k < n; k += chunks) g.keys.push_back(keys[k]);
            groups.push_back(std::move(g));
        }
    }
    return groups;
}

} // namespace flame::tailpatch
