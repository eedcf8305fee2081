#include "training/data.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "model/hash.h"
#include "storage/judgment_store.h"
#include "storage/workspace.h"

namespace flame::training {

namespace fs = std::filesystem;

// --- segments -----------------------------------------------------------------------------------

TextSegments splitInput(const Instructions& instructions, const Fields& context) {
    static const std::string kTail = "\nEVALUATION:";
    const std::string full = formatInput(instructions, context);
    const std::string empty = formatInput(instructions, {});
    TextSegments s;
    s.tail = kTail;
    const bool shaped = empty.size() >= kTail.size() && empty.compare(empty.size() - kTail.size(), kTail.size(), kTail) == 0 &&
                        full.size() >= empty.size() && full.compare(0, empty.size() - kTail.size(), empty, 0,
                                                                    empty.size() - kTail.size()) == 0 &&
                        full.compare(full.size() - kTail.size(), kTail.size(), kTail) == 0;
    if (!shaped) {
        // Unknown shape: keep the text exact, with the context as one segment.
        s.header.clear();
        s.tail.clear();
        s.fields = {full};
        return s;
    }
    s.header = empty.substr(0, empty.size() - kTail.size());
    std::size_t pos = s.header.size();
    const std::size_t end = full.size() - kTail.size();
    for (const auto& f : context) {
        if (f.value.empty()) continue;
        const std::size_t len = f.name.size() + 2 + f.value.size() + 1;
        s.fields.push_back(full.substr(pos, len));
        pos += len;
    }
    if (pos != end) { // the formatter wrote something unexpected: fall back to one segment
        s.fields = {full.substr(s.header.size(), end - s.header.size())};
    }
    return s;
}

std::string targetText(const Fields& target) { return "\n" + formatTarget(target); }

std::size_t fieldCap(const std::vector<std::size_t>& lengths, std::size_t budget) {
    std::size_t total = 0;
    for (std::size_t l : lengths) total += l;
    if (total <= budget) return lengths.empty() ? 0 : *std::max_element(lengths.begin(), lengths.end());
    std::vector<std::size_t> sorted = lengths;
    std::sort(sorted.begin(), sorted.end());
    // Fields shorter than the cap keep everything; the rest share the remainder equally.
    std::size_t used = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const std::size_t remaining = sorted.size() - i;
        const std::size_t cap = (budget - used) / remaining;
        if (sorted[i] > cap) return cap;
        used += sorted[i];
    }
    return sorted.back();
}

FittedSequence fitSequence(TokenSpan header, const std::vector<TokenSpan>& fields, TokenSpan tail, TokenSpan target,
                           int maxSeq, int maxTarget, bool appendEos) {
    FittedSequence out;
    const std::size_t targetLen = std::min<std::size_t>(target.size, std::size_t(std::max(1, maxTarget - 1)));
    const std::size_t fixed = 1 + tail.size + targetLen + (appendEos ? 1 : 0);
    std::size_t headerLen = header.size;
    std::size_t budget = 0;
    if (std::size_t(maxSeq) > fixed + headerLen) budget = std::size_t(maxSeq) - fixed - headerLen;
    else headerLen = std::size_t(maxSeq) > fixed ? std::size_t(maxSeq) - fixed : 0;
    std::vector<std::size_t> lengths;
    for (const auto& f : fields) lengths.push_back(f.size);
    const std::size_t cap = fieldCap(lengths, budget);
    out.tokens.reserve(std::size_t(maxSeq));
    out.segments.reserve(std::size_t(maxSeq));
    auto append = [&](const std::int32_t* first, std::size_t n, std::uint8_t segment) {
        out.tokens.insert(out.tokens.end(), first, first + n);
        out.segments.insert(out.segments.end(), n, segment);
    };
    const std::int32_t bos = Tokenizer::kBos, eos = Tokenizer::kEos;
    append(&bos, 1, kSegmentHeader);
    append(header.data, headerLen, kSegmentHeader);
    for (std::size_t i = 0; i < fields.size(); ++i) append(fields[i].data, std::min(fields[i].size, cap), segmentOfField(i));
    append(tail.data, tail.size, kSegmentTail);
    out.targetStart = out.tokens.size();
    append(target.data, targetLen, kSegmentTail);
    if (appendEos) append(&eos, 1, kSegmentTail);
    return out;
}

