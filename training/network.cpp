#include "training/network.h"

#include <ATen/Parallel.h>
#include <torch/nn/functional/loss.h>

#include <cmath>

namespace flame::training {

namespace {

// A masked key gets this score: finite, so a query whose keys are all padding (a left-padding
// position nobody reads) still has a defined softmax and never spreads NaN through the cache.
constexpr double kMasked = -1e9;

inline std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

} // namespace

at::Tensor exampleDropout(const at::Tensor& x, const DropoutContext& drop, std::uint64_t site) {
    if (drop.p <= 0) return x;
    if (!x.device().is_cpu() || !drop.exampleIds) return at::dropout(x, drop.p, true);
    TORCH_CHECK(x.size(0) == std::int64_t(drop.exampleIds->size()), "dropout: one example id per row expected");
    const std::int64_t rows = x.size(0);
    const std::int64_t perRow = x.numel() / std::max<std::int64_t>(1, rows);
    at::Tensor mask = at::empty(x.sizes(), x.options().dtype(at::kFloat));
    float* m = mask.data_ptr<float>();
    const double keep = 1.0 - drop.p;
    const float scale = float(1.0 / keep);
    // Keep an element when its 64-bit hash is at or above p * 2^64.
    const std::uint64_t threshold = drop.p >= 1 ? ~0ull : std::uint64_t(std::ldexp(drop.p, 64));
    const std::vector<std::uint64_t>& ids = *drop.exampleIds;
    at::parallel_for(0, rows, 1, [&](std::int64_t r0, std::int64_t r1) {
        for (std::int64_t r = r0; r < r1; ++r) {
            const std::uint64_t rowSeed = splitmix(drop.seed ^ splitmix(ids[std::size_t(r)] * 1000003ull + site));
            float* out = m + r * perRow;
            for (std::int64_t e = 0; e < perRow; ++e) out[e] = splitmix(rowSeed + std::uint64_t(e)) >= threshold ? scale : 0.0f;
        }
    });
    return x * mask.to(x.scalar_type());
}

KVCache KVCache::select(const at::Tensor& rowIndex) const {
    KVCache out;
    for (const auto& k : keys) out.keys.push_back(k.index_select(0, rowIndex));
    for (const auto& v : values) out.values.push_back(v.index_select(0, rowIndex));
    if (keyValid.defined()) out.keyValid = keyValid.index_select(0, rowIndex);
    return out;
}

AttentionImpl::AttentionImpl(int dModel, int heads) : m_heads(heads) {
    qkv = register_module("qkv", torch::nn::Linear(dModel, 3 * dModel));
    proj = register_module("proj", torch::nn::Linear(dModel, dModel));
}

at::Tensor AttentionImpl::forward(const at::Tensor& x, const at::Tensor& mask, at::Tensor* cacheK, at::Tensor* cacheV) {
    const std::int64_t B = x.size(0), T = x.size(1), D = x.size(2), H = m_heads, Dh = D / H;
    at::Tensor parts = qkv(x).view({B, T, 3, H, Dh}).permute({2, 0, 3, 1, 4}); // [3, B, H, T, Dh]
    at::Tensor q = parts[0], k = parts[1], v = parts[2];
    if (cacheK) {
        if (cacheK->defined()) {
            k = at::cat({*cacheK, k}, 2);
            v = at::cat({*cacheV, v}, 2);
        }
        *cacheK = k;
        *cacheV = v;
    }
    at::Tensor scores = at::matmul(q, k.transpose(-2, -1)) * (1.0 / std::sqrt(double(Dh)));
    scores = scores + mask;
    at::Tensor attn = at::softmax(scores, -1, scores.scalar_type());
    at::Tensor out = at::matmul(attn.to(v.scalar_type()), v).transpose(1, 2).reshape({B, T, D});
    return proj(out);
}

BlockImpl::BlockImpl(const ModelConfig& c) {
    ln1 = register_module("ln1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.dModel})));
    attn = register_module("attn", Attention(c.dModel, c.heads));
    ln2 = register_module("ln2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.dModel})));
    fc1 = register_module("fc1", torch::nn::Linear(c.dModel, c.dFF));
    fc2 = register_module("fc2", torch::nn::Linear(c.dFF, c.dModel));
}

at::Tensor BlockImpl::forward(const at::Tensor& x, const at::Tensor& mask, at::Tensor* cacheK, at::Tensor* cacheV,
                              const DropoutContext* drop, int layer) {
    at::Tensor a = attn(ln1(x), mask, cacheK, cacheV);
    if (drop) a = exampleDropout(a, *drop, std::uint64_t(1 + 2 * layer));
    at::Tensor h = x + a;
    at::Tensor f = fc2(at::gelu(fc1(ln2(h))));
    if (drop) f = exampleDropout(f, *drop, std::uint64_t(2 + 2 * layer));
    return h + f;
}

TransformerImpl::TransformerImpl(const ModelConfig& config) : m_config(config) {
    TORCH_CHECK(config.vocab > 0, "the model's vocabulary size is not set");
    TORCH_CHECK(config.dModel % config.heads == 0, "d_model must be divisible by heads");
    tok_emb = register_module("tok_emb", torch::nn::Embedding(config.vocab, config.dModel));
    pos_emb = register_module("pos_emb", torch::nn::Embedding(config.maxSeq, config.dModel));
    if (config.segments > 0) seg_emb = register_module("seg_emb", torch::nn::Embedding(config.segments, config.dModel));
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (int l = 0; l < config.layers; ++l) blocks->push_back(Block(config));
    ln_f = register_module("ln_f", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.dModel})));
    initWeights(*this);
}

KVCache TransformerImpl::emptyCache() const {
    KVCache c;
    c.keys.resize(std::size_t(m_config.layers));
    c.values.resize(std::size_t(m_config.layers));
    return c;
}

