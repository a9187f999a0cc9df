#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "simulator/trace/record.hpp"
#include "tests/scenario/scenario_support.hpp"
#include "tests/support/tshark.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::test_support;
using namespace netstage::time_literals;

namespace {

std::size_t countEvents(const trace::TraceLog& log, const std::string& layer, const std::string& type,
                        const std::string& node = {}) {
    std::size_t n = 0;
    for (const auto& record : log.records) {
        if (const auto* e = std::get_if<trace::Event>(&record)) {
            if (e->layer == layer && e->type == type && (node.empty() || e->node == node)) ++n;
        }
    }
    return n;
}

std::filesystem::path tempFile(const std::string& name) {
    return test_support::programTempDir().file(name);
}

using test_support::slurp;

}  // namespace

TEST(MailDelivery, aMessageWaitsInTheQueueAndIsDeliveredWhenTheServerReturns) {
    scenario::RunOptions options;
    options.keepLog = true;
    const auto run = scenario::runScenario(scenario::loadScenarioFile(scenarioPath("07-smtp-relay-retry")), options);
    EXPECT_EQ(run.summary.delivered, 1u);
    EXPECT_EQ(run.summary.bounced, 0u);
    EXPECT_EQ(run.summary.queued, 0u);
    EXPECT_GE(countEvents(run.log, "mail", "retry-scheduled", "crepes.fr"), 2u);
    EXPECT_EQ(countEvents(run.log, "mail", "queued", "crepes.fr"), 1u);
    // Delivered only after the link came back at 3 minutes.
    for (const auto& record : run.log.records) {
        if (const auto* e = std::get_if<trace::Event>(&record); e && e->layer == "mail" && e->type == "stored") {
            EXPECT_GE(e->time, 180_s);
        }
    }
}

TEST(MailDelivery, aServerThatNeverReturnsEndsWithOneBounceInTheSendersMailbox) {
    scenario::RunOptions options;
    options.keepLog = true;
    const auto run = scenario::runScenario(scenario::loadScenarioFile(scenarioPath("07b-smtp-bounce")), options);
    EXPECT_EQ(run.summary.bounced, 1u);
    EXPECT_EQ(run.summary.queued, 0u);
    std::size_t alice = 0;
    std::size_t bob = 0;
    for (const auto& m : run.summary.mailboxes) {
        if (m.mailbox == "alice@crepes.fr") alice = m.messages;
        if (m.mailbox == "bob@hamburger.edu") bob = m.messages;
    }
    EXPECT_EQ(alice, 1u) << "the bounce";
    EXPECT_EQ(bob, 0u);
    // Bounced at the give-up time, not before.
    for (const auto& record : run.log.records) {
        if (const auto* e = std::get_if<trace::Event>(&record); e && e->layer == "mail" && e->type == "bounced") {
            EXPECT_GE(e->time, 600_s);
        }
    }
}

TEST(MailDelivery, sameScenarioAndSeedGiveAByteIdenticalTrace) {
    const auto spec = scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob"));
    scenario::RunOptions options;
    options.tracePath = tempFile("01-a.jsonl").string();
    const auto first = scenario::runScenario(spec, options);
    options.tracePath = tempFile("01-b.jsonl").string();
    const auto second = scenario::runScenario(spec, options);
    EXPECT_EQ(first.summary.fingerprint, second.summary.fingerprint);
    const std::string a = slurp(tempFile("01-a.jsonl"));
    EXPECT_GT(a.size(), 1000u);
    EXPECT_EQ(a, slurp(tempFile("01-b.jsonl")));
}

TEST(MailDelivery, tsharkSeesTheSmtpDialogueAndTheMxLookupInTheCapture) {
    const auto spec = scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob"));
    scenario::RunOptions options;
    options.pcapPath = tempFile("01.pcap").string();
    scenario::runScenario(spec, options);

    const auto malformed = runTshark(*options.pcapPath, {"-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
                                                         "-Y", "_ws.malformed || tcp.checksum.status==0 || ip.checksum.status==0 || (tcp.analysis.flags && !tcp.analysis.window_update)",
                                                         "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message"});
    ASSERT_EQ(malformed.exitCode, 0) << malformed.errors;
    EXPECT_EQ(malformed.output, "");

    // The relay session: the lecture's commands, in order, on port 25 of hamburger.edu.
    const auto smtp = runTshark(*options.pcapPath, {"-Y", "smtp.req.command && ip.dst==10.0.2.10", "-T", "fields", "-e",
                                                    "smtp.req.command"});
    ASSERT_EQ(smtp.exitCode, 0) << smtp.errors;
    EXPECT_EQ(outputLines(smtp), (std::vector<std::string>{"HELO", "MAIL", "RCPT", "DATA", "QUIT"}));
    const auto replies = runTshark(*options.pcapPath, {"-Y", "smtp.response.code && ip.src==10.0.2.10", "-T", "fields",
                                                       "-e", "smtp.response.code"});
    EXPECT_EQ(outputLines(replies), (std::vector<std::string>{"220", "250", "250", "250", "354", "250", "221"}));

    const auto dns = runTshark(*options.pcapPath, {"-Y", "dns && dns.qry.name==\"hamburger.edu\"", "-T", "fields", "-e",
                                                   "dns.flags.response", "-e", "dns.qry.type", "-e", "dns.mx.mail_exchange"});
    ASSERT_EQ(dns.exitCode, 0) << dns.errors;
    EXPECT_EQ(outputLines(dns), (std::vector<std::string>{"0\t15\t", "1\t15\thamburger.edu"}));
}
