#pragma once
// The task catalog: 102 FLAMe training tasks (paper Table 7) plus a few tasks outside the
// collection (AI-feedback imports, evaluation sets). The catalog is data
// (resources/catalog/tasks.json, compiled into the binary); this file only types and checks it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"

namespace flame {

enum class TaskType { Pairwise, Pointwise, Classification, OpenEnded };
enum class Capability { Quality, Factuality, Safety, Coding, InstructionTuning, Math };

inline constexpr TaskType kAllTaskTypes[] = {TaskType::Pairwise, TaskType::Pointwise,
                                             TaskType::Classification, TaskType::OpenEnded};
inline constexpr Capability kAllCapabilities[] = {
    Capability::Quality,   Capability::Factuality,        Capability::Safety,
    Capability::Coding,    Capability::InstructionTuning, Capability::Math};

const char* toString(TaskType type);    // "pairwise", "pointwise", "classification", "open-ended"
const char* toString(Capability cap);   // "quality", "factuality", ..., "instruction-tuning", "math"
const char* displayName(Capability cap); // "General response quality", ...
std::optional<TaskType> parseTaskType(std::string_view text);
std::optional<Capability> parseCapability(std::string_view text);

// Which set a task belongs to. Only `Flame` tasks count as the 102-task training collection.
enum class Collection { Flame, Extra, Eval };
const char* toString(Collection c);

// The hand-written instructions of one version (DESIGN.md section 4).
struct Instructions {
    std::string title;
    std::string description;
    std::vector<std::string> outputFields;
    bool operator==(const Instructions& o) const {
        return title == o.title && description == o.description && outputFields == o.outputFields;
    }
};

// How the sample-corpus generator fills a task (model/sample/). Not used for real data.
struct SampleProfile {
    std::string family;       // content generator, e.g. "pair_quality", "cls_nli"
    double weight = 1.0;      // relative size before fitting to the paper's shares
    double noise = 0.0;       // probability that the annotator's label is replaced by a random one
    double lengthBias = 0.0;  // probability that a pairwise label follows the longer response
    double compliance = 0.0;  // share of harmful prompts where the compliant answer is preferred
    std::string aspect;       // which quality aspect a multi-aspect family rates
    std::string style;        // family-specific surface variant
    bool negate = false;      // the question asks for the presence of a defect (Yes = defective)
    bool threeWay = false;    // three-way verification labels
    bool critic = false;      // response-category labels (faithful / hallucination / generic)
    bool swap = false;        // paraphrase negatives by swapping roles (PAWS)
    bool questions = false;   // paraphrase pairs are questions (QQP)
};

struct TaskDefinition {
    std::string key;
    std::string dataset;
    std::string citation;
    std::string licence;
    Collection collection = Collection::Flame;
    TaskType type = TaskType::Pairwise;
    Capability capability = Capability::Quality;
    bool aiFeedback = false; // labels from a model (UltraFeedback), kept apart from human data
    std::vector<std::string> inputFields;
    std::vector<std::string> outputFields;
    std::vector<std::string> labels; // allowed values of the primary field (pairwise: A, B)
    int scaleMin = 0, scaleMax = 0;  // pointwise rating scale
    Instructions instructions;       // version 1, as shipped
    SampleProfile sample;
    std::string sourceJson; // the catalog entry as read, stored in workspaces verbatim

    // The output field that carries the label used for filters, agreement and judging:
    // choice / rating / answer, or the first output field of an open-ended task.
    const std::string& primaryField() const { return outputFields.front(); }
    // The candidate values of the primary field the judge scores by log-likelihood; empty for
    // free-text targets.
    std::vector<std::string> candidateLabels() const;
};

class Catalog {
public:
    // Parses and checks a catalog file. Errors name `fileName` and the task.
    static Expected<Catalog> fromJson(std::string_view text, const std::string& fileName);
    static Expected<Catalog> fromFile(const std::string& path);
    // The catalog compiled into the program (resources/catalog/tasks.json).
    static const Catalog& builtin();

    const std::vector<TaskDefinition>& tasks() const { return m_tasks; }
    const TaskDefinition* find(std::string_view key) const;
    std::size_t flameTaskCount() const;

private:
    std::vector<TaskDefinition> m_tasks;
};

} // namespace flame
