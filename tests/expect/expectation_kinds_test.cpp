// Every kind of expectation, passing and failing, over real runs of the
// shipped scenarios.

#include <gtest/gtest.h>

#include "simulator/expect/evaluate.hpp"
#include "tests/expect/expect_support.hpp"

using namespace netstage;
using netstage::test_support::scenarioWithExpectations;
using netstage::test_support::verdicts;

namespace {

std::string dump(const scenario::CheckedRun& run) {
    std::string out;
    for (const auto& r : run.results) out += (r.passed ? "PASS " : "FAIL ") + r.expected + " :: " + r.actual + "\n";
    return out;
}

TEST(ExpectationKinds, mailbox_counts_and_messages_pass_and_fail_against_the_final_mailboxes) {
    // 03: download and keep; Bob's two messages stay on the server.
    const auto spec = scenarioWithExpectations("03-pop3-download-and-keep", R"(
  - {mailbox: bob@hamburger.edu, count: 2}
  - {mailbox: bob@hamburger.edu, count: 0}
  - {mailbox: bob@hamburger.edu, message: {header: subject, matches: "."}}
  - {mailbox: bob@hamburger.edu, message: {header: X-Nowhere, contains: "x"}}
  - {mailbox: bob@hamburger.edu, message: {contains: "no such words in any body"}}
)");
    const auto run = scenario::checkScenario(spec);
    EXPECT_EQ(verdicts(run), "PFPFF") << dump(run);
    EXPECT_NE(run.results[1].actual.find("holds 2 messages"), std::string::npos) << run.results[1].actual;
    ASSERT_TRUE(run.results[2].record.has_value()) << "a matching message points at its stored event";
    EXPECT_EQ(run.results[2].time, Time::zero()) << "the messages were there from the start";
}

TEST(ExpectationKinds, a_body_and_a_folder_are_read_from_the_final_state) {
    // 04: the pancake recipe is moved into Recipes; INBOX keeps one message.
    const auto spec = scenarioWithExpectations("04-imap-folders", R"(
  - {mailbox: bob@hamburger.edu, folder: Recipes, count: 1}
  - {mailbox: bob@hamburger.edu, count: 1}
  - {mailbox: bob@hamburger.edu, folder: Recipes, message: {header: Subject, contains: Pancakes}}
  - {mailbox: bob@hamburger.edu, message: {header: Subject, contains: Pancakes}}
  - {mailbox: bob@hamburger.edu, folder: Recipes, message: {matches: "[Ff]lour"}}
  - {mailbox: bob@hamburger.edu, folder: Recipes, message: {equals: "flour"}}
)");
    const auto run = scenario::checkScenario(spec);
    EXPECT_EQ(verdicts(run), "PPPFPF") << dump(run);
    ASSERT_TRUE(run.results[2].time.has_value());
    EXPECT_GT(*run.results[2].time, Time::fromSeconds(1)) << "the copy was stored by the laptop's session, after 1 s";
}

TEST(ExpectationKinds, the_fate_of_a_message_delivered_queued_relayed_bounced_with_time_bounds) {
    const auto spec = scenarioWithExpectations("01-smtp-alice-to-bob", R"(
  - {mail: delivered, to: bob@hamburger.edu, before: 2s}
  - {mail: delivered, to: bob@hamburger.edu, before: 100ms}
  - {mail: queued, at: crepes.fr, to: bob@hamburger.edu}
  - {mail: queued, at: hamburger.edu}
  - {mail: relayed, via: hamburger.edu, after: 100ms}
  - {mail: relayed, via: crepes.fr}
  - {mail: bounced}
)");
    const auto run = scenario::checkScenario(spec);
    EXPECT_EQ(verdicts(run), "PFPFPFF") << dump(run);
    EXPECT_NE(run.results[1].actual.find("only at"), std::string::npos) << "a late delivery says when it happened: " << run.results[1].actual;
    EXPECT_TRUE(run.results[1].record.has_value()) << "and points at it";
    EXPECT_FALSE(run.results[6].record.has_value()) << "nothing to point at when nothing happened";

    const auto bounce = scenario::checkScenario(scenarioWithExpectations("07b-smtp-bounce", R"(
  - {mail: bounced, at: crepes.fr, to: bob@hamburger.edu}
  - {mail: delivered, to: alice@crepes.fr}
  - {mail: delivered, to: bob@hamburger.edu}
)"));
    EXPECT_EQ(verdicts(bounce), "PPF") << dump(bounce);
}

TEST(ExpectationKinds, dialogue_lines_in_order_and_reply_codes) {
    const auto spec = scenarioWithExpectations("01-smtp-alice-to-bob", R"(
  - dialogue: smtp
    client: crepes.fr
    server: hamburger.edu
    lines:
      - "C: HELO crepes.fr"
      - {from: S, matches: "^250 .*Sender ok$"}
      - "C: QUIT"
  - dialogue: smtp
    lines: ["C: QUIT", "C: HELO crepes.fr"]
  - {dialogue: smtp, server: hamburger.edu, reply_to: rcpt, code: 250}
  - {dialogue: smtp, reply_to: RCPT, code: 550}
  - {dialogue: smtp, reply_to: VRFY, code: 252}
  - {dialogue: pop3, lines: ["C: quit"]}
  - {dialogue: smtp, client: bob-pc, lines: ["C: QUIT"]}
)");
    const auto run = scenario::checkScenario(spec);
    EXPECT_EQ(verdicts(run), "PFPFFPF") << dump(run);
    EXPECT_NE(run.results[1].actual.find("1 of the 2 lines"), std::string::npos) << run.results[1].actual;
    EXPECT_NE(run.results[3].actual.find("RCPT was answered 250"), std::string::npos) << run.results[3].actual;
    EXPECT_NE(run.results[4].actual.find("no VRFY command"), std::string::npos) << run.results[4].actual;
    EXPECT_NE(run.results[6].actual.find("no such dialogue"), std::string::npos) << run.results[6].actual;

    // A preliminary 150 does not end the wait for RETR's final reply.
    const auto ftp = scenario::checkScenario(scenarioWithExpectations("06-ftp-active-vs-passive", R"(
  - {dialogue: ftp, reply_to: RETR, code: 150}
  - {dialogue: ftp, reply_to: RETR, code: 425, before: 10s}
  - {dialogue: ftp, reply_to: RETR, code: 425, after: 10s}
)"));
    EXPECT_EQ(verdicts(ftp), "PPF") << dump(ftp);
}

TEST(ExpectationKinds, ftp_files_by_size_and_sha256_and_transfer_modes) {
    // 08: small.txt (2000 octets) is stored; big.bin is refused over the quota.
    const auto spec = scenarioWithExpectations("08-ftp-disk-full", R"(
  - {ftp_file: small.txt, server: ftp.school.edu, user: bob, size: 2000}
  - {ftp_file: small.txt, server: ftp.school.edu, user: bob, size: 2001}
  - {ftp_file: /big.bin, server: ftp.school.edu, user: bob, exists: false}
  - {ftp_file: /big.bin, server: ftp.school.edu, user: bob}
  - {ftp_file: small.txt, server: ftp.school.edu, user: bob, sha256: "0000000000000000000000000000000000000000000000000000000000000000"}
)");
    const auto run = scenario::checkScenario(spec);
    EXPECT_EQ(verdicts(run), "PFPFF") << dump(run);
    ASSERT_TRUE(run.results[0].record.has_value()) << "points at the file-changed event of the upload";
    // The digest the failing check printed is the file's: given back, it passes.
    const std::string& actual = run.results[4].actual;
    const auto at = actual.find("SHA-256 ");
    ASSERT_NE(at, std::string::npos) << actual;
    const std::string digest = actual.substr(at + 8, 64);
    const auto again = scenario::checkScenario(scenarioWithExpectations(
        "08-ftp-disk-full", "  - {ftp_file: small.txt, server: ftp.school.edu, user: bob, sha256: " + digest + "}\n"));
    EXPECT_EQ(verdicts(again), "P") << dump(again);

    const auto modes = scenario::checkScenario(scenarioWithExpectations("06-ftp-active-vs-passive", R"(
  - {ftp_transfer: lecture.txt, mode: passive}
  - {ftp_transfer: lecture.txt, mode: active}
  - {ftp_transfer: /lecture.txt, mode: passive, server: ftp.school.edu, client: student-pc, before: 10s}
  - {ftp_transfer: any, mode: passive}
)"));
    EXPECT_EQ(verdicts(modes), "PFFP") << dump(modes);
    EXPECT_NE(modes.results[1].actual.find("1 such transfer completed, in passive mode"), std::string::npos)
        << "the active attempt never completed: " << modes.results[1].actual;
    EXPECT_NE(modes.results[2].actual.find("only at"), std::string::npos) << modes.results[2].actual;
}

TEST(ExpectationKinds, tcp_opened_closed_retransmissions_and_lost_segments) {
    const auto spec = scenarioWithExpectations("07-smtp-relay-retry", R"(
  - {tcp: opened, by: crepes.fr, peer: hamburger.edu, port: 25}
  - {tcp: opened, by: crepes.fr, peer: hamburger.edu, before: 1min}
  - {tcp: opened, by: hamburger.edu}
  - {tcp: closed, by: crepes.fr, peer: hamburger.edu}
  - {tcp: retransmissions, at_least: 3, host: crepes.fr}
  - {tcp: retransmissions, at_least: 1000}
  - {tcp: lost, reason: link-down, port: 25}
  - {tcp: lost, reason: queue-full}
)");
    const auto run = scenario::checkScenario(spec);
    EXPECT_EQ(verdicts(run), "PFFPPFPF") << dump(run);
    ASSERT_TRUE(run.results[4].time.has_value());
    EXPECT_NE(run.results[4].actual.find("reached 3 at"), std::string::npos) << run.results[4].actual;
}

TEST(ExpectationKinds, sequence_chart_arrows_in_order) {
    const auto spec = scenarioWithExpectations("01-smtp-alice-to-bob", R"(
  - chart:
      - "crepes.fr -> hamburger.edu: HELO crepes.fr"
      - {from: hamburger.edu, to: crepes.fr, matches: "^221"}
  - chart:
      - {from: hamburger.edu, to: crepes.fr, matches: "^221"}
      - "crepes.fr -> hamburger.edu: HELO crepes.fr"
  - chart: [{from: crepes.fr, to: hamburger.edu, contains: SYN}]
    segments: true
  - chart: [{from: crepes.fr, to: hamburger.edu, contains: SYN}]
  - chart: ["crepes.fr -> hamburger.edu: HELO crepes.fr"]
    before: 100ms
)");
    const auto run = scenario::checkScenario(spec);
    EXPECT_EQ(verdicts(run), "PFPFF") << dump(run);
    EXPECT_NE(run.results[1].actual.find("1 of the 2 arrows"), std::string::npos) << run.results[1].actual;
}

TEST(ExpectationKinds, expectations_never_change_the_run) {
    // The same scenario with and without an expect list: the same trace.
    const auto plain = scenario::loadScenarioText(netstage::test_support::shippedScenarioText("01-smtp-alice-to-bob"), "a.yaml");
    const auto with = scenarioWithExpectations("01-smtp-alice-to-bob", "  - {mailbox: bob@hamburger.edu, count: 0}\n");
    scenario::RunOptions options;
    options.transcript = true;
    EXPECT_EQ(scenario::runScenario(plain, options).summary.fingerprint, scenario::runScenario(with, options).summary.fingerprint);
}

}  // namespace

namespace {

TEST(ExpectationKinds, a_recorded_trace_alone_judges_all_but_message_texts_and_files) {
    // A viewer holding only the trace: counts come from the mailbox events,
    // a message's text and a file's octets are not in it.
    const auto spec = scenarioWithExpectations("04-imap-folders", R"(
  - {mailbox: bob@hamburger.edu, count: 1}
  - {mailbox: bob@hamburger.edu, folder: Recipes, count: 1}
  - {mailbox: bob@hamburger.edu, folder: Recipes, message: {header: Subject, equals: Pancakes}}
  - {dialogue: imap, client: bob-laptop, lines: ["C: A007 COPY 2 Recipes"]}
)");
    scenario::RunOptions options;
    options.keepLog = true;
    const auto run = scenario::runScenario(spec, options);
    const auto results = expect::evaluate(spec.expectations, run.log, nullptr);
    ASSERT_EQ(results.size(), 4u);
    EXPECT_TRUE(results[0].passed) << results[0].actual;
    EXPECT_TRUE(results[1].passed) << results[1].actual;
    EXPECT_FALSE(results[2].passed);
    EXPECT_EQ(results[2].actual, "the mailbox's messages are not known without running the scenario");
    EXPECT_TRUE(results[3].passed) << results[3].actual;
    // The event a verdict points at is the one it names.
    const auto& copied = std::get<trace::Event>(run.log.records.at(*results[3].record));
    EXPECT_EQ(copied.text("text"), "A007 COPY 2 Recipes");
    EXPECT_EQ(copied.time, *results[3].time);
}

}  // namespace
