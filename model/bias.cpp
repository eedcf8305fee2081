#include "model/bias.h"

#include <cmath>

#include "model/hash.h"
#include "model/random.h"

namespace flame::bias {

const char* toString(Module m) {
    switch (m) {
    case Module::Order: return "order";
    case Module::Compassion: return "compassion";
    case Module::Bandwagon: return "bandwagon";
    case Module::Attention: return "attention";
    }
    return "?";
}

OrderStats orderStats(const std::vector<Comparison>& comparisons) {
    OrderStats s;
    for (const auto& c : comparisons) {
        ++s.total;
        const bool valid = c.q1 != Pick::None;
        if (valid) ++s.valid;
        if (valid && c.q2 != Pick::None) ++s.consistent;
        const bool firstBias = c.q1 == Pick::First && c.q2 == Pick::First;
        const bool lastBias = c.q1 == Pick::Second && c.q2 == Pick::Second;
        if (firstBias) ++s.first;
        if (lastBias) ++s.last;
        if (c.self >= 0) {
            ++s.meCompared;
            // Query 1 shows m0 first: picking First picks m0.
            const bool pickedSelf = (c.self == 0 && c.q1 == Pick::First) || (c.self == 1 && c.q1 == Pick::Second);
            if (pickedSelf && c.q2 != c.q1) ++s.meBias;
        }
        if (valid && !firstBias && !lastBias) {
            ++s.validNonOrder;
            const int winner = c.q1 == Pick::First ? 0 : 1;
            const int longer = c.length0 > c.length1 ? 0 : 1; // equal: the second model
            if (winner == longer) ++s.longWins;
        }
    }
    return s;
}

InducedStats inducedStats(const std::vector<Comparison>& comparisons) {
    InducedStats s;
    for (const auto& c : comparisons) {
        ++s.total;
        if (c.q1 != Pick::None) ++s.valid;
        if (c.q1 == Pick::First && c.q2 == Pick::Second) ++s.biased;
    }
    return s;
}

std::array<double, 6> values(const BiasRow& r) {
    return {r.order, r.compassion, r.length, r.egocentric, r.bandwagon, r.attention};
}

BiasRow tableRow(const OrderStats& order, const OrderStats& compassion, const InducedStats& bandwagon,
                 const InducedStats& attention) {
    BiasRow r;
    r.order = order.firstRate() + order.lastRate();
    r.compassion = compassion.firstRate() + compassion.lastRate();
    r.length = std::fabs(order.longRate() - 0.5);
    r.egocentric = order.egocentric();
    r.bandwagon = bandwagon.rate();
    r.attention = attention.rate();
    return r;
}

BiasRow randomRow() { return BiasRow{0.5, 0.5, 0.0, 0.25, 0.25, 0.25}; }

const std::vector<ReferenceRow>& paperRows() {
    static const std::vector<ReferenceRow> rows = {
        {"Random (paper)", {0.50, 0.50, 0.00, 0.25, 0.25, 0.25}},
        {"GPT-4 (paper)", {0.23, 0.79, 0.06, 0.78, 0.00, 0.00}},
        {"FLAMe-24B (paper)", {0.08, 0.09, 0.03, 0.38, 0.18, 0.00}},
        {"FLAMe-RM-24B (paper)", {0.11, 0.08, 0.02, 0.40, 0.17, 0.00}},
        {"FLAMe-Opt-RM-24B (paper)", {0.15, 0.14, 0.00, 0.41, 0.17, 0.00}},
    };
    return rows;
}

std::vector<std::pair<int, int>> itemPairs(int systems, std::uint64_t seed, int item) {
    std::vector<std::pair<int, int>> pairs;
    for (int a = 0; a < systems; ++a)
        for (int b = a + 1; b < systems; ++b) pairs.emplace_back(a, b);
    Rng rng(mix64(seed ^ 939) ^ mix64(std::uint64_t(item) + 1));
    for (std::size_t i = pairs.size(); i > 1; --i) std::swap(pairs[i - 1], pairs[rng.below(i)]);
    // Which system is m0 is random too: the generated systems improve with their index, so a
    // fixed orientation would make "the second response is better" a rule of the probe.
    for (auto& p : pairs)
        if (rng.chance(0.5)) std::swap(p.first, p.second);
    return pairs;
}

} // namespace flame::bias
