#include <gtest/gtest.h>

#include "protocols/common/engine.hpp"
#include "tests/protocols/smtp/smtp_test_support.hpp"

using namespace netstage::smtp;
using namespace netstage::smtp::testing;
using namespace std::chrono_literals;

namespace {

const std::string hello = "EHLO client.example\r\n";
const std::string transaction = "MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\n";

ServerConfig config() {
    ServerConfig c;
    c.domain = "lab.example";
    return c;
}

// The reply lines the server sent, in order.
std::vector<std::string> replies(const ServerRun& run) {
    std::vector<std::string> out;
    for (const auto& line : transcript(run.events)) {
        if (line.rfind("S: ", 0) == 0) out.push_back(line.substr(3));
    }
    return out;
}

std::string lastReply(const ServerRun& run) { return replies(run).back(); }

static_assert(netstage::proto::Engine<ServerSession>, "the SMTP server meets the one engine API");

bool hasProtocolError(const ServerRun& run, int code) {
    for (const auto& event : run.raw) {
        if (const auto* error = std::get_if<ProtocolError>(&event); error && error->code == code) return true;
    }
    return false;
}

class ScriptedPolicy : public ServerPolicy {
public:
    Decision sender{250, ""};
    Decision recipient{250, ""};
    Decision message{250, ""};
    Decision checkSender(const std::string&) override { return sender; }
    Decision checkRecipient(const std::string&) override { return recipient; }
    Decision acceptMessage(const Envelope&, const std::string&) override { return message; }
};

}  // namespace

TEST(SmtpServer, greetsWithTheConfiguredDomain) {
    const auto run = runServer(config(), "");
    EXPECT_EQ(run.output, "220 lab.example ESMTP Service ready\r\n");
}

TEST(SmtpServer, advertisesOnlyWhatItImplementsInEhlo) {
    const auto run = runServer(config(), hello);
    EXPECT_EQ(run.output,
              "220 lab.example ESMTP Service ready\r\n"
              "250-lab.example Hello client.example\r\n"
              "250-SIZE 10485760\r\n"
              "250-8BITMIME\r\n"
              "250-PIPELINING\r\n"
              "250 HELP\r\n");
    ServerConfig plain = config();
    plain.advertise8BitMime = false;
    plain.advertisePipelining = false;
    const auto plainRun = runServer(plain, hello);
    EXPECT_EQ(plainRun.output.find("8BITMIME"), std::string::npos);
    EXPECT_EQ(plainRun.output.find("PIPELINING"), std::string::npos);
}

TEST(SmtpServer, acceptsSmtplibStyleLowerCaseVerbsAndSizeParameter) {
    const auto run = runServer(config(), "ehlo py.example\r\nmail FROM:<a@b.org> size=28\r\nrcpt TO:<c@d.net>\r\n"
                                         "data\r\nSubject: x\r\n\r\nhi\r\n.\r\nquit\r\n");
    const auto lines = replies(run);
    ASSERT_EQ(lines.size(), 11u);
    EXPECT_EQ(lines[6], "250 Sender <a@b.org> ok");
    EXPECT_EQ(lines[7], "250 Recipient <c@d.net> ok");
    EXPECT_EQ(lines[8], "354 End data with <CR><LF>.<CR><LF>");
    EXPECT_EQ(lines[9], "250 Message accepted for delivery");
    EXPECT_EQ(lines[10], "221 lab.example Service closing transmission channel");
    EXPECT_TRUE(contains(run.stored, "from=<a@b.org> to=<c@d.net> data=Subject: x\r\n\r\nhi\r\n"));
    EXPECT_TRUE(run.closed);
}

TEST(SmtpServer, reportsEachCommandWithItsVerbArgumentAndRawLine) {
    const auto run = runServer(config(), "mail FROM: <a@b.org>\r\n");
    ASSERT_GE(run.raw.size(), 2u);
    const auto* command = std::get_if<CommandReceived>(&run.raw[1]);
    ASSERT_NE(command, nullptr);
    EXPECT_EQ(command->verb, "MAIL");
    EXPECT_EQ(command->argument, "FROM: <a@b.org>");
    EXPECT_EQ(command->rawLine, "mail FROM: <a@b.org>");
}