TokenizedInput tokenizeInput(const Tokenizer& tok, const Instructions& instructions, const Fields& context) {
    TextSegments s = splitInput(instructions, context);
    TokenizedInput t;
    tok.encodeAppend(s.header, t.header);
    tok.encodeAppend(s.tail, t.tail);
    for (const auto& f : s.fields) {
        t.fields.emplace_back();
        tok.encodeAppend(f, t.fields.back());
    }
    return t;
}

std::vector<std::int32_t> fitPrompt(const TokenizedInput& input, int maxSeq, int reserve, std::vector<std::uint8_t>* segments) {
    std::vector<TokenSpan> fields;
    for (const auto& f : input.fields) fields.push_back({f.data(), f.size()});
    // An empty target with room `reserve` for the candidates: maxTarget = reserve + 1 keeps the
    // arithmetic of fitSequence (target + EOS) identical to training's.
    std::vector<std::int32_t> none;
    FittedSequence fitted = fitSequence({input.header.data(), input.header.size()}, fields,
                                        {input.tail.data(), input.tail.size()}, {none.data(), 0},
                                        maxSeq - reserve, 2, false);
    if (segments) *segments = std::move(fitted.segments);
    return std::move(fitted.tokens);
}

// --- tokenized caches ----------------------------------------------------------------------------

namespace {

constexpr char kMagic[8] = {'F', 'L', 'T', 'O', 'K', 'C', '1', '\0'};

struct CacheHeader {
    char magic[8];
    char tokenizerHash[32];
    std::int64_t instructionId;
    std::int64_t judgmentCount;
    std::int64_t maxId;
    std::int32_t split;
    std::int32_t aiFeedback;
    std::uint64_t headerLen, tailLen, count, tokenCount;
};

struct FileLock {
    int fd = -1;
    explicit FileLock(const std::string& path) {
        fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd >= 0) ::flock(fd, LOCK_EX);
    }
    ~FileLock() {
        if (fd >= 0) {
            ::flock(fd, LOCK_UN);
            ::close(fd);
        }
    }
};

Expected<std::pair<std::int64_t, std::int64_t>> fingerprint(Workspace& ws, std::int64_t taskId, int split, bool ai) {
    auto st = ws.db().prepare(
        "SELECT count(*), coalesce(max(id), 0) FROM judgments WHERE task_id = ? AND split = ? AND ai_feedback <= ?");
    if (!st) return st.error();
    st->bind(1, taskId).bind(2, split).bind(3, ai ? 1 : 0);
    if (st->step() != db::Statement::Step::Row) return ws.db().error("counting judgments");
    return std::make_pair(st->int64(0), st->int64(1));
}

Status buildCache(Workspace& ws, const Tokenizer& tok, const TaskDefinition& task, std::int64_t instructionId,
                  const Instructions& instructions, int split, bool ai, std::int64_t count, std::int64_t maxId,
                  const std::string& path) {
    std::vector<Judgment> rows;
    JudgmentCursor cursor(ws, ws.taskId(task.key), Split(split));
    Judgment j;
    for (;;) {
        auto more = cursor.next(j);
        if (!more) return more.error();
        if (!*more) break;
        if (j.aiFeedback && !ai) continue;
        rows.push_back(std::move(j));
        j = Judgment();
    }
    // Tokenize in parallel: each thread fills its own slots, the writer concatenates in order.
    struct Encoded {
        std::vector<std::int32_t> record;
    };
    std::vector<Encoded> encoded(rows.size());
    const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (std::size_t i = t; i < rows.size(); i += threads) {
                TokenizedInput in = tokenizeInput(tok, instructions, rows[i].context);
                std::vector<std::int32_t> target;
                tok.encodeAppend(targetText(rows[i].target), target);
                auto& rec = encoded[i].record;
                rec.push_back(std::int32_t(in.fields.size()));
                for (const auto& f : in.fields) rec.push_back(std::int32_t(f.size()));
                rec.push_back(std::int32_t(target.size()));
                for (const auto& f : in.fields) rec.insert(rec.end(), f.begin(), f.end());
                rec.insert(rec.end(), target.begin(), target.end());
            }
        });
    }
    for (auto& th : pool) th.join();
    TokenizedInput proto = tokenizeInput(tok, instructions, {});
    CacheHeader h{};
    std::memcpy(h.magic, kMagic, 8);
    std::memcpy(h.tokenizerHash, tok.hash().data(), std::min<std::size_t>(32, tok.hash().size()));
    h.instructionId = instructionId;
    h.judgmentCount = count;
    h.maxId = maxId;
    h.split = split;
    h.aiFeedback = ai ? 1 : 0;
    h.headerLen = proto.header.size();
    h.tailLen = proto.tail.size();
    h.count = rows.size();
    std::uint64_t tokens = 0;
    for (const auto& e : encoded) tokens += e.record.size();
    h.tokenCount = tokens;
    const std::string tmp = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return Error::internal("cannot write the token cache", tmp);
        out.write(reinterpret_cast<const char*>(&h), sizeof h);
        std::uint64_t offset = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::int64_t id = rows[i].id;
            out.write(reinterpret_cast<const char*>(&id), 8);
            out.write(reinterpret_cast<const char*>(&offset), 8);
            offset += encoded[i].record.size();
        }
        out.write(reinterpret_cast<const char*>(proto.header.data()), std::streamsize(proto.header.size() * 4));
        out.write(reinterpret_cast<const char*>(proto.tail.data()), std::streamsize(proto.tail.size() * 4));
        for (const auto& e : encoded) out.write(reinterpret_cast<const char*>(e.record.data()), std::streamsize(e.record.size() * 4));
        if (!out.flush()) return Error::internal("cannot write the token cache (disk full?)", tmp);
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) return Error::internal("cannot store the token cache: " + ec.message(), path);
    return {};
}

} // namespace

