#include "ui/labels.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace flame::ui {

// The translation context of these names.
class Labels {
    Q_DECLARE_TR_FUNCTIONS(flame::ui::Labels)
};

QString taskTypeName(TaskType type) {
    switch (type) {
    case TaskType::Pairwise:
        return Labels::tr("pairwise");
    case TaskType::Pointwise:
        return Labels::tr("pointwise");
    case TaskType::Classification:
        return Labels::tr("classification");
    case TaskType::OpenEnded:
        return Labels::tr("open-ended");
    }
    return {};
}

QString capabilityName(Capability c) {
    switch (c) {
    case Capability::Quality:
        return Labels::tr("General response quality");
    case Capability::Factuality:
        return Labels::tr("Factuality / attribution");
    case Capability::Safety:
        return Labels::tr("Safety");
    case Capability::Coding:
        return Labels::tr("Coding");
    case Capability::InstructionTuning:
        return Labels::tr("Instruction tuning");
    case Capability::Math:
        return Labels::tr("Math");
    }
    return {};
}

QString splitName(Split split) {
    switch (split) {
    case Split::Train:
        return Labels::tr("train");
    case Split::Dev:
        return Labels::tr("dev");
    case Split::Test:
        return Labels::tr("test");
    }
    return {};
}

QString reviewFilterName(ReviewFilter f) {
    switch (f) {
    case ReviewFilter::Any:
        return Labels::tr("any");
    case ReviewFilter::Unreviewed:
        return Labels::tr("not reviewed");
    case ReviewFilter::Reviewed:
        return Labels::tr("reviewed");
    case ReviewFilter::Agreed:
        return Labels::tr("agreed");
    case ReviewFilter::Flagged:
        return Labels::tr("flagged");
    case ReviewFilter::Relabelled:
        return Labels::tr("relabelled");
    case ReviewFilter::Disputed:
        return Labels::tr("disputed (needs adjudication)");
    case ReviewFilter::Gold:
        return Labels::tr("gold label set");
    }
    return {};
}

QString verdictName(Verdict v) {
    switch (v) {
    case Verdict::Agree:
        return Labels::tr("agree");
    case Verdict::Flag:
        return Labels::tr("flag");
    case Verdict::Relabel:
        return Labels::tr("relabel");
    case Verdict::Note:
        return Labels::tr("note");
    }
    return {};
}

QString searchErrorText(SearchError e) {
    switch (e) {
    case SearchError::None:
        return {};
    case SearchError::Empty:
        return Labels::tr("There is nothing to search for.");
    case SearchError::UnclosedQuote:
        return Labels::tr("A quotation mark is not closed.");
    case SearchError::UnbalancedParen:
        return Labels::tr("The parentheses do not match.");
    case SearchError::MissingOperand:
        return Labels::tr("AND, OR, NOT or a group has nothing on one side.");
    case SearchError::LeadingNot:
        return Labels::tr("NOT needs a word before it, as in: apple NOT pie.");
    }
    return {};
}

QString formatCount(qint64 n) {
    return QLocale().toString(n);
}

QString formatRatio(double value, int decimals) {
    if (std::isnan(value)) return Labels::tr("n/a");
    return QLocale().toString(value, 'f', decimals);
}

} // namespace flame::ui
