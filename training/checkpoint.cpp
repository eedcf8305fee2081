#include "training/checkpoint.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "model/hash.h"

namespace flame::training {

namespace fs = std::filesystem;

namespace {

Status writeFile(const std::string& path, const char* data, std::size_t size) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return Error::internal("cannot create the file", path);
    std::size_t done = 0;
    while (done < size) {
        ssize_t n = ::write(fd, data + done, size - done);
        if (n <= 0) {
            ::close(fd);
            return Error::internal("cannot write the file (disk full?)", path);
        }
        done += std::size_t(n);
    }
    // The folder is renamed into place only after its files are on disk.
    if (::fsync(fd) != 0) {
        ::close(fd);
        return Error::internal("cannot flush the file", path);
    }
    ::close(fd);
    return {};
}

Expected<std::vector<char>> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::badInput("cannot open the file", path);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes;
}

std::string hexU64(std::uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::uint64_t parseHexU64(const std::string& s) { return std::stoull(s, nullptr, 16); }

json::Value fileEntry(const std::vector<char>& bytes) {
    json::Object o;
    o.emplace_back("size", json::Value(std::int64_t(bytes.size())));
    o.emplace_back("hash", json::Value(murmur3_128(bytes.data(), bytes.size()).hex()));
    return json::Value(std::move(o));
}

} // namespace

json::Value samplerToJson(const MixtureSampler::State& s) {
    json::Object o;
    json::Array rng;
    for (std::uint64_t x : s.rng.s) rng.emplace_back(hexU64(x));
    o.emplace_back("rng", json::Value(std::move(rng)));
    json::Array epoch, position;
    for (auto e : s.epoch) epoch.emplace_back(std::int64_t(e));
    for (auto p : s.position) position.emplace_back(std::int64_t(p));
    o.emplace_back("epoch", json::Value(std::move(epoch)));
    o.emplace_back("position", json::Value(std::move(position)));
    o.emplace_back("drawn", json::Value(std::int64_t(s.drawn)));
    return json::Value(std::move(o));
}

Expected<MixtureSampler::State> samplerFromJson(const json::Value& v) {
    MixtureSampler::State s{};
    const json::Value* rng = v.find("rng");
    const json::Value* epoch = v.find("epoch");
    const json::Value* position = v.find("position");
    const json::Value* drawn = v.find("drawn");
    if (!rng || !rng->isArray() || rng->asArray().size() != 4 || !epoch || !epoch->isArray() || !position ||
        !position->isArray() || !drawn || !drawn->isNumber())
        return Error::badInput("the sampler state is incomplete");
    try {
        for (std::size_t i = 0; i < 4; ++i) s.rng.s[i] = parseHexU64(rng->asArray()[i].asString());
    } catch (const std::exception&) {
        return Error::badInput("the sampler state is damaged");
    }
    for (const auto& e : epoch->asArray()) s.epoch.push_back(std::uint64_t(e.asInt()));
    for (const auto& p : position->asArray()) s.position.push_back(std::uint64_t(p.asInt()));
    s.drawn = std::uint64_t(drawn->asInt());
    return s;
}

std::vector<char> stateDictBytes(TransformerImpl& model) {
    c10::Dict<std::string, at::Tensor> dict;
    for (const auto& item : model.named_parameters()) dict.insert(item.key(), item.value().detach().to(at::kCPU).contiguous());
    return torch::pickle_save(c10::IValue(dict));
}

Status loadStateDictBytes(const std::vector<char>& bytes, TransformerImpl& model, const std::string& name) {
    c10::IValue value;
    try {
        value = torch::pickle_load(bytes);
    } catch (const std::exception& e) {
        return Error::badInput("the weights file cannot be read (truncated or corrupt?)", name);
    }
    if (!value.isGenericDict()) return Error::badInput("the weights file does not hold a state dict", name);
    auto dict = value.toGenericDict();
    torch::NoGradGuard noGrad;
    auto params = model.named_parameters();
    if (std::size_t(dict.size()) != params.size())
        return Error::badInput("the weights file has " + std::to_string(dict.size()) + " tensors, the network " +
                                   std::to_string(params.size()),
                               name);
    for (auto& item : params) {
        auto it = dict.find(c10::IValue(item.key()));
        if (it == dict.end()) return Error::badInput("the weights file lacks " + item.key(), name);
        at::Tensor t = it->value().toTensor();
        if (t.sizes() != item.value().sizes())
            return Error::badInput("tensor " + item.key() + " has another shape than the network's", name);
        item.value().copy_(t);
    }
    return {};
}