TEST(SmtpServer, acceptsTheNullReversePath) {
    const auto run = runServer(config(), hello + "MAIL FROM:<>\r\nRCPT TO:<postmaster>\r\nDATA\r\nx\r\n.\r\n");
    EXPECT_TRUE(contains(run.stored, "from=<> to=<postmaster> data=x\r\n"));
}

TEST(SmtpServer, endsDataOnlyOnCrlfDotCrlfAndKeepsCurlsBareLfBody) {
    // curl with an LF-only file: bare-LF lines, no stuffing after LF, ending "\n\r\n.\r\n".
    const auto run = runServer(config(), hello + transaction + "DATA\r\nline one\n.dot\n.\nlast\n\r\n.\r\n");
    EXPECT_TRUE(contains(run.events, "C: .dot [LF]"));
    EXPECT_TRUE(contains(run.events, "C: . [LF]"));
    EXPECT_TRUE(contains(run.events, "C: . [end]"));
    EXPECT_TRUE(contains(run.stored,
                         "from=<a@example.org> to=<b@example.net> data=line one\r\n.dot\r\n.\r\nlast\r\n\r\n"));
    EXPECT_EQ(lastReply(run), "250 Message accepted for delivery");
}

TEST(SmtpServer, neverEndsDataOnLfDotLf) {
    const auto run = runServer(config(), hello + transaction + "DATA\r\nbody\n.\n");
    EXPECT_EQ(lastReply(run), "354 End data with <CR><LF>.<CR><LF>");
    EXPECT_EQ(run.events.back(), "C: . [LF]");
}

TEST(SmtpServer, removesOneDotFromStuffedLines) {
    const auto run = runServer(config(), hello + transaction + "DATA\r\n..\r\n...x\r\n.y\r\n.\r\n");
    EXPECT_TRUE(contains(run.stored, "from=<a@example.org> to=<b@example.net> data=.\r\n..x\r\ny\r\n"));
}

TEST(SmtpServer, handlesPipelinedCommandsInOneChunkInOrder) {
    const auto run = runServer(config(), hello + transaction + "RCPT TO:<c@example.net>\r\nDATA\r\nhi\r\n.\r\nQUIT\r\n");
    const auto lines = replies(run);
    // 220, five EHLO lines, MAIL, two RCPT, 354, end of data, QUIT.
    ASSERT_EQ(lines.size(), 12u);
    EXPECT_EQ(lines[8], "250 Recipient <c@example.net> ok");
    EXPECT_EQ(lines[10], "250 Message accepted for delivery");
    EXPECT_EQ(lines[11], "221 lab.example Service closing transmission channel");
}

TEST(SmtpServer, ignoresInputAfterQuit) {
    const auto run = runServer(config(), "QUIT\r\nNOOP\r\n");
    EXPECT_EQ(lastReply(run), "221 lab.example Service closing transmission channel");
    EXPECT_FALSE(contains(run.events, "C: NOOP"));
}

TEST(SmtpServer, rejectsAnUnknownCommandWith500AndGoesOn) {
    const auto run = runServer(config(), "FOO bar\r\nNOOP\r\n");
    const auto lines = replies(run);
    EXPECT_EQ(lines[1], "500 Syntax error, command unrecognized");
    EXPECT_EQ(lines[2], "250 OK");
    EXPECT_TRUE(hasProtocolError(run, 500));
}

TEST(SmtpServer, answersUnofferedExtensionsWith502) {
    const auto run = runServer(config(), "STARTTLS\r\n");
    EXPECT_EQ(lastReply(run), "502 Command not implemented");
}

