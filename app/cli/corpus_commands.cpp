// flame init | sample | import | export | stats
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

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

// Brings the full-text index up to date after a bulk write; returns an exit code.
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
}

} // namespace

void addCorpusCommands(CLI::App& app, int& exitCode) {
    // --- init ---------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("init", "Create an empty workspace with the 102-task catalog");
        auto ws = std::make_shared<std::string>();
        auto catalogFile = std::make_shared<std::string>();
        cmd->add_option("WS", *ws, "Workspace file to create (e.g. corpus.flame)")->required();
        cmd->add_option("--catalog", *catalogFile, "Use this catalog JSON file instead of the built-in one");
        cmd->callback([=, &exitCode] {
            const Catalog* catalog = &Catalog::builtin();
            Expected<Catalog> loaded = Error::internal("unused");
            if (!catalogFile->empty()) {
                loaded = Catalog::fromFile(*catalogFile);
                if (!loaded) {
                    exitCode = report(loaded.error());
                    return;
                }
                catalog = &loaded.value();
            }
            auto created = Workspace::create(*ws, *catalog);
            if (!created) {
                exitCode = report(created.error());
                return;
            }
            std::printf("created %s with %zu tasks (%zu in the FLAMe collection)\n", ws->c_str(),
                        catalog->tasks().size(), catalog->flameTaskCount());
        });
    }
    // --- sample -------------------------------------------------------------------------------
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
        cmd->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws);
            if (!opened) {
                exitCode = report(opened.error());
                return;
            }
            Progress progress("sample", *quiet);
            auto result = writeSampleCorpus(*opened, *opts, [&](std::int64_t d, std::int64_t t) { return progress.update(d, t); });
            progress.finish();
            if (!result) {
                exitCode = report(result.error());
                return;
            }
            std::printf("generated sample corpus: %lld judgments added (%lld already present), %lld evaluation examples, "
                        "%lld bias-probe instructions. This data is GENERATED, not human judgments.\n",
                        (long long)result->inserted, (long long)result->duplicates, (long long)result->evalExamples,
                        (long long)result->biasItems);
            exitCode = indexForSearch(*opened, *quiet);
        });
    }
    // --- index --------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("index", "Finish the full-text search index (after an interrupted import or sample)");
        auto ws = std::make_shared<std::string>();
        auto quiet = std::make_shared<bool>(false);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_flag("--quiet,-q", *quiet, "No progress output");
        cmd->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws);
            if (!opened) {
                exitCode = report(opened.error());
                return;
            }
            auto before = searchIndexState(*opened);
            if (!before) {
                exitCode = report(before.error());
                return;
            }
            exitCode = indexForSearch(*opened, *quiet);
            if (exitCode == kOk) std::printf("indexed %lld judgments for search\n", (long long)before->pending);
        });
    }
    // --- stats --------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("stats", "Counts per task, task type, capability and split");
        auto ws = std::make_shared<std::string>();
        auto asJson = std::make_shared<bool>(false);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_flag("--json", *asJson, "Print the stable JSON form (see README)");
        cmd->callback([=, &exitCode] {
            auto opened = openForReading(*ws);
            if (!opened) {
                exitCode = report(opened.error());
                return;
            }
            auto stats = computeStats(*opened);
            if (!stats) {
                exitCode = report(stats.error());
                return;
            }
            if (*asJson)
                std::printf("%s\n", statsToJson(*stats).c_str());
            else
                printStatsText(*stats);
        });
    }
    // --- show ---------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("show", "Print judgments exactly as the model sees them (the unified format)");
        auto ws = std::make_shared<std::string>();
        auto task = std::make_shared<std::string>();
        auto split = std::make_shared<std::string>();
        auto limit = std::make_shared<int>(3);
        auto id = std::make_shared<std::int64_t>(0);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_option("--task", *task, "Only this task");
        cmd->add_option("--split", *split, "Only this split")->check(CLI::IsMember({"train", "dev", "test"}));
        cmd->add_option("--limit,-n", *limit, "How many judgments")->default_val(3)->check(CLI::Range(1, 1000000));
        cmd->add_option("--id", *id, "One judgment by id");
        cmd->callback([=, &exitCode] {
            auto opened = openForReading(*ws);
            if (!opened) {
                exitCode = report(opened.error());
                return;
            }
            std::int64_t taskId = 0;
            if (!task->empty() && !(taskId = opened->taskId(*task))) {
                exitCode = report(Error::badInput("unknown task '" + *task + "'"));
                return;
            }
            auto generated = opened->meta("generated");
            InstructionStore store(*opened);
            auto print = [&](const Judgment& j) {
                auto ins = store.current(j.taskKey);
                if (!ins) return report(ins.error());
                std::printf("=== judgment %lld  task %s  split %s%s%s\n", (long long)j.id, j.taskKey.c_str(), toString(j.split),
                            j.annotator.empty() ? "" : ("  annotator " + j.annotator).c_str(),
                            generated && *generated == "true" ? "  [generated sample data]" : "");
                std::printf("%s\n--- target ---\n%s\n\n", formatInput(ins->instructions, j.context).c_str(),
                            formatTarget(j.target).c_str());
                return int(kOk);
            };
            if (*id) {
                auto j = loadJudgment(*opened, *id);
                if (!j) {
                    exitCode = report(j.error());
                    return;
                }
                if (!j->has_value()) {
                    exitCode = report(Error::badInput("no judgment with id " + std::to_string(*id)));
                    return;
                }
                exitCode = print(**j);
                return;
            }
            JudgmentCursor cursor(*opened, taskId, split->empty() ? std::nullopt : parseSplit(*split), *limit);
            Judgment j;
            for (int n = 0; n < *limit; ++n) {
                auto more = cursor.next(j);
                if (!more) {
                    exitCode = report(more.error());
                    return;
                }
                if (!*more) break;
                if ((exitCode = print(j)) != kOk) return;
            }
        });
    }
    // --- import -------------------------------------------------------------------------------
    {
        auto* cmd = app.add_subcommand("import", "Import a JSON Lines file of human judgments");
        auto ws = std::make_shared<std::string>();
        auto file = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>();
        auto task = std::make_shared<std::string>();
        auto split = std::make_shared<std::string>();
        auto skipBad = std::make_shared<bool>(false);
        auto quiet = std::make_shared<bool>(false);
        cmd->add_option("WS", *ws, "Workspace file")->required();
        cmd->add_option("FILE", *file, "Input file (JSON Lines, or a JSON array)")->required();
        cmd->add_option("--format", *format, "Input format: " + knownImportFormats())->required();
        cmd->add_option("--task", *task, "Target task key (formats that fit several tasks)");
        cmd->add_option("--split", *split, "Put every record into this split")->check(CLI::IsMember({"train", "dev", "test"}));
        cmd->add_flag("--skip-bad", *skipBad, "Keep every good record and report each bad one as FILE:LINE: reason");
        cmd->add_flag("--quiet,-q", *quiet, "No progress output");
        cmd->callback([=, &exitCode] {
            auto opened = Workspace::open(*ws);
            if (!opened) {
                exitCode = report(opened.error());
                return;
            }
            ImportOptions options;
            options.format = *format;
            options.task = *task;
            if (!split->empty()) options.split = parseSplit(*split);
            options.skipBad = *skipBad;
            Progress progress("import", *quiet);
            options.progress = [&](std::int64_t d, std::int64_t t) { return progress.update(d, t); };
            auto result = importFile(*opened, *file, options);
            progress.finish();
            if (!result) {
                exitCode = report(result.error());
                return;
            }
            for (const auto& bad : result->badRecords) std::fprintf(stderr, "flame: %s\n", bad.toString().c_str());
            std::printf("imported %s: %lld records read, %lld judgments added, %lld already present, %lld evaluation "
                        "examples, %zu bad records skipped%s\n",
                        file->c_str(), (long long)result->records, (long long)result->inserted,
                        (long long)result->duplicates, (long long)result->evalExamples, result->badRecords.size(),
                        result->unpaired ? (", " + std::to_string(result->unpaired) + " records without a pair").c_str() : "");
            exitCode = indexForSearch(*opened, *quiet);
        });
    }
    // --- export -------------------------------------------------------------------------------
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
        cmd->callback([=, &exitCode] {
            auto opened = openForReading(*ws);
            if (!opened) {
                exitCode = report(opened.error());
                return;
            }
            ExportOptions o = *options;
            if (!split->empty()) o.split = parseSplit(*split);
            Progress progress("export", *quiet || *output == "-");
            o.progress = [&](std::int64_t d, std::int64_t t) { return progress.update(d, t); };
            auto result = exportJudgments(*opened, *output, o);
            progress.finish();
            if (!result) {
                exitCode = report(result.error());
                return;
            }
            if (*output != "-") std::printf("exported %lld judgments to %s\n", (long long)*result, output->c_str());
        });
    }
}

} // namespace flame::cli
