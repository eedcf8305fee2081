#include "model/mixture.h"

#include <algorithm>
#include <cmath>

namespace flame {

const char* toString(MixtureKind kind) {
    switch (kind) {
    case MixtureKind::Proportional: return "proportional";
    case MixtureKind::Equal: return "equal";
    case MixtureKind::Explicit: return "explicit";
    }
    return "?";
}

std::optional<MixtureKind> parseMixtureKind(std::string_view text) {
    for (MixtureKind k : {MixtureKind::Proportional, MixtureKind::Equal, MixtureKind::Explicit})
        if (text == toString(k)) return k;
    return std::nullopt;
}

std::int64_t scaledCap(std::int64_t corpusSize) {
    double cap = double(kPaperCap) * double(corpusSize) / double(kPaperCorpusSize);
    return std::max<std::int64_t>(1, std::llround(cap));
}

Expected<std::vector<double>> mixtureRates(const std::vector<MixtureTask>& tasks, const MixtureSpec& spec) {
    std::vector<double> raw(tasks.size(), 0.0);
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const auto& t = tasks[i];
        if (t.examples <= 0) continue;
        switch (spec.kind) {
        case MixtureKind::Proportional:
            raw[i] = double(spec.cap > 0 ? std::min(t.examples, spec.cap) : t.examples);
            break;
        case MixtureKind::Equal: raw[i] = 1.0; break;
        case MixtureKind::Explicit:
            if (!(t.weight >= 0) || std::isinf(t.weight))
                return Error::badInput("mixture weight of task " + t.key + " must be a finite number >= 0");
            raw[i] = t.weight;
            break;
        }
    }
    double total = 0;
    for (double r : raw) total += r;
    if (!(total > 0))
        return Error::badInput(spec.kind == MixtureKind::Explicit
                                   ? "no task of the mixture has both training examples and a positive weight"
                                   : "no task of the mixture has training examples");
    for (double& r : raw) r /= total;
    return raw;
}

std::vector<double> examplesPerStep(const std::vector<double>& rates, int batch) {
    std::vector<double> out(rates.size());
    for (std::size_t i = 0; i < rates.size(); ++i) out[i] = rates[i] * batch;
    return out;
}

} // namespace flame