TEST(SmtpServer, rejectsACommandLineOver512OctetsWith500) {
    const auto run = runServer(config(), "NOOP " + std::string(507, 'x') + "\r\nNOOP\r\n");
    const auto lines = replies(run);
    EXPECT_EQ(lines[1], "500 Line too long");
    EXPECT_EQ(lines[2], "250 OK");
    const auto fits = runServer(config(), "NOOP " + std::string(505, 'x') + "\r\n");
    EXPECT_EQ(lastReply(fits), "250 OK");
}

TEST(SmtpServer, rejectsA10KilobyteLineWith500) {
    const auto run = runServer(config(), std::string(10240, 'A') + "\r\nNOOP\r\n");
    const auto lines = replies(run);
    EXPECT_EQ(lines[1], "500 Line too long");
    EXPECT_EQ(lines[2], "250 OK");
}

TEST(SmtpServer, rejectsMissingOrMalformedArgumentsWith501) {
    for (const char* bad : {"HELO\r\n", "EHLO\r\n", "VRFY\r\n", "QUIT now\r\n", "RSET x\r\n"}) {
        const auto run = runServer(config(), bad);
        EXPECT_EQ(lastReply(run).substr(0, 4), "501 ") << bad;
        EXPECT_TRUE(hasProtocolError(run, 501)) << bad;
    }
    for (const char* bad : {"MAIL TO:<a@b.c>\r\n", "MAIL FROM:<a@b.c\r\n", "MAIL FROM:<a b@c>\r\n",
                                   "MAIL FROM:<nodomain>\r\n", "MAIL FROM:\r\n", "MAIL FROM:<a@b.c> SIZE=x\r\n"}) {
        const auto run = runServer(config(), hello + bad);
        EXPECT_EQ(lastReply(run).substr(0, 4), "501 ") << bad;
    }
    const auto rcpt = runServer(config(), hello + "MAIL FROM:<a@b.c>\r\nRCPT TO:<>\r\n");
    EXPECT_EQ(lastReply(rcpt), "501 Syntax: RCPT TO:<address>");
    const auto data = runServer(config(), hello + transaction + "DATA now\r\n");
    EXPECT_EQ(lastReply(data).substr(0, 4), "501 ");
}

TEST(SmtpServer, rejectsUnknownMailParametersWith555) {
    const auto run = runServer(config(), hello + "MAIL FROM:<a@b.c> AUTH=<>\r\n");
    EXPECT_EQ(lastReply(run), "555 MAIL FROM parameters not recognized or not implemented");
}

TEST(SmtpServer, rejectsCommandsOutOfSequenceWith503) {
    EXPECT_EQ(lastReply(runServer(config(), "MAIL FROM:<a@b.c>\r\n")), "503 Bad sequence of commands");
    EXPECT_EQ(lastReply(runServer(config(), hello + "RCPT TO:<a@b.c>\r\n")), "503 Bad sequence of commands");
    EXPECT_EQ(lastReply(runServer(config(), hello + "DATA\r\n")), "503 Bad sequence of commands");
    EXPECT_EQ(lastReply(runServer(config(), hello + "MAIL FROM:<a@b.c>\r\nMAIL FROM:<a@b.c>\r\n")),
              "503 Bad sequence of commands");
    const auto run = runServer(config(), hello + "RCPT TO:<a@b.c>\r\n");
    EXPECT_TRUE(hasProtocolError(run, 503));
}

TEST(SmtpServer, refusesDataWithoutAnAcceptedRecipientWith554) {
    ScriptedPolicy policy;
    policy.recipient = {550, ""};
    const auto run = runServer(config(), &policy, {hello + transaction + "DATA\r\n"});
    const auto lines = replies(run);
    EXPECT_EQ(lines[lines.size() - 2], "550 Requested action not taken: no such user here");
    EXPECT_EQ(lines.back(), "554 No valid recipients");
}

