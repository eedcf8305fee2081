#include "training/trainer.h"

#include <ATen/autocast_mode.h>
#include <torch/nn/utils/clip_grad.h>

#include <chrono>
#include <cmath>

namespace flame::training {

double learningRate(const OptimConfig& optim, std::int64_t step, std::int64_t totalSteps) {
    if (optim.warmup > 0 && step <= optim.warmup) return optim.lr * double(step) / double(optim.warmup);
    const double span = double(std::max<std::int64_t>(1, totalSteps - optim.warmup));
    const double progress = std::min(1.0, double(step - optim.warmup) / span);
    const double cosine = 0.5 * (1.0 + std::cos(M_PI * progress));
    return optim.lr * (optim.minLrRatio + (1.0 - optim.minLrRatio) * cosine);
}

std::unique_ptr<torch::optim::AdamW> makeOptimizer(TransformerImpl& model, const OptimConfig& optim) {
    std::vector<at::Tensor> decay, noDecay;
    for (const auto& item : model.named_parameters()) {
        const std::string& name = item.key();
        const bool matrix = item.value().dim() >= 2 && name.find("pos_emb") == std::string::npos &&
                            name.find("seg_emb") == std::string::npos;
        (matrix ? decay : noDecay).push_back(item.value());
    }
    auto options = torch::optim::AdamWOptions(optim.lr)
                       .betas({optim.beta1, optim.beta2})
                       .eps(optim.eps)
                       .weight_decay(optim.weightDecay);
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(decay, std::make_unique<torch::optim::AdamWOptions>(options));
    auto plain = options;
    plain.weight_decay(0.0);
    groups.emplace_back(noDecay, std::make_unique<torch::optim::AdamWOptions>(plain));
    return std::make_unique<torch::optim::AdamW>(std::move(groups), options);
}

void broadcastParameters(TransformerImpl& model, Collective& collective) {
    // A sum where every rank but 0 contributes zeros is a broadcast, with the one primitive.
    torch::NoGradGuard noGrad;
    for (auto& p : model.parameters()) {
        at::Tensor t = collective.rank() == 0 ? p.detach().clone() : at::zeros_like(p);
        collective.allReduceSum(t);
        p.copy_(t);
    }
}

namespace {

void allReduceGradients(TransformerImpl& model, Collective& collective) {
    std::vector<at::Tensor> grads;
    for (auto& p : model.parameters()) {
        if (!p.grad().defined()) p.mutable_grad() = at::zeros_like(p);
        grads.push_back(p.grad().reshape({-1}));
    }
    at::Tensor flat = at::cat(grads);
    collective.allReduceSum(flat);
    std::int64_t offset = 0;
    for (auto& p : model.parameters()) {
        const std::int64_t n = p.numel();
        p.mutable_grad().copy_(flat.narrow(0, offset, n).view_as(p));
        offset += n;
    }
}

// Autocast for the scope on CUDA (bf16); a no-op elsewhere. The API differs between LibTorch 1.x
// and 2.x; this is the 1.13 form, which 2.0-2.3 keep.
struct AutocastScope {
    bool on;
    explicit AutocastScope(bool enable) : on(enable) {
        if (on) {
            at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
            at::autocast::set_enabled(true);
        }
    }
    ~AutocastScope() {
        if (on) {
            at::autocast::set_enabled(false);
            at::autocast::clear_cache();
        }
    }
};

} // namespace

Expected<LoopEnd> runLoop(TransformerImpl& model, torch::optim::Optimizer& optimizer,
                          const std::vector<const TaskTokens*>& tasks, MixtureSampler sampler, const LoopOptions& o,
                          const LoopHooks& hooks) {
    const at::Device dev = model.tok_emb->weight.device();
    PipelineConfig pc;
    pc.batch = o.batch;
    pc.rank = o.rank;
    pc.world = o.world;
    pc.microBatch = o.microBatch;
    pc.maxSeq = o.maxSeq;
    pc.maxTarget = o.maxTarget;
    pc.contextLabels = o.contextLoss > 0;
    Prefetcher prefetcher(tasks, std::move(sampler), pc, o.firstStep, o.lastStep);
    model.train();
    std::int64_t examples = o.examplesBefore;
    StepData data;
    double wait = 0;
    while (prefetcher.pop(data, &wait)) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::int64_t step = data.step;
        optimizer.zero_grad();
        at::Tensor lossSum = at::zeros({}, at::TensorOptions().dtype(at::kDouble));
        at::Tensor contextSum = at::zeros({}, at::TensorOptions().dtype(at::kDouble));
        std::int64_t tokens = 0;
        const double normaliser = double(std::max<std::int64_t>(1, data.globalTargetTokens));
        const bool withContext = o.contextLoss > 0;
        const double contextNormaliser = double(std::max<std::int64_t>(1, data.globalContextTokens));
        for (auto& mb : data.microBatches) {
            at::Tensor in = at::from_blob(mb.inputs.data(), {mb.rows, mb.length}, at::kLong).to(dev);
            at::Tensor lab = at::from_blob(mb.labels.data(), {mb.rows, mb.length}, at::kLong).to(dev);
            at::Tensor seg = model.hasSegments() ? at::from_blob(mb.segments.data(), {mb.rows, mb.length}, at::kLong).to(dev)
                                                 : at::Tensor();
            at::Tensor ctx = withContext ? at::from_blob(mb.contextLabels.data(), {mb.rows, mb.length}, at::kLong).to(dev)
                                         : at::Tensor();
            DropoutContext drop{o.dropout, o.seed, &mb.exampleIds};
            std::pair<at::Tensor, at::Tensor> loss;
            {
                AutocastScope autocast(o.bf16 && dev.is_cuda());
                loss = model.lossSums(in, lab, ctx, o.dropout > 0 ? &drop : nullptr, seg);
            }
            at::Tensor objective = loss.first * (o.targetLoss / normaliser);
            if (withContext) {
                objective = objective + loss.second * (o.contextLoss / contextNormaliser);
                contextSum += loss.second.detach().to(at::kCPU).to(at::kDouble);
            }
            objective.backward();
            lossSum += loss.first.detach().to(at::kCPU).to(at::kDouble);
            tokens += std::int64_t(mb.rows) * mb.length;
        }
        // One tensor carries the losses and the stop vote, so ranks agree on when to stop.
        double stopVote = hooks.stopRequested && hooks.stopRequested(step) ? 1.0 : 0.0;
        if (hooks.collective && o.world > 1) {
            allReduceGradients(model, *hooks.collective);
            at::Tensor scalars = at::stack({lossSum, contextSum, at::scalar_tensor(stopVote, at::kDouble)});
            hooks.collective->allReduceSum(scalars);
            lossSum = scalars[0];
            contextSum = scalars[1];
            stopVote = scalars[2].item<double>();
        }
        double gradNorm = 0;
        if (o.optim.clip > 0) gradNorm = torch::nn::utils::clip_grad_norm_(model.parameters(), o.optim.clip);
        const double lr = learningRate(o.optim, step, o.totalSteps);
        for (auto& group : optimizer.param_groups()) static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
        optimizer.step();
        examples += data.globalExamples;
        StepMetrics m;
        m.step = step;
        m.examples = examples;
        if (withContext) m.contextLoss = contextSum.item<double>() / contextNormaliser;
        // The metric is emitted every step: the loss being minimised, the context's in a pretrain run.
        m.loss = o.targetLoss > 0 ? lossSum.item<double>() / normaliser : m.contextLoss;
        m.lr = lr;
        m.gradNorm = gradNorm;
        m.tokens = tokens;
        m.dataWaitSeconds = wait;
        m.dataBuildSeconds = data.buildSeconds;
        m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() + wait;
        if (!std::isfinite(m.loss)) return Error::internal("the loss is not finite at step " + std::to_string(step) +
                                                           " (learning rate too high?)");
        if (hooks.onStep) hooks.onStep(m);
        const bool last = step == o.lastStep;
        const bool stop = stopVote > 0 && !last;
        const bool evalNow = (o.evalEvery > 0 && step % o.evalEvery == 0) || (last && o.evalAtEnd);
        const bool ckptNow = (o.checkpointEvery > 0 && step % o.checkpointEvery == 0) || (last && o.checkpointAtEnd) || stop;
        if (evalNow && hooks.evaluate && !stop) {
            if (auto s = hooks.evaluate(step, examples); !s) return s.error();
            model.train();
        }
        if (ckptNow && hooks.checkpoint) {
            if (auto s = hooks.checkpoint(step, examples, data.stateAfter); !s) return s.error();
        }
        if (stop) return LoopEnd::Stopped;
    }
    return LoopEnd::Finished;
}

} // namespace flame::training
