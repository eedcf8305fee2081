// Share of agreement and Cohen's kappa against values computed by hand (worked out in the
// comments), and the grouping by task, by reviewer and between reviewers.
#include <QtTest>

#include <cmath>

#include "model/agreement.h"

using namespace flame;

namespace {

std::vector<LabelPair> repeat(std::vector<LabelPair> pairs, const LabelPair& p, int n) {
    for (int i = 0; i < n; ++i)
        pairs.push_back(p);
    return pairs;
}

} // namespace

class TestAgreement : public QObject {
    Q_OBJECT

private slots:
    void twoByTwoTable() {
        // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15.
        // p_o = 35/50 = 0.7; first says yes 25/50 = 0.5, second 30/50 = 0.6;
        // p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
        std::vector<LabelPair> p;
        p = repeat(p, {"yes", "yes"}, 20);
        p = repeat(p, {"yes", "no"}, 5);
        p = repeat(p, {"no", "yes"}, 10);
        p = repeat(p, {"no", "no"}, 15);
        Agreement a = computeAgreement(p);
        QCOMPARE(a.items, std::int64_t(50));
        QCOMPARE(a.observed, 0.7);
        QVERIFY(std::fabs(a.expected - 0.5) < 1e-12);
        QVERIFY(std::fabs(a.kappa - 0.4) < 1e-12);
    }

    void threeCategories() {
        // 10 items over A/B/C:
        //   (A,A) x3, (B,B) x2, (C,C) x1, (A,B) x2, (C,A) x1, (B,C) x1
        // p_o = 6/10 = 0.6. First: A 5, B 3, C 2. Second: A 4, B 4, C 2.
        // p_e = .5*.4 + .3*.4 + .2*.2 = .20 + .12 + .04 = .36
        // kappa = (.6 - .36) / (1 - .36) = .24 / .64 = 0.375
        std::vector<LabelPair> p;
        p = repeat(p, {"A", "A"}, 3);
        p = repeat(p, {"B", "B"}, 2);
        p = repeat(p, {"C", "C"}, 1);
        p = repeat(p, {"A", "B"}, 2);
        p = repeat(p, {"C", "A"}, 1);
        p = repeat(p, {"B", "C"}, 1);
        Agreement a = computeAgreement(p);
        QVERIFY(std::fabs(a.observed - 0.6) < 1e-12);
        QVERIFY(std::fabs(a.expected - 0.36) < 1e-12);
        QVERIFY(std::fabs(a.kappa - 0.375) < 1e-12);
    }

    void perfectAndWorseThanChance() {
        // Perfect agreement over two labels: p_o = 1, p_e = .5, kappa = 1.
        std::vector<LabelPair> p = repeat(repeat({}, {"A", "A"}, 4), {"B", "B"}, 4);
        QCOMPARE(computeAgreement(p).kappa, 1.0);
        // Always opposite with balanced labels: p_o = 0, p_e = .5, kappa = -1.
        std::vector<LabelPair> q = repeat(repeat({}, {"A", "B"}, 3), {"B", "A"}, 3);
        QCOMPARE(computeAgreement(q).kappa, -1.0);
        QCOMPARE(computeAgreement(q).observed, 0.0);
    }

    void undefinedCases() {
        Agreement none = computeAgreement({});
        QCOMPARE(none.items, std::int64_t(0));
        QVERIFY(std::isnan(none.kappa));
        QVERIFY(std::isnan(none.observed));
        // Both always say "A": p_o = 1, p_e = 1, kappa is 0/0.
        Agreement same = computeAgreement(repeat({}, {"A", "A"}, 5));
        QCOMPARE(same.observed, 1.0);
        QVERIFY(std::isnan(same.kappa));
    }

    void reportGroups() {
        // Two reviewers on three judgments of two tasks.
        //   j1 (t1, original A): r1 A, r2 B
        //   j2 (t1, original B): r1 B, r2 B
        //   j3 (t2, original A): r1 B
        std::vector<ReviewLabel> l = {
            {"t1", "r1", 1, "A", "A"}, {"t1", "r2", 1, "A", "B"}, {"t1", "r1", 2, "B", "B"},
            {"t1", "r2", 2, "B", "B"}, {"t2", "r1", 3, "A", "B"},
        };
        AgreementReport r = agreementReport(l);
        QCOMPARE(r.overall.items, std::int64_t(5));
        QVERIFY(std::fabs(r.overall.observed - 0.6) < 1e-12); // 3 of 5 agree with the original
        QCOMPARE(r.byTask.size(), std::size_t(2));
        QCOMPARE(r.byTask[0].group, std::string("t1"));
        QCOMPARE(r.byTask[0].agreement.items, std::int64_t(4));
        QCOMPARE(r.byTask[0].agreement.observed, 0.75);
        // t1 pairs (orig, rev): (A,A) (A,B) (B,B) (B,B): p_o = .75; orig A .5 B .5; rev A .25 B
        // .75; p_e = .5*.25 + .5*.75 = .5; kappa = .25/.5 = .5
        QVERIFY(std::fabs(r.byTask[0].agreement.kappa - 0.5) < 1e-12);
        QCOMPARE(r.byTask[1].agreement.observed, 0.0);
        QCOMPARE(r.byReviewer.size(), std::size_t(2));
        QCOMPARE(r.byReviewer[0].group, std::string("r1"));
        QCOMPARE(r.byReviewer[0].agreement.items, std::int64_t(3));
        QVERIFY(std::fabs(r.byReviewer[0].agreement.observed - 2.0 / 3.0) < 1e-12);
        QCOMPARE(r.byReviewer[1].agreement.observed, 0.5);
        // Between reviewers: j1 (A,B), j2 (B,B): p_o = .5; r1 A .5 B .5; r2 B 1; p_e = .5; kappa 0.
        QCOMPARE(r.betweenReviewers.size(), std::size_t(1));
        QCOMPARE(r.betweenReviewers[0].group, std::string("r1 / r2"));
        QCOMPARE(r.betweenReviewers[0].agreement.items, std::int64_t(2));
        QCOMPARE(r.betweenReviewers[0].agreement.observed, 0.5);
        QVERIFY(std::fabs(r.betweenReviewers[0].agreement.kappa) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
