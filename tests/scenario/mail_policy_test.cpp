// Who a mail server accepts mail for and relays for: postmaster in any case
// (RFC 5321 §4.1.1.3, §4.5.1), local parts in any case, and relaying only for
// clients of its own networks (or anyone, when the scenario says open_relay).

#include <gtest/gtest.h>

#include "tests/scenario/scenario_support.hpp"

using namespace netstage;
using namespace netstage::test_support;

namespace {

scenario::ScenarioRun runOf(const scenario::ScenarioSpec& spec) {
    scenario::RunOptions options;
    options.keepLog = true;
    return scenario::runScenario(spec, options);
}

std::string field(const trace::Event& e, const std::string& name) {
    for (const auto& [key, value] : e.fields) {
        if (key != name) continue;
        if (const auto* text = std::get_if<std::string>(&value)) return *text;
        return std::to_string(std::get<std::int64_t>(value));
    }
    return {};
}

// The mailboxes messages were stored in, in order.
std::vector<std::string> storedIn(const scenario::ScenarioRun& run) {
    std::vector<std::string> out;
    for (const auto& record : run.log.records) {
        if (const auto* e = std::get_if<trace::Event>(&record); e && e->layer == "mail" && e->type == "stored") {
            out.push_back(field(*e, "mailbox"));
        }
    }
    return out;
}

// Scenario 01 with Alice writing to `to` through crepes.fr, and Bob not reading.
scenario::ScenarioSpec aliceWritesTo(const std::string& to) {
    auto spec = scenario::loadScenarioFile(scenarioPath("01-smtp-alice-to-bob"));
    spec.userAgents[0].actions[0].send.to = {to};
    spec.userAgents.pop_back();
    spec.expectations.clear();
    return spec;
}

scenario::MailServerSpec& crepes(scenario::ScenarioSpec& spec) { return spec.mailServers[0]; }

}  // namespace

TEST(MailPolicy, postmasterAtTheDomainIsAcceptedInAnyCase) {
    const auto run = runOf(aliceWritesTo("Postmaster@crepes.fr"));
    EXPECT_EQ(storedIn(run), std::vector<std::string>{"postmaster@crepes.fr"});
}

TEST(MailPolicy, postmasterCanBeOneOfTheUsers) {
    auto spec = aliceWritesTo("POSTMASTER@crepes.fr");
    crepes(spec).postmaster = "alice";
    const auto run = runOf(spec);
    EXPECT_EQ(storedIn(run), std::vector<std::string>{"alice@crepes.fr"});
}

TEST(MailPolicy, aLocalPartMatchesInAnyCaseUnlessTheScenarioSaysOtherwise) {
    auto spec = aliceWritesTo("Alice@crepes.fr");
    EXPECT_EQ(storedIn(runOf(spec)), std::vector<std::string>{"alice@crepes.fr"});
    crepes(spec).caseSensitiveLocalParts = true;
    const auto strict = runOf(spec);
    EXPECT_TRUE(storedIn(strict).empty());
    EXPECT_NE(transcriptText(strict.transcript).find("not sent: 550 No such user here"), std::string::npos);
    // postmaster is case-insensitive even then (RFC 5321 §4.5.1)
    spec.userAgents[0].actions[0].send.to = {"PostMaster@crepes.fr"};
    EXPECT_EQ(storedIn(runOf(spec)), std::vector<std::string>{"postmaster@crepes.fr"});
}

TEST(MailPolicy, aClientOutsideTheRelayNetworksCannotRelayByClaimingALocalSender) {
    // Alice's PC claims alice@crepes.fr in MAIL FROM, which once sufficed.
    auto spec = aliceWritesTo("bob@hamburger.edu");
    crepes(spec).relayNetworks = std::vector<Ipv4Network>{*Ipv4Network::parse("10.0.7.0/24")};
    const auto refused = runOf(spec);
    EXPECT_TRUE(storedIn(refused).empty());
    EXPECT_NE(transcriptText(refused.transcript).find("not sent: 550 Relaying denied"), std::string::npos);
    // Local mail is still taken from anyone.
    spec.userAgents[0].actions[0].send.to = {"alice@crepes.fr"};
    EXPECT_EQ(storedIn(runOf(spec)), std::vector<std::string>{"alice@crepes.fr"});
}

TEST(MailPolicy, theServersOwnNetworkOrAListedOneOrAnOpenRelayRelays) {
    auto spec = aliceWritesTo("bob@hamburger.edu");
    EXPECT_EQ(storedIn(runOf(spec)), std::vector<std::string>{"bob@hamburger.edu"});  // 10.0.1.2 is crepes.fr's /24
    crepes(spec).relayNetworks = std::vector<Ipv4Network>{*Ipv4Network::parse("10.0.1.2")};
    EXPECT_EQ(storedIn(runOf(spec)), std::vector<std::string>{"bob@hamburger.edu"});
    crepes(spec).relayNetworks = std::vector<Ipv4Network>{};
    crepes(spec).openRelay = true;
    EXPECT_EQ(storedIn(runOf(spec)), std::vector<std::string>{"bob@hamburger.edu"});
}
