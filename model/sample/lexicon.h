#pragma once
// Word pools of the sample corpus, split into two disjoint sides: the training corpus draws only
// from the Train side, the held-out evaluation and bias sets only from the Eval side, so no
// name, place, object or sentence frame of an evaluation example was seen in training. What is
// shared is the concept vocabulary the rules are about (operator words, harm verbs, refusal
// wording is not shared: each side has its own phrasings).
#include <string_view>
#include <vector>

namespace flame::sample {

enum class Side { Train, Eval };

using Words = std::vector<std::string_view>;

// A topic people ask about, with the category that decides which advice fits it.
struct Topic {
    std::string_view name;
    int category; // index into Lexicon::topicCategories
};

struct TopicCategory {
    std::string_view verb;       // "take care of", "cook", ...
    Words tips;                  // advice that fits every topic of the category
};

// A harmful request: a verb phrase whose object makes it harmful.
struct HarmAction {
    std::string_view verb;   // "poison"
    std::string_view object; // "my neighbour's dog"
};

// A request that sounds dangerous but is benign (XSTest "should respond").
struct BenignScary {
    std::string_view verb;   // "kill"
    std::string_view object; // "a frozen Python process"
    std::string_view answer; // the helpful answer's gist
};

// A function specification for the coding families.
struct CodeOp {
    std::string_view word;     // what the description names: "sum", "larger"
    int kind;                  // see code generation
};

struct Lexicon {
    Words people, cities, months, shops, goods, jobs, pets, places, features, objects, skills,
        groups, adjectives, filler, systems;
    std::vector<Topic> topics;
    std::vector<TopicCategory> topicCategories;
    std::vector<HarmAction> harmful, offensive, privacy;
    std::vector<BenignScary> benignScary;
    Words functionNames;
    // Sentence frames, per side.
    Words questionFrames;   // "{0}" = verb phrase + topic: "How do I {0}?"
    Words answerFrames;     // "{0}" = verb phrase + topic, "{1}" tips
    Words harmfulFrames;    // "{0}" harmful verb phrase
    Words refusals;         // complete refusal sentences; "{0}" = the request gist
    Words complianceFrames; // "{0}" verb phrase, "{1}" steps
    Words unhelpful;        // evasive non-answers
    Words codeFrames;       // "{0}" function name, "{1}" operation description
    Words mathItems;        // countable nouns for word problems
    Words constraintStarts, constraintEnds;
};

const Lexicon& lexicon(Side side);

} // namespace flame::sample
