// Sample-corpus generation at full size (5.3M judgments by default): our writer (generation on a
// second thread, judgments + statistics + full-text index, batched transactions) against a raw
// SQLite insert loop of the same rows (generated in the loop, stored in a bare table). Also prints
// generation alone, so the cost of storage can be read off.
//   bench_sample [--judgments N] [--dir /tmp] [--json results.jsonl]
#include <cstdio>
#include <filesystem>

#include "bench_support.h"
#include "corpus/raw_insert_loop.h"
#include "model/sample/corpus.h"
#include "storage/sample_writer.h"
#include "storage/search_index.h"

using namespace flame;

int main(int argc, char** argv) {
    const std::int64_t n = std::stoll(bench::arg(argc, argv, "--judgments", "5300000"));
    const std::string dir = bench::arg(argc, argv, "--dir", "/tmp/flame-bench");
    const std::string json = bench::arg(argc, argv, "--json", "");
    std::filesystem::create_directories(dir);
    const std::string wsPath = dir + "/bench-sample.flame";
    std::filesystem::remove(wsPath);
    std::filesystem::remove(wsPath + "-wal");
    std::filesystem::remove(wsPath + "-shm");
    std::filesystem::remove_all(wsPath + ".d");

    // Ours.
    bench::resetPeakMemory();
    bench::Stopwatch ours;
    double storedSeconds = 0;
    {
        auto ws = Workspace::create(wsPath);
        if (!ws) return std::fprintf(stderr, "%s\n", ws.error().toString().c_str()), 1;
        sample::SampleOptions o;
        o.judgments = n;
        auto r = writeSampleCorpus(*ws, o);
        if (!r) return std::fprintf(stderr, "%s\n", r.error().toString().c_str()), 1;
        storedSeconds = ours.seconds();
        auto indexed = indexSearchText(*ws);
        if (!indexed) return std::fprintf(stderr, "%s\n", indexed.error().toString().c_str()), 1;
    }
    const double oursSeconds = ours.seconds();
    const double oursMemory = bench::peakMemoryMiB();

    // Generation alone (same rows, same serialisation, nothing stored).
    auto plans = sample::planCorpus(Catalog::builtin(), n);
    bench::Stopwatch genOnly;
    std::size_t bytes = 0;
    Judgment j;
    for (const auto& p : plans)
        for (std::int64_t i = 0; i < p.count; ++i) {
            sample::generateRow(p, 1, i, j);
            bytes += fieldsToJson(j.context).size() + fieldsToJson(j.target).size();
        }
    const double genSeconds = genOnly.seconds();

    // The peer: a raw insert loop of the same rows.
    bench::Stopwatch raw;
    {
        bench::RawInsertLoop loop(dir + "/bench-raw.sqlite");
        for (const auto& p : plans)
            for (std::int64_t i = 0; i < p.count; ++i) {
                sample::generateRow(p, 1, i, j);
                std::string ctx = fieldsToJson(j.context), tgt = fieldsToJson(j.target), label = j.label();
                sqlite3_stmt* st = loop.statement();
                sqlite3_bind_text(st, 1, j.taskKey.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_int(st, 2, int(j.split));
                sqlite3_bind_text(st, 3, label.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 4, ctx.c_str(), int(ctx.size()), SQLITE_STATIC);
                sqlite3_bind_text(st, 5, tgt.c_str(), int(tgt.size()), SQLITE_STATIC);
                loop.step();
            }
    }
    const double rawSeconds = raw.seconds();
    std::uintmax_t oursSize = std::filesystem::file_size(wsPath);

    std::printf("sample corpus of %lld judgments (%.0f bytes of fields a row on average)\n", (long long)n,
                double(bytes) / double(n));
    bench::report({"sample generation, judgments/s", double(n) / oursSeconds, double(n) / rawSeconds, "rows/s",
                   "raw SQLite insert loop (same rows)", true,
                   "ours " + std::to_string(int(oursSeconds)) + " s in all: rows + statistics " +
                       std::to_string(int(storedSeconds)) + " s, then search index " +
                       std::to_string(int(oursSeconds - storedSeconds)) + " s; generation alone " +
                       std::to_string(int(genSeconds)) + " s"},
                  json);
    bench::report({"sample generation, peak memory", oursMemory, 1024, "MiB", "limit (issue: under 1 GB)", false,
                   "workspace file " + std::to_string(oursSize >> 20) + " MiB"},
                  json);
    std::filesystem::remove(dir + "/bench-raw.sqlite");
    std::filesystem::remove(dir + "/bench-raw.sqlite-wal");
    return 0;
}
