#include "model/judgment.h"

namespace flame {

const char* toString(Split split) {
    switch (split) {
    case Split::Train: return "train";
    case Split::Dev: return "dev";
    case Split::Test: return "test";
    }
    return "?";
}

std::optional<Split> parseSplit(std::string_view text) {
    if (text == "train") return Split::Train;
    if (text == "dev" || text == "validation") return Split::Dev;
    if (text == "test") return Split::Test;
    return std::nullopt;
}

Hash128 Judgment::contentHash() const {
    HashBuilder h;
    h.add(taskKey);
    for (const auto& f : context) h.add(f.name).add(f.value);
    h.add("\x01");
    for (const auto& f : target) h.add(f.name).add(f.value);
    h.add(annotator);
    h.add(item);
    return h.finish();
}

std::string fieldsToJson(const Fields& fields) {
    std::string out;
    out += '{';
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        json::appendQuoted(out, fields[i].name);
        out += ':';
        json::appendQuoted(out, fields[i].value);
    }
    out += '}';
    return out;
}

std::optional<Fields> fieldsFromJson(const json::Value& object, std::string* error) {
    if (!object.isObject()) {
        if (error) *error = "expected an object of fields";
        return std::nullopt;
    }
    Fields out;
    out.reserve(object.asObject().size());
    for (const auto& [name, value] : object.asObject()) {
        if (!value.isString()) {
            if (error) *error = "field '" + name + "' must be a string";
            return std::nullopt;
        }
        out.push_back({name, value.asString()});
    }
    return out;
}

std::optional<Fields> fieldsFromJson(std::string_view text, std::string* error) {
    json::ParseError perr;
    auto v = json::parse(text, &perr);
    if (!v) {
        if (error) *error = perr.message;
        return std::nullopt;
    }
    return fieldsFromJson(*v, error);
}

} // namespace flame

#include <algorithm>

#include "model/catalog.h"

namespace flame {

std::string checkJudgment(const TaskDefinition& task, const Judgment& j) {
    for (const auto& f : j.context)
        if (std::find(task.inputFields.begin(), task.inputFields.end(), f.name) == task.inputFields.end())
            return "context field '" + f.name + "' is not an input field of task '" + task.key + "'";
    bool anyContext = false;
    for (const auto& f : j.context) anyContext |= !f.value.empty();
    if (!anyContext) return "the context is empty";
    if (j.target.size() != task.outputFields.size())
        return "task '" + task.key + "' needs the target fields " + [&] {
            std::string s;
            for (const auto& f : task.outputFields) s += (s.empty() ? "" : ", ") + f;
            return s;
        }();
    for (std::size_t i = 0; i < j.target.size(); ++i)
        if (j.target[i].name != task.outputFields[i])
            return "target field '" + j.target[i].name + "' is not expected here (expected '" + task.outputFields[i] + "')";
    const std::string& label = j.target.front().value;
    switch (task.type) {
    case TaskType::Pointwise: {
        char* end = nullptr;
        long v = std::strtol(label.c_str(), &end, 10);
        if (label.empty() || *end != '\0' || v < task.scaleMin || v > task.scaleMax)
            return "rating '" + label + "' is not an integer from " + std::to_string(task.scaleMin) + " to " +
                   std::to_string(task.scaleMax);
        break;
    }
    case TaskType::Pairwise:
    case TaskType::Classification:
        if (std::find(task.labels.begin(), task.labels.end(), label) == task.labels.end())
            return "label '" + label + "' is not one of the task's labels";
        break;
    case TaskType::OpenEnded:
        if (label.empty()) return "the target is empty";
        if (!task.labels.empty() && task.outputFields.front() == "answer" &&
            std::find(task.labels.begin(), task.labels.end(), label) == task.labels.end())
            return "answer '" + label + "' is not one of the task's labels";
        break;
    }
    return {};
}

void orderFields(const TaskDefinition& task, Judgment& j) {
    auto rank = [](const std::vector<std::string>& order, const std::string& name) {
        auto it = std::find(order.begin(), order.end(), name);
        return std::size_t(it - order.begin());
    };
    std::stable_sort(j.context.begin(), j.context.end(), [&](const Field& a, const Field& b) {
        return rank(task.inputFields, a.name) < rank(task.inputFields, b.name);
    });
    std::stable_sort(j.target.begin(), j.target.end(), [&](const Field& a, const Field& b) {
        return rank(task.outputFields, a.name) < rank(task.outputFields, b.name);
    });
}

} // namespace flame
