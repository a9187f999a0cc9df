#include "gui/model/transcript.hpp"

#include <gtest/gtest.h>

#include "tests/gui/sample_trace.hpp"

namespace netstage::gui {
namespace {

TEST(Transcript, groupsLinesUnderAHeaderNamingClientServerAndProtocol) {
    const auto log = testing::smtpSampleTrace();
    const Transcript t = readTranscript(log);
    ASSERT_EQ(t.conversations.size(), 1u);
    ASSERT_EQ(t.rows.size(), testing::smtpSampleMessages + 1);
    EXPECT_EQ(t.rows[0].kind, TranscriptRow::Kind::Header);
    EXPECT_EQ(t.rows[0].text, "# crepes.fr (10.0.1.2:49152) -> hamburger.edu (10.0.2.10:25) SMTP");
    EXPECT_EQ(t.rows[1].text, "S: 220 hamburger.edu");
    EXPECT_EQ(t.rows[2].text, "C: HELO crepes.fr");
    EXPECT_EQ(t.rowOfMessage(0), 1u);
    EXPECT_EQ(t.rowOfMessage(testing::smtpSampleMessages - 1), testing::smtpSampleMessages);
}

TEST(Transcript, namesHostsFromAddressesWhenNoOpenEventWasRecorded) {
    auto log = testing::smtpSampleTrace();
    std::erase_if(log.records, [](const trace::Record& r) {
        const auto* e = std::get_if<trace::Event>(&r);
        return e != nullptr && e->layer == "smtp" && e->type == "open";
    });
    const Transcript t = readTranscript(log);
    ASSERT_EQ(t.conversations.size(), 1u);
    EXPECT_EQ(t.conversations[0].header(), "# crepes.fr (10.0.1.2:49152) -> hamburger.edu (10.0.2.10:25) SMTP");
}

TEST(Transcript, keepsConnectionsApartAndInOrderOfFirstAppearance) {
    trace::TraceLog log;
    const auto line = [&log](const char* layer, const char* connection, const char* from, const char* text) {
        log.records.emplace_back(trace::Event{Time::zero(), "server", layer, "line",
                                              {{"connection", std::string{connection}},
                                               {"from", std::string{from}},
                                               {"text", std::string{text}}}});
    };
    line("pop3", "10.0.0.1:1000-10.0.0.2:110", "S", "+OK POP3 server ready");
    line("ftp", "10.0.0.1:1001-10.0.0.2:21", "S", "220 ready");
    line("pop3", "10.0.0.1:1000-10.0.0.2:110", "C", "user bob");
    const Transcript t = readTranscript(log);
    ASSERT_EQ(t.conversations.size(), 2u);
    EXPECT_EQ(t.conversations[0].header(), "# 10.0.0.1 (10.0.0.1:1000) -> server (10.0.0.2:110) POP3");
    EXPECT_EQ(t.conversations[1].header(), "# 10.0.0.1 (10.0.0.1:1001) -> server (10.0.0.2:21) FTP");
    ASSERT_EQ(t.rows.size(), 5u);
    EXPECT_EQ(t.rows[2].text, "C: user bob");
    EXPECT_EQ(t.rows[2].message, 2u);
}

TEST(Transcript, showsANoteAsARowOfItsOwnBetweenTheDialogues) {
    auto log = testing::smtpSampleTrace();
    log.records.emplace_back(trace::Event{Time::fromSeconds(30), "alice-pc", "mail", "submit-failed",
                                          {{"message", std::string{"alice@crepes.fr#1"}},
                                           {"reply", std::string{"550 No such user here"}}}});
    const Transcript t = readTranscript(log);
    ASSERT_EQ(t.rows.size(), testing::smtpSampleMessages + 2);
    EXPECT_EQ(t.rows.back().kind, TranscriptRow::Kind::Note);
    EXPECT_FALSE(t.rows.back().message.has_value());
    EXPECT_EQ(t.rows.back().text, "alice-pc: message alice@crepes.fr#1 not sent: 550 No such user here");
}

}  // namespace
}  // namespace netstage::gui