at::Tensor TransformerImpl::forward(const at::Tensor& tokens, const at::Tensor& positions, KVCache* cache,
                                    const at::Tensor& keyValid, const DropoutContext* drop, const at::Tensor& segments) {
    const std::int64_t B = tokens.size(0), T = tokens.size(1);
    const std::int64_t Tc = cache ? cache->length() : 0, Tk = Tc + T;
    TORCH_CHECK(Tk <= m_config.maxSeq || positions.defined(), "sequence longer than max_seq");
    const auto dev = tokens.device();
    at::Tensor pos = positions.defined() ? positions : at::arange(Tc, Tk, at::TensorOptions().dtype(at::kLong).device(dev)).unsqueeze(0);
    at::Tensor x = tok_emb(tokens) + pos_emb(pos);
    if (hasSegments()) {
        TORCH_CHECK(segments.defined() && segments.sizes() == tokens.sizes(),
                    "this network has a segment embedding: segment ids [B, T] are required");
        x = x + seg_emb(segments.clamp(0, m_config.segments - 1));
    }
    if (drop && is_training()) x = exampleDropout(x, *drop, 0);
    // Causal mask over [query T, key Tk]: query i sits at absolute index Tc + i.
    at::Tensor qi = at::arange(Tc, Tk, at::TensorOptions().dtype(at::kLong).device(dev)).unsqueeze(1);
    at::Tensor kj = at::arange(0, Tk, at::TensorOptions().dtype(at::kLong).device(dev)).unsqueeze(0);
    at::Tensor mask = at::zeros({T, Tk}, x.options().dtype(at::kFloat)).masked_fill(kj > qi, kMasked).view({1, 1, T, Tk});
    if (keyValid.defined()) {
        TORCH_CHECK(keyValid.size(0) == B && keyValid.size(1) == Tk, "keyValid must be [B, cache + T]");
        at::Tensor pad = at::zeros({B, Tk}, mask.options()).masked_fill(keyValid.logical_not(), kMasked);
        mask = mask + pad.view({B, 1, 1, Tk});
    }
    const DropoutContext* d = (drop && is_training()) ? drop : nullptr;
    for (std::size_t l = 0; l < blocks->size(); ++l) {
        at::Tensor* ck = cache ? &cache->keys[l] : nullptr;
        at::Tensor* cv = cache ? &cache->values[l] : nullptr;
        x = blocks->ptr<BlockImpl>(l)->forward(x, mask, ck, cv, d, int(l));
    }
    if (cache) {
        // The cache remembers which of its keys are padding, for the calls that extend it.
        if (keyValid.defined()) cache->keyValid = keyValid;
        else {
            at::Tensor valid = at::ones({B, T}, at::TensorOptions().dtype(at::kBool).device(dev));
            cache->keyValid = cache->keyValid.defined() ? at::cat({cache->keyValid, valid}, 1) : valid;
        }
    }
    return ln_f(x);
}

at::Tensor TransformerImpl::logits(const at::Tensor& hidden) const {
    return at::matmul(hidden, tok_emb->weight.t());
}

namespace {
// Summed cross-entropy of the positions of `labels` that are not -100, projecting only those
// hidden states onto the vocabulary.
std::pair<at::Tensor, std::int64_t> labelledLossSum(const TransformerImpl& model, const at::Tensor& flatHidden,
                                                    const at::Tensor& labels) {
    at::Tensor lab = labels.reshape({-1});
    at::Tensor idx = (lab != -100).nonzero().squeeze(1);
    at::Tensor selected = flatHidden.index_select(0, idx);
    at::Tensor target = lab.index_select(0, idx);
    at::Tensor lg = model.logits(selected).to(at::kFloat);
    at::Tensor loss = torch::nn::functional::cross_entropy(
        lg, target, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
    return {loss, idx.size(0)};
}
} // namespace

std::pair<at::Tensor, std::int64_t> TransformerImpl::lossSum(const at::Tensor& inputs, const at::Tensor& labels,
                                                             const DropoutContext* drop, const at::Tensor& segments) {
    at::Tensor h = forward(inputs, {}, nullptr, {}, drop, segments);
    return labelledLossSum(*this, h.reshape({-1, h.size(-1)}), labels);
}

std::pair<at::Tensor, at::Tensor> TransformerImpl::lossSums(const at::Tensor& inputs, const at::Tensor& labels,
                                                            const at::Tensor& contextLabels,
                                                            const DropoutContext* drop, const at::Tensor& segments) {
    at::Tensor h = forward(inputs, {}, nullptr, {}, drop, segments);
    at::Tensor flat = h.reshape({-1, h.size(-1)});
    at::Tensor target = labelledLossSum(*this, flat, labels).first;
    at::Tensor context = contextLabels.defined() ? labelledLossSum(*this, flat, contextLabels).first : at::Tensor();
    return {target, context};
}

void initWeights(TransformerImpl& model) {
    torch::NoGradGuard guard;
    const double residualStd = 0.02 / std::sqrt(2.0 * model.config().layers);
    for (auto& item : model.named_parameters()) {
        const std::string& name = item.key();
        at::Tensor& p = item.value();
        const bool isWeight = name.size() >= 7 && name.compare(name.size() - 7, 7, ".weight") == 0;
        if (name.find("ln") != std::string::npos) {
            if (isWeight) p.fill_(1.0);
            else p.zero_();
        } else if (isWeight) {
            const bool residual = name.find("attn.proj") != std::string::npos || name.find("fc2") != std::string::npos;
            p.normal_(0.0, residual ? residualStd : 0.02);
        } else {
            p.zero_();
        }
    }
}

} // namespace flame::training
