#pragma once
// The interface between flame_training and its SentencePiece shim (spm_shim.cpp).
//
// Why a shim: Debian's libsentencepiece embeds protobuf-lite 3.14 and exports its symbols, while
// LibTorch loads libprotobuf 3.21. Linked into one process, one copy interposes the other and the
// program aborts at start-up ("compiled against version 3.14.0 ... installed version 3.21.12") or
// crashes. The shim is a small shared library linked against SentencePiece and loaded with
// dlmopen(LM_ID_NEWLM) into a link-map namespace of its own, so SentencePiece binds to its own
// protobuf and nobody else sees it.
//
// Why C types only: the new namespace has its own copies of libstdc++ and libc, hence its own
// heap. Nothing allocated on one side may be freed or grown on the other, so the API passes
// pointers and lengths into buffers the caller owns. (The earlier RTLD_DEEPBIND load shared the
// heap but is refused by the address and thread sanitizers; dlmopen is not.)
#include <cstddef>

namespace flame::training {

struct SpmApi {
    int version;
    // A processor from a serialized model; null with a message in error[0..errorCap) on failure.
    void* (*load)(const char* model, std::size_t modelSize, char* error, std::size_t errorCap);
    void (*destroy)(void* processor);
    // Write at most cap ids and return how many the text has (call again with a larger buffer
    // when the result exceeds cap); -1 on failure.
    long (*encode)(const void* processor, const char* text, std::size_t textSize, int* ids, std::size_t cap);
    // Write at most cap bytes of the decoded text and return its full length; -1 on failure.
    long (*decode)(const void* processor, const int* ids, std::size_t count, char* text, std::size_t cap);
    int (*pieceSize)(const void* processor);
    long (*idToPiece)(const void* processor, int id, char* piece, std::size_t cap);
    // 0 pad, 1 bos, 2 eos, 3 unk
    int (*specialId)(const void* processor, int which);
    // Trainer arguments as key/value pairs, sentences as (pointer, length) pairs; 1 on success.
    // Writes <model_prefix>.model only (no .vocab); the model's bytes depend on the arguments
    // other than model_prefix and on the texts alone.
    int (*train)(const char* const* keys, const char* const* values, std::size_t argCount, const char* const* texts,
                 const std::size_t* textSizes, std::size_t textCount, char* error, std::size_t errorCap);
};

inline constexpr int kSpmApiVersion = 2;

} // namespace flame::training

// Exported by the shim.
extern "C" const flame::training::SpmApi* flame_spm_api();
