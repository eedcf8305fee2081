#pragma once
// Converters from the public datasets' record layouts (shared/reference/dataset-formats.md) to
// judgments of catalog tasks. Each returns a reason when a record is bad; none touches storage.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/json.h"
#include "model/judgment.h"
#include "model/sample/corpus.h"

namespace flame::import {

struct Converted {
    std::vector<Judgment> judgments;
    std::vector<sample::EvalExample> evalExamples;
    std::vector<std::string> evalIds; // external ids of evalExamples
    bool unpaired = false;             // a valid record that yields no pair (e.g. PRM800K give_up)
};

struct FormatContext {
    const Catalog* catalog = nullptr;
    std::string task;           // --task, may be empty
    std::optional<Split> split; // --split
};

class FormatAdapter {
public:
    virtual ~FormatAdapter() = default;
    // Fills `out` from one record; returns "" or the reason the record is bad.
    virtual std::string convert(const json::Value& record, Converted& out) = 0;
    // Whether this format writes AI feedback (UltraFeedback).
    virtual bool aiFeedback() const { return false; }
};

// nullptr with *error set when the format is unknown or --task does not fit it.
std::unique_ptr<FormatAdapter> makeAdapter(const std::string& format, const FormatContext& context,
                                           std::string* error);
std::vector<std::string> formatNames();

// Deterministic A/B placement of a pair from its content: the same two responses land in the
// same slots whichever was listed first. Returns true if `better` goes to A.
bool betterGoesFirst(std::string_view prompt, std::string_view better, std::string_view worse);

} // namespace flame::import
