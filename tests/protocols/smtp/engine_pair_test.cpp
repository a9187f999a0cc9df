#include <gtest/gtest.h>

#include "tests/protocols/smtp/smtp_test_support.hpp"
#include "tests/support/lecture.hpp"

using namespace netstage::smtp;
using namespace netstage::smtp::testing;

namespace {

MailItem lectureItem() {
    return MailItem{"alice@crepes.fr", {"bob@hamburger.edu"}, netstage::test_support::lectureBody};
}

// A policy with one mailbox, bob, like the lecture's hamburger.edu.
class OneMailbox : public ServerPolicy {
public:
    Decision checkRecipient(const std::string& address) override {
        if (address == "bob@hamburger.edu") return {};
        if (address == "busy@hamburger.edu") return {451, ""};
        return {550, "{address}... User unknown"};
    }
    Decision acceptMessage(const Envelope&, const std::string&) override { return {}; }
};

std::vector<std::string> strip(std::vector<std::string> lines, const std::string& suffix) {
    for (auto& line : lines) {
        if (line.size() >= suffix.size() && line.compare(line.size() - suffix.size(), suffix.size(), suffix) == 0) {
            line.resize(line.size() - suffix.size());
        }
    }
    return lines;
}

}  // namespace

TEST(SmtpEnginePair, reproducesTheLectureDialogueExactlyOnTheServerSide) {
    ClientSession client{lectureClientConfig()};
    client.enqueue(lectureItem());
    RecordingPolicy store;
    ServerSession server{lectureServerConfig(), &store};
    const PairRun run = pump(client, server);
    EXPECT_EQ(strip(transcript(run.serverEvents), " [end]"), netstage::test_support::lectureSmtpDialogue());
    ASSERT_EQ(store.stored.size(), 1u);
    EXPECT_EQ(store.stored[0].envelope.reversePath, "alice@crepes.fr");
    EXPECT_EQ(store.stored[0].envelope.recipients, std::vector<std::string>{"bob@hamburger.edu"});
    EXPECT_EQ(store.stored[0].envelope.clientDomain, "crepes.fr");
    EXPECT_FALSE(store.stored[0].envelope.esmtp);
    EXPECT_EQ(store.stored[0].data, netstage::test_support::lectureBody);
    EXPECT_TRUE(server.closed());
    EXPECT_TRUE(client.closed());
}

TEST(SmtpEnginePair, reproducesTheLectureDialogueExactlyOnTheClientSide) {
    ClientSession client{lectureClientConfig()};
    client.enqueue(lectureItem());
    ServerSession server{lectureServerConfig()};
    const PairRun run = pump(client, server);
    EXPECT_EQ(transcript(run.clientEvents), netstage::test_support::lectureSmtpDialogue());
    EXPECT_TRUE(contains(run.clientEvents, "Recipient 0 bob@hamburger.edu accepted 250"));
    EXPECT_TRUE(contains(run.clientEvents, "Item 0 accepted 250"));
    EXPECT_EQ(run.clientEvents.back(), "Done");
}

TEST(SmtpEnginePair, deliversSeveralItemsOnOneConnectionAndResetsOnlyAfterAFailure) {
    ClientConfig config;
    config.heloDomain = "crepes.fr";
    ClientSession client{config};
    client.enqueue(MailItem{"alice@crepes.fr", {"nobody@hamburger.edu"}, "first\r\n"});
    client.enqueue(MailItem{"alice@crepes.fr", {"bob@hamburger.edu", "nobody@hamburger.edu", "busy@hamburger.edu"},
                            ".dot line\nsecond\n"});
    client.enqueue(MailItem{"", {"bob@hamburger.edu"}, "bounce\r\n"});
    OneMailbox policy;
    RecordingPolicy store{&policy};
    ServerSession server{ServerConfig{}, &store};
    const PairRun run = pump(client, server);
    const auto lines = transcript(run.clientEvents);
    EXPECT_TRUE(contains(lines, "C: EHLO crepes.fr"));
    EXPECT_TRUE(contains(lines, "C: RSET"));
    EXPECT_TRUE(contains(lines, "C: ..dot line"));
    EXPECT_TRUE(contains(lines, "C: MAIL FROM:<> SIZE=8"));
    EXPECT_TRUE(contains(run.clientEvents, "Recipient 0 nobody@hamburger.edu permanent 550"));
    EXPECT_TRUE(contains(run.clientEvents, "Item 0 permanent 550"));
    EXPECT_TRUE(contains(run.clientEvents, "Recipient 1 nobody@hamburger.edu permanent 550"));
    EXPECT_TRUE(contains(run.clientEvents, "Recipient 1 busy@hamburger.edu temporary 451"));
    EXPECT_TRUE(contains(run.clientEvents, "Recipient 1 bob@hamburger.edu accepted 250"));
    EXPECT_TRUE(contains(run.clientEvents, "Item 1 accepted 250"));
    EXPECT_TRUE(contains(run.clientEvents, "Item 2 accepted 250"));
    ASSERT_EQ(store.stored.size(), 2u);
    EXPECT_EQ(store.stored[0].data, ".dot line\r\nsecond\r\n");
    EXPECT_EQ(store.stored[0].envelope.recipients, std::vector<std::string>{"bob@hamburger.edu"});
    EXPECT_EQ(store.stored[1].envelope.reversePath, "");
    // Exactly one RSET: after the refused first item, not after the delivered second one.
    int rsets = 0;
    for (const auto& line : lines) rsets += line == "C: RSET" ? 1 : 0;
    EXPECT_EQ(rsets, 1);
}

TEST(SmtpEnginePair, dotStuffingRoundTripsThroughBothEngines) {
    const std::string message = ".\r\n..\r\n.leading\r\nmiddle . dot\r\n.\r\n";
    ClientSession client{ClientConfig{}};
    client.enqueue(MailItem{"a@b.c", {"d@e.f"}, message});
    RecordingPolicy store;
    ServerSession server{ServerConfig{}, &store};
    pump(client, server);
    ASSERT_EQ(store.stored.size(), 1u);
    EXPECT_EQ(store.stored[0].data, message);
}
