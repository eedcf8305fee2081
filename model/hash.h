#pragma once
// Content hashes: MurmurHash3 x64/128. Non-cryptographic but 128 bits, so 5.3M judgments collide
// with probability ~1e-26; fast enough (GB/s) not to show in import profiles.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace flame {

struct Hash128 {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    bool operator==(const Hash128& o) const { return low == o.low && high == o.high; }
    bool operator!=(const Hash128& o) const { return !(*this == o); }
    // 16 bytes, big-endian high then low, the form stored in the database.
    std::array<unsigned char, 16> bytes() const;
    static Hash128 fromBytes(const void* data16);
    std::string hex() const; // 32 lower-case hex digits
};

Hash128 murmur3_128(const void* data, std::size_t length, std::uint64_t seed = 0);
inline Hash128 murmur3_128(std::string_view text, std::uint64_t seed = 0) {
    return murmur3_128(text.data(), text.size(), seed);
}

// Incremental builder: feeds length-prefixed fields so ("ab","c") and ("a","bc") differ.
class HashBuilder {
public:
    HashBuilder& add(std::string_view field);
    Hash128 finish(std::uint64_t seed = 0) const { return murmur3_128(m_buffer, seed); }

private:
    std::string m_buffer;
};

// 64-bit mixing of one value (splitmix64 finaliser); used for deterministic choices.
std::uint64_t mix64(std::uint64_t x);

} // namespace flame