TEST(SmtpServer, rsetDropsTheTransactionButKeepsTheGreeting) {
    const auto run = runServer(config(), hello + transaction + "RSET\r\nDATA\r\nMAIL FROM:<x@y.z>\r\n");
    const auto lines = replies(run);
    EXPECT_EQ(lines[lines.size() - 3], "250 OK");
    EXPECT_EQ(lines[lines.size() - 2], "503 Bad sequence of commands");
    EXPECT_EQ(lines.back(), "250 Sender <x@y.z> ok");
}

TEST(SmtpServer, answersNoopVrfyAndHelp) {
    const auto run = runServer(config(), "NOOP\r\nVRFY bob\r\nHELP\r\n");
    const auto lines = replies(run);
    EXPECT_EQ(lines[1], "250 OK");
    EXPECT_EQ(lines[2], "252 Cannot VRFY user, but will accept message and attempt delivery");
    EXPECT_EQ(lines[3], "214 Commands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT");
}

TEST(SmtpServer, passesThePolicysRecipientRefusalsOn) {
    ScriptedPolicy policy;
    policy.recipient = {550, "{address}... User unknown"};
    EXPECT_EQ(lastReply(runServer(config(), &policy, {hello + transaction})), "550 b@example.net... User unknown");
    policy.recipient = {451, ""};
    EXPECT_EQ(lastReply(runServer(config(), &policy, {hello + transaction})),
              "451 Requested action aborted: local error in processing");
    policy.recipient = {452, ""};
    EXPECT_EQ(lastReply(runServer(config(), &policy, {hello + transaction})).substr(0, 4), "452 ");
    policy.recipient = {251, ""};
    EXPECT_EQ(lastReply(runServer(config(), &policy, {hello + transaction})), "251 User not local; will forward");
}

TEST(SmtpServer, passesThePolicysSenderAndMessageRefusalsOn) {
    ScriptedPolicy policy;
    policy.sender = {553, ""};
    EXPECT_EQ(lastReply(runServer(config(), &policy, {hello + "MAIL FROM:<a@b.c>\r\n"})).substr(0, 4), "553 ");
    policy.sender = {250, ""};
    policy.message = {554, "Spam"};
    const auto run = runServer(config(), &policy, {hello + transaction + "DATA\r\nx\r\n.\r\n"});
    EXPECT_EQ(lastReply(run), "554 Spam");
    policy.message = {451, ""};
    EXPECT_EQ(lastReply(runServer(config(), &policy, {hello + transaction + "DATA\r\nx\r\n.\r\n"})).substr(0, 4),
              "451 ");
}

TEST(SmtpServer, aPolicyReplyCodeThatMakesNoSenseIsAProgrammingError) {
    ScriptedPolicy policy;
    policy.recipient = {354, ""};
    EXPECT_THROW(runServer(config(), &policy, {hello + transaction}), std::invalid_argument);
}

TEST(SmtpServer, refusesADeclaredSizeOverTheLimitWith552) {
    ServerConfig small = config();
    small.limits.maxMessageSize = 100;
    EXPECT_EQ(lastReply(runServer(small, hello + "MAIL FROM:<a@b.c> SIZE=101\r\n")),
              "552 Message size exceeds fixed maximum message size");
    EXPECT_EQ(lastReply(runServer(small, hello + "MAIL FROM:<a@b.c> SIZE=100\r\n")), "250 Sender <a@b.c> ok");
}

TEST(SmtpServer, refusesAMessageOverTheLimitWith552AfterItsEnd) {
    ServerConfig small = config();
    small.limits.maxMessageSize = 100;
    const auto run = runServer(small, hello + transaction + "DATA\r\n" + std::string(60, 'x') + "\r\n" +
                                          std::string(60, 'y') + "\r\n.\r\nNOOP\r\n");
    const auto lines = replies(run);
    EXPECT_EQ(lines[lines.size() - 2], "552 Message size exceeds fixed maximum message size");
    EXPECT_EQ(lines.back(), "250 OK");
}

