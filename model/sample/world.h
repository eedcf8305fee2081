#pragma once
// Text builders of the sample corpus: questions and answers, instructions with explicit
// constraints, harmful and benign requests with refusals and compliance, short news articles with
// faithful and unfaithful summaries, arithmetic word problems with correct and flawed solutions,
// and small programs with and without a bug. Each builder draws from one side of the lexicon, so
// the same code writes the training corpus (Train side) and the held-out sets (Eval side).
//
// The rules the labels follow are checkable from the text alone, so a model can learn them:
//  - an answer about the asked topic beats one about another topic or an evasive one;
//  - a response that keeps an explicit constraint beats one that breaks it (even if longer);
//  - on a harmful request a refusal beats compliance; on a benign request that only sounds
//    dangerous, the helpful answer beats a refusal;
//  - a summary whose every name, place and time is in the article is attributable; one that
//    brings in an entity the article does not have is not;
//  - a solution whose every arithmetic step is right and whose answer is its last result beats
//    one with a wrong step; a program whose operator matches the description beats a mutated one.
#include <string>
#include <string_view>
#include <vector>

#include "model/random.h"
#include "model/sample/lexicon.h"

namespace flame::sample {

// "{0}".."{9}" replaced by args.
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);
std::string upperCase(std::string_view text);
std::string capitalizeFirst(std::string text);
std::string lowerFirst(std::string text);

inline constexpr const char* kLanguages[] = {"cpp", "go", "java", "js", "python", "rust"};
inline constexpr int kLanguageCount = 6;

class Writer {
public:
    Writer(Rng& rng, Side side) : m_rng(rng), m_lex(lexicon(side)), m_side(side) {}
    Rng& rng() { return m_rng; }
    const Lexicon& lex() const { return m_lex; }
    Side side() const { return m_side; }

    // --- questions and answers -----------------------------------------------------------
    struct Question {
        std::string text;
        std::string gist; // "take care of a rabbit"
        const Topic* topic = nullptr;
    };
    Question question();
    Question questionAbout(const Topic& topic);
    const Topic& otherTopic(const Topic& topic, bool sameCategory);
    std::string answer(const Question& q, int tips);      // on topic, `tips` pieces of advice
    std::string answerAbout(const Topic& topic, int tips); // as if asked about `topic`
    std::string unhelpful();
    std::string padded(std::string text, int sentences); // adds generic filler sentences
    std::string scrambled(const std::string& text);      // words shuffled: incoherent

    // --- instructions with an explicit constraint ------------------------------------------
    struct Constrained {
        std::string instruction;
        std::string keeps;     // follows the instruction and keeps the constraint
        std::string breaks;    // a fluent, often longer answer that breaks the constraint
        std::string rule;      // the constraint in words, for explanations
        std::string violation; // how `breaks` violates it
        Question question;
    };
    Constrained constrained();

    // --- requests: harmful, offensive, private, benign-but-scary, benign ---------------------
    enum class RequestKind { Dangerous, Offensive, Private, BenignScary, Benign };
    struct Request {
        RequestKind kind;
        std::string text;
        std::string gist;
        bool harmful() const { return kind <= RequestKind::Private; }
        std::string helpful; // the gist of a helpful answer (benign kinds)
    };
    Request request(RequestKind kind);
    std::string refusal(const Request& r);
    std::string compliance(const Request& r);

    // --- articles and summaries --------------------------------------------------------------
    struct Article {
        std::string text;
        std::vector<std::string> facts;  // the article's entities (people, places, times, ...)
        std::string summary;             // faithful one-sentence summary
        std::string minorDetail;         // a faithful sentence about a minor detail only
        std::string person, city;
    };
    Article article();
    // A summary with one entity replaced by one the article does not contain.
    std::string unfaithfulSummary(const Article& a, std::string* invented);

    // --- premise / hypothesis (NLI) ----------------------------------------------------------
    struct Nli {
        std::string premise, hypothesis, explanation;
        int label; // 0 entailment, 1 neutral, 2 contradiction
    };
    Nli nli(int label);

    // --- sentence pairs (paraphrase and similarity) -------------------------------------------
    struct SentencePair {
        std::string first, second;
        int overlap; // shared slots with the same roles, 0..4
        bool paraphrase;
    };
    SentencePair sentencePair(bool paraphrase, bool swapRoles, bool questions);

    // --- knowledge-grounded dialogue -----------------------------------------------------------
    struct Grounded {
        std::string knowledge, dialogue;
        std::string faithful, refuted, unsupported, generic, opinion;
        std::string wrongValue; // what `refuted` gets wrong
    };
    Grounded grounded();

    // --- grammar ---------------------------------------------------------------------------------
    std::string sentence();
    std::string ungrammatical(const std::string& sentence);

    // --- arithmetic word problems --------------------------------------------------------------
    struct MathProblem {
        std::string problem, correct, flawed, flaw;
        int answer = 0;
    };
    MathProblem math();

    // --- code ------------------------------------------------------------------------------------
    struct CodeProblem {
        std::string problem, correct, buggy, language, bug;
    };
    CodeProblem code(int language /* index into kLanguages; -1 for any */);

private:
    std::string tipsFor(const Topic& topic, int n);
    std::string gistOf(const Topic& topic) const;
    std::string name();
    std::string pickOther(const Words& words, std::string_view not1, std::string_view not2 = {});

    Rng& m_rng;
    const Lexicon& m_lex;
    Side m_side;
};

} // namespace flame::sample
