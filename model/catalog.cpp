#include "model/catalog.h"

#include <fstream>
#include <set>
#include <sstream>

#include "model/json.h"

extern "C" const char flame_builtin_catalog[];
extern "C" const unsigned long flame_builtin_catalog_size;

namespace flame {

const char* toString(TaskType type) {
    switch (type) {
    case TaskType::Pairwise: return "pairwise";
    case TaskType::Pointwise: return "pointwise";
    case TaskType::Classification: return "classification";
    case TaskType::OpenEnded: return "open-ended";
    }
    return "?";
}

const char* toString(Capability cap) {
    switch (cap) {
    case Capability::Quality: return "quality";
    case Capability::Factuality: return "factuality";
    case Capability::Safety: return "safety";
    case Capability::Coding: return "coding";
    case Capability::InstructionTuning: return "instruction-tuning";
    case Capability::Math: return "math";
    }
    return "?";
}

const char* displayName(Capability cap) {
    switch (cap) {
    case Capability::Quality: return "General response quality";
    case Capability::Factuality: return "Factuality / attribution";
    case Capability::Safety: return "Safety";
    case Capability::Coding: return "Coding";
    case Capability::InstructionTuning: return "Instruction tuning";
    case Capability::Math: return "Mathematical reasoning";
    }
    return "?";
}

const char* toString(Collection c) {
    switch (c) {
    case Collection::Flame: return "flame";
    case Collection::Extra: return "extra";
    case Collection::Eval: return "eval";
    }
    return "?";
}

std::optional<TaskType> parseTaskType(std::string_view text) {
    for (TaskType t : kAllTaskTypes)
        if (text == toString(t)) return t;
    return std::nullopt;
}

std::optional<Capability> parseCapability(std::string_view text) {
    for (Capability c : kAllCapabilities)
        if (text == toString(c)) return c;
    return std::nullopt;
}

std::vector<std::string> TaskDefinition::candidateLabels() const {
    if (type == TaskType::Pointwise) {
        std::vector<std::string> out;
        for (int r = scaleMin; r <= scaleMax; ++r) out.push_back(std::to_string(r));
        return out;
    }
    return labels;
}

namespace {

class TaskReader {
public:
    TaskReader(const json::Value& value, std::string file, std::size_t index)
        : m_value(value), m_file(std::move(file)), m_index(index) {}

    Error error(const std::string& what) const {
        std::string where = "task #" + std::to_string(m_index + 1);
        if (!m_key.empty()) where += " ('" + m_key + "')";
        return Error::badInput(where + ": " + what, m_file);
    }

    bool string(const json::Value& obj, const char* name, std::string& out, bool required = true) {
        const json::Value* v = obj.findNonNull(name);
        if (!v) {
            if (required) m_error = error(std::string("missing field '") + name + "'");
            return !required;
        }
        if (!v->isString()) {
            m_error = error(std::string("field '") + name + "' must be a string");
            return false;
        }
        out = v->asString();
        return true;
    }

    bool strings(const json::Value& obj, const char* name, std::vector<std::string>& out,
                 bool required = true) {
        const json::Value* v = obj.findNonNull(name);
        if (!v) {
            if (required) m_error = error(std::string("missing field '") + name + "'");
            return !required;
        }
        if (!v->isArray()) {
            m_error = error(std::string("field '") + name + "' must be an array of strings");
            return false;
        }
        out.clear();
        for (const auto& item : v->asArray()) {
            if (!item.isString() || item.asString().empty()) {
                m_error = error(std::string("field '") + name + "' must hold non-empty strings");
                return false;
            }
            out.push_back(item.asString());
        }
        return true;
    }

