#include "app/cli/score_output.h"

#include <cstdio>

#include "model/rewardbench.h"

namespace flame::cli {

void printScoresTable(const std::vector<std::pair<std::string, const rewardbench::Scores*>>& columns) {
    std::printf("%-24s", "subset");
    for (const auto& [name, s] : columns) std::printf(" %14s", name.c_str());
    std::printf("\n");
    for (const auto& subset : rewardbench::kSubsets) {
        const std::string name(subset.name);
        if (!columns.front().second->subsets.count(name)) continue;
        std::printf("%-24s", name.c_str());
        for (const auto& [n, s] : columns) std::printf(" %14.3f", s->subsets.at(name));
        std::printf("\n");
    }
    for (rewardbench::Section sec : rewardbench::kSections) {
        std::printf("%-24s", (std::string("[") + rewardbench::displayName(sec) + "]").c_str());
        for (const auto& [n, s] : columns) std::printf(" %14.3f", s->section(sec));
        std::printf("\n");
    }
    std::printf("%-24s", "SCORE (4-section mean)");
    for (const auto& [n, s] : columns) std::printf(" %14.3f", s->score);
    std::printf("\n");
}

json::Value scoresJson(const rewardbench::Scores& s) {
    json::ParseError perr;
    return *json::parse(rewardbench::scoresToJson(s), &perr);
}

json::Value lengthSplitJson(const rewardbench::LengthSplits& splits) {
    auto acc = [](const rewardbench::SubsetTally& t) { return t.count ? json::Value(t.accuracy()) : json::Value(); };
    json::Object o;
    for (rewardbench::Section sec : rewardbench::kSections) {
        const auto& s = splits[std::size_t(sec)];
        json::Object x;
        x.emplace_back("chosen_longer", acc(s.chosenLonger));
        x.emplace_back("chosen_longer_pairs", json::Value(s.chosenLonger.count));
        x.emplace_back("chosen_shorter", acc(s.chosenShorter));
        x.emplace_back("chosen_shorter_pairs", json::Value(s.chosenShorter.count));
        const auto c = s.controlled();
        x.emplace_back("controlled", c ? json::Value(*c) : json::Value());
        o.emplace_back(rewardbench::toString(sec), json::Value(std::move(x)));
    }
    return json::Value(std::move(o));
}

void printLengthSplit(const rewardbench::LengthSplits& splits) {
    std::printf("\nlength split of the model's results (pairs whose chosen response is longer | shorter):\n");
    std::printf("%-24s %22s %22s %12s\n", "section", "chosen longer", "chosen shorter", "controlled");
    auto cell = [](const rewardbench::SubsetTally& t) {
        char buf[48];
        if (t.count) std::snprintf(buf, sizeof buf, "%.3f (%lld)", t.accuracy(), (long long)t.count);
        else std::snprintf(buf, sizeof buf, "- (0)");
        return std::string(buf);
    };
    for (rewardbench::Section sec : rewardbench::kSections) {
        const auto& s = splits[std::size_t(sec)];
        const auto c = s.controlled();
        char controlled[16] = "-";
        if (c) std::snprintf(controlled, sizeof controlled, "%.3f", *c);
        std::printf("%-24s %22s %22s %12s\n", (std::string("[") + rewardbench::displayName(sec) + "]").c_str(),
                    cell(s.chosenLonger).c_str(), cell(s.chosenShorter).c_str(), controlled);
    }
}

} // namespace flame::cli
