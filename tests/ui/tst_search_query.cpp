// The search language: what it turns into for FTS5, the inline errors with their positions, the
// highlighter's matching, and — against a real FTS5 table — that every expression it accepts
// runs without an SQL error, over thousands of generated inputs full of FTS5's special
// characters.
#include <QtTest>

#include <random>

#include "storage/search_query.h"
#include "storage/sqlite.h"
#include "tests/test_support.h"

using namespace flame;

class TestSearchQuery : public QObject {
    Q_OBJECT

private slots:
    void rewritesWordsPhrasesAndOperators() {
        QCOMPARE(parseSearch("helpful answer").expression,
                 std::string("\"helpful\" AND \"answer\""));
        QCOMPARE(parseSearch("don't").expression, std::string("\"don't\""));
        QCOMPARE(parseSearch("\"exact phrase\"").expression, std::string("\"exact phrase\""));
        QCOMPARE(parseSearch("refus*").expression, std::string("\"refus\" *"));
        QCOMPARE(parseSearch("a OR b NOT c").expression, std::string("\"a\" OR \"b\" NOT \"c\""));
        QCOMPARE(parseSearch("a AND NOT b").expression, std::string("\"a\" NOT \"b\""));
        QCOMPARE(parseSearch("(a OR b) c").expression, std::string("(\"a\" OR \"b\") AND \"c\""));
        // Inside quotes "" is a literal quote, as in FTS5; an empty phrase is dropped.
        QCOMPARE(parseSearch("say \"a \"\"quoted\"\" word\" \"\"").expression,
                 std::string("\"say\" AND \"a \"\"quoted\"\" word\""));
        // Lower-case operators are words; lone punctuation is dropped.
        QCOMPARE(parseSearch("cats and dogs - x").expression,
                 std::string("\"cats\" AND \"and\" AND \"dogs\" AND \"x\""));
        QCOMPARE(parseSearch("column:value").expression, std::string("\"column:value\""));
    }

    void highlightTermsSkipNegatedWords() {
        auto q = parseSearch("Refus* \"the answer\" NOT wrong");
        QVERIFY(q.ok());
        QCOMPARE(q.terms.size(), std::size_t(3));
        QCOMPARE(q.terms[0].text, std::string("refus"));
        QVERIFY(q.terms[0].prefix);
        QCOMPARE(q.terms[1].text, std::string("the"));
        QCOMPARE(q.terms[2].text, std::string("answer"));
        QVERIFY(!q.terms[2].prefix);
    }

    void errorsNameThePlace() {
        struct Case {
            const char* text;
            SearchError error;
            std::size_t offset;
        };
        const Case cases[] = {
            {"", SearchError::Empty, 0},
            {"  - ! ", SearchError::Empty, 0},
            {"say \"hello", SearchError::UnclosedQuote, 4},
            {"(a OR b", SearchError::UnbalancedParen, 0},
            {"a OR b)", SearchError::UnbalancedParen, 6},
            {"a AND", SearchError::MissingOperand, 5},
            {"OR a", SearchError::MissingOperand, 0},
            {"a OR OR b", SearchError::MissingOperand, 5},
            {"a ()", SearchError::MissingOperand, 3},
            {"NOT a", SearchError::LeadingNot, 0},
            {"a OR (NOT b)", SearchError::LeadingNot, 6},
        };
        for (const auto& c : cases) {
            auto q = parseSearch(c.text);
            QVERIFY2(q.error == c.error, c.text);
            QVERIFY2(q.errorOffset == c.offset, c.text);
            QVERIFY(q.expression.empty());
            QVERIFY(std::string(describe(q.error)).size() > 5);
        }
    }

    void findsMatchesForHighlighting() {
        auto q = parseSearch("cat* dog");
        std::string text = "A Cat, two cats; a hotdog and a Dog.";
        auto m = findMatches(text, q.terms);
        QCOMPARE(m.size(), std::size_t(3));
        QCOMPARE(text.substr(m[0].begin, m[0].end - m[0].begin), std::string("Cat"));
        QCOMPARE(text.substr(m[1].begin, m[1].end - m[1].begin), std::string("cats"));
        QCOMPARE(text.substr(m[2].begin, m[2].end - m[2].begin), std::string("Dog"));
        QVERIFY(findMatches(text, {}).empty());
    }