    std::optional<TaskDefinition> read() {
        TaskDefinition t;
        if (!m_value.isObject()) {
            m_error = error("must be an object");
            return std::nullopt;
        }
        if (!string(m_value, "key", t.key)) return std::nullopt;
        m_key = t.key;
        std::string type, cap, collection = "flame", feedback = "human";
        if (!string(m_value, "dataset", t.dataset) || !string(m_value, "citation", t.citation, false) ||
            !string(m_value, "licence", t.licence) || !string(m_value, "type", type) ||
            !string(m_value, "capability", cap) || !string(m_value, "collection", collection, false) ||
            !string(m_value, "feedback", feedback, false) ||
            !strings(m_value, "input_fields", t.inputFields) ||
            !strings(m_value, "output_fields", t.outputFields) ||
            !strings(m_value, "labels", t.labels, false))
            return std::nullopt;
        auto parsedType = parseTaskType(type);
        if (!parsedType) return fail("unknown type '" + type + "'");
        t.type = *parsedType;
        auto parsedCap = parseCapability(cap);
        if (!parsedCap) return fail("unknown capability '" + cap + "'");
        t.capability = *parsedCap;
        if (collection == "flame")
            t.collection = Collection::Flame;
        else if (collection == "extra")
            t.collection = Collection::Extra;
        else if (collection == "eval")
            t.collection = Collection::Eval;
        else
            return fail("unknown collection '" + collection + "'");
        if (feedback != "human" && feedback != "ai")
            return fail("feedback must be 'human' or 'ai'");
        t.aiFeedback = feedback == "ai";
        if (t.inputFields.empty()) return fail("input_fields is empty");
        if (t.outputFields.empty()) return fail("output_fields is empty");

        switch (t.type) {
        case TaskType::Pairwise:
            if (t.outputFields != std::vector<std::string>{"choice"})
                return fail("a pairwise task has exactly the output field 'choice'");
            if (t.labels != std::vector<std::string>{"A", "B"})
                return fail("a pairwise task has the labels [\"A\", \"B\"]");
            break;
        case TaskType::Pointwise: {
            const json::Value* scale = m_value.findNonNull("scale");
            if (!scale || !scale->isArray() || scale->asArray().size() != 2 ||
                !scale->asArray()[0].isInteger() || !scale->asArray()[1].isInteger())
                return fail("a pointwise task needs \"scale\": [min, max] (integers)");
            t.scaleMin = int(scale->asArray()[0].asInt());
            t.scaleMax = int(scale->asArray()[1].asInt());
            if (t.scaleMin >= t.scaleMax || t.scaleMax - t.scaleMin > 100)
                return fail("scale must satisfy min < max and span at most 100");
            if (t.outputFields != std::vector<std::string>{"rating"})
                return fail("a pointwise task has exactly the output field 'rating'");
            break;
        }
        case TaskType::Classification:
            if (t.outputFields != std::vector<std::string>{"answer"})
                return fail("a classification task has exactly the output field 'answer'");
            if (t.labels.size() < 2) return fail("a classification task needs at least two labels");
            break;
        case TaskType::OpenEnded:
            break;
        }
        std::set<std::string> seen(t.inputFields.begin(), t.inputFields.end());
        if (seen.size() != t.inputFields.size()) return fail("input_fields has duplicates");

        const json::Value* ins = m_value.findNonNull("instructions");
        if (!ins || !ins->isObject()) return fail("missing object 'instructions'");
        if (!string(*ins, "title", t.instructions.title) ||
            !string(*ins, "description", t.instructions.description) ||
            !strings(*ins, "output_fields", t.instructions.outputFields))
            return std::nullopt;
        if (t.instructions.title.empty()) return fail("instructions.title is empty");
        if (t.instructions.outputFields != t.outputFields)
            return fail("instructions.output_fields differ from the task's output_fields");

        if (const json::Value* s = m_value.findNonNull("sample")) {
            if (!s->isObject()) return fail("'sample' must be an object");
            for (const auto& member : s->asObject()) {
                const std::string& name = member.first;
                const json::Value& v = member.second;
                SampleProfile& p = t.sample;
                auto number = [&](double& out) {
                    if (!v.isNumber()) return false;
                    out = v.asDouble();
                    return true;
                };
                auto flag = [&](bool& out) {
                    if (!v.isBool()) return false;
                    out = v.asBool();
                    return true;
                };
                auto text = [&](std::string& out) {
                    if (!v.isString()) return false;
                    out = v.asString();
                    return true;
                };
                bool ok;
                if (name == "family") ok = text(p.family);
                else if (name == "weight") ok = number(p.weight) && p.weight >= 0;
                else if (name == "noise") ok = number(p.noise) && p.noise >= 0 && p.noise <= 1;
                else if (name == "length_bias") ok = number(p.lengthBias) && p.lengthBias >= 0 && p.lengthBias <= 1;
                else if (name == "compliance") ok = number(p.compliance) && p.compliance >= 0 && p.compliance <= 1;
                else if (name == "aspect") ok = text(p.aspect);
                else if (name == "style") ok = text(p.style);
                else if (name == "negate") ok = flag(p.negate);
                else if (name == "three_way") ok = flag(p.threeWay);
                else if (name == "critic") ok = flag(p.critic);
                else if (name == "swap") ok = flag(p.swap);
                else if (name == "questions") ok = flag(p.questions);
                else return fail("unknown sample parameter '" + name + "'");
                if (!ok) return fail("sample parameter '" + name + "' has a wrong type or range");
            }
        }
        t.sourceJson = json::serialize(m_value);
        return t;
    }

    std::optional<TaskDefinition> fail(const std::string& what) {
        m_error = error(what);
        return std::nullopt;
    }

    Error takeError() { return m_error; }

private:
    const json::Value& m_value;
    std::string m_file;
    std::size_t m_index;
    std::string m_key;
    Error m_error;
};

} // namespace

Expected<Catalog> Catalog::fromJson(std::string_view text, const std::string& fileName) {
    json::ParseError perr;
    auto root = json::parse(text, &perr);
    if (!root)
        return Error::badInput("invalid JSON at column " + std::to_string(perr.column) + ": " +
                                   perr.message,
                               fileName, perr.line);
    const json::Value* tasks = root->findNonNull("tasks");
    if (!tasks || !tasks->isArray())
        return Error::badInput("a catalog is an object with an array \"tasks\"", fileName);
    Catalog catalog;
    std::set<std::string> keys;
    for (std::size_t i = 0; i < tasks->asArray().size(); ++i) {
        TaskReader reader(tasks->asArray()[i], fileName, i);
        auto task = reader.read();
        if (!task) return reader.takeError();
        if (!keys.insert(task->key).second)
            return Error::badInput("duplicate task key '" + task->key + "'", fileName);
        catalog.m_tasks.push_back(std::move(*task));
    }
    if (catalog.m_tasks.empty()) return Error::badInput("the catalog has no tasks", fileName);
    return catalog;
}

Expected<Catalog> Catalog::fromFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::badInput("cannot open the catalog file", path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return fromJson(buffer.str(), path);
}

const Catalog& Catalog::builtin() {
    static const Catalog catalog = [] {
        auto parsed = fromJson(std::string_view(flame_builtin_catalog, flame_builtin_catalog_size),
                               "resources/catalog/tasks.json");
        // The built-in catalog is checked by the test suite; failing here is a build defect.
        if (!parsed) throw std::runtime_error(parsed.error().toString());
        return std::move(parsed).value();
    }();
    return catalog;
}

const TaskDefinition* Catalog::find(std::string_view key) const {
    for (const auto& t : m_tasks)
        if (t.key == key) return &t;
    return nullptr;
}

std::size_t Catalog::flameTaskCount() const {
    std::size_t n = 0;
    for (const auto& t : m_tasks) n += t.collection == Collection::Flame;
    return n;
}

} // namespace flame
