// The SentencePiece shim (see spm_api.h for why it exists). Built as its own shared library and
// never linked into anything: flame_training loads it at run time.
#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include "training/spm_api.h"

namespace {

using Processor = sentencepiece::SentencePieceProcessor;

class VectorIterator : public sentencepiece::SentenceIterator {
public:
    explicit VectorIterator(const std::vector<std::string>& texts) : m_texts(texts) {}
    bool done() const override { return m_pos >= m_texts.size(); }
    void Next() override { ++m_pos; }
    const std::string& value() const override { return m_texts[m_pos]; }
    sentencepiece::util::Status status() const override { return {}; }

private:
    const std::vector<std::string>& m_texts;
    std::size_t m_pos = 0;
};

void* load(const std::string& bytes, std::string* error) {
    auto* p = new Processor();
    auto status = p->LoadFromSerializedProto(bytes);
    if (!status.ok()) {
        if (error) *error = status.ToString();
        delete p;
        return nullptr;
    }
    return p;
}

void destroy(void* p) { delete static_cast<Processor*>(p); }

void encode(const void* p, std::string_view text, std::vector<int>* ids) {
    static_cast<const Processor*>(p)->Encode(absl::string_view(text.data(), text.size()), ids);
}

void decode(const void* p, const std::vector<int>& ids, std::string* text) {
    static_cast<const Processor*>(p)->Decode(ids, text);
}

int pieceSize(const void* p) { return static_cast<const Processor*>(p)->GetPieceSize(); }

void idToPiece(const void* p, int id, std::string* piece) { *piece = static_cast<const Processor*>(p)->IdToPiece(id); }

int specialId(const void* p, int which) {
    const auto* proc = static_cast<const Processor*>(p);
    switch (which) {
    case 0: return proc->pad_id();
    case 1: return proc->bos_id();
    case 2: return proc->eos_id();
    default: return proc->unk_id();
    }
}

bool train(const std::unordered_map<std::string, std::string>& args, const std::vector<std::string>& sentences,
           std::string* error) {
    VectorIterator it(sentences);
    auto status = sentencepiece::SentencePieceTrainer::Train(args, &it);
    if (!status.ok() && error) *error = status.ToString();
    return status.ok();
}

const flame::training::SpmApi kApi = {flame::training::kSpmApiVersion, load, destroy, encode, decode, pieceSize,
                                      idToPiece, specialId, train};

} // namespace

extern "C" __attribute__((visibility("default"))) const flame::training::SpmApi* flame_spm_api() { return &kApi; }
