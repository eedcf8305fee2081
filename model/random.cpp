#include "model/random.h"

#include "model/hash.h"

namespace flame {

void Rng::reseed(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& s : m_s) {
        x = mix64(x);
        s = x;
    }
    if ((m_s[0] | m_s[1] | m_s[2] | m_s[3]) == 0) m_s[0] = 1;
}

std::uint64_t Rng::next() {
    auto rotl = [](std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); };
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

__extension__ typedef unsigned __int128 Uint128;

std::uint64_t Rng::below(std::uint64_t bound) {
    Uint128 m = Uint128(next()) * bound;
    std::uint64_t low = std::uint64_t(m);
    if (low < bound) {
        std::uint64_t threshold = (0 - bound) % bound;
        while (low < threshold) {
            m = Uint128(next()) * bound;
            low = std::uint64_t(m);
        }
    }
    return std::uint64_t(m >> 64);
}

std::size_t Rng::weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double r = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        r -= weights[i];
        if (r < 0) return i;
    }
    return weights.empty() ? 0 : weights.size() - 1;
}

} // namespace flame
