#include "storage/import.h"

#include "model/json.h"
#include "storage/import/formats.h"
#include "storage/import/record_reader.h"
#include "storage/judgment_store.h"
#include "storage/sample_writer.h"

namespace flame {

std::string knownImportFormats() {
    std::string list;
    for (const auto& n : import::formatNames()) list += (list.empty() ? "" : ", ") + n;
    return list;
}

Expected<ImportResult> importFile(Workspace& ws, const std::string& path, const ImportOptions& options) {
    if (ws.readOnly()) return Error{ErrorKind::ReadOnly, "the workspace is open read-only", ws.path(), 0};
    import::FormatContext ctx{&ws.catalog(), options.task, options.split};
    std::string why;
    auto adapter = import::makeAdapter(options.format, ctx, &why);
    if (!adapter) return Error::badInput(why);

    RecordReader reader(options.maxRecordBytes);
    if (auto s = reader.open(path); !s) return s.error();

    json::Object sourceOptions{{"task", json::Value(options.task)}, {"skip_bad", json::Value(options.skipBad)}};
    if (options.split) sourceOptions.emplace_back("split", json::Value(toString(*options.split)));

    db::Transaction tx(ws.db());
    if (!tx.begun()) return tx.begun().error();
    auto source = ws.addSource("import", options.format, path, adapter->aiFeedback(),
                               json::serialize(json::Value(std::move(sourceOptions))));
    if (!source) return source.error();
    auto writer = JudgmentWriter::create(ws, *source);
    if (!writer) return writer.error();
    auto evalWriter = EvalWriter::create(ws, *source);
    if (!evalWriter) return evalWriter.error();

    ImportResult result;
    auto bad = [&](std::size_t line, const std::string& reason) -> Status {
        Error e = Error::badInput(reason, path, line);
        if (!options.skipBad) return e;
        ++result.badCount;
        if (result.badRecords.size() < options.maxReportedBad) result.badRecords.push_back(std::move(e));
        return {};
    };

    std::string text;
    std::size_t line = 0;
    import::Converted converted;
    std::int64_t sinceProgress = 0;
    while (true) {
        auto next = reader.next(text, line);
        if (next == RecordReader::Next::End) break;
        if (next == RecordReader::Next::Malformed) {
            // The array's own structure is broken: nothing after this point can be read reliably.
            return Error::badInput("the JSON array is not closed or not well formed", path, line ? line : 1);
        }
        ++result.records;
        if (next == RecordReader::Next::TooLarge) {
            if (auto s = bad(line, "record larger than the limit of " + std::to_string(options.maxRecordBytes >> 20) +
                                       " MiB");
                !s)
                return s.error();
            continue;
        }
        json::ParseError perr;
        auto value = json::parse(text, &perr);
        if (!value) {
            // Report the physical line of the error inside the record (array files span lines).
            if (auto s = bad(line + perr.line - 1,
                             "invalid JSON at column " + std::to_string(perr.column) + ": " + perr.message);
                !s)
                return s.error();
            continue;
        }
        if (!value->isObject()) {
            if (auto s = bad(line, std::string("a record must be a JSON object, not ") + json::typeName(value->type())); !s)
                return s.error();
            continue;
        }
        converted.judgments.clear();
        converted.evalExamples.clear();
        converted.evalIds.clear();
        converted.unpaired = false;
        if (std::string reason = adapter->convert(*value, converted); !reason.empty()) {
            if (auto s = bad(line, reason); !s) return s.error();
            continue;
        }
        result.unpaired += converted.unpaired ? 1 : 0;
        // Check every judgment before writing any, so a record is all or nothing.
        std::string invalid;
        for (auto& j : converted.judgments) {
            const TaskDefinition* task = ws.catalog().find(j.taskKey);
            if (!task) {
                invalid = "unknown task '" + j.taskKey + "'";
                break;
            }
            j.aiFeedback = j.aiFeedback || task->aiFeedback;
            if (std::string r = checkJudgment(*task, j); !r.empty()) {
                invalid = r;
                break;
            }
        }
        if (!invalid.empty()) {
            if (auto s = bad(line, invalid); !s) return s.error();
            continue;
        }
        for (const auto& j : converted.judgments) {
            auto r = writer->insert(j);
            if (!r) return r.error();
        }
        for (std::size_t i = 0; i < converted.evalExamples.size(); ++i) {
            auto r = evalWriter->insert(converted.evalExamples[i], converted.evalIds[i]);
            if (!r) return r.error();
            result.evalExamples += *r ? 1 : 0;
        }
        if (options.progress && ++sinceProgress >= 4096) {
            sinceProgress = 0;
            if (!options.progress(std::int64_t(reader.bytesRead()), std::int64_t(reader.fileSize())))
                return Error::cancelled();
        }
    }
    if (result.records == 0) return Error::badInput("the file is empty (no records)", path);
    if (auto s = writer->flushStats(); !s) return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    if (options.progress) options.progress(std::int64_t(reader.fileSize()), std::int64_t(reader.fileSize()));
    result.inserted = writer->inserted();
    result.duplicates = writer->duplicates();
    return result;
}

} // namespace flame