Status saveCheckpoint(const std::string& dir, TransformerImpl& model, torch::optim::Optimizer* optimizer,
                      const CheckpointState& state) {
    std::error_code ec;
    const std::string tmp = dir + ".tmp-" + std::to_string(::getpid());
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp, ec);
    if (ec) return Error::internal("cannot create the checkpoint folder: " + ec.message(), tmp);
    json::Object files;
    std::vector<char> weights = stateDictBytes(model);
    if (auto s = writeFile(tmp + "/model.pt", weights.data(), weights.size()); !s) return s;
    files.emplace_back("model.pt", fileEntry(weights));
    if (optimizer) {
        torch::serialize::OutputArchive archive;
        optimizer->save(archive);
        std::ostringstream os;
        archive.save_to(os);
        const std::string bytes = os.str();
        if (auto s = writeFile(tmp + "/optimizer.pt", bytes.data(), bytes.size()); !s) return s;
        files.emplace_back("optimizer.pt", fileEntry(std::vector<char>(bytes.begin(), bytes.end())));
    }
    at::Tensor rng;
    {
        at::Generator gen = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(gen.mutex());
        rng = gen.get_state();
    }
    std::vector<char> rngBytes(static_cast<const char*>(rng.data_ptr()), static_cast<const char*>(rng.data_ptr()) + rng.numel());
    if (auto s = writeFile(tmp + "/rng.bin", rngBytes.data(), rngBytes.size()); !s) return s;
    files.emplace_back("rng.bin", fileEntry(rngBytes));
    json::Object st;
    st.emplace_back("format", json::Value(1));
    st.emplace_back("step", json::Value(state.step));
    st.emplace_back("examples", json::Value(state.examples));
    st.emplace_back("phase", json::Value(state.phase));
    st.emplace_back("sampler", samplerToJson(state.sampler));
    st.emplace_back("model", toJson(state.model));
    st.emplace_back("tokenizer_hash", json::Value(state.tokenizerHash));
    json::ParseError perr;
    auto cfg = json::parse(state.configJson.empty() ? "{}" : state.configJson, &perr);
    st.emplace_back("config", cfg ? std::move(*cfg) : json::Value(json::Object{}));
    st.emplace_back("files", json::Value(std::move(files)));
    const std::string text = json::serialize(json::Value(std::move(st)));
    if (auto s = writeFile(tmp + "/state.json", text.data(), text.size()); !s) return s;
    fs::remove_all(dir, ec);
    fs::rename(tmp, dir, ec);
    if (ec) return Error::internal("cannot move the checkpoint into place: " + ec.message(), dir);
    return {};
}

Expected<CheckpointState> readCheckpoint(const std::string& dir) {
    const std::string statePath = dir + "/state.json";
    auto text = readFile(statePath);
    if (!text) return Error::badInput("not a checkpoint (no state.json)", dir);
    json::ParseError perr;
    auto v = json::parse(std::string_view(text->data(), text->size()), &perr);
    if (!v || !v->isObject()) return Error::badInput("state.json is corrupt or truncated: " + perr.message, statePath);
    const json::Value* files = v->find("files");
    if (!files || !files->isObject()) return Error::badInput("state.json lists no files", statePath);
    for (const auto& [name, entry] : files->asObject()) {
        const std::string path = dir + "/" + name;
        std::error_code ec;
        const auto size = fs::file_size(path, ec);
        const json::Value* want = entry.find("size");
        const json::Value* hash = entry.find("hash");
        if (!want || !hash) return Error::badInput("state.json is damaged", statePath);
        if (ec) return Error::badInput("the checkpoint file is missing", path);
        if (std::int64_t(size) != want->asInt())
            return Error::badInput("the checkpoint file is truncated or damaged (" + std::to_string(size) + " bytes, " +
                                       std::to_string(want->asInt()) + " expected)",
                                   path);
        auto bytes = readFile(path);
        if (!bytes) return bytes.error();
        if (murmur3_128(bytes->data(), bytes->size()).hex() != hash->asString())
            return Error::badInput("the checkpoint file is corrupt (its content hash differs from state.json)", path);
    }
    CheckpointState s;
    s.step = v->find("step") ? v->find("step")->asInt() : 0;
    s.examples = v->find("examples") ? v->find("examples")->asInt() : 0;
    if (const json::Value* p = v->find("phase"); p && p->isString()) s.phase = p->asString();
    if (const json::Value* sm = v->find("sampler")) {
        auto st = samplerFromJson(*sm);
        if (!st) return Error::badInput(st.error().message, statePath);
        s.sampler = *st;
    }
    const json::Value* model = v->find("model");
    if (!model) return Error::badInput("state.json has no model configuration", statePath);
    auto mc = modelConfigFromJson(*model);
    if (!mc) return Error::badInput(mc.error().message, statePath);
    s.model = *mc;
    if (const json::Value* t = v->find("tokenizer_hash"); t && t->isString()) s.tokenizerHash = t->asString();
    if (const json::Value* c = v->find("config")) s.configJson = json::serialize(*c);
    return s;
}

