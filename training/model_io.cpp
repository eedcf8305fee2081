#include "training/model_io.h"

#include <torch/cuda.h>

#include <dlfcn.h>
#include <malloc.h>

#include <cstdlib>
#include <thread>

#include "storage/instruction_store.h"
#include "storage/run_store.h"

namespace flame::training {

std::string runDirectory(const Workspace& ws, std::int64_t runId) {
    return ws.artifactDir() + "/runs/" + std::to_string(runId);
}

Expected<std::pair<std::int64_t, std::string>> findCheckpoint(const Workspace& ws, std::int64_t runId, std::int64_t step) {
    auto all = listCheckpoints(runDirectory(ws, runId));
    if (all.empty()) return Error::badInput("run " + std::to_string(runId) + " has no checkpoint yet");
    if (step < 0) return all.back();
    for (const auto& c : all)
        if (c.first == step) return c;
    std::string have;
    for (const auto& c : all) have += (have.empty() ? "" : ", ") + std::to_string(c.first);
    return Error::badInput("run " + std::to_string(runId) + " has no checkpoint at step " + std::to_string(step) +
                           " (it has: " + have + ")");
}

Expected<Instructions> runInstructions(Workspace& ws, std::int64_t runId, const std::string& taskKey) {
    RunStore runs(ws);
    InstructionStore store(ws);
    auto recorded = runs.instructions(runId);
    if (!recorded) return recorded.error();
    auto it = recorded->find(ws.taskId(taskKey));
    if (it != recorded->end()) {
        auto v = store.byId(it->second);
        if (!v) return v.error();
        return v->instructions;
    }
    auto v = store.current(taskKey);
    if (!v) return v.error();
    return v->instructions;
}

Expected<Tokenizer> runTokenizer(Workspace& ws, const TrainConfig& config) {
    if (config.tokenizer.empty()) return loadWorkspaceTokenizer(ws);
    auto tok = Tokenizer::load(artifactPath(ws, config.tokenizer));
    if (!tok) return tok.error();
    if (!config.tokenizerHash.empty() && tok->hash() != config.tokenizerHash)
        return Error::badInput("the tokenizer file differs from the one the run was trained with (hash " + tok->hash() +
                                   ", run recorded " + config.tokenizerHash + ")",
                               artifactPath(ws, config.tokenizer));
    return tok;
}

Expected<std::string> checkDevice(const std::string& device) {
    if (device == "cpu") return device;
    if (device == "cuda" || device.rfind("cuda:", 0) == 0) {
        if (!torch::cuda::is_available())
            return Error::badInput("CUDA is not available: this LibTorch is a CPU build or no GPU is visible "
                                   "(build against a CUDA LibTorch with the cuda preset)");
        int index = 0;
        if (device.size() > 5) {
            try {
                index = std::stoi(device.substr(5));
            } catch (const std::exception&) {
                return Error::badInput("bad device '" + device + "'");
            }
        }
        if (index < 0 || index >= int(torch::cuda::device_count()))
            return Error::badInput("no CUDA device " + std::to_string(index) + " (" +
                                   std::to_string(torch::cuda::device_count()) + " visible)");
        return "cuda:" + std::to_string(index);
    }
    return Error::badInput("bad device '" + device + "' (cpu, cuda or cuda:K)");
}

std::vector<std::string> availableDevices() {
    std::vector<std::string> out = {"cpu"};
    if (torch::cuda::is_available())
        for (std::size_t i = 0; i < torch::cuda::device_count(); ++i) out.push_back("cuda:" + std::to_string(i));
    return out;
}

int chooseThreads(int requested, int localRanks) {
    if (requested > 0) return requested;
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(1, cores / std::max(1, localRanks));
}

int configureThreads(int requested, int localRanks) {
    // Every step allocates and frees the same large activation and gradient buffers. With glibc's
    // defaults they are mmapped, or trimmed from the top of the heap, and every step page-faults
    // them in again (perf: ~9 % of a tiny-preset step in page faults, plus OpenBLAS zeroing fresh
    // pages). Keeping up to 32 MiB blocks on the heap and trimming only above 512 MiB measured a
    // step at 206 ms instead of 307-363 ms (bench/training, 1 thread); peak memory +3 %.
    ::mallopt(M_MMAP_THRESHOLD, 32 << 20);
    ::mallopt(M_TRIM_THRESHOLD, 512 << 20);
    const int threads = chooseThreads(requested, localRanks);
    at::set_num_threads(threads);
    int blas = 1;
    if (const char* env = std::getenv("FLAME_BLAS_THREADS"); env && std::atoi(env) > 0) blas = std::atoi(env);
    using SetThreads = void (*)(int);
    if (auto fn = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) fn(blas);
    return threads;
}

Expected<RunModel> loadRunModel(Workspace& ws, std::int64_t runId, std::int64_t step, const std::string& device,
                                int average) {
    RunStore runs(ws);
    auto run = runs.require(runId);
    if (!run) return run.error();
    auto config = parseTrainConfig(run->config);
    if (!config) return config.error();
    auto dev = checkDevice(device);
    if (!dev) return dev.error();
    auto ckpt = findCheckpoint(ws, runId, step);
    if (!ckpt) return ckpt.error();
    if (average < 1) return Error::badInput("--average must be at least 1");
    std::vector<std::pair<std::int64_t, std::string>> averaged;
    for (const auto& c : listCheckpoints(runDirectory(ws, runId)))
        if (c.first <= ckpt->first) averaged.push_back(c);
    if (int(averaged.size()) < average)
        return Error::badInput("run " + std::to_string(runId) + " keeps " + std::to_string(averaged.size()) +
                               " checkpoint(s) up to step " + std::to_string(ckpt->first) + "; averaging needs " +
                               std::to_string(average));
    averaged.erase(averaged.begin(), averaged.end() - average);
    auto state = readCheckpoint(ckpt->second);
    if (!state) return state.error();
    auto tok = runTokenizer(ws, *config);
    if (!tok) return tok.error();
    if (!state->tokenizerHash.empty() && state->tokenizerHash != tok->hash())
        return Error::badInput("the checkpoint was trained with another tokenizer (hash " + state->tokenizerHash + ")",
                               ckpt->second);
    RunModel out(std::move(*tok));
    out.config = *config;
    out.state = *state;
    out.checkpointDir = ckpt->second;
    out.model = Transformer(state->model);
    if (average == 1) {
        if (auto s = loadCheckpointWeights(ckpt->second, *out.model); !s) return s.error();
    } else { // the average reads every checkpoint, the requested one included
        std::vector<std::string> dirs;
        for (const auto& [s, dir] : averaged) {
            dirs.push_back(dir);
            out.averagedSteps.push_back(s);
        }
        if (auto s = averageCheckpointWeights(*out.model, dirs); !s) return s.error();
    }
    out.model->to(at::Device(*dev));
    out.model->eval();
    return out;
}

} // namespace flame::training
