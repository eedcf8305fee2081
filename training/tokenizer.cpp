#include "training/tokenizer.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "model/format.h"
#include "model/random.h"
#include "storage/instruction_store.h"
#include "storage/judgment_store.h"
#include "storage/workspace.h"
#include "training/spm_api.h"

namespace flame::training {

namespace fs = std::filesystem;

namespace {

struct ShimLoad {
    const SpmApi* api = nullptr;
    std::string error;
};

// The shim goes into a link-map namespace of its own (see spm_api.h). Where dlmopen cannot place
// it (a glibc without room for a second libc's static TLS, say), RTLD_DEEPBIND isolates it as
// well, except under a sanitizer, whose runtime refuses that flag and the heap it would bypass.
void* openShim(const std::string& path) {
    if (void* handle = ::dlmopen(LM_ID_NEWLM, path.c_str(), RTLD_NOW | RTLD_LOCAL)) return handle;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return nullptr;
#else
    return ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
#endif
}

// Loads the SentencePiece shim once: $FLAME_SPM_SHIM, the path of the build tree, then beside
// the executable and in ../lib/flame.
const ShimLoad& shim() {
    static ShimLoad result;
    static std::once_flag once;
    std::call_once(once, [] {
        std::vector<std::string> candidates;
        if (const char* env = std::getenv("FLAME_SPM_SHIM"); env && *env) candidates.push_back(env);
#ifdef FLAME_SPM_SHIM_PATH
        candidates.push_back(FLAME_SPM_SHIM_PATH);
#endif
        std::error_code ec;
        fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (!ec) {
            candidates.push_back((exe.parent_path() / "libflame_spm_shim.so").string());
            candidates.push_back((exe.parent_path() / "../lib/flame/libflame_spm_shim.so").string());
            candidates.push_back((exe.parent_path() / "../training/libflame_spm_shim.so").string());
        }
        std::string tried;
        for (const auto& path : candidates) {
            if (!fs::exists(path, ec)) {
                tried += " " + path;
                continue;
            }
            void* handle = openShim(path);
            if (!handle) {
                const char* why = ::dlerror();
                result.error = "cannot load the SentencePiece shim " + path + ": " + (why ? why : "?");
                return;
            }
            auto fn = reinterpret_cast<const SpmApi* (*)()>(::dlsym(handle, "flame_spm_api"));
            const SpmApi* api = fn ? fn() : nullptr;
            if (!api || api->version != kSpmApiVersion) {
                result.error = "the SentencePiece shim " + path + " has another interface version; rebuild flame";
                return;
            }
            result.api = api;
            return;
        }
        result.error = "the SentencePiece shim libflame_spm_shim.so was not found (looked at" + tried +
                       "); set FLAME_SPM_SHIM to its path";
    });
    return result;
}

} // namespace

struct Tokenizer::Impl {
    const SpmApi* api = nullptr;
    void* processor = nullptr;
    ~Impl() {
        if (processor) api->destroy(processor);
    }
};

Tokenizer::Tokenizer() : m_impl(std::make_unique<Impl>()) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Expected<Tokenizer> Tokenizer::fromBytes(std::string bytes, const std::string& name) {
    if (bytes.empty()) return Error::badInput("the tokenizer model file is empty", name);
    const ShimLoad& s = shim();
    if (!s.api) return Error::internal(s.error);
    Tokenizer t;
    t.m_impl->api = s.api;
    char why[512] = "";
    t.m_impl->processor = s.api->load(bytes.data(), bytes.size(), why, sizeof why);
    if (!t.m_impl->processor)
        return Error::badInput(std::string("not a valid SentencePiece model (truncated or corrupt?): ") + why, name);
    const void* p = t.m_impl->processor;
    if (s.api->pieceSize(p) < 8 || s.api->specialId(p, 0) != kPad || s.api->specialId(p, 1) != kBos ||
        s.api->specialId(p, 2) != kEos || s.api->specialId(p, 3) != kUnk)
        return Error::badInput("the SentencePiece model does not use FLAMe's special ids (pad 0, <s> 1, </s> 2, <unk> 3); "
                               "train it with `flame tokenizer WS train`",
                               name);
    t.m_hash = murmur3_128(bytes).hex();
    t.m_bytes = std::move(bytes);
    return t;
}

Expected<Tokenizer> Tokenizer::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::badInput("cannot open the tokenizer model file", path);
    std::stringstream ss;
    ss << in.rdbuf();
    return fromBytes(ss.str(), path);
}

