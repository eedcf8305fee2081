// Word diff: exact results on small cases, white space never a change, both texts rebuilt from
// the pieces on random inputs, and the size guard.
#include <QtTest>

#include <random>

#include "model/worddiff.h"

using namespace flame;

namespace {

std::string rebuild(const std::vector<DiffPiece>& pieces, DiffOp skip) {
    std::string out;
    for (const auto& p : pieces)
        if (p.op != skip) out += p.text;
    return out;
}

std::string join(const std::vector<SidePiece>& side, bool changedOnly = false) {
    std::string out;
    for (const auto& p : side)
        if (!changedOnly || p.changed) out += (changedOnly && !out.empty() ? "|" : "") + p.text;
    return out;
}

} // namespace

class TestWordDiff : public QObject {
    Q_OBJECT

private slots:
    void replacesOneWord() {
        auto d = diffWords("the cat sat down", "the dog sat down");
        QCOMPARE(d.size(), std::size_t(4));
        QCOMPARE(d[0].text, std::string("the"));
        QCOMPARE(d[1].op, DiffOp::Removed);
        QCOMPARE(d[1].text, std::string(" cat"));
        QCOMPARE(d[2].op, DiffOp::Added);
        QCOMPARE(d[2].text, std::string(" dog"));
        QCOMPARE(d[3].op, DiffOp::Equal);
        QCOMPARE(d[3].text, std::string(" sat down"));
        auto s = sideBySide("the cat sat down", "the dog sat down");
        QCOMPARE(join(s.left, true), std::string("cat"));
        QCOMPARE(join(s.right, true), std::string("dog"));
        QCOMPARE(s.changedWords, std::size_t(2));
    }

    void insertionAndPunctuation() {
        auto s = sideBySide("Paris is big.", "Paris is very big!");
        QCOMPARE(join(s.left, true), std::string("."));
        QCOMPARE(join(s.right, true), std::string("very|!"));
        QCOMPARE(join(s.left), std::string("Paris is big."));
        QCOMPARE(join(s.right), std::string("Paris is very big!"));
    }

    void whiteSpaceIsNotAChange() {
        auto s = sideBySide("one two\nthree", "one  two three ");
        QCOMPARE(s.changedWords, std::size_t(0));
        QCOMPARE(join(s.left), std::string("one two\nthree"));
        QCOMPARE(join(s.right), std::string("one  two three "));
    }

    void emptySides() {
        auto s = sideBySide("", "new text");
        QCOMPARE(s.changedWords, std::size_t(2));
        QVERIFY(s.left.empty());
        QCOMPARE(join(s.right), std::string("new text"));
        auto t = sideBySide("old", "");
        QCOMPARE(join(t.left, true), std::string("old"));
    }

    void randomTextsRebuild() {
        std::mt19937 rng(7);
        const char* words[] = {"a", "b", "c", "the", "dog", ",", ".", "x1", "é"};
        const char* spaces[] = {" ", "  ", "\n", ""};
        for (int round = 0; round < 300; ++round) {
            auto make = [&] {
                std::string s;
                int n = int(rng() % 30);
                for (int i = 0; i < n; ++i) {
                    s += spaces[rng() % 4];
                    s += words[rng() % 9];
                }
                return s;
            };
            std::string a = make(), b = make();
            auto d = diffWords(a, b);
            QCOMPARE(rebuild(d, DiffOp::Added), a);
            auto s = sideBySide(a, b);
            QCOMPARE(join(s.left), a);
            QCOMPARE(join(s.right), b);
            if (a == b) QCOMPARE(s.changedWords, std::size_t(0));
        }
    }

    void hugeTextsFallBack() {
        std::string a, b;
        for (int i = 0; i < 3000; ++i) {
            a += "w" + std::to_string(i) + " ";
            b += "v" + std::to_string(i) + " ";
        }
        auto s = sideBySide("same start " + a + " same end", "same start " + b + " same end");
        QCOMPARE(s.changedWords, std::size_t(6000));
        QCOMPARE(join(s.left).substr(0, 11), std::string("same start "));
    }
};

QTEST_APPLESS_MAIN(TestWordDiff)
#include "tst_worddiff.moc"
