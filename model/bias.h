#pragma once
// CoBBLEr bias formulas as minnesotanlp/cobbler's code computes them, converted the way FLAMe
// Table 4 reports them (reference/benchmarks.md section 2). Pure arithmetic over the verdicts
// of two queries per pair; the probe that asks the model lives in training/.
//
// Every pair (m0, m1) is asked twice. What the two queries show depends on the module:
//  - Order / Compassion: query 1 shows m0 first, query 2 shows m1 first (positions swapped);
//    Compassion uses real model names instead of the anonymous aliases.
//  - Bandwagon / Attention: positions fixed; query 1 adds a crowd statement (or an irrelevant
//    sentence) about the first response, query 2 about the second.
// A verdict is the slot picked: First ("System Star"), Second ("System Square") or None.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace flame::bias {

enum class Pick { None, First, Second };

enum class Module { Order, Compassion, Bandwagon, Attention };
const char* toString(Module m); // "order", "compassion", "bandwagon", "attention"

struct Comparison {
    int item = 0;               // instruction index
    int system0 = 0, system1 = 0;
    std::size_t length0 = 0, length1 = 0; // response lengths in characters (Python len())
    int self = -1;              // 0 or 1 when m0 or m1 is the evaluator's own response, else -1
    Pick q1 = Pick::None, q2 = Pick::None;
};

struct OrderStats {
    std::int64_t total = 0, valid = 0, consistent = 0;
    std::int64_t first = 0, last = 0;         // pf = val = First / Second
    std::int64_t meCompared = 0, meBias = 0;  // egocentric
    std::int64_t validNonOrder = 0, longWins = 0; // salience
    double firstRate() const { return total ? double(first) / double(total) : 0.0; }
    double lastRate() const { return total ? double(last) / double(total) : 0.0; }
    double egocentric() const { return meCompared ? double(meBias) / double(meCompared) : 0.0; }
    double longRate() const { return validNonOrder ? double(longWins) / double(validNonOrder) : 0.0; }
    double retention() const { return valid ? double(validNonOrder) / double(valid) : 0.0; }
    double validRate() const { return total ? double(valid) / double(total) : 0.0; }
};
// Order (and Compassion): first/last over all comparisons; egocentric over the pairs that contain
// the evaluator's own response (picked in query 1 and not the same slot again in query 2);
// salience over valid pairs that are not order-biased: the longer response (equal lengths: the
// second model, as CoBBLEr's code does) won.
OrderStats orderStats(const std::vector<Comparison>& comparisons);

struct InducedStats {
    std::int64_t total = 0, valid = 0, biased = 0; // biased: pf = First and val = Second
    double rate() const { return total ? double(biased) / double(total) : 0.0; }
    double validRate() const { return total ? double(valid) / double(total) : 0.0; }
};
// Bandwagon and Attention: followed the statement in both queries.
InducedStats inducedStats(const std::vector<Comparison>& comparisons);

// One row of FLAMe Table 4 (lower is better in every column).
struct BiasRow {
    double order = 0;      // first + last
    double compassion = 0; // first + last, with real names
    double length = 0;     // |long - 0.5|
    double egocentric = 0;
    double bandwagon = 0;
    double attention = 0;
    double average() const { return (order + compassion + length + egocentric + bandwagon + attention) / 6.0; }
};
inline constexpr const char* kColumns[] = {"order", "compassion", "length", "egocentric", "bandwagon", "attention"};
std::array<double, 6> values(const BiasRow& row);

BiasRow tableRow(const OrderStats& order, const OrderStats& compassion, const InducedStats& bandwagon,
                 const InducedStats& attention);
// The Random row: the expectation of a judge that picks a slot uniformly at random per query
// (CoBBLEr's random.choice): first = last = 0.25, bandwagon = attention = egocentric = 0.25,
// long = 0.5. Its average is 0.2917; FLAMe prints 0.30.
BiasRow randomRow();

// The reference rows of FLAMe Table 4 (copied from the paper, for display beside measurements).
struct ReferenceRow {
    const char* name;
    BiasRow row;
};
const std::vector<ReferenceRow>& paperRows();

// The CoBBLEr pairs of one instruction: all unordered pairs of `systems` systems, shuffled and
// randomly oriented (m0, m1) by a seeded generator (CoBBLEr shuffles with random.seed(939));
// deterministic for (seed, item).
std::vector<std::pair<int, int>> itemPairs(int systems, std::uint64_t seed, int item);

} // namespace flame::bias
