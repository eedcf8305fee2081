// The JSON reader and writer: valid documents, every class of malformed input the importers must
// reject with a readable reason and the right line, and exact round trips.
#include <QtTest>

#include "model/json.h"

using namespace flame;

class TestJson : public QObject {
    Q_OBJECT
private slots:
    void parsesScalarsAndContainers() {
        auto v = json::parse(" {\"a\": 1, \"b\": [true, false, null], \"c\": -2.5e3, \"d\": \"x\"} ");
        QVERIFY(v);
        QVERIFY(v->isObject());
        QCOMPARE(v->find("a")->asInt(), 1);
        QVERIFY(v->find("a")->isInteger());
        QCOMPARE(v->find("b")->asArray().size(), std::size_t(3));
        QVERIFY(v->find("b")->asArray()[2].isNull());
        QCOMPARE(v->find("c")->asDouble(), -2500.0);
        QVERIFY(!v->find("c")->isInteger());
        QCOMPARE(QString::fromStdString(v->find("d")->asString()), QStringLiteral("x"));
        QVERIFY(v->find("missing") == nullptr);
        QVERIFY(v->findNonNull("b"));
    }

    void keepsLargeIntegersExact() {
        auto v = json::parse("9007199254740993");
        QVERIFY(v);
        QCOMPARE(v->asInt(), std::int64_t(9007199254740993LL));
    }

    void decodesEscapesAndSurrogatePairs() {
        auto v = json::parse("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\"");
        QVERIFY(v);
        QCOMPARE(v->asString(), std::string("a\"b\\c/d\n\t\xC3\xA9\xF0\x9F\x98\x80"));
    }

    void keepsRawUtf8() {
        std::string text = "\"Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"";
        auto v = json::parse(text);
        QVERIFY(v);
        QCOMPARE(v->asString(), std::string("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
    }

    void rejectsMalformed_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,}") << "member name" << 1 << 9;
        QTest::newRow("unterminated string") << QByteArray("{\"a\": \"abc") << "unterminated" << 1 << 7;
        QTest::newRow("lone high surrogate") << QByteArray("\"\\ud83d\"") << "lone high surrogate" << 1 << 2;
        QTest::newRow("lone low surrogate") << QByteArray("\"\\ude00\"") << "lone low surrogate" << 1 << 2;
        QTest::newRow("bad escape") << QByteArray("\"\\x\"") << "invalid escape" << 1 << 3;
        QTest::newRow("control char") << QByteArray("\"a\tb\"") << "control character" << 1 << 3;
        QTest::newRow("overlong utf8") << QByteArray("\"\xC0\xAF\"") << "UTF-8" << 1 << 2;
        QTest::newRow("utf8 surrogate") << QByteArray("\"\xED\xA0\x80\"") << "UTF-8" << 1 << 2;
        QTest::newRow("truncated utf8") << QByteArray("\"\xE2\x82\"") << "UTF-8" << 1 << 2;
        QTest::newRow("above U+10FFFF") << QByteArray("\"\xF4\x90\x80\x80\"") << "UTF-8" << 1 << 2;
        QTest::newRow("second line") << QByteArray("{\n  \"a\": tru\n}") << "literal" << 2 << 8;
        QTest::newRow("leading zero") << QByteArray("01") << "after the JSON value" << 1 << 2;
        QTest::newRow("text after value") << QByteArray("{} x") << "after the JSON value" << 1 << 4;
        QTest::newRow("empty") << QByteArray("") << "end of input" << 1 << 1;
        QTest::newRow("bare word") << QByteArray("hello") << "unexpected character" << 1 << 1;
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << "':'" << 1 << 6;
        QTest::newRow("nan") << QByteArray("NaN") << "unexpected character" << 1 << 1;
    }
    void rejectsMalformed() {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        QFETCH(int, line);
        QFETCH(int, column);
        json::ParseError err;
        auto v = json::parse(std::string_view(text.constData(), std::size_t(text.size())), &err);
        QVERIFY(!v);
        QVERIFY2(QString::fromStdString(err.message).contains(reason), err.message.c_str());
        QCOMPARE(int(err.line), line);
        QCOMPARE(int(err.column), column);
    }

    void limitsDepth() {
        std::string deep(100, '[');
        deep += std::string(100, ']');
        json::ParseError err;
        QVERIFY(!json::parse(deep, &err));
        QVERIFY(QString::fromStdString(err.message).contains("deeper"));
        json::ParseLimits generous;
        generous.maxDepth = 200;
        QVERIFY(json::parse(deep, nullptr, generous));
    }

    void validatesUtf8() {
        std::size_t bad = 0;
        QVERIFY(json::isValidUtf8("plain ascii text, long enough for the fast path"));
        QVERIFY(json::isValidUtf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));
        QVERIFY(!json::isValidUtf8("abcdefghij\xFFxyz", &bad));
        QCOMPARE(bad, std::size_t(10));
    }

    void quotesAndRoundTrips() {
        std::string s = "quote\" back\\ nl\n tab\t bell\x07 e\xC3\xA9 slash/";
        std::string q = json::quoted(s);
        QCOMPARE(q, std::string("\"quote\\\" back\\\\ nl\\n tab\\t bell\\u0007 e\xC3\xA9 slash/\""));
        auto back = json::parse(q);
        QVERIFY(back);
        QCOMPARE(back->asString(), s);

        std::string doc = "{\"k\":[1,2.5,\"x\",{\"n\":null,\"t\":true}],\"big\":1234567890123}";
        auto v = json::parse(doc);
        QVERIFY(v);
        QCOMPARE(json::serialize(*v), doc);
    }

    void numbersRoundTrip() {
        for (double d : {0.1, 1.0 / 3.0, 2.0481927711, 1e-300, -123456.789}) {
            std::string out;
            json::appendNumber(out, d);
            auto back = json::parse(out);
            QVERIFY(back);
            QCOMPARE(back->asDouble(), d);
        }
    }
};

QTEST_APPLESS_MAIN(TestJson)
#include "tst_json.moc"