void Tokenizer::encodeAppend(std::string_view text, std::vector<std::int32_t>& out) const {
    static_assert(sizeof(int) == sizeof(std::int32_t));
    // A piece covers at least one byte, so the text's length plus a little is nearly always
    // enough room; the rare longer encoding is retried with the exact size.
    const std::size_t start = out.size();
    std::size_t room = text.size() + 8;
    for (;;) {
        out.resize(start + room);
        const long n = m_impl->api->encode(m_impl->processor, text.data(), text.size(),
                                           reinterpret_cast<int*>(out.data() + start), room);
        if (n < 0) {
            out.resize(start);
            return;
        }
        if (std::size_t(n) <= room) {
            out.resize(start + std::size_t(n));
            return;
        }
        room = std::size_t(n);
    }
}

std::vector<int> Tokenizer::encode(std::string_view text) const {
    std::vector<std::int32_t> ids;
    encodeAppend(text, ids);
    return {ids.begin(), ids.end()};
}

namespace {

// Calls a shim function that writes at most cap bytes and returns the full length.
template <typename Write>
std::string readString(Write write) {
    std::string text(64, '\0');
    for (;;) {
        const long n = write(text.data(), text.size());
        if (n < 0) return {};
        if (std::size_t(n) < text.size()) { // it fitted, with the terminating NUL
            text.resize(std::size_t(n));
            return text;
        }
        text.resize(std::size_t(n) + 1);
    }
}

} // namespace

std::string Tokenizer::decode(const std::vector<int>& ids) const {
    return readString([&](char* buf, std::size_t cap) {
        return m_impl->api->decode(m_impl->processor, ids.data(), ids.size(), buf, cap);
    });
}

int Tokenizer::vocabSize() const { return m_impl->api->pieceSize(m_impl->processor); }

std::string Tokenizer::piece(int id) const {
    return readString([&](char* buf, std::size_t cap) { return m_impl->api->idToPiece(m_impl->processor, id, buf, cap); });
}

Status trainTokenizerOnTexts(const std::vector<std::string>& texts, const TokenizerTrainOptions& options,
                             const std::string& modelPath) {
    if (texts.empty()) return Error::badInput("no text to train the tokenizer on");
    if (options.modelType != "bpe" && options.modelType != "unigram")
        return Error::badInput("tokenizer model type must be bpe or unigram, not " + options.modelType);
    if (options.vocabSize < 300)
        return Error::badInput("the vocabulary must have at least 300 pieces (256 byte pieces + specials)");
    std::string prefix = modelPath;
    if (prefix.size() > 6 && prefix.compare(prefix.size() - 6, 6, ".model") == 0) prefix.resize(prefix.size() - 6);
    std::unordered_map<std::string, std::string> args = {
        {"model_prefix", prefix},
        {"model_type", options.modelType},
        {"vocab_size", std::to_string(options.vocabSize)},
        // The sample corpus has a small lexicon: a unigram model cannot always reach the
        // requested size, and a smaller vocabulary is then the right answer, not an error.
        {"hard_vocab_limit", "false"},
        {"normalization_rule_name", "identity"},
        {"remove_extra_whitespaces", "false"},
        {"add_dummy_prefix", "false"},
        {"user_defined_symbols", "\n"},
        {"byte_fallback", "true"},
        {"character_coverage", "1.0"},
        {"split_digits", "true"},
        {"pad_id", "0"},
        {"bos_id", "1"},
        {"eos_id", "2"},
        {"unk_id", "3"},
        {"max_sentence_length", "1000000"},
        {"num_threads", std::to_string(std::max(1, options.threads))},
        {"shuffle_input_sentence", "false"},
        {"minloglevel", "2"},
    };
    const ShimLoad& shimLoad = shim();
    if (!shimLoad.api) return Error::internal(shimLoad.error);
    std::vector<const char*> keys, values, textPtrs;
    std::vector<std::size_t> textSizes;
    for (const auto& [key, value] : args) {
        keys.push_back(key.c_str());
        values.push_back(value.c_str());
    }
    for (const auto& t : texts) {
        textPtrs.push_back(t.data());
        textSizes.push_back(t.size());
    }
    char why[512] = "";
    if (!shimLoad.api->train(keys.data(), values.data(), keys.size(), textPtrs.data(), textSizes.data(), texts.size(),
                             why, sizeof why))
        return Error::internal(std::string("SentencePiece training failed: ") + why);
    std::error_code ec;
    if (prefix + ".model" != modelPath) fs::rename(prefix + ".model", modelPath, ec);
    if (ec) return Error::internal("cannot move the tokenizer model: " + ec.message(), modelPath);
    return {};
}

