#include <gtest/gtest.h>

#include "protocols/common/engine.hpp"
#include "tests/protocols/smtp/smtp_test_support.hpp"

using namespace netstage::smtp;
using namespace netstage::smtp::testing;
using namespace std::chrono_literals;

static_assert(netstage::proto::Engine<netstage::smtp::ClientSession>, "the SMTP client meets the one engine API");

namespace {

// Drives a client by hand: the test plays the server.
struct Harness {
    explicit Harness(ClientConfig config = defaultConfig()) : client{std::move(config)} {}

    static ClientConfig defaultConfig() {
        ClientConfig config;
        config.heloDomain = "client.example";
        return config;
    }

    void start(std::chrono::nanoseconds now = 0ns) {
        client.start(now);
        collect();
    }
    void reply(const std::string& bytes, std::chrono::nanoseconds now = 0ns) {
        client.receive(bytes, now);
        collect();
    }
    void collect() {
        for (auto& line : drain(client)) events.push_back(std::move(line));
        sent += client.takeOutput();
    }
    std::string takeSent() { return std::exchange(sent, {}); }

    ClientSession client;
    std::vector<std::string> events;
    std::string sent;
};

const std::string ehloReply = "250-lab.example\r\n250-SIZE 1000\r\n250 HELP\r\n";

MailItem item(std::vector<std::string> recipients = {"b@example.net"}) {
    return MailItem{"a@example.org", std::move(recipients), "hello\r\n"};
}

}  // namespace

TEST(SmtpClient, waitsForTheGreetingThenSendsEhlo) {
    Harness h;
    h.client.enqueue(item());
    h.start();
    EXPECT_EQ(h.takeSent(), "");
    h.reply("220 lab.example ESMTP\r\n");
    EXPECT_EQ(h.takeSent(), "EHLO client.example\r\n");
}

TEST(SmtpClient, readsAMultiLineEhloReplyAndOffersSize) {
    Harness h;
    h.client.enqueue(item());
    h.start();
    h.reply("220 x\r\n");
    h.takeSent();
    h.reply("250-lab.example\r\n250-SIZE 1000\r\n");
    EXPECT_EQ(h.takeSent(), "");
    h.reply("250 HELP\r\n");
    EXPECT_TRUE(h.client.serverOffersSize());
    EXPECT_EQ(h.takeSent(), "MAIL FROM:<a@example.org> SIZE=7\r\n");
    EXPECT_TRUE(contains(h.events, "S: 250-lab.example\nS: 250-SIZE 1000\nS: 250 HELP"));
}

TEST(SmtpClient, fallsBackToHeloWhenEhloIsRefused) {
    Harness h;
    h.client.enqueue(item());
    h.start();
    h.reply("220 x\r\n");
    h.takeSent();
    h.reply("502 Command not implemented\r\n");
    EXPECT_EQ(h.takeSent(), "HELO client.example\r\n");
    h.reply("250 ok\r\n");
    EXPECT_EQ(h.takeSent(), "MAIL FROM:<a@example.org>\r\n");
}

TEST(SmtpClient, reportsEachRecipientAndTheItem) {
    Harness h;
    h.client.enqueue(item({"b@example.net", "c@example.net", "d@example.net"}));
    h.start();
    h.reply("220 x\r\n" + ehloReply + "250 ok\r\n");
    EXPECT_EQ(h.takeSent(), "EHLO client.example\r\nMAIL FROM:<a@example.org> SIZE=7\r\nRCPT TO:<b@example.net>\r\n");
    h.reply("250 ok\r\n550 unknown\r\n452 full\r\n");
    EXPECT_EQ(h.takeSent(), "RCPT TO:<c@example.net>\r\nRCPT TO:<d@example.net>\r\nDATA\r\n");
    h.reply("354 go\r\n");
    EXPECT_EQ(h.takeSent(), "hello\r\n.\r\n");
    h.reply("250 queued\r\n");
    EXPECT_EQ(h.takeSent(), "QUIT\r\n");
    h.reply("221 bye\r\n");
    EXPECT_TRUE(contains(h.events, "Recipient 0 c@example.net permanent 550"));
    EXPECT_TRUE(contains(h.events, "Recipient 0 d@example.net temporary 452"));
    EXPECT_TRUE(contains(h.events, "Recipient 0 b@example.net accepted 250"));
    EXPECT_TRUE(contains(h.events, "Item 0 accepted 250"));
    EXPECT_EQ(h.events.back(), "Done");
    EXPECT_TRUE(h.client.closed());
}

