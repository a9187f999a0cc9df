#include <gtest/gtest.h>

#include "simulator/trace/msc_layout.hpp"
#include "simulator/trace/msc_text.hpp"
#include "tests/trace/msc_fixture.hpp"

using namespace netstage;
using namespace netstage::time_literals;
using namespace netstage::trace;
using namespace netstage::trace::testing_support;

TEST(MscText, mermaidListsParticipantsThenOneMessagePerArrow) {
    EXPECT_EQ(mscMermaid(buildMsc(smtpChart())),
              "sequenceDiagram\n"
              "    title SMTP in short\n"
              "    participant P0 as alice-pc\n"
              "    participant P1 as crepes.fr\n"
              "    P1->>P0: 220 crepes.fr\n"
              "    P0->>P1: HELO alice-pc\n"
              "    P1->>P0: 250 ok\n"
              "    P1->>P0: 250 more\n"
              "    P0->>P1: QUIT\n"
              "    P1->>P0: 221 bye\n");
}

TEST(MscText, plantUmlSlantsArrowsByTheirDelayInMilliseconds) {
    EXPECT_EQ(mscPlantUml(buildMsc(smtpChart())),
              "@startuml\n"
              "title SMTP in short\n"
              "participant \"alice-pc\" as P0\n"
              "participant \"crepes.fr\" as P1\n"
              "P1 ->(3) P0 : 220 crepes.fr\n"
              "P0 ->(5) P1 : HELO alice-pc\n"
              "P1 ->(4) P0 : 250 ok\n"
              "P1 ->(4) P0 : 250 more\n"
              "P0 ->(7) P1 : QUIT\n"
              "P1 ->(16) P0 : 221 bye\n"
              "@enduml\n");
}

TEST(MscText, segmentsAreDottedAndNameTheirFlags) {
    MscOptions options;
    options.tcpSegments = true;
    options.applicationMessages = false;
    const std::string mermaid = mscMermaid(buildMsc(smtpChart(), options));
    EXPECT_NE(mermaid.find("    P0-->>P1: SYN\n    P1-->>P0: SYN, ACK\n    P0-->>P1: ACK\n"), std::string::npos);
    const std::string plantUml = mscPlantUml(buildMsc(smtpChart(), options));
    EXPECT_NE(plantUml.find("P0 -->(2) P1 : SYN\nP1 -->(2) P0 : SYN, ACK\n"), std::string::npos);
}

TEST(MscText, perApplicationParticipantsHaveTwoLines) {
    MscOptions options;
    options.lifelines = MscLifelines::PerApplication;
    const MscChart chart = buildMsc(smtpChart(), options);
    EXPECT_NE(mscMermaid(chart).find("    participant P0 as alice-pc<br/>user agent\n"), std::string::npos);
    EXPECT_NE(mscPlantUml(chart).find("participant \"alice-pc\\nuser agent\" as P0\n"), std::string::npos);
}

TEST(MscText, mermaidWritesCharactersItsGrammarWouldMisreadAsCodes) {
    EXPECT_EQ(escapeMermaid("a;b#c"), "a#59;b#35;c");
    EXPECT_EQ(escapeMermaid("MAIL FROM: <alice@crepes.fr>"), "MAIL FROM: #60;alice@crepes.fr#62;");
    EXPECT_EQ(escapeMermaid("say \"hi\" & 100%"), "say #34;hi#34; #38; 100#37;");
    EXPECT_EQ(escapeMermaid("tab\there"), "tab here");
    EXPECT_EQ(escapeMermaid("plain text: 250 OK"), "plain text: 250 OK");
}

TEST(MscText, plantUmlWritesMarkupAndQuotesAsCodes) {
    EXPECT_EQ(escapePlantUml("MAIL FROM: <alice@crepes.fr>"), "MAIL FROM: &#60;alice@crepes.fr&#62;");
    EXPECT_EQ(escapePlantUml("\"quoted\""), "&#34;quoted&#34;");
    EXPECT_EQ(escapePlantUml("**bold** --x-- a-b a*b"), "&#42;&#42;bold&#42;&#42; &#45;&#45;x&#45;&#45; a-b a*b");
    EXPECT_EQ(escapePlantUml("C:\\new ~x"), "C:&#92;new &#126;x");
}

TEST(MscText, aMermaidTitleLosesOnlyWhatCannotBeWrittenInIt) {
    MscChart chart;
    chart.title = "Lines; #1";
    EXPECT_EQ(mscMermaid(chart), "sequenceDiagram\n    title Lines, 1\n");
}

TEST(MscText, lostAndFtpDataArrowsHaveTheirOwnShapes) {
    MscChart chart;
    chart.lifelines = {{"a", ""}, {"b", ""}};
    MscArrow lost;
    lost.from = 0;
    lost.to = 1;
    lost.lost = true;
    lost.label = "RETR x";
    MscArrow data = lost;
    data.lost = false;
    data.role = MscConnectionRole::Data;
    data.label = "file.txt";
    data.received = 12_ms;
    chart.arrows = {lost, data};
    EXPECT_EQ(mscMermaid(chart), "sequenceDiagram\n    participant P0 as a\n    participant P1 as b\n"
                                 "    P0-xP1: RETR x\n    P0-)P1: file.txt\n");
    EXPECT_EQ(mscPlantUml(chart), "@startuml\nparticipant \"a\" as P0\nparticipant \"b\" as P1\n"
                                  "P0 ->x P1 : RETR x\nP0 ->>(12) P1 : file.txt\n@enduml\n");
}

TEST(MscText, mermaidNotesEachConcurrentConnectionAndTagsItsMessagesWithTheClientPort) {
    const std::string mermaid = mscMermaid(parallelSessionsChart());
    EXPECT_NE(mermaid.find("    Note over P0,P1: [:49153] SMTP connection 10.0.1.10:49153 \u2192 10.0.2.10:25\n"
                           "    P1->>P0: [:49153] 220 hamburger.edu\n"),
              std::string::npos)
        << mermaid;
    EXPECT_NE(mermaid.find("    P0->>P1: [:49154] QUIT\n"), std::string::npos);
    // The session alone later needs no tag.
    EXPECT_EQ(mermaid.find("49155"), std::string::npos);
    EXPECT_NE(mermaid.find("    P1->>P0: 220 hamburger.edu\n"), std::string::npos);
}

TEST(MscText, plantUmlNotesEachConcurrentConnectionAndColoursItsArrows) {
    const std::string plantUml = mscPlantUml(parallelSessionsChart());
    EXPECT_NE(plantUml.find("note over P0,P1 : [:49152] SMTP connection 10.0.1.10:49152 \u2192 10.0.2.10:25\n"),
              std::string::npos)
        << plantUml;
    EXPECT_NE(plantUml.find("P0 -[" + laneColour(1) + "]>(2) P1 : [:49153] HELO crepes.fr\n"), std::string::npos)
        << plantUml;
    EXPECT_NE(plantUml.find("P0 ->(2) P1 : [:49152] HELO crepes.fr\n"), std::string::npos);
}
