// What `netstage run` prints at the end of a run, line by line: only the
// parts the scenario has (mail, FTP), every folder of a mailbox, singular and
// plural, the network's retransmissions and losses, and every action that did
// not happen, with its reason. The first line after the title (seed, end,
// events) and the fingerprint come from the run; every other line is literal.
#include <gtest/gtest.h>

#include <string>

#include "tests/scenario/scenario_support.hpp"

using namespace netstage;
using namespace netstage::test_support;

namespace {

scenario::ScenarioRun runOf(const scenario::ScenarioSpec& spec, bool keepLog = false) {
    scenario::RunOptions options;
    options.keepLog = keepLog;
    return scenario::runScenario(spec, options);
}

// The summary the user sees, with the lines that depend on the run's timing filled in from it.
std::string expected(const std::string& title, const scenario::RunSummary& s, const std::string& body) {
    return title + "\nseed " + std::to_string(s.seed) + ", ended at " + s.end.toMillisecondsString() + ", " +
           std::to_string(s.events) + " events\n" + body + "fingerprint: " + s.fingerprint + "\n";
}

std::string field(const trace::Event& e, const std::string& name) {
    for (const auto& [key, value] : e.fields) {
        if (key != name) continue;
        if (const auto* text = std::get_if<std::string>(&value)) return *text;
        return std::to_string(std::get<std::int64_t>(value));
    }
    return {};
}

}  // namespace

TEST(RunSummary, oneMessageIsSingularAndAMailboxWithFoldersShowsEachFolder) {
    const auto spec = scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob"));
    const auto run = runOf(spec);
    EXPECT_EQ(scenario::formatSummary(spec, run.summary),
              expected(spec.title, run.summary,
                       "mail: 1 message delivered, 1 relayed, 0 still queued, 0 bounced\n"
                       "  mailbox alice@crepes.fr on crepes.fr: 0 messages\n"
                       "  mailbox bob@hamburger.edu on hamburger.edu: 0 messages\n"
                       "  Bob's user agent downloaded 1 message\n"
                       "tcp: 0 retransmissions (0 timeouts), 0 packets lost\n"));
}

TEST(RunSummary, everyFolderOfAMailboxIsCountedNotOnlyTheInbox) {
    const auto spec = scenario::loadScenarioFile(scenarioPath("04-imap-folders"));
    const auto run = runOf(spec);
    EXPECT_EQ(scenario::formatSummary(spec, run.summary),
              expected(spec.title, run.summary,
                       "mail: 0 messages delivered, 0 relayed, 0 still queued, 0 bounced\n"
                       "  mailbox bob@hamburger.edu on hamburger.edu: 2 messages (INBOX 1, Recipes 1)\n"
                       "tcp: 0 retransmissions (0 timeouts), 0 packets lost\n"));
}

TEST(RunSummary, anFtpRunReportsItsTransfersAndNoMail) {
    const auto spec = scenario::loadScenarioFile(scenarioPath("05-ftp-session"));
    const auto run = runOf(spec);
    EXPECT_EQ(scenario::formatSummary(spec, run.summary),
              expected(spec.title, run.summary,
                       "ftp: 3 transfers, 3 ok, 4266 bytes transferred\n"
                       "  Alice's FTP client (passive): ls: 136 bytes, ok (226)\n"
                       "  Alice's FTP client (passive): get report.pdf: 4096 bytes, ok (226)\n"
                       "  Alice's FTP client (passive): put /uploads/notes.txt: 34 bytes, ok (226)\n"
                       "tcp: 0 retransmissions (0 timeouts), 0 packets lost\n"));
}

TEST(RunSummary, aFailedFtpTransferShowsItsModeAndReply) {
    const auto spec = scenario::loadScenarioFile(scenarioPath("06-ftp-active-vs-passive"));
    const auto run = runOf(spec);
    EXPECT_EQ(scenario::formatSummary(spec, run.summary),
              expected(spec.title, run.summary,
                       "ftp: 2 transfers, 1 ok, 3000 bytes transferred\n"
                       "  active-mode client (active): get lecture.txt: failed (425)\n"
                       "  passive-mode client (passive): get lecture.txt: 3000 bytes, ok (226)\n"
                       "tcp: 0 retransmissions (0 timeouts), 0 packets lost\n"));
}

