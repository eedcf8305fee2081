#pragma once
// Reviews of judgments and adjudicated gold labels (DESIGN.md section 3). A review never changes
// the judgment: it is a row of its own (agree | flag | relabel with a new label | note). Undo
// withdraws a review (the row stays, marked withdrawn), so the history is complete. A judgment
// is *disputed* when an active relabel differs from the original label and no gold label was
// chosen yet; adjudication writes the gold label.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/agreement.h"
#include "storage/workspace.h"

namespace flame {

enum class Verdict { Agree, Flag, Relabel, Note };
const char* toString(Verdict verdict); // "agree", "flag", "relabel", "note"
std::optional<Verdict> parseVerdict(std::string_view text);

struct Review {
    std::int64_t id = 0;
    std::int64_t judgmentId = 0;
    std::string reviewer;
    Verdict verdict = Verdict::Agree;
    std::string label; // relabel: the reviewer's label; empty otherwise
    std::string note;
    std::string createdAt;
    bool withdrawn = false;
};

struct GoldLabel {
    std::int64_t judgmentId = 0;
    std::string label, adjudicator, createdAt;
};

// SQL condition on a judgments row aliased `j`: the judgment is disputed (see above).
inline constexpr const char* kDisputedCondition =
    "j.id IN (SELECT r.judgment_id FROM reviews r JOIN judgments jj ON jj.id = r.judgment_id "
    "WHERE r.withdrawn = 0 AND r.verdict = 'relabel' AND r.label <> jj.label) "
    "AND j.id NOT IN (SELECT judgment_id FROM gold_labels)";

class ReviewStore {
public:
    explicit ReviewStore(Workspace& ws) : m_ws(ws) {}

    // Records a review. A relabel needs a label the task allows (pairwise A/B, a rating on the
    // scale, a listed class) that differs from the original; other verdicts take no label. A
    // note needs text.
    Expected<Review> add(std::int64_t judgmentId, const std::string& reviewer, Verdict verdict,
                         const std::string& label = {}, const std::string& note = {});
    // Undo: marks the review withdrawn. Fails (BadInput) if it is unknown or already withdrawn.
    Status withdraw(std::int64_t reviewId);
    Expected<std::vector<Review>> forJudgment(std::int64_t judgmentId,
                                              bool includeWithdrawn = false);

    // Judgments that need adjudication, in id order after `afterId`.
    Expected<std::vector<std::int64_t>> disputed(std::int64_t afterId = 0, int limit = 1000);
    // Chooses the gold label (replaces an earlier choice). The label must be allowed by the task.
    Status adjudicate(std::int64_t judgmentId, const std::string& label,
                      const std::string& adjudicator);
    Status clearGold(std::int64_t judgmentId);
    Expected<std::optional<GoldLabel>> gold(std::int64_t judgmentId);

    // Every active labelled review (agree or relabel), the latest per reviewer and judgment, with
    // the original label: the input of agreementReport().
    Expected<std::vector<ReviewLabel>> labelledReviews();

    // JSON Lines exports; return the number of lines. Written beside `path` and renamed into
    // place, so a failure leaves no half-written file.
    Expected<std::int64_t> exportReviews(const std::string& path, bool includeWithdrawn = false);
    Expected<std::int64_t> exportGold(const std::string& path);

private:
    Expected<std::string> originalLabel(std::int64_t judgmentId, const TaskDefinition** task);
    Workspace& m_ws;
};

// Why `label` is not a valid label of `task` ("" if it is).
std::string checkLabel(const TaskDefinition& task, const std::string& label);

} // namespace flame
