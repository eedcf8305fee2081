#pragma once
// SentencePiece tokenizer of the formatted corpus (DESIGN.md section 5). The model file is a
// plain SentencePiece model: Python's `sentencepiece` loads it unchanged and gives the same ids.
//
// Text is kept exactly: identity normalisation, no whitespace collapsing, no dummy prefix, and
// "\n" is a user-defined piece, so the three blocks of the unified format survive a round trip
// and segments tokenized separately concatenate without spurious spaces. Byte fallback makes
// every string encodable.
//
// Ids: 0 <pad>, 1 <s>, 2 </s>, 3 <unk>. Thread safety: encode/decode are const and safe to call
// from several threads (SentencePieceProcessor's encoding is const).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "model/hash.h"

namespace flame {
class Workspace;
}

namespace flame::training {

class Tokenizer {
public:
    static constexpr int kPad = 0, kBos = 1, kEos = 2, kUnk = 3;

    // Loads a model file; a missing, truncated or corrupt file is a clear BadInput error.
    static Expected<Tokenizer> load(const std::string& path);
    // Loads from the bytes of a model file.
    static Expected<Tokenizer> fromBytes(std::string bytes, const std::string& nameForErrors);

    Tokenizer(Tokenizer&&) noexcept;
    Tokenizer& operator=(Tokenizer&&) noexcept;
    ~Tokenizer();

    std::vector<int> encode(std::string_view text) const;
    void encodeAppend(std::string_view text, std::vector<std::int32_t>& out) const;
    std::string decode(const std::vector<int>& ids) const;
    int vocabSize() const;
    std::string piece(int id) const;
    // 32 hex digits of MurmurHash3 over the model file's bytes; recorded in every run.
    const std::string& hash() const { return m_hash; }
    const std::string& bytes() const { return m_bytes; }

private:
    Tokenizer();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_bytes;
    std::string m_hash;
};

struct TokenizerTrainOptions {
    int vocabSize = 4000;
    std::int64_t sampleExamples = 20000; // formatted training examples fed to the trainer
    std::uint64_t seed = 1;
    std::string modelType = "bpe";       // bpe or unigram; bpe keeps the format's words whole
    int threads = 2;
};

struct TokenizerTrainResult {
    std::string path;     // absolute path of the model file
    std::string relative; // path relative to the workspace's artifact folder
    std::string hash;
    int vocabSize = 0;
    std::int64_t examples = 0;
};

// Trains on a deterministic sample of formatted training examples (current instructions, train
// split, human feedback) and stores the model as <ws>.flame.d/tokenizer/spm-<hash>.model; the
// workspace's meta keys "tokenizer.path" and "tokenizer.hash" point at it.
Expected<TokenizerTrainResult> trainTokenizer(Workspace& ws, const TokenizerTrainOptions& options,
                                              const std::function<bool(std::int64_t, std::int64_t)>& progress = {});

// Trains from given texts into `modelPath` (tests, benchmarks).
Status trainTokenizerOnTexts(const std::vector<std::string>& texts, const TokenizerTrainOptions& options,
                             const std::string& modelPath);

// The workspace's current tokenizer (meta "tokenizer.path"), or a BadInput error telling the user
// to run `flame tokenizer WS train`.
Expected<Tokenizer> loadWorkspaceTokenizer(Workspace& ws, std::string* relativePath = nullptr);
// Resolves a path stored relative to the artifact folder.
std::string artifactPath(const Workspace& ws, const std::string& relative);

} // namespace flame::training
