// flame init | sample | show | index | stats | import | export
#include <CLI/CLI.hpp>

#include <cstdio>

#include "app/cli/cli_support.h"
#include "model/format.h"
#include "model/json.h"
#include "storage/export.h"
#include "storage/import.h"
#include "storage/instruction_store.h"
#include "storage/judgment_store.h"
#include "storage/sample_writer.h"
#include "storage/search_index.h"
#include "storage/stats.h"

namespace flame::cli {

namespace {

// Brings the full-text index up to date after a bulk write.
int indexForSearch(Workspace& ws, bool quiet) {
    Progress progress("indexing for search", quiet);
    auto indexed = indexSearchText(ws, [&](std::int64_t d, std::int64_t t) { return progress.update(d, t); });
    progress.finish();
    if (!indexed) {
        if (indexed.error().kind == ErrorKind::Cancelled)
            std::fprintf(stderr, "flame: search indexing stopped; 'flame index %s' continues it\n", ws.path().c_str());
        return report(indexed.error());
    }
    return kOk;
}

void printStatsText(const WorkspaceStats& s) {
    std::printf("judgments: %lld%s\n", (long long)s.judgments, s.generated ? "  (sample corpus: GENERATED data)" : "");
    std::printf("tasks: %zu in the FLAMe collection\n", s.tasks);
    auto block = [](const char* title, const std::map<std::string, std::int64_t>& m, std::int64_t total) {
        std::printf("%s\n", title);
        for (const auto& [k, v] : m)
            std::printf("  %-20s %10lld  %5.1f%%\n", k.c_str(), (long long)v, total ? 100.0 * double(v) / double(total) : 0.0);
    };
    block("by type:", s.byType, s.judgments);
    block("by capability:", s.byCapability, s.judgments);
    block("by split:", s.bySplit, s.judgments);
    std::printf("feedback: human %lld, AI %lld\n", (long long)s.humanJudgments, (long long)s.aiJudgments);
    std::printf("evaluation examples: %lld", (long long)s.evalExamples);
    for (const auto& [k, v] : s.evalBySet) std::printf("  %s=%lld", k.c_str(), (long long)v);
    std::printf("\nbias-probe instructions: %lld\n", (long long)s.biasItems);
    if (s.searchPending) std::printf("not yet searchable: %lld judgments (run 'flame index')\n", (long long)s.searchPending);
}

// --- command bodies ------------------------------------------------------------------------------

int runInit(const std::string& path, const std::string& catalogFile) {
    Expected<Catalog> loaded = Catalog::builtin();
    if (!catalogFile.empty()) loaded = Catalog::fromFile(catalogFile);
    if (!loaded) return report(loaded.error());
    CLI_TRY(Workspace::create(path, *loaded));
    std::printf("created %s with %zu tasks (%zu in the FLAMe collection)\n", path.c_str(), loaded->tasks().size(),
                loaded->flameTaskCount());
    return kOk;
}

int runSample(const std::string& path, const sample::SampleOptions& options, bool quiet) {
    CLI_TRY_VALUE(ws, Workspace::open(path));
    Progress progress("sample", quiet);
    auto result = writeSampleCorpus(*ws, options, [&](std::int64_t d, std::int64_t t) { return progress.update(d, t); });
    progress.finish();
    if (!result) return report(result.error());
    std::printf("generated sample corpus: %lld judgments added (%lld already present), %lld evaluation examples, "
                "%lld bias-probe instructions. This data is GENERATED, not human judgments.\n",
                (long long)result->inserted, (long long)result->duplicates, (long long)result->evalExamples,
                (long long)result->biasItems);
    return indexForSearch(*ws, quiet);
}

struct ShowOptions {
    std::string task, split;
    int limit = 3;
    std::int64_t id = 0;
};

int runShow(const std::string& path, const ShowOptions& o) {
    CLI_TRY_VALUE(ws, openForReading(path));
    std::int64_t taskId = 0;
    if (!o.task.empty() && !(taskId = ws->taskId(o.task))) return report(Error::badInput("unknown task '" + o.task + "'"));
    CLI_TRY_VALUE(generated, ws->meta("generated"));
    InstructionStore store(*ws);
    auto print = [&](const Judgment& j) {
        CLI_TRY_VALUE(ins, store.current(j.taskKey));
        std::printf("=== judgment %lld  task %s  split %s%s%s\n", (long long)j.id, j.taskKey.c_str(), toString(j.split),
                    j.annotator.empty() ? "" : ("  annotator " + j.annotator).c_str(),
                    *generated == "true" ? "  [generated sample data]" : "");
        std::printf("%s\n--- target ---\n%s\n\n", formatInput(ins->instructions, j.context).c_str(),
                    formatTarget(j.target).c_str());
        return int(kOk);
    };
    if (o.id) {
        CLI_TRY_VALUE(j, loadJudgment(*ws, o.id));
        if (!j->has_value()) return report(Error::badInput("no judgment with id " + std::to_string(o.id)));
        return print(**j);
    }
    JudgmentCursor cursor(*ws, taskId, o.split.empty() ? std::nullopt : parseSplit(o.split), o.limit);
    Judgment j;
    for (int n = 0; n < o.limit; ++n) {
        CLI_TRY_VALUE(more, cursor.next(j));
        if (!*more) break;
        if (int code = print(j); code != kOk) return code;
    }
    return kOk;
}

int runIndex(const std::string& path, bool quiet) {
    CLI_TRY_VALUE(ws, Workspace::open(path));
    CLI_TRY_VALUE(before, searchIndexState(*ws));
    int code = indexForSearch(*ws, quiet);
    if (code == kOk) std::printf("indexed %lld judgments for search\n", (long long)before->pending);
    return code;
}

int runStats(const std::string& path, bool asJson) {
    CLI_TRY_VALUE(ws, openForReading(path));
    CLI_TRY_VALUE(stats, computeStats(*ws));
    if (asJson)
        std::printf("%s\n", statsToJson(*stats).c_str());
    else
        printStatsText(*stats);
    return kOk;
}

int runImport(const std::string& path, const std::string& file, ImportOptions options, bool quiet) {
    CLI_TRY_VALUE(ws, Workspace::open(path));
    Progress progress("import", quiet);
    options.progress = [&](std::int64_t d, std::int64_t t) { return progress.update(d, t); };
    auto result = importFile(*ws, file, options);
    progress.finish();
    if (!result) return report(result.error());
    for (const auto& bad : result->badRecords) std::fprintf(stderr, "flame: %s\n", bad.toString().c_str());
    if (result->badCount > std::int64_t(result->badRecords.size()))
        std::fprintf(stderr, "flame: %lld more bad records not listed\n",
                     (long long)(result->badCount - std::int64_t(result->badRecords.size())));
    std::printf("imported %s: %lld records read, %lld judgments added, %lld already present, %lld evaluation "
                "examples, %lld bad records skipped%s\n",
                file.c_str(), (long long)result->records, (long long)result->inserted, (long long)result->duplicates,
                (long long)result->evalExamples, (long long)result->badCount,
                result->unpaired ? (", " + std::to_string(result->unpaired) + " records without a pair").c_str() : "");
    return indexForSearch(*ws, quiet);
}

int runExport(const std::string& path, const std::string& output, ExportOptions options, const std::string& split,
              bool quiet) {
    CLI_TRY_VALUE(ws, openForReading(path));
    if (!split.empty()) options.split = parseSplit(split);
    Progress progress("export", quiet || output == "-");
    options.progress = [&](std::int64_t d, std::int64_t t) { return progress.update(d, t); };
    auto written = exportJudgments(*ws, output, options);
    progress.finish();
    if (!written) return report(written.error());
    if (output != "-") std::printf("exported %lld judgments to %s\n", (long long)*written, output.c_str());
    return kOk;
}

} // namespace

void addCorpusCommands(CLI::App& app, int& exitCode) {
    {
        auto* cmd = app.add_subcommand("init", "Create an empty workspace with the 102-task catalog");
        auto ws = std::make_shared<std::string>();
        auto catalogFile = std::make_shared<std::string>();
        cmd->add_option("WS", *ws, "Workspace file to create (e.g. corpus.flame)")->required();
        cmd->add_option("--catalog", *catalogFile, "Use this catalog JSON file instead of the built-in one");
        cmd->callback([=, &exitCode] { exitCode = runInit(*ws, *catalogFile); });
    }
    {
        auto* cmd = app.add_subcommand("sample", "Fill a workspace with the generated sample corpus (deterministic)");
        auto ws = std::make_shared<std::string>();
        auto opts = std::make_shared<sample::SampleOptions>();
        auto quiet = std::make_shared<bool>(false);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_option("--judgments", opts->judgments, "Number of judgments (10,000 to 5,300,000 and beyond)")
            ->default_val(opts->judgments)->check(CLI::Range(std::int64_t(0), std::int64_t(1) << 40));
        cmd->add_option("--seed", opts->seed, "Random seed; the same seed gives the same corpus")->default_val(opts->seed);
        cmd->add_option("--eval-scale", opts->evalScale, "Evaluation-set size as a fraction of RewardBench's rows")
            ->default_val(opts->evalScale)->check(CLI::Range(0.0, 10.0));
        cmd->add_option("--dev-scale", opts->devScale, "Tail-patch development set size, same unit")
            ->default_val(opts->devScale)->check(CLI::Range(0.0, 10.0));
        cmd->add_option("--bias-instructions", opts->biasInstructions, "Instructions of the CoBBLEr-shaped bias set")
            ->default_val(opts->biasInstructions)->check(CLI::Range(0, 100000));
        cmd->add_flag("--quiet,-q", *quiet, "No progress output");
        cmd->callback([=, &exitCode] { exitCode = runSample(*ws, *opts, *quiet); });
    }
    {
        auto* cmd = app.add_subcommand("show", "Print judgments exactly as the model sees them (the unified format)");
        auto ws = std::make_shared<std::string>();
        auto o = std::make_shared<ShowOptions>();
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_option("--task", o->task, "Only this task");
        cmd->add_option("--split", o->split, "Only this split")->check(CLI::IsMember({"train", "dev", "test"}));
        cmd->add_option("--limit,-n", o->limit, "How many judgments")->default_val(3)->check(CLI::Range(1, 1000000));
        cmd->add_option("--id", o->id, "One judgment by id");
        cmd->callback([=, &exitCode] { exitCode = runShow(*ws, *o); });
    }
    {
        auto* cmd = app.add_subcommand("index", "Finish the full-text search index (after an interrupted import or sample)");
        auto ws = std::make_shared<std::string>();
        auto quiet = std::make_shared<bool>(false);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_flag("--quiet,-q", *quiet, "No progress output");
        cmd->callback([=, &exitCode] { exitCode = runIndex(*ws, *quiet); });
    }
    {
        auto* cmd = app.add_subcommand("stats", "Counts per task, task type, capability and split");
        auto ws = std::make_shared<std::string>();
        auto asJson = std::make_shared<bool>(false);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_flag("--json", *asJson, "Print the stable JSON form (see README)");
        cmd->callback([=, &exitCode] { exitCode = runStats(*ws, *asJson); });
    }
    {
        auto* cmd = app.add_subcommand("import", "Import a JSON Lines file of human judgments");
        auto ws = std::make_shared<std::string>();
        auto file = std::make_shared<std::string>();
        auto options = std::make_shared<ImportOptions>();
        auto split = std::make_shared<std::string>();
        auto quiet = std::make_shared<bool>(false);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_option("FILE", *file, "Input file (JSON Lines, or a JSON array)")->required();
        cmd->add_option("--format", options->format, "Input format: " + knownImportFormats())->required();
        cmd->add_option("--task", options->task, "Target task key (formats that fit several tasks)");
        cmd->add_option("--split", *split, "Put every record into this split")->check(CLI::IsMember({"train", "dev", "test"}));
        cmd->add_flag("--skip-bad", options->skipBad, "Keep every good record and report each bad one as FILE:LINE: reason");
        cmd->add_flag("--quiet,-q", *quiet, "No progress output");
        cmd->callback([=, &exitCode] {
            ImportOptions o = *options;
            if (!split->empty()) o.split = parseSplit(*split);
            exitCode = runImport(*ws, *file, o, *quiet);
        });
    }
    {
        auto* cmd = app.add_subcommand("export", "Export judgments as JSON Lines");
        auto ws = std::make_shared<std::string>();
        auto options = std::make_shared<ExportOptions>();
        auto split = std::make_shared<std::string>();
        auto output = std::make_shared<std::string>();
        auto quiet = std::make_shared<bool>(false);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_option("--format", options->format, "judgments (the native schema) or text2text ({task, input, target})")
            ->required()->check(CLI::IsMember({"judgments", "text2text"}));
        cmd->add_option("--task", options->task, "Only this task");
        cmd->add_option("--split", *split, "Only this split")->check(CLI::IsMember({"train", "dev", "test"}));
        cmd->add_option("--output,-o", *output, "Output file ('-' for standard output)")->required();
        cmd->add_flag("--quiet,-q", *quiet, "No progress output");
        cmd->callback([=, &exitCode] { exitCode = runExport(*ws, *output, *options, *split, *quiet); });
    }
}

} // namespace flame::cli
