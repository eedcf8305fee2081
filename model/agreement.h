#pragma once
// Agreement between two label sources: the share of items where they agree and Cohen's kappa,
// kappa = (p_o - p_e) / (1 - p_e), where p_o is the observed share of agreement and p_e the
// agreement expected by chance from each source's label frequencies (Cohen 1960). Kappa is
// undefined (NaN) when p_e = 1 (both sources always give one and the same label) or with no
// items; callers show it as "n/a".
#include <cstdint>
#include <string>
#include <vector>

namespace flame {

struct LabelPair {
    std::string first, second;
};

struct Agreement {
    std::int64_t items = 0;
    double observed = 0; // p_o, NaN without items
    double expected = 0; // p_e, NaN without items
    double kappa = 0;    // NaN when undefined
};

Agreement computeAgreement(const std::vector<LabelPair>& pairs);

// One reviewer's label of one judgment next to the original annotator's label.
struct ReviewLabel {
    std::string task;
    std::string reviewer;
    std::int64_t judgmentId = 0;
    std::string original;
    std::string label;
};

struct AgreementRow {
    std::string group; // task key, reviewer, or "reviewer1 / reviewer2"
    Agreement agreement;
};

struct AgreementReport {
    Agreement overall;                          // every reviewer label against the original
    std::vector<AgreementRow> byTask;           // reviewer labels against the original, per task
    std::vector<AgreementRow> byReviewer;       // per reviewer against the original
    std::vector<AgreementRow> betweenReviewers; // per pair of reviewers, on judgments both labelled
};

// Groups are sorted by name. Expects at most one label per (reviewer, judgment): the latest.
AgreementReport agreementReport(const std::vector<ReviewLabel>& labels);

} // namespace flame
