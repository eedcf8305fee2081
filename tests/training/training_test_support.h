#pragma once
// Helpers of the training CLI tests: the JSON event lines a `flame train --json` or worker prints.
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

#include "model/json.h"

namespace flame::test {

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

} // namespace flame::test