TaskTokens::TaskTokens(TaskTokens&& o) noexcept { *this = std::move(o); }

TaskTokens& TaskTokens::operator=(TaskTokens&& o) noexcept {
    if (this != &o) {
        if (m_map) ::munmap(m_map, m_mapSize);
        m_path = std::move(o.m_path);
        m_map = o.m_map;
        m_mapSize = o.m_mapSize;
        m_tokens = o.m_tokens;
        m_header = std::move(o.m_header);
        m_tail = std::move(o.m_tail);
        m_index = std::move(o.m_index);
        m_rebuilt = o.m_rebuilt;
        o.m_map = nullptr;
        o.m_mapSize = 0;
        o.m_tokens = nullptr;
    }
    return *this;
}

TaskTokens::~TaskTokens() {
    if (m_map) ::munmap(m_map, m_mapSize);
}

TaskTokens::Example TaskTokens::example(std::size_t i) const {
    Example e;
    e.judgmentId = m_index[i].judgmentId;
    const std::int32_t* p = m_tokens + m_index[i].offset;
    const std::int32_t nFields = *p++;
    const std::int32_t* lens = p;
    p += nFields;
    const std::int32_t targetLen = *p++;
    for (std::int32_t f = 0; f < nFields; ++f) {
        e.fields.push_back({p, std::size_t(lens[f])});
        p += lens[f];
    }
    e.target = {p, std::size_t(targetLen)};
    return e;
}

Expected<TaskTokens> loadTaskTokens(Workspace& ws, const Tokenizer& tok, const TaskDefinition& task,
                                    std::int64_t instructionId, const Instructions& instructions, int split, bool ai) {
    const std::string dir = ws.artifactDir() + "/cache/" + tok.hash().substr(0, 16);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Error::internal("cannot create the token cache folder: " + ec.message(), dir);
    const std::string path = dir + "/" + task.key + ".i" + std::to_string(instructionId) +
                             (split == 0 ? ".train" : split == 1 ? ".dev" : ".test") + (ai ? ".ai" : "") + ".bin";
    auto fp = fingerprint(ws, ws.taskId(task.key), split, ai);
    if (!fp) return fp.error();
    FileLock lock(dir + "/.lock"); // one builder at a time; the others then find it built
    bool rebuilt = false;
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool valid = false;
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0 && std::size_t(st.st_size) >= sizeof(CacheHeader)) {
            CacheHeader h{};
            std::ifstream in(path, std::ios::binary);
            in.read(reinterpret_cast<char*>(&h), sizeof h);
            const std::uint64_t expected = sizeof h + h.count * 16 + (h.headerLen + h.tailLen + h.tokenCount) * 4;
            valid = in && std::memcmp(h.magic, kMagic, 8) == 0 &&
                    std::string(h.tokenizerHash, 32) == tok.hash().substr(0, 32) && h.instructionId == instructionId &&
                    h.judgmentCount == fp->first && h.maxId == fp->second && h.split == split &&
                    h.aiFeedback == (ai ? 1 : 0) && expected == std::uint64_t(st.st_size);
        }
        if (!valid) {
            if (attempt == 1) return Error::internal("the token cache is invalid right after building it", path);
            if (auto s = buildCache(ws, tok, task, instructionId, instructions, split, ai, fp->first, fp->second, path); !s)
                return s.error();
            rebuilt = true;
            continue;
        }
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return Error::internal("cannot open the token cache", path);
        TaskTokens t;
        t.m_path = path;
        t.m_mapSize = std::size_t(st.st_size);
        t.m_map = ::mmap(nullptr, t.m_mapSize, PROT_READ, MAP_PRIVATE, fd, 0);
        ::close(fd);
        if (t.m_map == MAP_FAILED) {
            t.m_map = nullptr;
            return Error::internal("cannot map the token cache", path);
        }
        const char* base = static_cast<const char*>(t.m_map);
        CacheHeader h;
        std::memcpy(&h, base, sizeof h);
        const char* p = base + sizeof h;
        t.m_index.resize(h.count);
        for (std::uint64_t i = 0; i < h.count; ++i) {
            std::memcpy(&t.m_index[i].judgmentId, p, 8);
            std::memcpy(&t.m_index[i].offset, p + 8, 8);
            p += 16;
        }
        const std::int32_t* tokens = reinterpret_cast<const std::int32_t*>(p);
        t.m_header.assign(tokens, tokens + h.headerLen);
        t.m_tail.assign(tokens + h.headerLen, tokens + h.headerLen + h.tailLen);
        t.m_tokens = tokens + h.headerLen + h.tailLen;
        t.m_rebuilt = rebuilt;
        return t;
    }
    return Error::internal("unreachable");
}

