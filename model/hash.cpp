#include "model/hash.h"

#include <cstring>

namespace flame {

namespace {

inline std::uint64_t rotl64(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

inline std::uint64_t fmix64(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return k;
}

inline std::uint64_t load64(const unsigned char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8); // little-endian hosts only (x86_64, aarch64)
    return v;
}

} // namespace

Hash128 murmur3_128(const void* key, std::size_t length, std::uint64_t seed) {
    const auto* data = static_cast<const unsigned char*>(key);
    const std::size_t blocks = length / 16;
    std::uint64_t h1 = seed, h2 = seed;
    const std::uint64_t c1 = 0x87c37b91114253d5ull, c2 = 0x4cf5ad432745937full;

    for (std::size_t i = 0; i < blocks; ++i) {
        std::uint64_t k1 = load64(data + i * 16);
        std::uint64_t k2 = load64(data + i * 16 + 8);
        k1 *= c1;
        k1 = rotl64(k1, 31);
        k1 *= c2;
        h1 ^= k1;
        h1 = rotl64(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        k2 *= c2;
        k2 = rotl64(k2, 33);
        k2 *= c1;
        h2 ^= k2;
        h2 = rotl64(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    const unsigned char* tail = data + blocks * 16;
    std::uint64_t k1 = 0, k2 = 0;
    switch (length & 15) {
    case 15: k2 ^= std::uint64_t(tail[14]) << 48; [[fallthrough]];
    case 14: k2 ^= std::uint64_t(tail[13]) << 40; [[fallthrough]];
    case 13: k2 ^= std::uint64_t(tail[12]) << 32; [[fallthrough]];
    case 12: k2 ^= std::uint64_t(tail[11]) << 24; [[fallthrough]];
    case 11: k2 ^= std::uint64_t(tail[10]) << 16; [[fallthrough]];
    case 10: k2 ^= std::uint64_t(tail[9]) << 8; [[fallthrough]];
    case 9:
        k2 ^= std::uint64_t(tail[8]);
        k2 *= c2;
        k2 = rotl64(k2, 33);
        k2 *= c1;
        h2 ^= k2;
        [[fallthrough]];
    case 8: k1 ^= std::uint64_t(tail[7]) << 56; [[fallthrough]];
    case 7: k1 ^= std::uint64_t(tail[6]) << 48; [[fallthrough]];
    case 6: k1 ^= std::uint64_t(tail[5]) << 40; [[fallthrough]];
    case 5: k1 ^= std::uint64_t(tail[4]) << 32; [[fallthrough]];
    case 4: k1 ^= std::uint64_t(tail[3]) << 24; [[fallthrough]];
    case 3: k1 ^= std::uint64_t(tail[2]) << 16; [[fallthrough]];
    case 2: k1 ^= std::uint64_t(tail[1]) << 8; [[fallthrough]];
    case 1:
        k1 ^= std::uint64_t(tail[0]);
        k1 *= c1;
        k1 = rotl64(k1, 31);
        k1 *= c2;
        h1 ^= k1;
    }

    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    return Hash128{h1, h2};
}

std::array<unsigned char, 16> Hash128::bytes() const {
    std::array<unsigned char, 16> out{};
    for (int i = 0; i < 8; ++i) {
        out[i] = static_cast<unsigned char>(high >> (56 - 8 * i));
        out[8 + i] = static_cast<unsigned char>(low >> (56 - 8 * i));
    }
    return out;
}

Hash128 Hash128::fromBytes(const void* data16) {
    const auto* p = static_cast<const unsigned char*>(data16);
    Hash128 h;
    for (int i = 0; i < 8; ++i) {
        h.high = (h.high << 8) | p[i];
        h.low = (h.low << 8) | p[8 + i];
    }
    return h;
}

std::string Hash128::hex() const {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(32);
    for (unsigned char b : bytes()) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

HashBuilder& HashBuilder::add(std::string_view field) {
    std::uint64_t n = field.size();
    char prefix[8];
    std::memcpy(prefix, &n, 8);
    m_buffer.append(prefix, 8);
    m_buffer.append(field);
    return *this;
}

std::uint64_t mix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

} // namespace flame
