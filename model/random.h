#pragma once
// A deterministic random generator: same seed, same sequence, on every platform and standard
// library (std::uniform_int_distribution is implementation-defined, so it is not used).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace flame {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) { reseed(seed); }
    void reseed(std::uint64_t seed);

    std::uint64_t next(); // xoshiro256**
    // Uniform integer in [0, bound) (bound > 0), by Lemire's multiply-shift with rejection.
    std::uint64_t below(std::uint64_t bound);
    int range(int lo, int hi) { return lo + int(below(std::uint64_t(hi - lo + 1))); } // [lo, hi]
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    bool chance(double p) { return uniform() < p; }
    template <class T> const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }
    template <class T, std::size_t N> const T& pick(const T (&items)[N]) { return items[below(N)]; }
    // Index drawn with probability proportional to weights (all >= 0, sum > 0).
    std::size_t weighted(const std::vector<double>& weights);

    // The full state, for checkpoints that must resume the same sequence.
    struct State {
        std::uint64_t s[4];
    };
    State state() const { return {{m_s[0], m_s[1], m_s[2], m_s[3]}}; }
    void setState(const State& st) {
        for (int i = 0; i < 4; ++i) m_s[i] = st.s[i];
    }

private:
    std::uint64_t m_s[4];
};

} // namespace flame
