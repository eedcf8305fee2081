#include "model/worddiff.h"

#include <algorithm>
#include <cstdint>

namespace flame {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// A word with the white space in front of it.
struct Word {
    std::string_view space, word;
};

std::vector<Word> split(std::string_view s) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t spaceStart = i;
        while (i < s.size() && isSpace(s[i]))
            ++i;
        std::size_t wordStart = i;
        // A word is a run of letters/digits (any non-ASCII byte counts), or one punctuation mark,
        // so "good," and "good" differ only in the comma.
        auto wordByte = [](unsigned char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   c == '_' || c >= 0x80;
        };
        if (i < s.size()) {
            if (wordByte(static_cast<unsigned char>(s[i])))
                while (i < s.size() && wordByte(static_cast<unsigned char>(s[i])))
                    ++i;
            else
                ++i;
        }
        out.push_back(
            {s.substr(spaceStart, wordStart - spaceStart), s.substr(wordStart, i - wordStart)});
    }
    return out;
}

// A word travels with the white space in front of it, so a removed or added phrase is shown
// as one piece and Equal + Removed pieces spell `a` exactly.
void emit(std::vector<DiffPiece>& out, DiffOp op, const Word& w) {
    if (w.space.empty() && w.word.empty()) return;
    if (!out.empty() && out.back().op == op) {
        out.back().text += w.space;
        out.back().text += w.word;
    } else {
        out.push_back({op, std::string(w.space) + std::string(w.word)});
    }
}

} // namespace

std::vector<DiffPiece> diffWords(std::string_view a, std::string_view b) {
    const std::vector<Word> wa = split(a), wb = split(b);
    std::vector<DiffPiece> out;
    std::size_t pre = 0;
    while (pre < wa.size() && pre < wb.size() && wa[pre].word == wb[pre].word)
        ++pre;
    std::size_t suf = 0;
    while (suf < wa.size() - pre && suf < wb.size() - pre &&
           wa[wa.size() - 1 - suf].word == wb[wb.size() - 1 - suf].word)
        ++suf;
    // White space belongs to `a` in equal runs (its spacing is what an Equal piece shows); the
    // spacing of `b` differs only in white space, which is not a change.
    for (std::size_t i = 0; i < pre; ++i)
        emit(out, DiffOp::Equal, wa[i]);
    const std::size_t n = wa.size() - pre - suf, m = wb.size() - pre - suf;
    auto A = [&](std::size_t i) -> const Word& { return wa[pre + i]; };
    auto B = [&](std::size_t j) -> const Word& { return wb[pre + j]; };
    if (n > 0 && m > 0 && (n + 1) * (m + 1) <= kMaxDiffCells) {
        // lcs[i][j] = LCS length of A[i..] and B[j..]
        std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
            return lcs[i * (m + 1) + j];
        };
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                at(i, j) = A(i).word == B(j).word ? at(i + 1, j + 1) + 1
                                                  : std::max(at(i + 1, j), at(i, j + 1));
        std::size_t i = 0, j = 0;
        while (i < n && j < m) {
            if (A(i).word == B(j).word) {
                emit(out, DiffOp::Equal, A(i));
                ++i;
                ++j;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                emit(out, DiffOp::Removed, A(i++));
            } else {
                emit(out, DiffOp::Added, B(j++));
            }
        }
        while (i < n)
            emit(out, DiffOp::Removed, A(i++));
        while (j < m)
            emit(out, DiffOp::Added, B(j++));
    } else {
        for (std::size_t i = 0; i < n; ++i)
            emit(out, DiffOp::Removed, A(i));
        for (std::size_t j = 0; j < m; ++j)
            emit(out, DiffOp::Added, B(j));
    }
    for (std::size_t i = wa.size() - suf; i < wa.size(); ++i)
        emit(out, DiffOp::Equal, wa[i]);
    return out;
}

SideBySide sideBySide(std::string_view a, std::string_view b) {
    // Walks both texts in parallel with the diff, so each side keeps its own white space.
    const std::vector<Word> wa = split(a), wb = split(b);
    const auto pieces = diffWords(a, b);
    SideBySide r;
    std::size_t ia = 0, ib = 0;
    auto push = [](std::vector<SidePiece>& side, const Word& w, bool changed) {
        if (!w.space.empty()) {
            if (!side.empty() && !side.back().changed)
                side.back().text += w.space;
            else
                side.push_back({std::string(w.space), false});
        }
        if (w.word.empty()) return;
        if (!side.empty() && side.back().changed == changed)
            side.back().text += w.word;
        else
            side.push_back({std::string(w.word), changed});
    };
    // Replays the operations word by word (pieces merge words, so count words per piece).
    for (const auto& p : pieces) {
        const auto words = split(p.text);
        for (const auto& w : words) {
            if (w.word.empty()) continue; // white space only
            switch (p.op) {
            case DiffOp::Equal:
                push(r.left, wa[ia++], false);
                push(r.right, wb[ib++], false);
                break;
            case DiffOp::Removed:
                push(r.left, wa[ia++], true);
                ++r.changedWords;
                break;
            case DiffOp::Added:
                push(r.right, wb[ib++], true);
                ++r.changedWords;
                break;
            }
        }
    }
    // Trailing white space (a word entry with an empty word).
    while (ia < wa.size())
        push(r.left, wa[ia++], false);
    while (ib < wb.size())
        push(r.right, wb[ib++], false);
    return r;
}

} // namespace flame
