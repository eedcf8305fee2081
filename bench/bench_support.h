#pragma once
// Shared by the benchmarks: wall-clock timing, peak resident memory per phase, and one JSON
// result line per figure (scripts/bench.sh collects them into the README's table).
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <string>

namespace flame::bench {

class Stopwatch {
public:
    Stopwatch() : m_start(std::chrono::steady_clock::now()) {}
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    }

private:
    std::chrono::steady_clock::time_point m_start;
};

// CPU seconds used by the calling thread (unaffected by other processes competing for cores).
inline double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// Resets the kernel's peak-RSS mark (Linux clear_refs "5"), so a phase's peak can be read alone.
inline void resetPeakMemory() { std::ofstream("/proc/self/clear_refs") << "5"; }

// Peak resident set size since the last reset, in MiB (VmHWM).
inline double peakMemoryMiB() {
    std::ifstream in("/proc/self/status");
    std::string key;
    while (in >> key) {
        if (key == "VmHWM:") {
            double kb = 0;
            in >> kb;
            return kb / 1024.0;
        }
        std::getline(in, key);
    }
    return 0;
}

struct Result {
    std::string name;       // what is measured
    double ours = 0;        // our figure
    double peer = 0;        // the peer's figure, measured in the same run
    std::string unit;       // e.g. "rows/s", "ms", "MiB"
    std::string peerName;   // what the peer is
    bool higherIsBetter = true;
    std::string note;
};

// Prints one line for people and appends one JSON object line to `jsonPath` (if not empty).
inline void report(const Result& r, const std::string& jsonPath) {
    double ratio = r.peer != 0 ? r.ours / r.peer : 0;
    std::printf("%-44s ours %12.1f %-8s | %-34s %12.1f | ratio %.2f%s\n", r.name.c_str(), r.ours, r.unit.c_str(),
                r.peerName.c_str(), r.peer, ratio, r.note.empty() ? "" : ("  (" + r.note + ")").c_str());
    if (jsonPath.empty()) return;
    std::ofstream out(jsonPath, std::ios::app);
    auto esc = [](const std::string& s) {
        std::string o;
        for (char c : s) {
            if (c == '"' || c == '\\') o += '\\';
            o += c;
        }
        return o;
    };
    out << "{\"name\":\"" << esc(r.name) << "\",\"ours\":" << r.ours << ",\"peer\":" << r.peer << ",\"unit\":\""
        << esc(r.unit) << "\",\"peer_name\":\"" << esc(r.peerName) << "\",\"ratio\":" << ratio
        << ",\"higher_is_better\":" << (r.higherIsBetter ? "true" : "false") << ",\"note\":\"" << esc(r.note) << "\"}\n";
}

// Tiny argument reader: --key value.
inline std::string arg(int argc, char** argv, const std::string& key, const std::string& fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == key) return argv[i + 1];
    return fallback;
}

} // namespace flame::bench