Status loadCheckpointWeights(const std::string& dir, TransformerImpl& model) {
    auto bytes = readFile(dir + "/model.pt");
    if (!bytes) return bytes.error();
    return loadStateDictBytes(*bytes, model, dir + "/model.pt");
}

Status averageCheckpointWeights(TransformerImpl& model, const std::vector<std::string>& dirs) {
    if (dirs.empty()) return Error::badInput("no checkpoint to average");
    torch::NoGradGuard guard;
    auto target = model.named_parameters();
    std::vector<at::Tensor> sums;
    for (const auto& item : target) sums.push_back(at::zeros_like(item.value(), at::kDouble));
    for (const auto& dir : dirs) {
        Transformer other(model.config());
        if (auto s = loadCheckpointWeights(dir, *other); !s) return s;
        auto params = other->named_parameters();
        for (std::size_t i = 0; i < sums.size(); ++i) sums[i] += params[i].value().to(at::kDouble);
    }
    for (std::size_t i = 0; i < sums.size(); ++i)
        target[i].value().copy_((sums[i] / double(dirs.size())).to(target[i].value().scalar_type()));
    return {};
}

Status loadCheckpointOptimizer(const std::string& dir, torch::optim::Optimizer& optimizer) {
    const std::string path = dir + "/optimizer.pt";
    std::error_code ec;
    if (!fs::exists(path, ec)) return Error::badInput("the checkpoint has no optimizer state", dir);
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        optimizer.load(archive);
    } catch (const std::exception& e) {
        return Error::badInput("the optimizer state cannot be read (truncated or corrupt?)", path);
    }
    return {};
}

Status restoreRng(const std::string& dir) {
    auto bytes = readFile(dir + "/rng.bin");
    if (!bytes) return bytes.error();
    at::Tensor state = at::empty({std::int64_t(bytes->size())}, at::TensorOptions().dtype(at::kByte));
    std::memcpy(state.data_ptr(), bytes->data(), bytes->size());
    try {
        at::Generator gen = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(gen.mutex());
        gen.set_state(state);
    } catch (const std::exception&) {
        return Error::badInput("the generator state cannot be restored", dir + "/rng.bin");
    }
    return {};
}

std::vector<std::pair<std::int64_t, std::string>> listCheckpoints(const std::string& runDir) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(runDir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("ckpt-", 0) != 0 || name.find(".tmp") != std::string::npos) continue;
        try {
            out.emplace_back(std::stoll(name.substr(5)), entry.path().string());
        } catch (const std::exception&) {
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::int64_t> pruneCheckpoints(const std::string& runDir, int keep) {
    std::vector<std::int64_t> removed;
    auto all = listCheckpoints(runDir);
    if (keep < 1) keep = 1;
    std::error_code ec;
    for (std::size_t i = 0; i + std::size_t(keep) < all.size(); ++i) {
        fs::remove_all(all[i].second, ec);
        removed.push_back(all[i].first);
    }
    return removed;
}

} // namespace flame::training