TEST(SmtpClient, anItemWhoseRecipientsAreAllRefusedFailsAndIsFollowedByRset) {
    Harness h;
    h.client.enqueue(item({"x@example.net"}));
    h.client.enqueue(item());
    h.start();
    h.reply("220 x\r\n" + ehloReply + "250 ok\r\n");
    h.takeSent();
    h.reply("451 try later\r\n");
    EXPECT_EQ(h.takeSent(), "RSET\r\n");
    EXPECT_TRUE(contains(h.events, "Item 0 temporary 451"));
    h.reply("250 ok\r\n");
    EXPECT_EQ(h.takeSent(), "MAIL FROM:<a@example.org> SIZE=7\r\n");
}

TEST(SmtpClient, aRefusedSenderFailsTheItemPermanently) {
    Harness h;
    h.client.enqueue(item({"b@example.net", "c@example.net"}));
    h.start();
    h.reply("220 x\r\n" + ehloReply + "553 no\r\n");
    EXPECT_TRUE(contains(h.events, "Recipient 0 b@example.net permanent 553"));
    EXPECT_TRUE(contains(h.events, "Recipient 0 c@example.net permanent 553"));
    EXPECT_TRUE(contains(h.events, "Item 0 permanent 553"));
    EXPECT_NE(h.takeSent().find("RSET\r\n"), std::string::npos);
}

TEST(SmtpClient, aRefusedDataOrMessageFailsTheItem) {
    Harness h;
    h.client.enqueue(item());
    h.client.enqueue(item());
    h.start();
    h.reply("220 x\r\n" + ehloReply + "250 ok\r\n250 ok\r\n554 no\r\n");
    EXPECT_TRUE(contains(h.events, "Item 0 permanent 554"));
    h.reply("250 reset\r\n250 ok\r\n250 ok\r\n354 go\r\n552 too big\r\n");
    EXPECT_TRUE(contains(h.events, "Recipient 1 b@example.net permanent 552"));
    EXPECT_TRUE(contains(h.events, "Item 1 permanent 552"));
    // A refused message ends the transaction, so QUIT follows without another RSET.
    const std::string sent = h.takeSent();
    EXPECT_EQ(sent.find("RSET"), sent.rfind("RSET"));
    EXPECT_EQ(sent.substr(sent.size() - 6), "QUIT\r\n");
}

TEST(SmtpClient, a421AtAnyTimeFailsEverythingTemporarilyAndCloses) {
    Harness h;
    h.client.enqueue(item());
    h.client.enqueue(item());
    h.start();
    h.reply("220 x\r\n" + ehloReply + "250 ok\r\n");
    h.takeSent();
    h.reply("421 lab.example shutting down\r\n");
    EXPECT_EQ(h.takeSent(), "");
    EXPECT_TRUE(contains(h.events, "Recipient 0 b@example.net temporary 421"));
    EXPECT_TRUE(contains(h.events, "Item 0 temporary 421"));
    EXPECT_TRUE(contains(h.events, "Item 1 temporary 421"));
    EXPECT_EQ(h.events.back(), "Done");
    h.reply("250 late\r\n");
    EXPECT_EQ(h.events.back(), "Done");
}

TEST(SmtpClient, aRefusedGreetingFailsEveryItemAndQuits) {
    Harness h;
    h.client.enqueue(item());
    h.start();
    h.reply("554 go away\r\n");
    EXPECT_TRUE(contains(h.events, "Item 0 permanent 554"));
    EXPECT_EQ(h.takeSent(), "QUIT\r\n");
}

TEST(SmtpClient, aConnectionLostBeforeDataIsATemporaryFailure) {
    Harness h;
    h.client.enqueue(item({"b@example.net", "c@example.net"}));
    h.start();
    h.reply("220 x\r\n" + ehloReply + "250 ok\r\n250 ok\r\n");
    h.client.receiveEof(0ns);
    h.collect();
    EXPECT_TRUE(contains(h.events, "Recipient 0 b@example.net temporary 0"));
    EXPECT_TRUE(contains(h.events, "Recipient 0 c@example.net temporary 0"));
    EXPECT_TRUE(contains(h.events, "Item 0 temporary 0"));
    EXPECT_TRUE(contains(h.events, "ProtocolError connection closed by the server"));
    EXPECT_EQ(h.events.back(), "Done");
}

