#pragma once
// The interface between flame_training and its SentencePiece shim (spm_shim.cpp).
//
// Why a shim: Debian's libsentencepiece embeds protobuf-lite 3.14 and exports its symbols, while
// LibTorch loads libprotobuf 3.21. Linked into one process, one copy interposes the other and the
// program aborts at start-up ("compiled against version 3.14.0 ... installed version 3.21.12") or
// crashes. The shim is a small shared library linked against SentencePiece and loaded with
// dlopen(RTLD_LOCAL | RTLD_DEEPBIND), so SentencePiece binds to its own protobuf and nobody else
// sees it. Both sides share libstdc++, so the API may use standard types.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace flame::training {

struct SpmApi {
    int version;
    void* (*load)(const std::string& modelBytes, std::string* error);
    void (*destroy)(void* processor);
    void (*encode)(const void* processor, std::string_view text, std::vector<int>* ids);
    void (*decode)(const void* processor, const std::vector<int>& ids, std::string* text);
    int (*pieceSize)(const void* processor);
    void (*idToPiece)(const void* processor, int id, std::string* piece);
    // 0 pad, 1 bos, 2 eos, 3 unk
    int (*specialId)(const void* processor, int which);
    bool (*train)(const std::unordered_map<std::string, std::string>& args, const std::vector<std::string>& sentences,
                  std::string* error);
};

inline constexpr int kSpmApiVersion = 1;

} // namespace flame::training

// Exported by the shim.
extern "C" const flame::training::SpmApi* flame_spm_api();
