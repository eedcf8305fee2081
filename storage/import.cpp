#include "storage/import.h"

#include "model/json.h"
#include "storage/import/formats.h"
#include "storage/import/record_reader.h"
#include "storage/judgment_store.h"
#include "storage/pipeline.h"
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
    struct Batch {
        std::vector<PreparedJudgment> judgments;
        std::vector<std::pair<sample::EvalExample, std::string>> evalExamples;
        std::int64_t bytesRead = 0;
    };
    // Reading, parsing, converting, checking, serialising and hashing run on the producer thread;
    // this thread only writes. The producer alone touches `result` until pop() returns false.
    Error fatal;
    BatchPipeline<Batch> pipeline([&](const auto& push) -> std::string {
        auto bad = [&](std::size_t line, const std::string& reason) -> bool {
            Error e = Error::badInput(reason, path, line);
            if (!options.skipBad) {
                fatal = std::move(e);
                return false;
            }
            ++result.badCount;
            if (result.badRecords.size() < options.maxReportedBad) result.badRecords.push_back(std::move(e));
            return true;
        };
        std::string text;
        std::size_t line = 0;
        import::Converted converted;
        Batch batch;
        while (true) {
            auto next = reader.next(text, line);
            if (next == RecordReader::Next::End) break;
            if (next == RecordReader::Next::Malformed) {
                // The array's own structure is broken: nothing after this point can be read reliably.
                fatal = Error::badInput("the JSON array is not closed or not well formed", path, line ? line : 1);
                return fatal.message;
            }
            ++result.records;
            if (next == RecordReader::Next::TooLarge) {
                if (!bad(line, "record larger than the limit of " + std::to_string(options.maxRecordBytes >> 20) + " MiB"))
                    return fatal.message;
                continue;
            }
            json::ParseError perr;
            auto value = json::parse(text, &perr);
            if (!value) {
                // The physical line of the error inside the record (array files span lines).
                if (!bad(line + perr.line - 1, "invalid JSON at column " + std::to_string(perr.column) + ": " + perr.message))
                    return fatal.message;
                continue;
            }
            if (!value->isObject()) {
                if (!bad(line, std::string("a record must be a JSON object, not ") + json::typeName(value->type())))
                    return fatal.message;
                continue;
            }
            converted.judgments.clear();
            converted.evalExamples.clear();
            converted.evalIds.clear();
            converted.unpaired = false;
            if (std::string reason = adapter->convert(*value, converted); !reason.empty()) {
                if (!bad(line, reason)) return fatal.message;
                continue;
            }
            result.unpaired += converted.unpaired ? 1 : 0;
            // Check and prepare every judgment of the record before keeping any: all or nothing.
            std::string invalid;
            std::vector<PreparedJudgment> prepared;
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
                auto p = prepareJudgment(ws, j);
                if (!p) {
                    invalid = p.error().message;
                    break;
                }
                prepared.push_back(std::move(p).value());
            }
            if (!invalid.empty()) {
                if (!bad(line, invalid)) return fatal.message;
                continue;
            }
            for (auto& p : prepared) batch.judgments.push_back(std::move(p));
            for (std::size_t i = 0; i < converted.evalExamples.size(); ++i)
                batch.evalExamples.emplace_back(std::move(converted.evalExamples[i]), converted.evalIds[i]);
            if (batch.judgments.size() + batch.evalExamples.size() >= 2000) {
                batch.bytesRead = std::int64_t(reader.bytesRead());
                if (!push(std::move(batch))) return {};
                batch = Batch{};
            }
        }
        batch.bytesRead = std::int64_t(reader.bytesRead());
        push(std::move(batch));
        return {};
    });

    Batch batch;
    while (pipeline.pop(batch)) {
        for (const auto& j : batch.judgments) {
            auto r = writer->insert(j);
            if (!r) return r.error();
        }
        for (const auto& [example, id] : batch.evalExamples) {
            auto r = evalWriter->insert(example, id);
            if (!r) return r.error();
            result.evalExamples += *r ? 1 : 0;
        }
        if (options.progress && !options.progress(batch.bytesRead, std::int64_t(reader.fileSize())))
            return Error::cancelled();
    }
    if (!pipeline.error().empty()) return fatal;
    if (result.records == 0) return Error::badInput("the file is empty (no records)", path);
    if (auto s = writer->flushStats(); !s) return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    if (options.progress) options.progress(std::int64_t(reader.fileSize()), std::int64_t(reader.fileSize()));
    result.inserted = writer->inserted();
    result.duplicates = writer->duplicates();
    return result;
}

} // namespace flame