TEST(SmtpClient, aConnectionLostAfterTheMessageLeavesItsFateUnknown) {
    Harness h;
    h.client.enqueue(item());
    h.client.enqueue(item());
    h.start();
    h.reply("220 x\r\n" + ehloReply + "250 ok\r\n250 ok\r\n354 go\r\n");
    h.client.receiveEof(0ns);
    h.collect();
    EXPECT_TRUE(contains(h.events, "Recipient 0 b@example.net unknown 0"));
    EXPECT_TRUE(contains(h.events, "Item 0 unknown 0"));
    EXPECT_TRUE(contains(h.events, "Item 1 temporary 0"));
}

TEST(SmtpClient, usesTheRfc5321TimeoutsForEachWait) {
    Harness h;
    h.client.enqueue(item());
    h.start(1s);
    EXPECT_EQ(h.client.nextTimeout(), std::chrono::nanoseconds{1s + 5min});
    h.reply("220 x\r\n" + ehloReply + "250 ok\r\n250 ok\r\n", 2s);
    EXPECT_EQ(h.client.nextTimeout(), std::chrono::nanoseconds{2s + 2min});  // DATA initiation
    h.reply("354 go\r\n", 3s);
    EXPECT_EQ(h.client.nextTimeout(), std::chrono::nanoseconds{3s + 10min});  // DATA termination
    h.client.handleTimeout(3s + 9min);
    h.collect();
    EXPECT_FALSE(h.client.closed());
    h.client.handleTimeout(3s + 10min);
    h.collect();
    EXPECT_TRUE(h.client.closed());
    EXPECT_TRUE(contains(h.events, "Item 0 unknown 0"));
    EXPECT_TRUE(contains(h.events, "ProtocolError no reply in time: DATA termination (10 min)"));
    EXPECT_EQ(h.client.nextTimeout(), std::nullopt);
}

TEST(SmtpClient, timeoutsAreConfigurable) {
    ClientConfig config = Harness::defaultConfig();
    config.timeouts.greeting = 30s;
    Harness h{config};
    h.client.enqueue(item());
    h.start();
    EXPECT_EQ(h.client.nextTimeout(), std::chrono::nanoseconds{30s});
    h.client.handleTimeout(30s);
    h.collect();
    EXPECT_TRUE(contains(h.events, "Item 0 temporary 0"));
}

TEST(SmtpClient, aMalformedReplyIsAProtocolErrorThatEndsTheSession) {
    Harness h;
    h.client.enqueue(item());
    h.start();
    h.reply("hello there\r\n");
    EXPECT_TRUE(contains(h.events, "ProtocolError malformed reply line"));
    EXPECT_TRUE(contains(h.events, "Item 0 temporary 0"));
    EXPECT_EQ(h.events.back(), "Done");
}

TEST(SmtpClient, writesTheLectureCommandStyleWithASpaceAfterTheColon) {
    Harness h{lectureClientConfig()};
    h.client.enqueue(MailItem{"alice@crepes.fr", {"bob@hamburger.edu"}, "x\n"});
    h.start();
    h.reply("220 hamburger.edu\r\n250 hi\r\n250 ok\r\n");
    EXPECT_EQ(h.takeSent(), "HELO crepes.fr\r\nMAIL FROM: <alice@crepes.fr>\r\nRCPT TO: <bob@hamburger.edu>\r\n");
}

TEST(SmtpClient, givesTheSameEventsWhenRepliesArriveByteByByte) {
    const std::string script = "220 x\r\n" + ehloReply + "250 ok\r\n250 ok\r\n354 go\r\n250 done\r\n221 bye\r\n";
    Harness whole;
    whole.client.enqueue(item());
    whole.start();
    whole.reply(script);
    for (std::size_t cut = 0; cut <= script.size(); ++cut) {
        Harness split;
        split.client.enqueue(item());
        split.start();
        split.reply(script.substr(0, cut));
        split.reply(script.substr(cut));
        ASSERT_EQ(split.events, whole.events) << "split at " << cut;
        ASSERT_EQ(split.sent, whole.sent) << "split at " << cut;
    }
    Harness bytewise;
    bytewise.client.enqueue(item());
    bytewise.start();
    for (const char c : script) bytewise.reply(std::string(1, c));
    EXPECT_EQ(bytewise.events, whole.events);
}

