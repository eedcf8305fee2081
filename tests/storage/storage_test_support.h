#pragma once
// Checks the storage tests share: the set of content hashes of a workspace (to compare two
// workspaces row for row), and the invariants no fault may break.
#include <QtTest>

#include <set>
#include <string>

#include "model/sample/corpus.h"
#include "storage/sample_writer.h"
#include "storage/search_index.h"
#include "storage/stats.h"
#include "storage/workspace.h"

namespace flame::test {

// Creates `path` with `judgments` generated judgments and their search index, no evaluation,
// development or bias sets (fails the test binary if it cannot); returns the open workspace.
inline Workspace makeSampleWorkspace(const QString& path, std::int64_t judgments) {
    auto ws = Workspace::create(path.toStdString());
    if (!ws) qFatal("%s", ws.error().toString().c_str());
    sample::SampleOptions o;
    o.judgments = judgments;
    o.evalScale = 0;
    o.devScale = 0;
    o.biasInstructions = 0;
    auto r = writeSampleCorpus(*ws, o);
    if (!r) qFatal("%s", r.error().toString().c_str());
    auto indexed = indexSearchText(*ws); // the full-text index follows the rows (storage/search_index.h)
    if (!indexed) qFatal("%s", indexed.error().toString().c_str());
    return std::move(ws).value();
}

inline std::set<std::string> contentHashes(Workspace& ws) {
    std::set<std::string> out;
    auto st = ws.db().prepare("SELECT hex(content_hash) FROM judgments");
    while (st->step() == db::Statement::Step::Row) out.insert(st->string(0));
    return out;
}

// integrity_check is ok and the statistics table agrees with the rows; returns the row count
// (-1 after recording a failure).
inline std::int64_t checkIntact(Workspace& ws) {
    auto st = ws.db().prepare("PRAGMA integrity_check");
    st->step();
    if (st->string(0) != "ok") {
        QTest::qFail(("integrity_check: " + st->string(0)).c_str(), __FILE__, __LINE__);
        return -1;
    }
    const std::int64_t rows = *ws.db().queryInt("SELECT count(*) FROM judgments");
    const std::int64_t stats = computeStats(ws)->judgments;
    if (rows != stats) {
        QTest::qFail(("statistics say " + std::to_string(stats) + ", rows " + std::to_string(rows)).c_str(), __FILE__, __LINE__);
        return -1;
    }
    return rows;
}

} // namespace flame::test