TEST(RunSummary, ftpStepsThatNeverRanAreNamedWithWhyTheControlConnectionFailed) {
    auto spec = scenario::loadScenarioFile(scenarioPath("05-ftp-session"));
    spec.faults.push_back({scenario::FaultSpec::Kind::LinkDown, Time::zero(), "internet", "ftp.school.edu", {}});
    const auto run = runOf(spec);
    EXPECT_EQ(scenario::formatSummary(spec, run.summary),
              expected(spec.title, run.summary,
                       "ftp: 0 transfers, 0 ok, 0 bytes transferred\n"
                       "tcp: 5 retransmissions (5 timeouts), 6 packets lost (link-down 6)\n"
                       "problems:\n"
                       "  Alice's FTP client: 5 of 5 steps not run: the control connection to ftp.school.edu "
                       "(10.0.2.21:21) failed: no answer after 6 SYNs\n"));
}

TEST(RunSummary, aMessageToAHostWithNoMailServerIsNamedAsNotSent) {
    auto spec = scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob"));
    spec.userAgents[0].server = "bob-pc";
    const auto run = runOf(spec);
    ASSERT_EQ(run.summary.problems.size(), 1u);
    EXPECT_EQ(run.summary.problems[0].who, "Alice's user agent");
    EXPECT_EQ(run.summary.problems[0].what, "message to bob@hamburger.edu not sent: connection to bob-pc failed: refused (the "
                                            "server host answered the SYN with a reset)");
}

TEST(RunSummary, theTraceCountsTheBytesAPutSentAsTheServerDoes) {
    const auto run = runOf(scenario::loadScenarioFile(scenarioPath("05-ftp-session")), true);
    std::string stepBytes, serverBytes;
    for (const auto& record : run.log.records) {
        const auto* e = std::get_if<trace::Event>(&record);
        if (!e || e->layer != "ftp") continue;
        if (e->type == "step" && field(*e, "step") == "put") stepBytes = field(*e, "bytes");
        if (e->type == "transfer-end" && field(*e, "verb") == "STOR") serverBytes = field(*e, "bytes");
    }
    EXPECT_EQ(stepBytes, "34");
    EXPECT_EQ(serverBytes, "34");
}

TEST(RunSummary, anUnreachablePreferredExchangerIsNamedWithItsSynsAndTheBackupTried) {
    const auto spec = scenario::loadScenarioFile(scenarioPath("07c-smtp-backup-mx"));
    const auto run = runOf(spec);
    EXPECT_EQ(scenario::formatSummary(spec, run.summary),
              expected(spec.title, run.summary,
                       "mail: 1 message delivered, 1 relayed, 0 still queued, 0 bounced\n"
                       "  mailbox alice@crepes.fr on crepes.fr: 0 messages\n"
                       "  mailbox bob@pasta.it on mx1.pasta.it: 0 messages\n"
                       "  mailbox bob@pasta.it on mx2.pasta.it: 1 message\n"
                       "tcp: 5 retransmissions (5 timeouts), 6 packets lost (link-down 6)\n"
                       "problems:\n"
                       "  crepes.fr: connection to mx1.pasta.it (10.0.3.10:25) failed after 63 s: no answer after 6 SYNs; "
                       "trying mx2.pasta.it\n"));
}

TEST(RunSummary, theTranscriptSaysInOneLineThatThePreferredExchangerNeverAnswered) {
    const auto run = runOf(scenario::loadScenarioFile(scenarioPath("07c-smtp-backup-mx")));
    ASSERT_EQ(run.transcript.size(), 3u);
    EXPECT_EQ(run.transcript[1].text(),
              "crepes.fr: connection to mx1.pasta.it (10.0.3.10:25) failed after 63 s: no answer after 6 SYNs; trying "
              "mx2.pasta.it\n");
    EXPECT_EQ(run.transcript[2].header(), "# crepes.fr (10.0.1.10:49153) -> mx2.pasta.it (10.0.3.20:25) SMTP");
}

// A subject that is not ASCII goes as an RFC 2047 encoded-word: the message is sent, nothing is a problem.
TEST(RunSummary, aNonAsciiSubjectIsSentAsAnEncodedWord) {
    auto spec = scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob"));
    auto& send = spec.userAgents[0].actions[0].send;
    send.headers = true;
    send.subject = "Grüße aus München";
    const auto run = runOf(spec);
    const std::string summary = scenario::formatSummary(spec, run.summary);
    EXPECT_NE(summary.find("mail: 1 message delivered, 1 relayed, 0 still queued, 0 bounced\n"), std::string::npos) << summary;
    EXPECT_EQ(summary.find("problems:"), std::string::npos) << summary;
}

