// flame tasks WS [--json] | tasks WS show KEY | tasks WS set-instructions KEY --from FILE
#include <CLI/CLI.hpp>

#include <cstdio>
#include <unistd.h>
#include <pwd.h>

#include "app/cli/cli_support.h"
#include "model/json.h"
#include "storage/instruction_store.h"
#include "storage/stats.h"

namespace flame::cli {

namespace {

json::Value strings(const std::vector<std::string>& v) {
    json::Array a;
    for (const auto& s : v) a.emplace_back(s);
    return json::Value(std::move(a));
}

json::Value taskJson(const TaskDefinition& t, std::int64_t judgments, const InstructionVersion* current) {
    json::Object o{{"key", json::Value(t.key)},
                   {"dataset", json::Value(t.dataset)},
                   {"collection", json::Value(toString(t.collection))},
                   {"type", json::Value(toString(t.type))},
                   {"capability", json::Value(toString(t.capability))},
                   {"licence", json::Value(t.licence)},
                   {"feedback", json::Value(t.aiFeedback ? "ai" : "human")},
                   {"input_fields", strings(t.inputFields)},
                   {"output_fields", strings(t.outputFields)},
                   {"judgments", json::Value(judgments)}};
    if (!t.labels.empty()) o.emplace_back("labels", strings(t.labels));
    if (t.type == TaskType::Pointwise)
        o.emplace_back("scale", json::Value(json::Array{json::Value(t.scaleMin), json::Value(t.scaleMax)}));
    if (current) {
        o.emplace_back("instructions", json::Value(json::Object{
                                           {"version", json::Value(current->version)},
                                           {"title", json::Value(current->instructions.title)},
                                           {"description", json::Value(current->instructions.description)},
                                           {"output_fields", strings(current->instructions.outputFields)},
                                           {"author", json::Value(current->author)},
                                           {"created_at", json::Value(current->createdAt)},
                                           {"message", json::Value(current->message)}}));
    }
    return json::Value(std::move(o));
}

std::string currentUser() {
    if (const char* u = std::getenv("USER"); u && *u) return u;
    if (passwd* pw = getpwuid(getuid())) return pw->pw_name;
    return "unknown";
}

int runShowTask(const std::string& path, const std::string& key, bool asJson) {
    CLI_TRY_VALUE(ws, openForReading(path));
    CLI_TRY_VALUE(stats, computeStats(*ws));
    const TaskDefinition* t = ws->catalog().find(key);
    if (!t) return report(Error::badInput("unknown task '" + key + "'"));
    InstructionStore store(*ws);
    CLI_TRY_VALUE(cur, store.current(t->key));
    if (asJson) {
        std::printf("%s\n", json::serialize(taskJson(*t, stats->byTask[t->key], &cur.value())).c_str());
        return kOk;
    }
    std::printf("%s  (%s, %s, %s)\n", t->key.c_str(), toString(t->type), toString(t->capability), t->dataset.c_str());
    std::printf("citation: %s   licence: %s   feedback: %s\n", t->citation.c_str(), t->licence.c_str(),
                t->aiFeedback ? "AI" : "human");
    std::printf("input fields: ");
    for (const auto& f : t->inputFields) std::printf("%s ", f.c_str());
    std::printf("\noutput fields: ");
    for (const auto& f : t->outputFields) std::printf("%s ", f.c_str());
    std::printf("\njudgments: %lld\n\ninstructions (version %d by %s, %s):\ntitle: %s\ndescription: %s\n",
                (long long)stats->byTask[t->key], cur->version, cur->author.c_str(), cur->createdAt.c_str(),
                cur->instructions.title.c_str(), cur->instructions.description.c_str());
    return kOk;
}

int runSetInstructions(const std::string& path, const std::string& key, const std::string& from,
                       const std::string& message, const std::string& author) {
    CLI_TRY_VALUE(ws, Workspace::open(path));
    CLI_TRY_VALUE(ins, readInstructionFile(from));
    InstructionStore store(*ws);
    CLI_TRY_VALUE(saved, store.save(key, *ins, author.empty() ? currentUser() : author,
                                    message.empty() ? "from " + from : message, InstructionStore::kAppend));
    std::printf("saved version %d of the instructions of %s\n", saved->version, key.c_str());
    return kOk;
}

int runListTasks(const std::string& path, bool asJson) {
    CLI_TRY_VALUE(ws, openForReading(path));
    CLI_TRY_VALUE(stats, computeStats(*ws));
    if (asJson) {
        json::Array all;
        for (const auto& t : ws->catalog().tasks()) all.push_back(taskJson(t, stats->byTask[t.key], nullptr));
        std::printf("%s\n", json::serialize(json::Value(std::move(all))).c_str());
        return kOk;
    }
    std::printf("%-36s %-15s %-19s %10s  %s\n", "task", "type", "capability", "judgments", "dataset");
    for (const auto& t : ws->catalog().tasks())
        std::printf("%-36s %-15s %-19s %10lld  %s%s\n", t.key.c_str(), toString(t.type), toString(t.capability),
                    (long long)stats->byTask[t.key], t.dataset.c_str(),
                    t.collection == Collection::Flame ? "" : t.collection == Collection::Eval ? "  [evaluation only]" : "  [outside FLAMe]");
    return kOk;
}

} // namespace

void addTaskCommands(CLI::App& app, int& exitCode) {
    auto* cmd = app.add_subcommand("tasks", "The task catalog of a workspace and its instructions");
    auto ws = std::make_shared<std::string>();
    auto asJson = std::make_shared<bool>(false);
    cmd->add_option("WS", *ws, "Workspace file")->required();
    cmd->add_flag("--json", *asJson, "Print JSON");

    auto* show = cmd->add_subcommand("show", "One task with its current instructions");
    show->fallthrough(); // --json may follow the subcommand
    auto showKey = std::make_shared<std::string>();
    show->add_option("KEY", *showKey, "Task key")->required();

    auto* set = cmd->add_subcommand("set-instructions", "Save a new instruction version from a JSON file");
    set->fallthrough();
    auto setKey = std::make_shared<std::string>();
    auto from = std::make_shared<std::string>();
    auto message = std::make_shared<std::string>();
    auto author = std::make_shared<std::string>();
    set->add_option("KEY", *setKey, "Task key")->required();
    set->add_option("--from", *from, "JSON file {\"title\", \"description\", \"output_fields\"}")->required();
    set->add_option("--message,-m", *message, "What changed and why");
    set->add_option("--author", *author, "Author (default: the current user)");

    cmd->callback([=, &exitCode] {
        if (show->parsed()) exitCode = runShowTask(*ws, *showKey, *asJson);
        else if (set->parsed()) exitCode = runSetInstructions(*ws, *setKey, *from, *message, *author);
        else exitCode = runListTasks(*ws, *asJson);
    });
}

} // namespace flame::cli
