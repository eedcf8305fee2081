#include "storage/instruction_store.h"

#include <fstream>
#include <sstream>

#include "model/json.h"

namespace flame {

std::string validateInstructions(const TaskDefinition& task, const Instructions& ins) {
    auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
    if (blank(ins.title)) return "the title is empty";
    if (blank(ins.description)) return "the description is empty";
    if (ins.outputFields != task.outputFields) {
        std::string expected;
        for (const auto& f : task.outputFields) expected += (expected.empty() ? "" : ", ") + f;
        return "the output fields must be the task's target fields: " + expected;
    }
    for (const std::string* s : {&ins.title})
        if (s->find('\n') != std::string::npos) return "the title must be one line";
    return {};
}

Expected<Instructions> parseInstructions(std::string_view text, const std::string& fileName) {
    json::ParseError perr;
    auto v = json::parse(text, &perr);
    if (!v)
        return Error::badInput("invalid JSON at column " + std::to_string(perr.column) + ": " + perr.message,
                               fileName, perr.line);
    if (!v->isObject()) return Error::badInput("an instruction file is a JSON object", fileName, 1);
    Instructions ins;
    const json::Value* title = v->findNonNull("title");
    const json::Value* desc = v->findNonNull("description");
    const json::Value* fields = v->findNonNull("output_fields");
    if (!title || !title->isString()) return Error::badInput("missing string field 'title'", fileName);
    if (!desc || !desc->isString()) return Error::badInput("missing string field 'description'", fileName);
    if (!fields || !fields->isArray()) return Error::badInput("missing array field 'output_fields'", fileName);
    ins.title = title->asString();
    ins.description = desc->asString();
    for (const auto& f : fields->asArray()) {
        if (!f.isString()) return Error::badInput("'output_fields' must hold strings", fileName);
        ins.outputFields.push_back(f.asString());
    }
    for (const auto& [key, value] : v->asObject())
        if (key != "title" && key != "description" && key != "output_fields")
            return Error::badInput("unknown field '" + key + "' (expected title, description, output_fields)", fileName);
    return ins;
}

Expected<Instructions> readInstructionFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::badInput("cannot open the file", path);
    std::stringstream ss;
    ss << in.rdbuf();
    return parseInstructions(ss.str(), path);
}

namespace {

constexpr const char* kColumns =
    "id, task_id, version, title, description, output_fields, author, created_at, message, parent_id";

Expected<InstructionVersion> readVersion(db::Statement& st, const std::string& path) {
    InstructionVersion v;
    v.id = st.int64(0);
    v.taskId = st.int64(1);
    v.version = int(st.int64(2));
    v.instructions.title = st.string(3);
    v.instructions.description = st.string(4);
    json::ParseError perr;
    auto fields = json::parse(st.text(5), &perr);
    if (!fields || !fields->isArray())
        return Error::internal("instruction version " + std::to_string(v.id) + " has damaged output fields", path);
    for (const auto& f : fields->asArray()) v.instructions.outputFields.push_back(f.asString());
    v.author = st.string(6);
    v.createdAt = st.string(7);
    v.message = st.string(8);
    v.parentId = st.isNull(9) ? 0 : st.int64(9);
    return v;
}

} // namespace

Expected<std::int64_t> InstructionStore::requireTask(const std::string& taskKey) {
    std::int64_t id = m_ws.taskId(taskKey);
    if (id == 0) return Error::badInput("unknown task '" + taskKey + "'");
    return id;
}

Expected<InstructionVersion> InstructionStore::byId(std::int64_t id) {
    auto st = m_ws.db().prepare(std::string("SELECT ") + kColumns + " FROM task_instructions WHERE id = ?");
    if (!st) return st.error();
    st->bind(1, id);
    if (st->step() != db::Statement::Step::Row)
        return Error::internal("instruction version " + std::to_string(id) + " is missing", m_ws.path());
    return readVersion(*st, m_ws.path());
}