TEST(SmtpClient, misuseOfTheApiThrows) {
    Harness h;
    EXPECT_THROW(h.client.enqueue(MailItem{"a@b.c", {}, "x"}), std::invalid_argument);
    EXPECT_THROW(h.client.receive("220 x\r\n", 0ns), std::logic_error);
    h.start();
    EXPECT_THROW(h.client.start(0ns), std::logic_error);
}

TEST(SmtpClient, withAnEmptyQueueItGreetsAndQuits) {
    Harness h;
    h.start();
    h.reply("220 x\r\n" + ehloReply);
    EXPECT_EQ(h.takeSent(), "EHLO client.example\r\nQUIT\r\n");
}

TEST(SmtpClient, anAddressWithALineBreakIsRefusedWhenQueued) {
    Harness h;
    EXPECT_THROW(h.client.enqueue(item({"bob@hamburger.edu>\r\nRCPT TO:<eve@example.org"})), std::invalid_argument);
    EXPECT_THROW(h.client.enqueue(MailItem{"a@example.org\n", {"b@example.net"}, "hello\r\n"}), std::invalid_argument);
}

// RFC 6152: 8-bit text goes with BODY=8BITMIME, and only to a server that offered 8BITMIME.
TEST(SmtpClient, eightBitTextIsSentWithBody8BitMimeWhenTheServerOffersIt) {
    Harness h;
    h.client.enqueue(MailItem{"a@example.org", {"b@example.net"}, "Gr\xc3\xbc\xc3\x9f" "e\r\n"});
    h.start();
    h.reply("220 x\r\n250-lab.example\r\n250-8BITMIME\r\n250 HELP\r\n");
    EXPECT_TRUE(h.client.serverOffers8BitMime());
    EXPECT_EQ(h.takeSent(), "EHLO client.example\r\nMAIL FROM:<a@example.org> BODY=8BITMIME\r\n");
}

TEST(SmtpClient, sevenBitTextIsSentWithoutABodyParameterEvenWhenTheServerOffers8BitMime) {
    Harness h;
    h.client.enqueue(item());
    h.start();
    h.reply("220 x\r\n250-lab.example\r\n250-8BITMIME\r\n250 HELP\r\n");
    EXPECT_EQ(h.takeSent(), "EHLO client.example\r\nMAIL FROM:<a@example.org>\r\n");
}

TEST(SmtpClient, eightBitTextIsNotSentToAServerWithout8BitMimeAndTheNextItemGoes) {
    Harness h;
    h.client.enqueue(MailItem{"a@example.org", {"b@example.net"}, "Gr\xc3\xbc\xc3\x9f" "e\r\n"});
    h.client.enqueue(item());
    h.start();
    h.reply("220 x\r\n" + ehloReply);
    EXPECT_EQ(h.takeSent(), "EHLO client.example\r\nMAIL FROM:<a@example.org> SIZE=7\r\n");
    EXPECT_TRUE(contains(h.events, "Recipient 0 b@example.net permanent 0"));
    EXPECT_TRUE(contains(h.events, "Item 0 permanent 0"));
}

TEST(SmtpClient, eightBitTextIsNotSentAfterHelo) {
    ClientConfig config = Harness::defaultConfig();
    config.useEhlo = false;
    ClientSession client{config};
    client.enqueue(MailItem{"a@example.org", {"b@example.net"}, "Gr\xc3\xbc\xc3\x9f" "e\r\n"});
    client.start(0ns);
    client.receive("220 x\r\n250 hello\r\n", 0ns);
    std::optional<ItemResult> result;
    for (auto event = client.nextEvent(); !std::holds_alternative<NeedData>(event); event = client.nextEvent()) {
        if (const auto* item = std::get_if<ItemResult>(&event)) result = *item;
    }
    EXPECT_EQ(client.takeOutput(), "HELO client.example\r\nQUIT\r\n");
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->outcome, Outcome::PermanentFailure);
    EXPECT_EQ(result->code, 0);
    EXPECT_EQ(result->reason, "the message has 8-bit text, and after HELO a server takes only 7-bit US-ASCII (RFC 6152)");
}