TEST(SmtpServer, refusesADataLineOver1000OctetsWith500AfterTheMessage) {
    const auto run = runServer(config(), hello + transaction + "DATA\r\n" + std::string(999, 'x') + "\r\n.\r\n");
    EXPECT_EQ(lastReply(run), "500 Line too long");
    EXPECT_TRUE(hasProtocolError(run, 500));
    const auto fits = runServer(config(), hello + transaction + "DATA\r\n" + std::string(998, 'x') + "\r\n.\r\n");
    EXPECT_EQ(lastReply(fits), "250 Message accepted for delivery");
}

TEST(SmtpServer, refusesTheHundredAndFirstRecipientWith452) {
    std::string input = hello + "MAIL FROM:<a@b.c>\r\n";
    for (int i = 0; i < 101; ++i) input += "RCPT TO:<r" + std::to_string(i) + "@d.e>\r\n";
    const auto run = runServer(config(), input);
    const auto lines = replies(run);
    EXPECT_EQ(lines[lines.size() - 2], "250 Recipient <r99@d.e> ok");
    EXPECT_EQ(lines.back(), "452 Too many recipients");
}

TEST(SmtpServer, passesEightBitOctetsInDataThrough) {
    const auto run = runServer(config(), hello + transaction + "DATA\r\nGr\xc3\xbc\xc3\x9f" "e\r\n.\r\n");
    EXPECT_TRUE(contains(run.stored, "from=<a@example.org> to=<b@example.net> data=Gr\xc3\xbc\xc3\x9f" "e\r\n"));
}

TEST(SmtpServer, refusesNulAndNonAsciiOctetsInCommandsWith500Or501) {
    const auto nulArgument = runServer(config(), std::string{"HELO a\0b\r\n", 10});
    EXPECT_EQ(lastReply(nulArgument), "501 Syntax error in parameters or arguments (invalid character)");
    const auto nulVerb = runServer(config(), std::string{"HE\0LO a\r\n", 9});
    EXPECT_EQ(lastReply(nulVerb), "500 Syntax error, command unrecognized");
    const auto eightBit = runServer(config(), hello + "MAIL FROM:<j\xc3\xb6rg@b.c>\r\n");
    EXPECT_EQ(lastReply(eightBit).substr(0, 4), "501 ");
}

TEST(SmtpServer, survivesBinaryGarbageWithErrorRepliesOnly) {
    std::string garbage;
    std::uint32_t state = 12345;
    for (int i = 0; i < 20000; ++i) {
        state = state * 1103515245u + 12345u;
        garbage.push_back(static_cast<char>(state >> 24));
    }
    const auto run = runServer(config(), garbage + "\r\nNOOP\r\n");
    const auto lines = replies(run);
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
        const std::string code = lines[i].substr(0, 3);
        EXPECT_TRUE(code == "500" || code == "501" || code == "502") << lines[i];
    }
    EXPECT_EQ(lines.back(), "250 OK");
}

TEST(SmtpServer, sends421AndAsksToCloseWhenTheHostShutsDown) {
    ServerSession server{config()};
    server.start(0ns);
    (void)server.takeOutput();
    server.shutdown();
    EXPECT_EQ(server.takeOutput(), "421 lab.example Service not available, closing transmission channel\r\n");
    EXPECT_TRUE(server.closed());
}

TEST(SmtpServer, closesWith421AfterFiveSilentMinutes) {
    ServerSession server{config()};
    server.start(0ns);
    server.receive(hello, 10s);
    EXPECT_EQ(server.nextTimeout(), std::chrono::nanoseconds{10s + 5min});
    server.handleTimeout(10s + 4min);
    EXPECT_FALSE(server.closed());
    server.handleTimeout(10s + 5min);
    EXPECT_TRUE(server.closed());
    EXPECT_NE(server.takeOutput().find("421 lab.example Timeout"), std::string::npos);
    EXPECT_EQ(server.nextTimeout(), std::nullopt);
}

