#pragma once
// The browser's full-text search language, checked and rewritten into a safe FTS5 expression.
//
// Why our own parser: FTS5 rejects many things people type (an apostrophe, a hyphen, a colon,
// a leading NOT) with "fts5: syntax error near ...", and a curator should get an inline hint
// instead of an SQL error. The language is a small, forgiving subset of FTS5:
//
//   word            every word is searched as typed (quoted for FTS5, so "don't" and "a-b" work)
//   "a phrase"      words next to each other
//   word*  "ph"*    prefix search
//   a b             both (implicit AND);  a AND b,  a OR b,  a NOT b  (upper-case operators)
//   ( ... )         grouping
//
// Words without a letter or digit (a lone "-") are dropped; they would match nothing.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace flame {

enum class SearchError {
    None,
    Empty,           // nothing to search for (blank, or only punctuation)
    UnclosedQuote,   // a '"' without its closing '"'
    UnbalancedParen, // ')' without '(' or '(' without ')'
    MissingOperand,  // an operator at the start or end, two operators in a row, "( )"
    LeadingNot,      // "NOT a": FTS5's NOT needs a left side ("a NOT b")
};

struct SearchTerm {
    std::string text; // lower-cased word
    bool prefix = false;
};

struct SearchQuery {
    SearchError error = SearchError::None;
    std::size_t errorOffset = 0; // byte offset into the input where the problem was seen
    std::string expression;      // FTS5 MATCH expression (valid only when ok())
    // Words to highlight in results: every word of every phrase that is not negated.
    std::vector<SearchTerm> terms;
    bool ok() const { return error == SearchError::None; }
};

SearchQuery parseSearch(std::string_view text);

// An English description of the error (the GUI shows its own translated text).
const char* describe(SearchError error);

// Splits `text` into lower-cased words the way the highlighter matches them: runs of letters,
// digits, '_' and any non-ASCII byte (close to FTS5's unicode61 tokenizer for display purposes).
std::vector<std::string> searchWords(std::string_view text);

// Byte ranges [begin, end) of `text` that match one of `terms` (whole words, or word prefixes
// for prefix terms), case-insensitive for ASCII, in order and not overlapping.
struct MatchRange {
    std::size_t begin = 0, end = 0;
};
std::vector<MatchRange> findMatches(std::string_view text, const std::vector<SearchTerm>& terms);

} // namespace flame
