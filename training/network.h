#pragma once
// The autorater network: a decoder-only pre-norm Transformer (GPT-2 layout: learned absolute
// positions, GELU MLP, final LayerNorm, output projection tied to the token embedding) trained with
// teacher forcing on input + target, the loss on target tokens only (DESIGN.md section 5).
//
// Parameter names are the state-dict names the Python rebuild (scripts/flame_model.py) uses:
// tok_emb.weight, pos_emb.weight, blocks.N.{ln1,attn.qkv,attn.proj,ln2,fc1,fc2}.{weight,bias},
// ln_f.{weight,bias}, and seg_emb.weight when ModelConfig::segments > 0 (a learned embedding of the
// segment id of each token, training/data.h, added to token + position embeddings).
//
// Dropout on CPU is counter-based per example: the mask of a row depends only on (seed, global
// example number, site, element), never on which rank or micro-batch the row is in, so data
// parallelism and gradient accumulation reproduce a single process's losses, and resuming needs
// no generator state. On CUDA the device's own dropout is used (fast, not layout-independent).
//
// Include cost: narrow Torch headers only; training/ sources get the rest from the PCH.
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include <cstdint>
#include <vector>

#include "training/config.h"

namespace flame::training {

struct DropoutContext {
    double p = 0;
    std::uint64_t seed = 0;
    const std::vector<std::uint64_t>* exampleIds = nullptr; // one per row
};

// Keys and values of every layer for incremental decoding and prefix-shared scoring.
struct KVCache {
    std::vector<at::Tensor> keys, values; // per layer [B, H, T, Dh]
    at::Tensor keyValid;                  // [B, T] bool: false for left padding
    std::int64_t length() const { return keys.empty() || !keys.front().defined() ? 0 : keys.front().size(2); }
    // Repeats row i of the cache rows[i] times (one copy per candidate).
    KVCache select(const at::Tensor& rowIndex) const;
};

class AttentionImpl : public torch::nn::Module {
public:
    AttentionImpl(int dModel, int heads);
    // x [B, T, d]; positionsValid: the additive mask [B or 1, 1, T, Tk] (0 or a large negative).
    at::Tensor forward(const at::Tensor& x, const at::Tensor& mask, at::Tensor* cacheK, at::Tensor* cacheV);

    torch::nn::Linear qkv{nullptr}, proj{nullptr};

private:
    int m_heads;
};
TORCH_MODULE(Attention);

class BlockImpl : public torch::nn::Module {
public:
    BlockImpl(const ModelConfig& c);
    at::Tensor forward(const at::Tensor& x, const at::Tensor& mask, at::Tensor* cacheK, at::Tensor* cacheV,
                       const DropoutContext* drop, int layer);

    torch::nn::LayerNorm ln1{nullptr}, ln2{nullptr};
    Attention attn{nullptr};
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(Block);

class TransformerImpl : public torch::nn::Module {
public:
    explicit TransformerImpl(const ModelConfig& config);

    // Hidden states [B, T, d] of `tokens` [B, T] (int64).
    //  - positions: [B, T] int64, or undefined for 0..T-1 (after the cache's length when cached);
    //  - cache: when given, attends to its keys too and appends this call's keys and values;
    //  - keyValid: [B, Tcache + T] bool, false at left padding; undefined when nothing is padded;
    //  - segments: [B, T] int64 segment ids; required when the network has a segment embedding,
    //    ignored otherwise (ids past the last row share it).
    at::Tensor forward(const at::Tensor& tokens, const at::Tensor& positions = {}, KVCache* cache = nullptr,
                       const at::Tensor& keyValid = {}, const DropoutContext* drop = nullptr,
                       const at::Tensor& segments = {});
    // Logits over the vocabulary of hidden states [..., d].
    at::Tensor logits(const at::Tensor& hidden) const;
    // Sum of the negative log-likelihood of the labelled positions (labels -100 are skipped) and
    // their count, computing the output projection only at those positions.
    std::pair<at::Tensor, std::int64_t> lossSum(const at::Tensor& inputs, const at::Tensor& labels,
                                                const DropoutContext* drop = nullptr, const at::Tensor& segments = {});
    // The same sum for `labels` and for `contextLabels` (the auxiliary loss on context tokens),
    // from one forward pass; the second is an undefined tensor when contextLabels is.
    std::pair<at::Tensor, at::Tensor> lossSums(const at::Tensor& inputs, const at::Tensor& labels,
                                               const at::Tensor& contextLabels, const DropoutContext* drop,
                                               const at::Tensor& segments);
    bool hasSegments() const { return !seg_emb.is_empty(); }

    const ModelConfig& config() const { return m_config; }
    KVCache emptyCache() const;

    torch::nn::Embedding tok_emb{nullptr}, pos_emb{nullptr}, seg_emb{nullptr};
    torch::nn::ModuleList blocks{nullptr};
    torch::nn::LayerNorm ln_f{nullptr};

private:
    ModelConfig m_config;
};
TORCH_MODULE(Transformer);

// Applies counter-based dropout (see the file comment) to x [B, T, ...]; identity when p == 0 or
// the module is in eval mode (callers pass drop == nullptr then).
at::Tensor exampleDropout(const at::Tensor& x, const DropoutContext& drop, std::uint64_t site);

// Initialises weights GPT-2 style from the current Torch generator (seed it first).
void initWeights(TransformerImpl& model);

} // namespace flame::training
