#pragma once
// Word-level difference of two texts, for the review view's side-by-side responses and the
// instruction history. Words are compared, white space is kept for display but never counted
// as a change, so re-wrapped text does not light up.
//
// Algorithm: common prefix and suffix are trimmed, then the longest common subsequence of the
// remaining words (dynamic programming). Above kMaxCells cells (very long, very different texts)
// the middle is reported as one replaced block rather than spending seconds on it.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace flame {

enum class DiffOp { Equal, Removed, Added };

struct DiffPiece {
    DiffOp op = DiffOp::Equal;
    std::string text; // words with the white space in front of each
};

// The edit from `a` to `b`, in order: Equal pieces belong to both, Removed to `a`, Added to `b`.
// Concatenating the Equal and Removed pieces gives `a` exactly; Equal and Added pieces give `b`
// up to the white space in front of equal words (sideBySide() keeps each side's own spacing).
std::vector<DiffPiece> diffWords(std::string_view a, std::string_view b);

struct SidePiece {
    std::string text;
    bool changed = false;
};
struct SideBySide {
    std::vector<SidePiece> left, right; // concatenated: exactly `a` and `b`
    std::size_t changedWords = 0;       // words removed plus words added
};
SideBySide sideBySide(std::string_view a, std::string_view b);

inline constexpr std::size_t kMaxDiffCells = 4'000'000;

} // namespace flame
