#include "model/agreement.h"

#include <cmath>
#include <limits>
#include <map>

namespace flame {

Agreement computeAgreement(const std::vector<LabelPair>& pairs) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    Agreement a;
    a.items = std::int64_t(pairs.size());
    if (pairs.empty()) {
        a.observed = a.expected = a.kappa = nan;
        return a;
    }
    std::map<std::string, std::int64_t> first, second;
    std::int64_t same = 0;
    for (const auto& p : pairs) {
        ++first[p.first];
        ++second[p.second];
        if (p.first == p.second) ++same;
    }
    const double n = double(pairs.size());
    a.observed = double(same) / n;
    double pe = 0;
    for (const auto& [label, count] : first) {
        auto it = second.find(label);
        if (it != second.end()) pe += (double(count) / n) * (double(it->second) / n);
    }
    a.expected = pe;
    // p_e can only reach 1 when both sides used one single, shared label.
    a.kappa = std::fabs(1.0 - pe) < 1e-12 ? nan : (a.observed - pe) / (1.0 - pe);
    return a;
}

AgreementReport agreementReport(const std::vector<ReviewLabel>& labels) {
    AgreementReport r;
    std::vector<LabelPair> all;
    std::map<std::string, std::vector<LabelPair>> byTask, byReviewer;
    // judgment -> reviewer -> label, for the pairs of reviewers
    std::map<std::int64_t, std::map<std::string, std::string>> byJudgment;
    for (const auto& l : labels) {
        LabelPair p{l.original, l.label};
        all.push_back(p);
        byTask[l.task].push_back(p);
        byReviewer[l.reviewer].push_back(p);
        byJudgment[l.judgmentId][l.reviewer] = l.label;
    }
    r.overall = computeAgreement(all);
    for (const auto& [task, pairs] : byTask)
        r.byTask.push_back({task, computeAgreement(pairs)});
    for (const auto& [reviewer, pairs] : byReviewer)
        r.byReviewer.push_back({reviewer, computeAgreement(pairs)});
    std::map<std::pair<std::string, std::string>, std::vector<LabelPair>> pairsOf;
    for (const auto& [judgment, reviewers] : byJudgment) {
        for (auto a = reviewers.begin(); a != reviewers.end(); ++a) {
            auto b = a;
            for (++b; b != reviewers.end(); ++b)
                pairsOf[{a->first, b->first}].push_back({a->second, b->second});
        }
    }
    for (const auto& [names, pairs] : pairsOf)
        r.betweenReviewers.push_back({names.first + " / " + names.second, computeAgreement(pairs)});
    return r;
}

} // namespace flame