FittedSequence fitExample(const TaskTokens& task, std::size_t index, int maxSeq, int maxTarget) {
    TaskTokens::Example e = task.example(index);
    return fitSequence(task.header(), e.fields, task.tail(), e.target, maxSeq, maxTarget, true);
}

// --- mixture sampler -------------------------------------------------------------------------------

MixtureSampler::MixtureSampler(std::vector<std::size_t> taskSizes, std::vector<double> rates, std::uint64_t seed)
    : m_sizes(std::move(taskSizes)), m_rates(std::move(rates)), m_seed(seed), m_rng(mix64(seed ^ 0x5A3D1E)),
      m_epoch(m_sizes.size(), 0), m_position(m_sizes.size(), 0), m_perm(m_sizes.size()) {
    for (std::size_t i = 0; i < m_sizes.size(); ++i)
        if (m_sizes[i] == 0) m_rates[i] = 0; // never draw a task without examples
}

void MixtureSampler::shuffle(std::size_t task) {
    auto& perm = m_perm[task];
    perm.resize(m_sizes[task]);
    for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = std::uint32_t(i);
    // Each (task, epoch) has its own stream, so restoring a position needs no replay.
    Rng rng(mix64(m_seed ^ mix64(std::uint64_t(task) * 0x100000001B3ull + m_epoch[task] + 1)));
    for (std::size_t i = perm.size(); i > 1; --i) std::swap(perm[i - 1], perm[rng.below(i)]);
}

ExampleRef MixtureSampler::next() {
    const std::size_t task = m_rng.weighted(m_rates);
    if (m_perm[task].size() != m_sizes[task]) shuffle(task);
    if (m_position[task] >= m_sizes[task]) {
        ++m_epoch[task];
        m_position[task] = 0;
        shuffle(task);
    }
    ExampleRef ref{std::uint32_t(task), m_perm[task][m_position[task]++]};
    ++m_drawn;
    return ref;
}

MixtureSampler::State MixtureSampler::state() const { return {m_rng.state(), m_epoch, m_position, m_drawn}; }

void MixtureSampler::setState(const State& s) {
    m_rng.setState(s.rng);
    m_epoch = s.epoch;
    m_position = s.position;
    m_drawn = s.drawn;
    m_epoch.resize(m_sizes.size(), 0);
    m_position.resize(m_sizes.size(), 0);
    for (std::size_t t = 0; t < m_sizes.size(); ++t) {
        m_perm[t].clear();
        if (m_sizes[t] > 0) shuffle(t);
    }
}

// --- batches -----------------------------------------------------------------------------------------

