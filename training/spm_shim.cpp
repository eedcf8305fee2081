// The SentencePiece shim (see spm_api.h for why it exists). Built as its own shared library and
// never linked into anything: flame_training loads it at run time into a namespace of its own.
// Everything it allocates stays on its side; results are copied into the caller's buffers.
#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "training/spm_api.h"

namespace {

using Processor = sentencepiece::SentencePieceProcessor;

class VectorIterator : public sentencepiece::SentenceIterator {
public:
    VectorIterator(const char* const* texts, const std::size_t* sizes, std::size_t count)
        : m_texts(texts), m_sizes(sizes), m_count(count) {
        load();
    }
    bool done() const override { return m_pos >= m_count; }
    void Next() override {
        ++m_pos;
        load();
    }
    const std::string& value() const override { return m_current; }
    sentencepiece::util::Status status() const override { return {}; }

private:
    void load() {
        if (m_pos < m_count) m_current.assign(m_texts[m_pos], m_sizes[m_pos]);
    }
    const char* const* m_texts;
    const std::size_t* m_sizes;
    std::size_t m_count;
    std::size_t m_pos = 0;
    std::string m_current;
};

// Copies text into buf[0..cap), NUL-terminated when it fits; returns the full length.
long copyOut(const std::string& text, char* buf, std::size_t cap) {
    if (buf && cap > 0) {
        const std::size_t n = std::min(text.size(), cap - 1);
        std::memcpy(buf, text.data(), n);
        buf[n] = '\0';
    }
    return long(text.size());
}

void* load(const char* model, std::size_t modelSize, char* error, std::size_t errorCap) {
    auto* p = new Processor();
    auto status = p->LoadFromSerializedProto(absl::string_view(model, modelSize));
    if (!status.ok()) {
        copyOut(status.ToString(), error, errorCap);
        delete p;
        return nullptr;
    }
    return p;
}

void destroy(void* p) { delete static_cast<Processor*>(p); }

long encode(const void* p, const char* text, std::size_t textSize, int* ids, std::size_t cap) {
    std::vector<int> out;
    if (!static_cast<const Processor*>(p)->Encode(absl::string_view(text, textSize), &out).ok()) return -1;
    std::copy_n(out.begin(), std::min(out.size(), cap), ids);
    return long(out.size());
}

long decode(const void* p, const int* ids, std::size_t count, char* text, std::size_t cap) {
    std::string out;
    if (!static_cast<const Processor*>(p)->Decode(std::vector<int>(ids, ids + count), &out).ok()) return -1;
    return copyOut(out, text, cap);
}

int pieceSize(const void* p) { return static_cast<const Processor*>(p)->GetPieceSize(); }

long idToPiece(const void* p, int id, char* piece, std::size_t cap) {
    return copyOut(static_cast<const Processor*>(p)->IdToPiece(id), piece, cap);
}

int specialId(const void* p, int which) {
    const auto* proc = static_cast<const Processor*>(p);
    switch (which) {
    case 0: return proc->pad_id();
    case 1: return proc->bos_id();
    case 2: return proc->eos_id();
    default: return proc->unk_id();
    }
}

int train(const char* const* keys, const char* const* values, std::size_t argCount, const char* const* texts,
          const std::size_t* textSizes, std::size_t textCount, char* error, std::size_t errorCap) {
    std::unordered_map<std::string, std::string> args;
    for (std::size_t i = 0; i < argCount; ++i) args[keys[i]] = values[i];
    // The trainer stores its arguments in the model, model_prefix included. The caller's prefix
    // is a temporary path with a process id in it, which made every training of the same texts a
    // different file (and tokenizer hash) with the same pieces. So the model comes back as bytes
    // (the trainer then wants no prefix at all) and is written here under the caller's prefix.
    const std::string path = args["model_prefix"] + ".model";
    args.erase("model_prefix");
    VectorIterator it(texts, textSizes, textCount);
    std::string model;
    auto status = sentencepiece::SentencePieceTrainer::Train(args, &it, &model);
    if (!status.ok()) {
        copyOut(status.ToString(), error, errorCap);
        return 0;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out.write(model.data(), std::streamsize(model.size())) || !out.flush()) {
        copyOut("cannot write " + path, error, errorCap);
        return 0;
    }
    return 1;
}

const flame::training::SpmApi kApi = {flame::training::kSpmApiVersion, load, destroy, encode, decode, pieceSize,
                                      idToPiece, specialId, train};

} // namespace

extern "C" __attribute__((visibility("default"))) const flame::training::SpmApi* flame_spm_api() { return &kApi; }
