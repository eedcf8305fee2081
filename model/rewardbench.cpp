#include "model/rewardbench.h"

namespace flame::rewardbench {

const char* toString(Section s) {
    switch (s) {
    case Section::Chat: return "chat";
    case Section::ChatHard: return "chat_hard";
    case Section::Safety: return "safety";
    case Section::Reasoning: return "reasoning";
    }
    return "?";
}

const char* displayName(Section s) {
    switch (s) {
    case Section::Chat: return "Chat";
    case Section::ChatHard: return "Chat Hard";
    case Section::Safety: return "Safety";
    case Section::Reasoning: return "Reasoning";
    }
    return "?";
}

const Subset* findSubset(std::string_view name) {
    for (const auto& s : kSubsets)
        if (s.name == name) return &s;
    return nullptr;
}

const char* toString(Category c) {
    switch (c) {
    case Category::Chat: return "chat";
    case Category::ChatHard: return "chat_hard";
    case Category::Math: return "math";
    case Category::Coding: return "coding";
    case Category::Safety: return "safety";
    }
    return "?";
}

Category categoryOf(const Subset& subset) {
    switch (subset.section) {
    case Section::Chat: return Category::Chat;
    case Section::ChatHard: return Category::ChatHard;
    case Section::Safety: return Category::Safety;
    case Section::Reasoning: return subset.name == "math-prm" ? Category::Math : Category::Coding;
    }
    return Category::Chat;
}

} // namespace flame::rewardbench