TEST(RunSummary, eightBitTextAfterHeloIsNotSentAndTheSummarySaysWhy) {
    auto spec = scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob"));
    spec.userAgents[0].actions[0].send.body = "Grüße aus München\n";
    const auto run = runOf(spec);
    EXPECT_EQ(scenario::formatSummary(spec, run.summary),
              expected(spec.title, run.summary,
                       "mail: 0 messages delivered, 0 relayed, 0 still queued, 0 bounced\n"
                       "  mailbox alice@crepes.fr on crepes.fr: 0 messages\n"
                       "  mailbox bob@hamburger.edu on hamburger.edu: 0 messages\n"
                       "tcp: 0 retransmissions (0 timeouts), 0 packets lost\n"
                       "problems:\n"
                       "  Alice's user agent: message to bob@hamburger.edu not sent: the message has 8-bit text, and after "
                       "HELO a server takes only 7-bit US-ASCII (RFC 6152)\n"));
    // Nothing of it went on the wire: the session ended after HELO.
    const auto* block = findBlock(run.transcript, "SMTP", "alice-pc", "crepes.fr");
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(block->lines, (std::vector<std::string>{"S: 220 crepes.fr ESMTP Service ready", "C: HELO alice-pc",
                                                      "S: 250 crepes.fr Hello alice-pc", "C: QUIT",
                                                      "S: 221 crepes.fr Service closing transmission channel"}));
}

TEST(RunSummary, eightBitTextGoesWithBody8BitMimeToAServerThatOffersIt) {
    auto spec = scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob"));
    spec.userAgents[0].actions[0].send.body = "Grüße aus München\n";
    spec.userAgents[0].smtp.ehlo = true;
    spec.mailServers[0].relay.ehlo = true;
    const auto run = runOf(spec);
    EXPECT_EQ(run.summary.delivered, 1u);
    ASSERT_EQ(run.summary.downloads.size(), 1u);
    EXPECT_NE(run.summary.downloads[0].messages.at(0).find("\r\nGr\xc3\xbc\xc3\x9f" "e aus M\xc3\xbcnchen\r\n"),
              std::string::npos);
    for (const auto& [client, server] : {std::pair{"alice-pc", "crepes.fr"}, std::pair{"crepes.fr", "hamburger.edu"}}) {
        const auto* block = findBlock(run.transcript, "SMTP", client, server);
        ASSERT_NE(block, nullptr) << client;
        std::string mailFrom;
        for (const auto& line : block->lines) {
            if (line.rfind("C: MAIL FROM", 0) == 0) mailFrom = line;
        }
        ASSERT_GT(mailFrom.size(), 14u) << client;
        EXPECT_EQ(mailFrom.substr(mailFrom.size() - 14), " BODY=8BITMIME") << client;
    }
}

TEST(RunSummary, theTranscriptSaysInOneLineThatAMessageNeverReachedItsServer) {
    auto spec = scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob"));
    spec.userAgents[0].server = "bob-pc";
    const auto run = runOf(spec);
    ASSERT_FALSE(run.transcript.empty());
    // Where Alice's dialogue would have been, before Bob's POP3 session.
    EXPECT_EQ(run.transcript[0].text(), "alice-pc: message alice@crepes.fr#1 not sent: connection to bob-pc failed: refused (the "
                                        "server host answered the SYN with a reset)\n");
    EXPECT_EQ(findBlock(run.transcript, "SMTP", "alice-pc", "bob-pc"), nullptr);
}

TEST(RunSummary, theTranscriptSaysInOneLineAfterTheDialogueThatTheServerRefusedAMessage) {
    auto spec = scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob"));
    spec.userAgents[0].actions[0].send.to = {"nobody@crepes.fr"};
    const auto run = runOf(spec);
    ASSERT_GE(run.transcript.size(), 2u);
    EXPECT_EQ(run.transcript[0].header(), "# alice-pc (10.0.1.2:49152) -> crepes.fr (10.0.1.10:25) SMTP");
    EXPECT_EQ(run.transcript[1].text(), "alice-pc: message alice@crepes.fr#1 not sent: 550 No such user here\n");
}
