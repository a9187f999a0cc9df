// The lecture's sample dialogues (Kurose & Ross 2.4) must come out of the
// simulator exactly as printed there.
#include <gtest/gtest.h>

#include "tests/scenario/scenario_support.hpp"
#include "tests/support/lecture.hpp"

using namespace netstage;
using namespace netstage::test_support;

TEST(LectureDialogue, theSmtpSampleComesOutByteForByte) {
    const auto run = scenario::runScenario(scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob")), {});
    const auto* block = findBlock(run.transcript, "SMTP", "crepes.fr", "hamburger.edu");
    ASSERT_NE(block, nullptr) << transcriptText(run.transcript);
    EXPECT_EQ(block->lines, lectureSmtpDialogue());
}

TEST(LectureDialogue, aliceMessageEndsUpInBobsMailboxThenOnBobsPc) {
    const auto run = scenario::runScenario(scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob")), {});
    EXPECT_EQ(run.summary.delivered, 1u);
    EXPECT_EQ(run.summary.relayed, 1u);
    EXPECT_EQ(run.summary.queued, 0u);
    ASSERT_EQ(run.summary.downloads.size(), 1u);
    const std::string& message = run.summary.downloads[0].messages.at(0);
    EXPECT_EQ(message.rfind("Return-Path: <alice@crepes.fr>\r\nReceived: from crepes.fr by hamburger.edu with SMTP", 0), 0u)
        << message;
    EXPECT_NE(message.find(std::string{"\r\n\r\n"} + lectureBody), std::string::npos) << message;
    for (const auto& mailbox : run.summary.mailboxes) {
        if (mailbox.mailbox == "bob@hamburger.edu") {
            EXPECT_EQ(mailbox.messages, 0u) << "download and delete";
        }
    }
}

TEST(LectureDialogue, everyLineOfThePop3SampleAppearsInOrder) {
    const auto run = scenario::runScenario(scenario::loadScenarioFile(scenarioPath("02-pop3-download-and-delete")), {});
    const auto* block = findBlock(run.transcript, "POP3", "bob-pc", "hamburger.edu");
    ASSERT_NE(block, nullptr) << transcriptText(run.transcript);
    // "<message 1 contents>" stands for the message's own lines.
    const std::vector<std::string> lecture{
        "S: +OK POP3 server ready", "C: user bob", "S: +OK", "C: pass hungry", "S: +OK user successfully logged on",
        "C: list", "S: 1 498", "S: 2 912", "S: .", "C: retr 1", "S: .", "C: dele 1", "C: retr 2", "S: .", "C: dele 2",
        "C: quit", "S: +OK POP3 server signing off"};
    std::size_t next = 0;
    for (const auto& line : block->lines) {
        if (next < lecture.size() && line == lecture[next]) ++next;
    }
    EXPECT_EQ(next, lecture.size()) << "missing from the transcript: " << (next < lecture.size() ? lecture[next] : "")
                                    << "\n" << transcriptText(run.transcript);
    // The client sends exactly the slide's commands.
    std::vector<std::string> commands;
    for (const auto& line : block->lines) {
        if (line.rfind("C: ", 0) == 0) commands.push_back(line);
    }
    EXPECT_EQ(commands, (std::vector<std::string>{"C: user bob", "C: pass hungry", "C: list", "C: retr 1", "C: dele 1",
                                                  "C: retr 2", "C: dele 2", "C: quit"}));
    ASSERT_EQ(run.summary.downloads.size(), 1u);
    ASSERT_EQ(run.summary.downloads[0].messages.size(), 2u);
    EXPECT_EQ(run.summary.downloads[0].messages[0].size(), 498u);
    EXPECT_EQ(run.summary.downloads[0].messages[1].size(), 912u);
    ASSERT_EQ(run.summary.mailboxes.size(), 1u);
    EXPECT_EQ(run.summary.mailboxes[0].messages, 0u) << "the mailbox is empty after QUIT";
}

TEST(LectureDialogue, downloadAndKeepLeavesBothMessagesForBothClients) {
    const auto run = scenario::runScenario(scenario::loadScenarioFile(scenarioPath("03-pop3-download-and-keep")), {});
    ASSERT_EQ(run.summary.downloads.size(), 2u);
    for (const auto& agent : run.summary.downloads) EXPECT_EQ(agent.messages.size(), 2u) << agent.agent;
    EXPECT_EQ(run.summary.downloads[0].messages, run.summary.downloads[1].messages);
    ASSERT_EQ(run.summary.mailboxes.size(), 1u);
    EXPECT_EQ(run.summary.mailboxes[0].messages, 2u);
    for (const auto& block : run.transcript) {
        for (const auto& line : block.lines) EXPECT_NE(line.rfind("C: dele", 0), 0u) << "keep mode never deletes";
    }
}

TEST(LectureDialogue, theTraceShowsTheMailboxFillAndEmptyAsPop3DeletesAtQuit) {
    scenario::RunOptions options;
    options.keepLog = true;
    const auto run = scenario::runScenario(scenario::loadScenarioFile(scenarioPath("02-pop3-download-and-delete")), options);
    std::vector<std::string> stored;
    std::vector<std::string> deleted;
    std::vector<Time> deletedAt;
    Time quitAt = Time::max();
    for (const auto& record : run.log.records) {
        const auto* e = std::get_if<trace::Event>(&record);
        if (!e) continue;
        const auto field = [e](const char* name) {
            for (const auto& [key, value] : e->fields) {
                if (key == name && std::holds_alternative<std::string>(value)) return std::get<std::string>(value);
            }
            return std::string{};
        };
        if (e->layer == "mail" && e->type == "stored") stored.push_back(field("message"));
        if (e->layer == "mail" && e->type == "deleted") {
            deleted.push_back(field("message"));
            deletedAt.push_back(e->time);
            EXPECT_NE(quitAt, Time::max()) << "the trace shows C: quit before the deletions it causes";
        }
        if (e->layer == "pop3" && e->type == "line" && field("text") == "quit") quitAt = e->time;
    }
    ASSERT_EQ(stored.size(), 2u) << "the two messages waiting at the start";
    for (const Time t : deletedAt) EXPECT_EQ(t, quitAt) << "deletions take effect when QUIT arrives, not at DELE";
    EXPECT_EQ(deleted, stored);
}
