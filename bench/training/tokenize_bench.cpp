// Tokenization throughput of the C++ tokenizer (SentencePiece through flame's shim), on formatted
// training examples of a workspace. Writes the texts to --texts FILE (JSON Lines) so that
// bench/training/tokenize_peer.py encodes exactly the same strings with Python sentencepiece.
// Single thread on both sides. Prints one JSON object.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "model/format.h"
#include "model/json.h"
#include "storage/instruction_store.h"
#include "storage/judgment_store.h"
#include "storage/workspace.h"
#include "training/tokenizer.h"

using namespace flame;
using namespace flame::training;

int main(int argc, char** argv) {
    std::string wsPath, textsPath;
    int limit = 20000, rounds = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--workspace") wsPath = argv[i + 1];
        else if (k == "--texts") textsPath = argv[i + 1];
        else if (k == "--limit") limit = std::atoi(argv[i + 1]);
        else if (k == "--rounds") rounds = std::atoi(argv[i + 1]);
    }
    if (wsPath.empty() || textsPath.empty()) {
        std::fprintf(stderr, "usage: %s --workspace WS --texts OUT.jsonl [--limit N] [--rounds R]\n", argv[0]);
        return 2;
    }
    auto ws = Workspace::open(wsPath, WorkspaceMode::ReadOnly);
    if (!ws) return std::fprintf(stderr, "%s\n", ws.error().toString().c_str()), 1;
    auto tok = loadWorkspaceTokenizer(*ws);
    if (!tok) return std::fprintf(stderr, "%s\n", tok.error().toString().c_str()), 1;
    InstructionStore store(*ws);
    std::vector<std::string> texts;
    JudgmentCursor cursor(*ws);
    Judgment j;
    std::size_t bytes = 0;
    while (int(texts.size()) < limit) {
        auto more = cursor.next(j);
        if (!more || !*more) break;
        auto v = store.current(j.taskKey);
        if (!v) continue;
        texts.push_back(formatExample(v->instructions, j.context, j.target));
        bytes += texts.back().size();
    }
    {
        std::ofstream out(textsPath);
        for (const auto& t : texts) out << json::quoted(t) << "\n";
    }
    double best = 1e30;
    std::size_t tokens = 0;
    for (int r = 0; r < rounds; ++r) {
        tokens = 0;
        const auto t0 = std::chrono::steady_clock::now();
        for (const auto& t : texts) tokens += tok->encode(t).size();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::printf("{\"texts\":%zu,\"bytes\":%zu,\"tokens\":%zu,\"cpp_seconds\":%.4f,\"cpp_texts_per_s\":%.1f,\"cpp_mb_per_s\":%.3f}\n",
                texts.size(), bytes, tokens, best, double(texts.size()) / best, double(bytes) / best / 1e6);
    return 0;
}
