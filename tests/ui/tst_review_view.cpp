// A review session by keyboard: a queue from the browser's filter, prefer A/B, agree, flag, a
// note, next/previous, undo (U and Ctrl+Z), blind mode and the difference highlight; ratings and
// classes by number; the disputed queue and adjudication; the agreement panel against the
// formulas; the JSON Lines exports. The original labels never change.
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QtTest>

#include "storage/judgment_store.h"
#include "storage/review_store.h"
#include "tests/test_support.h"
#include "tests/ui/ui_test_support.h"
#include "ui/browse/task_tree_model.h"
#include "ui/review/agreement_panel.h"
#include "ui/review/review_view.h"

using namespace flame;
using namespace flame::ui;

class TestReviewView : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;

    ReviewView* review() const { return m_window->review(); }
    Workspace& ws() const { return *m_window->session()->workspace(); }
    std::string labelOf(qint64 id) const { return (*loadJudgment(ws(), id))->label(); }
    std::vector<Review> reviewsOf(qint64 id, bool withdrawn = false) const {
        return *ReviewStore(ws()).forJudgment(id, withdrawn);
    }
    void key(int k, Qt::KeyboardModifiers m = Qt::NoModifier) {
        QTest::keyClick(review(), Qt::Key(k), m);
    }

    bool queueFor(const QString& task) {
        m_window->showView(MainWindow::View::Browse);
        m_window->taskTree()->selectTask(task);
        if (!test::waitForRows(*m_window)) return false;
        m_window->showView(MainWindow::View::Review);
        QSignalSpy ready(review(), &ReviewView::queueReady);
        review()->buildQueueFromBrowser();
        if (!ready.wait(10000)) return false;
        review()->setFocus();
        return !review()->queue().isEmpty();
    }

