// JSON Lines import: a file of N judgments in the native schema (exported from a generated
// corpus) imported into an empty workspace — parse, check, hash, insert, statistics, full-text
// index, one transaction — against a raw SQLite insert loop that stores each line of the same
// file as it is. Also prints peak memory of the import alone (streaming: independent of size).
//   bench_import [--judgments N] [--dir /tmp] [--json results.jsonl]
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "bench_support.h"
#include "corpus/raw_insert_loop.h"
#include "storage/export.h"
#include "storage/import.h"
#include "storage/sample_writer.h"
#include "storage/search_index.h"
#include "storage/judgment_store.h"

using namespace flame;

static void removeWorkspace(const std::string& p) {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p + s);
    std::filesystem::remove_all(p + ".d");
}

int main(int argc, char** argv) {
    const std::int64_t n = std::stoll(bench::arg(argc, argv, "--judgments", "1000000"));
    const std::string dir = bench::arg(argc, argv, "--dir", "/tmp/flame-bench");
    const std::string json = bench::arg(argc, argv, "--json", "");
    std::filesystem::create_directories(dir);
    const std::string source = dir + "/import-source.flame", target = dir + "/import-target.flame";
    const std::string file = dir + "/import.jsonl";
    removeWorkspace(source);
    removeWorkspace(target);
    {
        auto ws = Workspace::create(source);
        sample::SampleOptions o;
        o.judgments = n;
        o.evalScale = 0;
        o.devScale = 0;
        o.biasInstructions = 0;
        if (!writeSampleCorpus(*ws, o)) return 1;
        if (!exportJudgments(*ws, file, ExportOptions{})) return 1;
    }
    const auto fileBytes = std::filesystem::file_size(file);

    bench::resetPeakMemory();
    bench::Stopwatch ours;
    const double cpuBefore = bench::threadCpuSeconds();
    std::int64_t inserted = 0;
    {
        auto ws = Workspace::create(target);
        ImportOptions o;
        o.format = "judgments";
        auto r = importFile(*ws, file, o);
        if (!r) return std::fprintf(stderr, "%s\n", r.error().toString().c_str()), 1;
        inserted = r->inserted;
    }
    const double oursSeconds = ours.seconds();
    const double writerCpu = bench::threadCpuSeconds() - cpuBefore;
    const double memory = bench::peakMemoryMiB();
    // Then the full-text index over the imported rows.
    bench::Stopwatch indexing;
    {
        auto ws = Workspace::open(target);
        auto r = indexSearchText(*ws);
        if (!r) return std::fprintf(stderr, "%s\n", r.error().toString().c_str()), 1;
    }
    const double indexSeconds = indexing.seconds();
    // Its peer: a raw loop of FTS5 inserts of the same texts into an empty contentless table.
    bench::Stopwatch rawFts;
    {
        auto ws = Workspace::open(target, WorkspaceMode::ReadOnly);
        sqlite3* db = nullptr;
        const std::string p = dir + "/import-fts.sqlite";
        std::remove(p.c_str());
        sqlite3_open(p.c_str(), &db);
        sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE VIRTUAL TABLE t USING fts5(text, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2'); BEGIN", nullptr, nullptr, nullptr);
        sqlite3_stmt* ins = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO t(rowid, text) VALUES(?, ?)", -1, &ins, nullptr);
        JudgmentCursor c(*ws);
        Judgment j;
        long n = 0;
        while (*c.next(j)) {
            std::string text = searchText(j);
            sqlite3_bind_int64(ins, 1, j.id);
            sqlite3_bind_text(ins, 2, text.c_str(), int(text.size()), SQLITE_STATIC);
            sqlite3_step(ins);
            sqlite3_reset(ins);
            if (++n % 100000 == 0) sqlite3_exec(db, "COMMIT; BEGIN", nullptr, nullptr, nullptr);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_finalize(ins);
        sqlite3_close(db);
        std::remove(p.c_str());
        std::remove((p + "-wal").c_str());
    }
    const double rawFtsSeconds = rawFts.seconds();

    bench::Stopwatch raw;
    {
        bench::RawInsertLoop loop(dir + "/import-raw.sqlite", "line TEXT");
        std::ifstream in(file);
        std::string line;
        while (std::getline(in, line)) {
            sqlite3_bind_text(loop.statement(), 1, line.c_str(), int(line.size()), SQLITE_STATIC);
            loop.step();
        }
    }
    const double rawSeconds = raw.seconds();
    std::printf("import of %lld judgments from %.0f MiB of JSON Lines\n", (long long)inserted, double(fileBytes) / 1048576.0);
    bench::report({"JSONL import, judgments/s", double(inserted) / oursSeconds, double(n) / rawSeconds, "rows/s",
                   "raw SQLite insert loop (same lines)", true,
                   "target: at least 100,000/s; rows + statistics in one transaction, searchable after indexing; "
                   "the writing thread used " + std::to_string(int(double(inserted) / writerCpu)) + " rows per CPU second"},
                  json);
    bench::report({"search indexing after import, judgments/s", double(inserted) / indexSeconds,
                   double(inserted) / rawFtsSeconds, "rows/s", "raw FTS5 insert loop (same texts)", true,
                   "import and indexing together: " + std::to_string(int(double(inserted) / (oursSeconds + indexSeconds))) + "/s"},
                  json);
    bench::report({"JSONL import, peak memory", memory, double(fileBytes) / 1048576.0, "MiB", "size of the file", false,
                   "streaming: memory does not follow the file"},
                  json);
    removeWorkspace(source);
    removeWorkspace(target);
    std::filesystem::remove(file);
    std::filesystem::remove(dir + "/import-raw.sqlite");
    std::filesystem::remove(dir + "/import-raw.sqlite-wal");
    return 0;
}
