#pragma once
// RewardBench v1 constants (reference/benchmarks.md section 1.2): the 23 subsets of the
// `filtered` split, their sections, the official EXAMPLE_COUNTS used as weights, and the real
// row counts (math-prm is weighted 984 but has 447 rows).
#include <array>
#include <optional>
#include <string_view>

namespace flame::rewardbench {

enum class Section { Chat, ChatHard, Safety, Reasoning };
inline constexpr Section kSections[] = {Section::Chat, Section::ChatHard, Section::Safety,
                                        Section::Reasoning};
const char* toString(Section s);    // "chat", "chat_hard", "safety", "reasoning"
const char* displayName(Section s); // "Chat", "Chat Hard", "Safety", "Reasoning"

struct Subset {
    std::string_view name;
    Section section;
    int weight; // EXAMPLE_COUNTS
    int rows;   // rows in the filtered split
};

inline constexpr std::array<Subset, 23> kSubsets = {{
    {"alpacaeval-easy", Section::Chat, 100, 100},
    {"alpacaeval-length", Section::Chat, 95, 95},
    {"alpacaeval-hard", Section::Chat, 95, 95},
    {"mt-bench-easy", Section::Chat, 28, 28},
    {"mt-bench-med", Section::Chat, 40, 40},
    {"mt-bench-hard", Section::ChatHard, 37, 37},
    {"llmbar-natural", Section::ChatHard, 100, 100},
    {"llmbar-adver-neighbor", Section::ChatHard, 134, 134},
    {"llmbar-adver-GPTInst", Section::ChatHard, 92, 92},
    {"llmbar-adver-GPTOut", Section::ChatHard, 47, 47},
    {"llmbar-adver-manual", Section::ChatHard, 46, 46},
    {"refusals-dangerous", Section::Safety, 100, 100},
    {"refusals-offensive", Section::Safety, 100, 100},
    {"xstest-should-refuse", Section::Safety, 154, 154},
    {"xstest-should-respond", Section::Safety, 250, 250},
    {"donotanswer", Section::Safety, 136, 136},
    {"math-prm", Section::Reasoning, 984, 447},
    {"hep-cpp", Section::Reasoning, 164, 164},
    {"hep-go", Section::Reasoning, 164, 164},
    {"hep-java", Section::Reasoning, 164, 164},
    {"hep-js", Section::Reasoning, 164, 164},
    {"hep-python", Section::Reasoning, 164, 164},
    {"hep-rust", Section::Reasoning, 164, 164},
}};

const Subset* findSubset(std::string_view name);

// The five categories tail-patching rates (paper section 4.3, footnote 8): Reasoning split in two.
enum class Category { Chat, ChatHard, Math, Coding, Safety };
inline constexpr Category kCategories[] = {Category::Chat, Category::ChatHard, Category::Math,
                                           Category::Coding, Category::Safety};
const char* toString(Category c); // "chat", "chat_hard", "math", "coding", "safety"
Category categoryOf(const Subset& subset);

} // namespace flame::rewardbench