private slots:
    void initTestCase() {
        test::isolateSettings(m_dir);
        m_path = m_dir.path() + "/review.flame";
        test::makeSampleWorkspace(m_path, 8000);
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->session()->setUserName("rita");
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(test::openAndWait(*m_window, m_path));
    }

    void pairwiseSessionByKeyboard() {
        QVERIFY(queueFor("hh-rlhf-helpful-base"));
        const auto q = review()->queue();
        QCOMPARE(qint64(q.size()),
                 std::min<qint64>(ReviewView::kQueueSize,
                                  m_window->session()->stats().byTask.at("hh-rlhf-helpful-base")));
        QCOMPARE(review()->currentJudgment(), q[0]);
        QVERIFY(!review()->sideText(0).isEmpty());
        QVERIFY(!review()->sideText(1).isEmpty());
        QVERIFY(!review()->promptText().isEmpty());
        const std::string l0 = labelOf(q[0]), l1 = labelOf(q[1]);

        key(Qt::Key_B); // prefer B on q0
        QCOMPARE(review()->position(), 1);
        auto r0 = reviewsOf(q[0]);
        QCOMPARE(r0.size(), std::size_t(1));
        QCOMPARE(r0[0].reviewer, std::string("rita"));
        QCOMPARE(r0[0].verdict, l0 == "B" ? Verdict::Agree : Verdict::Relabel);
        if (l0 != "B") QCOMPARE(r0[0].label, std::string("B"));

        key(Qt::Key_A); // prefer A on q1
        auto r1 = reviewsOf(q[1]);
        QCOMPARE(r1[0].verdict, l1 == "A" ? Verdict::Agree : Verdict::Relabel);
        key(Qt::Key_Space); // agree on q2
        QCOMPARE(reviewsOf(q[2])[0].verdict, Verdict::Agree);
        key(Qt::Key_F); // flag q3
        QCOMPARE(reviewsOf(q[3])[0].verdict, Verdict::Flag);
        QCOMPARE(review()->position(), 4);

        // A note: N opens the field, Enter saves, the queue does not move.
        key(Qt::Key_N);
        auto* note = review()->findChild<QLineEdit*>("noteEdit");
        QVERIFY(note->isVisible());
        QTest::keyClicks(note, "A and B are near copies");
        QTest::keyClick(note, Qt::Key_Return);
        QVERIFY(!note->isVisible());
        QCOMPARE(review()->position(), 4);
        QCOMPARE(reviewsOf(q[4])[0].note, std::string("A and B are near copies"));

        key(Qt::Key_Right);
        QCOMPARE(review()->position(), 5);
        key(Qt::Key_Left);
        key(Qt::Key_K);
        QCOMPARE(review()->position(), 3);
        key(Qt::Key_J);
        QCOMPARE(review()->position(), 4);

        // Undo: the note, then (Ctrl+Z) the flag, which brings the queue back to q3.
        key(Qt::Key_U);
        QVERIFY(reviewsOf(q[4]).empty());
        QCOMPARE(reviewsOf(q[4], true).size(), std::size_t(1)); // withdrawn, not deleted
        key(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(reviewsOf(q[3]).empty());
        QCOMPARE(review()->position(), 3);
        // The originals are untouched.
        QCOMPARE(labelOf(q[0]), l0);
        QCOMPARE(labelOf(q[1]), l1);
    }

    void blindModeAndDiff() {
        QVERIFY(review()->labelText().contains("Human label"));
        key(Qt::Key_H);
        QVERIFY(review()->blind());
        QVERIFY(review()->labelText().contains("hidden"));
        QVERIFY(!review()->labelText().contains("choice:"));
        key(Qt::Key_H);
        QVERIFY(review()->labelText().contains("choice:"));
        // Find a judgment whose responses differ (almost all) and check the marks toggle.
        QVERIFY(review()->sideText(0) != review()->sideText(1));
        const QString marked = review()->sideHtml(0) + review()->sideHtml(1);
        QVERIFY(review()->diffShown());
        key(Qt::Key_D);
        QVERIFY(!review()->diffShown());
        const QString plain = review()->sideHtml(0) + review()->sideHtml(1);
        QVERIFY(marked.contains("background-color"));
        QVERIFY(plain.count("background-color") < marked.count("background-color"));
        key(Qt::Key_D);
    }

    void classesAndRatingsByNumber() {
        QVERIFY(queueFor("mnli"));
        const TaskDefinition* mnli = ws().catalog().find("mnli");
        qint64 id = review()->currentJudgment();
        const std::string original = labelOf(id);
        key(Qt::Key_2);
        const auto r = reviewsOf(id);
        QCOMPARE(r.size(), std::size_t(1));
        if (original == mnli->labels[1])
            QCOMPARE(r[0].verdict, Verdict::Agree);
        else
            QCOMPARE(r[0].label, mnli->labels[1]);
        key(Qt::Key_9); // no ninth class: refused, nothing recorded
        QVERIFY(reviewsOf(review()->currentJudgment()).empty());
        QVERIFY(review()->statusText().contains("labels"));

        const TaskDefinition* rating = nullptr;
        for (const auto& t : ws().catalog().tasks())
            if (t.type == TaskType::Pointwise &&
                m_window->session()->stats().byTask.at(t.key) > 0 && t.scaleMax <= 9) {
                rating = &t;
                break;
            }
        QVERIFY(rating);
        QVERIFY(queueFor(QString::fromStdString(rating->key)));
        id = review()->currentJudgment();
        key(Qt::Key_0 + rating->scaleMax);
        const auto rr = reviewsOf(id);
        QCOMPARE(rr.size(), std::size_t(1));
        if (labelOf(id) != std::to_string(rating->scaleMax))
            QCOMPARE(rr[0].label, std::to_string(rating->scaleMax));
    }

    void disputedQueueAndAdjudication() {
        QVERIFY(review()->loadDisputedQueue());
        const auto disputed = review()->queue();
        QVERIFY(!disputed.isEmpty()); // the relabels above
        const qint64 id = disputed.first();
        QCOMPARE(review()->currentJudgment(), id);
        auto* choice = review()->findChild<QComboBox*>("goldChoice");
        QVERIFY(choice->count() >= 2);
        const QString gold = QString::fromStdString(reviewsOf(id).back().label);
        choice->setCurrentText(gold);
        key(Qt::Key_G, Qt::ControlModifier);
        auto g = ReviewStore(ws()).gold(id);
        QVERIFY(g->has_value());
        QCOMPARE(QString::fromStdString((*g)->label), gold);
        QCOMPARE((*g)->adjudicator, std::string("rita"));
        QVERIFY(review()->loadDisputedQueue());
        QVERIFY(!review()->queue().contains(id));
    }

    void agreementPanelMatchesTheFormulas() {
        AgreementPanel* panel = review()->agreementPanel();
        auto labels = ReviewStore(ws()).labelledReviews();
        const AgreementReport expected = agreementReport(*labels);
        QVERIFY(expected.overall.items >= 3);
        QCOMPARE(panel->report().overall.items, expected.overall.items);
        QCOMPARE(panel->report().overall.observed, expected.overall.observed);
        panel->setGrouping(AgreementModel::ByTask);
        QCOMPARE(panel->model()->rowCount(), int(expected.byTask.size()));
        panel->setGrouping(AgreementModel::ByReviewer);
        QCOMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->index(0, AgreementModel::GroupColumn).data().toString(),
                 QStringLiteral("rita"));
        // A second reviewer on a judgment rita labelled gives a between-reviewers row.
        const qint64 id = labels->front().judgmentId;
        QVERIFY(ReviewStore(ws()).add(id, "sam", Verdict::Agree).ok());
        m_window->session()->notifyReviewsChanged(id);
        panel->setGrouping(AgreementModel::BetweenReviewers);
        QCOMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->index(0, AgreementModel::GroupColumn).data().toString(),
                 QStringLiteral("rita / sam"));
    }

    void exportsJsonLines() {
        const QString reviews = m_dir.path() + "/reviews.jsonl",
                      gold = m_dir.path() + "/gold.jsonl";
        QVERIFY(review()->exportReviews(reviews));
        QVERIFY(review()->exportGold(gold));
        QFile r(reviews), g(gold);
        QVERIFY(r.open(QIODevice::ReadOnly));
        QVERIFY(g.open(QIODevice::ReadOnly));
        const auto reviewLines = r.readAll().split('\n');
        QVERIFY(reviewLines.size() >= 6);
        QVERIFY(reviewLines.first().contains("\"reviewer\":\"rita\""));
        QVERIFY(g.readAll().contains("\"adjudicator\":\"rita\""));
    }
};

QTEST_MAIN(TestReviewView)
#include "tst_review_view.moc"