std::string artifactPath(const Workspace& ws, const std::string& relative) {
    if (!relative.empty() && relative.front() == '/') return relative;
    return ws.artifactDir() + "/" + relative;
}

Expected<TokenizerTrainResult> trainTokenizer(Workspace& ws, const TokenizerTrainOptions& options,
                                              const std::function<bool(std::int64_t, std::int64_t)>& progress) {
    // Reservoir sample of formatted training examples, deterministic for the seed: every train
    // judgment of the human-labelled FLAMe tasks is a candidate.
    InstructionStore instructions(ws);
    std::unordered_map<std::int64_t, Instructions> current;
    std::unordered_map<std::int64_t, bool> eligible;
    std::vector<std::string> texts;
    for (const auto& task : ws.catalog().tasks()) {
        std::int64_t id = ws.taskId(task.key);
        auto v = instructions.current(task.key);
        if (!v) return v.error();
        current[id] = v->instructions;
        eligible[id] = task.collection == Collection::Flame && !task.aiFeedback;
        // The instruction blocks of every task (evaluation tasks too) so their words are pieces.
        texts.push_back(formatInput(v->instructions, {}));
    }
    const std::size_t fixed = texts.size();
    const std::int64_t want = std::max<std::int64_t>(1, options.sampleExamples);
    std::vector<Judgment> reservoir;
    Rng rng(options.seed ^ 0x70CE11ull);
    std::int64_t seen = 0;
    JudgmentCursor cursor(ws, 0, Split::Train);
    Judgment j;
    for (;;) {
        auto more = cursor.next(j);
        if (!more) return more.error();
        if (!*more) break;
        std::int64_t taskId = ws.taskId(j.taskKey);
        if (!eligible[taskId] || j.aiFeedback) continue;
        ++seen;
        if (std::int64_t(reservoir.size()) < want) reservoir.push_back(j);
        else if (std::uint64_t r = rng.below(std::uint64_t(seen)); r < std::uint64_t(want)) reservoir[r] = j;
        if (progress && seen % 20000 == 0 && !progress(seen, 0)) return Error::cancelled();
    }
    if (reservoir.empty()) return Error::badInput("the workspace has no training judgments to train a tokenizer on", ws.path());
    for (const auto& r : reservoir) {
        const Instructions& ins = current[ws.taskId(r.taskKey)];
        texts.push_back(formatExample(ins, r.context, r.target));
    }
    std::error_code ec;
    const std::string dir = ws.artifactDir() + "/tokenizer";
    fs::create_directories(dir, ec);
    if (ec) return Error::internal("cannot create " + dir + ": " + ec.message());
    const std::string tmp = dir + "/training-" + std::to_string(::getpid()) + ".model";
    if (auto s = trainTokenizerOnTexts(texts, options, tmp); !s) return s.error();
    auto tok = Tokenizer::load(tmp);
    if (!tok) return tok.error();
    TokenizerTrainResult result;
    result.hash = tok->hash();
    result.relative = "tokenizer/spm-" + result.hash.substr(0, 16) + ".model";
    result.path = dir + "/spm-" + result.hash.substr(0, 16) + ".model";
    fs::rename(tmp, result.path, ec);
    if (ec) return Error::internal("cannot store the tokenizer: " + ec.message(), result.path);
    result.vocabSize = tok->vocabSize();
    result.examples = std::int64_t(texts.size() - fixed);
    if (auto s = ws.setMeta("tokenizer.path", result.relative); !s) return s.error();
    if (auto s = ws.setMeta("tokenizer.hash", result.hash); !s) return s.error();
    return result;
}

Expected<Tokenizer> loadWorkspaceTokenizer(Workspace& ws, std::string* relativePath) {
    auto rel = ws.meta("tokenizer.path");
    if (!rel || rel->empty())
        return Error::badInput("the workspace has no tokenizer yet: run `flame tokenizer " + ws.path() + " train`");
    if (relativePath) *relativePath = *rel;
    auto tok = Tokenizer::load(artifactPath(ws, *rel));
    if (!tok) return tok.error();
    auto hash = ws.meta("tokenizer.hash");
    if (hash && !hash->empty() && *hash != tok->hash())
        return Error::badInput("the tokenizer file changed since it was trained (hash " + tok->hash() + ", recorded " +
                                   *hash + ")",
                               artifactPath(ws, *rel));
    return tok;
}

} // namespace flame::training