Expected<InstructionVersion> InstructionStore::current(const std::string& taskKey) {
    auto task = requireTask(taskKey);
    if (!task) return task.error();
    auto st = m_ws.db().prepare(std::string("SELECT ") + kColumns +
                                " FROM task_instructions WHERE id = (SELECT current_instruction_id FROM tasks WHERE id = ?)");
    if (!st) return st.error();
    st->bind(1, *task);
    if (st->step() != db::Statement::Step::Row)
        return Error::internal("task '" + taskKey + "' has no current instructions", m_ws.path());
    return readVersion(*st, m_ws.path());
}

Expected<std::vector<InstructionVersion>> InstructionStore::history(const std::string& taskKey) {
    auto task = requireTask(taskKey);
    if (!task) return task.error();
    auto st = m_ws.db().prepare(std::string("SELECT ") + kColumns +
                                " FROM task_instructions WHERE task_id = ? ORDER BY version DESC");
    if (!st) return st.error();
    st->bind(1, *task);
    std::vector<InstructionVersion> out;
    while (st->step() == db::Statement::Step::Row) {
        auto v = readVersion(*st, m_ws.path());
        if (!v) return v.error();
        out.push_back(std::move(v).value());
    }
    return out;
}

Expected<InstructionVersion> InstructionStore::save(const std::string& taskKey, const Instructions& ins,
                                                    const std::string& author, const std::string& message,
                                                    int baseVersion) {
    if (m_ws.readOnly()) return Error{ErrorKind::ReadOnly, "the workspace is open read-only", m_ws.path(), 0};
    auto task = requireTask(taskKey);
    if (!task) return task.error();
    const TaskDefinition* def = m_ws.taskById(*task);
    if (std::string why = validateInstructions(*def, ins); !why.empty())
        return Error::badInput("cannot save the instructions of '" + taskKey + "': " + why);
    // BEGIN IMMEDIATE takes the write lock first, so the check and the insert cannot interleave
    // with another process's save.
    db::Transaction tx(m_ws.db());
    if (!tx.begun()) return tx.begun().error();
    auto cur = current(taskKey);
    if (!cur) return cur.error();
    if (baseVersion != kAppend && cur->version != baseVersion) {
        return Error{ErrorKind::Conflict,
                     "the instructions of '" + taskKey + "' were changed to version " + std::to_string(cur->version) +
                         " by " + cur->author + " at " + cur->createdAt + " while you edited version " +
                         std::to_string(baseVersion),
                     m_ws.path(), 0};
    }
    json::Array fields;
    for (const auto& f : ins.outputFields) fields.emplace_back(f);
    auto st = m_ws.db().prepare(
        "INSERT INTO task_instructions(task_id, version, title, description, output_fields, author, created_at, message, parent_id) "
        "VALUES(?,?,?,?,?,?,?,?,?)");
    if (!st) return st.error();
    st->bind(1, *task).bind(2, cur->version + 1).bind(3, ins.title).bind(4, ins.description)
        .bind(5, json::serialize(json::Value(std::move(fields)))).bind(6, author).bind(7, utcNow()).bind(8, message)
        .bind(9, cur->id);
    if (auto s = st->run(); !s) return s.error();
    std::int64_t newId = m_ws.db().lastInsertId();
    auto point = m_ws.db().prepare("UPDATE tasks SET current_instruction_id = ? WHERE id = ?");
    if (!point) return point.error();
    point->bind(1, newId).bind(2, *task);
    if (auto s = point->run(); !s) return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    return byId(newId);
}

Expected<InstructionVersion> InstructionStore::revert(const std::string& taskKey, int version,
                                                      const std::string& author, int baseVersion) {
    auto all = history(taskKey);
    if (!all) return all.error();
    for (const auto& v : *all)
        if (v.version == version)
            return save(taskKey, v.instructions, author, "revert to version " + std::to_string(version), baseVersion);
    return Error::badInput("task '" + taskKey + "' has no instruction version " + std::to_string(version));
}

} // namespace flame
