#pragma once
// Versioned task instructions (DESIGN.md section 3). Every save is a new row with author, time,
// message and parent; the task points at its current version. Saving is optimistic: the caller
// says which version it edited, and a save on top of a version someone else replaced meanwhile
// fails with ErrorKind::Conflict and changes nothing, so neither edit is lost.
#include <cstdint>
#include <string>
#include <vector>

#include "model/catalog.h"
#include "storage/workspace.h"

namespace flame {

struct InstructionVersion {
    std::int64_t id = 0;
    std::int64_t taskId = 0;
    int version = 0;
    Instructions instructions;
    std::string author, createdAt, message;
    std::int64_t parentId = 0;
};

class InstructionStore {
public:
    static constexpr int kAppend = -1;
    explicit InstructionStore(Workspace& ws) : m_ws(ws) {}

    Expected<InstructionVersion> current(const std::string& taskKey);
    Expected<std::vector<InstructionVersion>> history(const std::string& taskKey); // newest first
    Expected<InstructionVersion> byId(std::int64_t id);

    // Saves a new version on top of `baseVersion` (the version the editor started from), or on
    // top of whatever is current when `baseVersion` is kAppend (a file that replaces the text,
    // as `flame tasks set-instructions` does: concurrent appends all land, none is lost).
    Expected<InstructionVersion> save(const std::string& taskKey, const Instructions& instructions,
                                      const std::string& author, const std::string& message, int baseVersion);
    // Makes the content of `version` current again, as a new version.
    Expected<InstructionVersion> revert(const std::string& taskKey, int version, const std::string& author,
                                        int baseVersion);

private:
    Expected<std::int64_t> requireTask(const std::string& taskKey);
    Workspace& m_ws;
};

// Why `instructions` cannot be saved for `task` ("" if they can): empty title or description,
// output fields that differ from the task's target fields.
std::string validateInstructions(const TaskDefinition& task, const Instructions& instructions);

// Reads an instruction file: {"title": …, "description": …, "output_fields": [...]}.
Expected<Instructions> readInstructionFile(const std::string& path);
Expected<Instructions> parseInstructions(std::string_view text, const std::string& fileName);

} // namespace flame