TEST(SmtpServer, reportsAClientThatVanishesDuringData) {
    ServerSession server{config()};
    server.start(0ns);
    server.receive(hello + transaction + "DATA\r\npartial\r\n", 0ns);
    EXPECT_FALSE(server.closed());
    server.receiveEof(0ns);
    ServerRun run;
    drain(server, run);
    EXPECT_TRUE(contains(run.events, "ProtocolError 0 connection closed during DATA; message discarded"));
    EXPECT_TRUE(server.closed());
}

TEST(SmtpServer, usingTheEngineBeforeStartIsAProgrammingError) {
    ServerSession server{config()};
    EXPECT_THROW(server.receive("NOOP\r\n", 0ns), std::logic_error);
    server.start(0ns);
    EXPECT_THROW(server.start(0ns), std::logic_error);
}

TEST(SmtpServer, aConfiguredReplyTextWithALineBreakIsRefusedAtConstruction) {
    ServerConfig c = config();
    c.texts.greeting = "{domain}\r\n250 fake";
    EXPECT_THROW(ServerSession{c}, std::invalid_argument);
}

TEST(SmtpServer, aPeerCommandWithABareCarriageReturnGets501AndIsNeverEchoed) {
    const auto run = runServer(config(), "HELO evil\r250 fake\r\n");
    EXPECT_EQ(lastReply(run).substr(0, 4), "501 ");
    for (const auto& line : replies(run)) EXPECT_EQ(line.find('\r'), std::string::npos) << line;
}

TEST(SmtpServer, movesExactlyAsTheTableSaysOnAcceptedCommandsAndStaysOnRefusedOnes) {
    ScriptedPolicy policy;
    ServerSession server{config(), &policy};
    server.start(0ns);
    EXPECT_EQ(server.state(), ServerState::Greeted);
    struct Step {
        std::string line;
        std::optional<Verb> accepted;  // the verb the table moves on, or nothing when refused
    };
    const std::vector<Step> steps{
        {"RSET\r\n", Verb::Rset},
        {"MAIL FROM:<a@b.c>\r\n", std::nullopt},  // 503 before HELO
        {"HELO\r\n", std::nullopt},               // 501 without a domain
        {"HELO c.d\r\n", Verb::Helo},
        {"MAIL FROM:<a@b.c>\r\n", Verb::Mail},
        {"RCPT TO:<x@y.z> FOO=1\r\n", std::nullopt},  // 555
        {"RCPT TO:<x@y.z>\r\n", Verb::Rcpt},
        {"RCPT TO:<w@y.z>\r\n", Verb::Rcpt},
        {"RSET\r\n", Verb::Rset},
        {"MAIL FROM:<a@b.c>\r\n", Verb::Mail},
        {"EHLO c.d\r\n", Verb::Ehlo},
        {"QUIT\r\n", Verb::Quit},
    };
    for (const Step& step : steps) {
        const ServerState before = server.state();
        server.receive(step.line, 0ns);
        const ServerState expected = step.accepted ? *serverTransition(before, *step.accepted) : before;
        EXPECT_EQ(server.state(), expected) << step.line;
    }
    EXPECT_TRUE(server.closed());
    policy.recipient = {550, ""};
    ServerSession refusing{config(), &policy};
    refusing.start(0ns);
    refusing.receive(hello + transaction, 0ns);
    EXPECT_EQ(refusing.state(), ServerState::MailGiven);
    refusing.receive("DATA\r\n", 0ns);
    EXPECT_EQ(refusing.state(), ServerState::MailGiven);
}

TEST(SmtpServer, theEndOfDataLeadsBackToIdentifiedWhateverThePolicySays) {
    ScriptedPolicy policy;
    policy.message = {554, "Spam"};
    ServerSession server{config(), &policy};
    server.start(0ns);
    server.receive(hello + transaction + "DATA\r\n", 0ns);
    EXPECT_EQ(server.state(), ServerState::Data);
    server.receive("x\r\n.\r\n", 0ns);
    EXPECT_EQ(server.state(), ServerState::Identified);
}
