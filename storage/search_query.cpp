#include "storage/search_query.h"

#include <algorithm>

namespace flame {

namespace {

bool isWordByte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 0x80;
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

enum class Tok { Phrase, LParen, RParen, And, Or, Not, End };

struct Token {
    Tok kind = Tok::End;
    std::string text; // phrase text as written (without quotes)
    bool prefix = false;
    std::size_t offset = 0;
};

struct Failure {
    SearchError error;
    std::size_t offset;
};

// Splits the input; fails only on an unclosed quote.
bool tokenize(std::string_view in, std::vector<Token>& out, Failure& fail) {
    std::size_t i = 0;
    while (i < in.size()) {
        char c = in[i];
        if (isSpace(c)) {
            ++i;
            continue;
        }
        Token t;
        t.offset = i;
        if (c == '(' || c == ')') {
            t.kind = c == '(' ? Tok::LParen : Tok::RParen;
            ++i;
        } else if (c == '"') {
            ++i;
            bool closed = false;
            while (i < in.size()) {
                if (in[i] == '"') {
                    if (i + 1 < in.size() &&
                        in[i + 1] == '"') { // "" is a literal quote, as in FTS5
                        t.text += '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                t.text += in[i++];
            }
            if (!closed) {
                fail = {SearchError::UnclosedQuote, t.offset};
                return false;
            }
            t.kind = Tok::Phrase;
            if (i < in.size() && in[i] == '*') {
                t.prefix = true;
                while (i < in.size() && in[i] == '*')
                    ++i;
            }
        } else {
            std::size_t start = i;
            while (i < in.size() && !isSpace(in[i]) && in[i] != '(' && in[i] != ')' && in[i] != '"')
                ++i;
            std::string_view word = in.substr(start, i - start);
            if (word == "AND")
                t.kind = Tok::And;
            else if (word == "OR")
                t.kind = Tok::Or;
            else if (word == "NOT")
                t.kind = Tok::Not;
            else {
                t.kind = Tok::Phrase;
                while (!word.empty() && word.back() == '*') {
                    t.prefix = true;
                    word.remove_suffix(1);
                }
                t.text = std::string(word);
            }
        }
        // A phrase without a single word character matches nothing in FTS5 (and an empty
        // phrase ANDed with anything empties the result), so it is left out.
        if (t.kind == Tok::Phrase && searchWords(t.text).empty()) continue;
        out.push_back(std::move(t));
    }
    Token end;
    end.kind = Tok::End;
    end.offset = in.size();
    out.push_back(end);
    return true;
}

class Parser {
public:
    Parser(const std::vector<Token>& tokens, SearchQuery& q) : m_toks(tokens), m_q(q) {}

    bool parse(Failure& fail) {
        if (!orExpr(false, fail)) return false;
        if (peek().kind == Tok::RParen) {
            fail = {SearchError::UnbalancedParen, peek().offset};
            return false;
        }
        if (peek().kind != Tok::End) { // e.g. a trailing operator handled below; defensive
            fail = {SearchError::MissingOperand, peek().offset};
            return false;
        }
        return true;
    }

private:
    const Token& peek() const { return m_toks[m_pos]; }
    const Token& take() { return m_toks[m_pos++]; }

    bool orExpr(bool negated, Failure& fail) {
        if (!andExpr(negated, fail)) return false;
        while (peek().kind == Tok::Or) {
            take();
            m_q.expression += " OR ";
            if (!andExpr(negated, fail)) return false;
        }
        return true;
    }

    bool andExpr(bool negated, Failure& fail) {
        if (!notExpr(negated, fail)) return false;
        for (;;) {
            Tok k = peek().kind;
            if (k == Tok::And) {
                take();
                // "a AND NOT b" is what people write for FTS5's "a NOT b".
                if (peek().kind == Tok::Not) continue;
                m_q.expression += " AND ";
                if (!notExpr(negated, fail)) return false;
            } else if (k == Tok::Phrase || k == Tok::LParen) {
                m_q.expression += " AND ";
                if (!notExpr(negated, fail)) return false;
            } else if (k == Tok::Not) {
                if (!notTail(negated, fail)) return false;
            } else {
                return true;
            }
        }
    }

    bool notTail(bool negated, Failure& fail) {
        while (peek().kind == Tok::Not) {
            take();
            m_q.expression += " NOT ";
            if (!primary(true, fail)) return false;
        }
        return true;
    }

    bool notExpr(bool negated, Failure& fail) {
        if (!primary(negated, fail)) return false;
        return notTail(negated, fail);
    }

    bool primary(bool negated, Failure& fail) {
        const Token& t = peek();
        switch (t.kind) {
        case Tok::Phrase: {
            take();
            m_q.expression += '"';
            for (char c : t.text) {
                if (c == '"') m_q.expression += '"';
                m_q.expression += c;
            }
            m_q.expression += '"';
            if (t.prefix) m_q.expression += " *";
            if (!negated) {
                auto words = searchWords(t.text);
                for (std::size_t i = 0; i < words.size(); ++i)
                    m_q.terms.push_back({words[i], t.prefix && i + 1 == words.size()});
            }
            return true;
        }
        case Tok::LParen: {
            take();
            if (peek().kind == Tok::RParen) {
                fail = {SearchError::MissingOperand, peek().offset};
                return false;
            }
            m_q.expression += '(';
            if (!orExpr(negated, fail)) return false;
            if (peek().kind != Tok::RParen) {
                fail = {SearchError::UnbalancedParen, t.offset};
                return false;
            }
            take();
            m_q.expression += ')';
            return true;
        }
        case Tok::Not:
            fail = {SearchError::LeadingNot, t.offset};
            return false;
        case Tok::RParen:
            fail = {SearchError::UnbalancedParen, t.offset};
            return false;
        case Tok::And:
        case Tok::Or:
        case Tok::End:
            fail = {SearchError::MissingOperand, t.offset};
            return false;
        }
        return false;
    }

    const std::vector<Token>& m_toks;
    SearchQuery& m_q;
    std::size_t m_pos = 0;
};

} // namespace

std::vector<std::string> searchWords(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !isWordByte(static_cast<unsigned char>(text[i])))
            ++i;
        std::size_t start = i;
        while (i < text.size() && isWordByte(static_cast<unsigned char>(text[i])))
            ++i;
        if (i > start) {
            std::string w(text.substr(start, i - start));
            std::transform(w.begin(), w.end(), w.begin(), lower);
            out.push_back(std::move(w));
        }
    }
    return out;
}

SearchQuery parseSearch(std::string_view input) {
    // Control characters (a NUL pasted from a binary, a tab) separate words like a space does:
    // inside a phrase, FTS5 rejects a NUL (found by fuzz_search_query). Offsets are unchanged.
    std::string cleaned(input);
    for (char& c : cleaned)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    const std::string_view text = cleaned;
    SearchQuery q;
    std::vector<Token> tokens;
    Failure fail{SearchError::None, 0};
    if (!tokenize(text, tokens, fail)) {
        q.error = fail.error;
        q.errorOffset = fail.offset;
        return q;
    }
    if (tokens.size() == 1) { // only the end marker
        q.error = SearchError::Empty;
        return q;
    }
    Parser parser(tokens, q);
    if (!parser.parse(fail)) {
        q.error = fail.error;
        q.errorOffset = fail.offset;
        q.expression.clear();
        q.terms.clear();
    }
    return q;
}

const char* describe(SearchError error) {
    switch (error) {
    case SearchError::None:
        return "";
    case SearchError::Empty:
        return "there is nothing to search for";
    case SearchError::UnclosedQuote:
        return "a quotation mark is not closed";
    case SearchError::UnbalancedParen:
        return "the parentheses do not match";
    case SearchError::MissingOperand:
        return "an operator (AND, OR, NOT) or a group has nothing on one side";
    case SearchError::LeadingNot:
        return "NOT needs a word before it, as in: apple NOT pie";
    }
    return "";
}

std::vector<MatchRange> findMatches(std::string_view text, const std::vector<SearchTerm>& terms) {
    std::vector<MatchRange> out;
    if (terms.empty()) return out;
    std::size_t i = 0;
    std::string word;
    while (i < text.size()) {
        while (i < text.size() && !isWordByte(static_cast<unsigned char>(text[i])))
            ++i;
        std::size_t start = i;
        while (i < text.size() && isWordByte(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == start) break;
        word.assign(text.substr(start, i - start));
        std::transform(word.begin(), word.end(), word.begin(), lower);
        for (const auto& t : terms) {
            bool hit = t.prefix ? word.compare(0, t.text.size(), t.text) == 0 : word == t.text;
            if (hit) {
                out.push_back({start, i});
                break;
            }
        }
    }
    return out;
}

} // namespace flame