HostBatch makeBatch(const std::vector<FittedSequence>& sequences, const std::vector<std::uint64_t>& exampleIds,
                    bool withContext) {
    HostBatch b;
    b.rows = int(sequences.size());
    std::size_t longest = 2;
    for (const auto& s : sequences) longest = std::max(longest, s.tokens.size());
    b.length = int(longest - 1);
    b.inputs.assign(std::size_t(b.rows) * std::size_t(b.length), Tokenizer::kPad);
    b.labels.assign(std::size_t(b.rows) * std::size_t(b.length), -100);
    if (withContext) b.contextLabels.assign(std::size_t(b.rows) * std::size_t(b.length), -100);
    b.segments.assign(std::size_t(b.rows) * std::size_t(b.length), kSegmentHeader);
    b.exampleIds = exampleIds;
    for (int r = 0; r < b.rows; ++r) {
        const auto& s = sequences[std::size_t(r)];
        std::int64_t* in = b.inputs.data() + std::size_t(r) * std::size_t(b.length);
        std::int64_t* lab = b.labels.data() + std::size_t(r) * std::size_t(b.length);
        std::int64_t* seg = b.segments.data() + std::size_t(r) * std::size_t(b.length);
        for (std::size_t i = 0; i + 1 < s.tokens.size(); ++i) {
            in[i] = s.tokens[i];
            // Sequences built by hand (tests) may have no segments: the input side is then header,
            // the target side tail, which is what fitSequence gives an example without fields.
            seg[i] = i < s.segments.size() ? s.segments[i] : (i >= s.targetStart ? kSegmentTail : kSegmentHeader);
            // Position i predicts token i + 1: a loss only when that token is part of the target.
            if (i + 1 >= s.targetStart) {
                lab[i] = s.tokens[i + 1];
                ++b.targetTokens;
            } else if (withContext) {
                b.contextLabels[std::size_t(r) * std::size_t(b.length) + i] = s.tokens[i + 1];
                ++b.contextTokens;
            }
        }
    }
    return b;
}

Prefetcher::Prefetcher(const std::vector<const TaskTokens*>& tasks, MixtureSampler sampler, PipelineConfig config,
                       std::int64_t firstStep, std::int64_t lastStep)
    : m_tasks(tasks), m_sampler(std::move(sampler)), m_config(config), m_next(firstStep), m_last(lastStep) {
    m_thread = std::thread([this] { run(); });
}

Prefetcher::~Prefetcher() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

StepData Prefetcher::produce(std::int64_t step) {
    const auto t0 = std::chrono::steady_clock::now();
    StepData d;
    d.step = step;
    const int B = m_config.batch, W = m_config.world;
    std::vector<FittedSequence> mine;
    std::vector<std::uint64_t> ids;
    for (int slot = 0; slot < B; ++slot) {
        const std::uint64_t exampleId = m_sampler.drawn();
        ExampleRef ref = m_sampler.next();
        FittedSequence seq = fitExample(*m_tasks[ref.task], ref.example, m_config.maxSeq, m_config.maxTarget);
        d.globalTargetTokens += std::int64_t(seq.tokens.size() - seq.targetStart);
        // Positions 0 .. targetStart - 2 predict context tokens 1 .. targetStart - 1.
        if (m_config.contextLabels && seq.targetStart > 0) d.globalContextTokens += std::int64_t(seq.targetStart) - 1;
        if (slot % W == m_config.rank) {
            mine.push_back(std::move(seq));
            ids.push_back(exampleId);
        }
    }
    d.globalExamples = B;
    const int perRank = int(mine.size());
    const int micro = m_config.microBatch > 0 ? m_config.microBatch : perRank;
    for (int start = 0; start < perRank; start += micro) {
        const int end = std::min(perRank, start + micro);
        std::vector<FittedSequence> part(std::make_move_iterator(mine.begin() + start), std::make_move_iterator(mine.begin() + end));
        std::vector<std::uint64_t> partIds(ids.begin() + start, ids.begin() + end);
        d.microBatches.push_back(makeBatch(part, partIds, m_config.contextLabels));
    }
    d.stateAfter = m_sampler.state();
    d.buildSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return d;
}

void Prefetcher::run() {
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_cv.wait(lock, [&] { return m_stop || int(m_queue.size()) < m_config.prefetch; });
            if (m_stop) return;
            if (m_next > m_last) {
                m_done = true;
                m_cv.notify_all();
                return;
            }
        }
        StepData d = produce(m_next++);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_queue.push_back(std::move(d));
        }
        m_cv.notify_all();
    }
}

bool Prefetcher::pop(StepData& out, double* waitSeconds) {
    const auto t0 = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait(lock, [&] { return !m_queue.empty() || m_done || m_stop; });
    if (waitSeconds) *waitSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (m_queue.empty()) return false;
    out = std::move(m_queue.front());
    m_queue.pop_front();
    lock.unlock();
    m_cv.notify_all();
    return true;
}

} // namespace flame::training