    void acceptedExpressionsRunInFts5() {
        QTemporaryDir dir;
        auto db = db::Database::open((dir.path() + "/f.db").toStdString(), db::OpenFlags::Create);
        FLAME_VERIFY_OK(db);
        QVERIFY(
            db->exec(
                  "CREATE VIRTUAL TABLE f USING fts5(text, content='', columnsize=0, "
                  "tokenize='unicode61 remove_diacritics 2');"
                  "INSERT INTO f(rowid, text) VALUES(1, 'the cat sat'), (2, 'don''t stop: a-b c'), "
                  "(3, 'naïve café NEAR x');")
                .ok());
        auto st = db->prepare("SELECT rowid FROM f WHERE f MATCH ?");
        QVERIFY(st.ok());
        // Known answers.
        auto run = [&](const std::string& expr) {
            std::vector<std::int64_t> ids;
            st->bind(1, expr);
            db::Statement::Step s;
            while ((s = st->step()) == db::Statement::Step::Row)
                ids.push_back(st->int64(0));
            bool ok = s == db::Statement::Step::Done;
            st->reset();
            return ok ? ids : std::vector<std::int64_t>{-1};
        };
        QCOMPARE(run(parseSearch("don't").expression), std::vector<std::int64_t>{2});
        QCOMPARE(run(parseSearch("a-b").expression), std::vector<std::int64_t>{2});
        QCOMPARE(run(parseSearch("cafe").expression), std::vector<std::int64_t>{3});
        QCOMPARE(run(parseSearch("NEAR").expression), std::vector<std::int64_t>{3});
        QCOMPARE(run(parseSearch("ca*").expression), (std::vector<std::int64_t>{1, 3}));
        // FTS5's precedence: NOT, then AND, then OR.
        QCOMPARE(run(parseSearch("sat OR stop NOT cat").expression),
                 (std::vector<std::int64_t>{1, 2}));
        QCOMPARE(run(parseSearch("(sat OR stop) NOT cat").expression),
                 std::vector<std::int64_t>{2});
        // Control characters (found by fuzz_search_query: a NUL inside a phrase made FTS5 fail)
        // separate words like spaces.
        std::string nul = "\"the";
        nul += '\0';
        nul += "\x16" "cat\"";
        QCOMPARE(nul.size(), std::size_t(10));
        QVERIFY(parseSearch(nul).ok());
        QCOMPARE(run(parseSearch(nul).expression), std::vector<std::int64_t>{1});
        QCOMPARE(run(parseSearch(std::string("don't\tstop", 10)).expression), std::vector<std::int64_t>{2});

        // Generated inputs over FTS5's special characters: accepted means runnable.
        std::mt19937 rng(11);
        const char* atoms[] = {"cat",  "\"", "(", ")",  "*",    "AND",      "OR",    "NOT",
                               "NEAR", "-",  "+", ":",  "^",    "'",        "a-b",   "{",
                               "}",    ",",  "é", "x*", "\"\"", "text:cat", "NEAR(", "0"};
        int accepted = 0;
        for (int i = 0; i < 4000; ++i) {
            std::string s;
            int n = 1 + int(rng() % 7);
            for (int k = 0; k < n; ++k) {
                s += atoms[rng() % (sizeof atoms / sizeof *atoms)];
                if (rng() % 2) s += ' ';
            }
            auto q = parseSearch(s);
            if (!q.ok()) continue;
            ++accepted;
            auto ids = run(q.expression);
            QVERIFY2(ids != std::vector<std::int64_t>{-1},
                     (s + "  =>  " + q.expression + "  : " + db->errorMessage()).c_str());
        }
        QVERIFY(accepted > 500); // the generator exercises both outcomes
    }
};

QTEST_APPLESS_MAIN(TestSearchQuery)
#include "tst_search_query.moc"
