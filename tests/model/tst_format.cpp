// The unified text-to-text format: the paper's Figure 2 text reproduced exactly.
#include <QtTest>

#include "model/catalog.h"
#include "model/format.h"

using namespace flame;

class TestFormat : public QObject {
    Q_OBJECT
private slots:
    void reproducesFigure2() {
        const TaskDefinition* task = Catalog::builtin().find("xsum-hallucination");
        QVERIFY(task);
        const std::string article =
            "Tower Hamlets Council said it would sell Draped Seated Woman after \"unprecedented\" budget cuts. "
            "\xE2\x80\xA6 The bronze sculpture, nicknamed Old Flo, was installed on the Stifford council estate in "
            "1962 but was vandalised and moved to the Yorkshire Sculpture Park in 1997. \xE2\x80\xA6";
        Fields context{{"article", article},
                       {"summary", "A Moore sculpture of a woman sitting on a concrete plinth is to be sold."}};
        Fields target{{"answer", "No"},
                      {"explanation", "The detail that the woman is \"sitting on a concrete plinth\" is not in the article."}};
        const std::string expectedInput =
            "INSTRUCTIONS:\n"
            "title: Is all of the information in the summary fully attributable to the source article?\n"
            "description: In this task, you will be shown a summary and a source news article on which the summary "
            "is based. Your task is to evaluate whether the summary is attributable to the source article. Answer "
            "'Yes' if all the information in the summary is fully supported by the source article, or 'No' if any "
            "information in the summary is not supported by the source article. Provide an explanation for your "
            "answer.\n"
            "output_fields: answer, explanation\n"
            "\n"
            "CONTEXT:\n"
            "article: " + article + "\n"
            "summary: A Moore sculpture of a woman sitting on a concrete plinth is to be sold.\n"
            "\n"
            "EVALUATION:";
        const std::string expectedTarget =
            "answer: No\n"
            "explanation: The detail that the woman is \"sitting on a concrete plinth\" is not in the article.";
        QCOMPARE(formatInput(task->instructions, context), expectedInput);
        QCOMPARE(formatTarget(target), expectedTarget);
        QCOMPARE(formatExample(task->instructions, context, target), expectedInput + "\n" + expectedTarget);
    }

    void pairwiseTargetIsChoiceLetter() {
        const TaskDefinition* task = Catalog::builtin().find("hh-rlhf-harmlessness");
        QVERIFY(task);
        Fields context{{"conversation", "Human: hi"}, {"response_a", "Hello!"}, {"response_b", "Go away."}};
        std::string input = formatInput(task->instructions, context);
        QVERIFY(input.find("output_fields: choice\n\nCONTEXT:\nconversation: Human: hi\nresponse_a: Hello!\nresponse_b: Go away.\n\nEVALUATION:") !=
                std::string::npos);
        QCOMPARE(formatTarget({{"choice", "A"}}), std::string("choice: A"));
    }

    void emptyOptionalFieldsAreLeftOut() {
        Instructions ins{"t", "d", {"choice"}};
        std::string input = formatInput(ins, {{"instruction", "q"}, {"note", ""}, {"response_a", "x"}});
        QVERIFY(input.find("note:") == std::string::npos);
        QVERIFY(input.find("instruction: q\nresponse_a: x\n") != std::string::npos);
    }

    void multiLineValuesStayVerbatim() {
        Instructions ins{"t", "d", {"rating"}};
        std::string input = formatInput(ins, {{"transcript", "Human: a\n\nAssistant: b"}});
        QVERIFY(input.find("transcript: Human: a\n\nAssistant: b\n\nEVALUATION:") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestFormat)
#include "tst_format.moc"
