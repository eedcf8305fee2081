#include "storage/export.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>

#include "model/format.h"
#include "model/json.h"
#include "storage/instruction_store.h"
#include "storage/judgment_store.h"
#include "storage/stats.h"

namespace flame {

std::string judgmentToJsonLine(const Judgment& j) {
    std::string out = "{\"task\":";
    json::appendQuoted(out, j.taskKey);
    out += ",\"split\":";
    json::appendQuoted(out, toString(j.split));
    out += ",\"context\":";
    out += fieldsToJson(j.context);
    out += ",\"target\":";
    out += fieldsToJson(j.target);
    out += ",\"annotator\":";
    json::appendQuoted(out, j.annotator);
    out += ",\"item\":";
    json::appendQuoted(out, j.item);
    out += ",\"feedback\":";
    out += j.aiFeedback ? "\"ai\"" : "\"human\"";
    out += '}';
    return out;
}

Expected<std::int64_t> exportJudgments(Workspace& ws, const std::string& path, const ExportOptions& options) {
    if (options.format != "judgments" && options.format != "text2text")
        return Error::badInput("unknown export format '" + options.format + "' (judgments, text2text)");
    std::int64_t taskId = 0;
    if (!options.task.empty()) {
        taskId = ws.taskId(options.task);
        if (!taskId) return Error::badInput("unknown task '" + options.task + "'");
    }
    // Expected total for progress, from the statistics table.
    std::int64_t total = 0;
    if (auto stats = computeStats(ws)) {
        if (!options.task.empty()) total = stats->byTask[options.task];
        else total = stats->judgments;
    }
    std::map<std::string, Instructions> instructions;
    if (options.format == "text2text") {
        InstructionStore store(ws);
        for (const auto& t : ws.catalog().tasks()) {
            auto cur = store.current(t.key);
            if (!cur) return cur.error();
            instructions[t.key] = cur->instructions;
        }
    }

    const bool toStdout = path == "-";
    const std::string tmp = path + ".part";
    std::FILE* out = toStdout ? stdout : std::fopen(tmp.c_str(), "wb");
    if (!out) return Error::badInput(std::string("cannot write: ") + std::strerror(errno), path);
    auto closeAndRemove = [&] {
        if (!toStdout) {
            std::fclose(out);
            std::remove(tmp.c_str());
        }
    };

    JudgmentCursor cursor(ws, taskId, options.split);
    Judgment j;
    std::int64_t written = 0;
    std::string line;
    while (true) {
        auto more = cursor.next(j);
        if (!more) {
            closeAndRemove();
            return more.error();
        }
        if (!*more) break;
        if (options.format == "judgments") {
            line = judgmentToJsonLine(j);
        } else {
            line = "{\"task\":";
            json::appendQuoted(line, j.taskKey);
            line += ",\"input\":";
            json::appendQuoted(line, formatInput(instructions[j.taskKey], j.context));
            line += ",\"target\":";
            json::appendQuoted(line, formatTarget(j.target));
            line += '}';
        }
        line += '\n';
        if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) {
            int err = errno;
            closeAndRemove();
            return Error::internal(std::string("write failed: ") + std::strerror(err), path);
        }
        ++written;
        if (options.progress && written % 4096 == 0 && !options.progress(written, total)) {
            closeAndRemove();
            return Error::cancelled();
        }
    }
    if (toStdout) {
        std::fflush(out);
        return written;
    }
    if (std::fflush(out) != 0 || std::fclose(out) != 0) {
        int err = errno;
        std::remove(tmp.c_str());
        return Error::internal(std::string("write failed: ") + std::strerror(err), path);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        std::remove(tmp.c_str());
        return Error::internal(std::string("cannot move the finished file into place: ") + std::strerror(err), path);
    }
    return written;
}

} // namespace flame
