#pragma once
// Helpers of the training CLI tests: the JSON event lines a `flame train --json` or worker prints.
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

#include "model/json.h"
#include "storage/run_store.h"
#include "storage/workspace.h"

namespace flame::test {

// `flame train` options for a network small enough for tests: one layer of width 32, short
// sequences, one thread, seed 5; evaluations (of 20 examples) and checkpoints every `every` steps.
inline QStringList smallNetwork(int steps, int every) {
    return {"--steps", QString::number(steps), "--batch", "4", "--layers", "1", "--d-model", "32", "--heads", "2",
            "--d-ff", "64", "--max-seq", "160", "--max-target", "24", "--eval-every", QString::number(every),
            "--eval-limit", "20", "--checkpoint-every", QString::number(every), "--threads", "1", "--seed", "5"};
}

// Every line of `out` that parses as JSON.
inline std::vector<json::Value> jsonLines(const QString& out) {
    std::vector<json::Value> v;
    for (const QString& line : out.split('\n', Qt::SkipEmptyParts)) {
        json::ParseError e;
        if (auto j = json::parse(line.toStdString(), &e)) v.push_back(std::move(*j));
    }
    return v;
}

// The lines whose "event" is `name`.
inline std::vector<const json::Value*> events(const std::vector<json::Value>& lines, const char* name) {
    std::vector<const json::Value*> out;
    for (const auto& l : lines)
        if (l.isObject() && l.find("event") && l.find("event")->asString() == name) out.push_back(&l);
    return out;
}

// The run id of the "created" event (0 when there is none).
inline std::int64_t createdRun(const QString& out) {
    const auto lines = jsonLines(out);
    const auto created = events(lines, "created");
    return created.empty() ? 0 : created.front()->find("run")->asInt();
}

// The recorded training loss of every step of a run, in step order.
inline std::vector<double> runLosses(const QString& workspace, std::int64_t run) {
    auto ws = Workspace::open(workspace.toStdString(), WorkspaceMode::ReadOnly);
    RunStore runs(*ws);
    std::vector<double> out;
    for (const auto& p : *runs.metrics(run, "loss")) out.push_back(p.value);
    return out;
}

// The run's row as the workspace has it now.
inline RunRecord runRecord(const QString& workspace, std::int64_t run) {
    auto ws = Workspace::open(workspace.toStdString(), WorkspaceMode::ReadOnly);
    RunStore runs(*ws);
    return *runs.require(run);
}

} // namespace flame::test
