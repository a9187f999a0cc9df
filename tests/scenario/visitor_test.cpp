// A host for someone outside the scenario joins the network by its own link,
// and what it sends crosses the scenario's routers.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "simulator/apps/bridge.hpp"
#include "simulator/scenario/visitor.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/trace/recorder.hpp"
#include "tests/scenario/scenario_support.hpp"

using namespace netstage;
using namespace netstage::time_literals;

TEST(Visitor, joinsScenario01AtTheCoreRouterOnANetworkOfItsOwn) {
    scenario::ScenarioSpec spec = scenario::loadScenarioFile(test_support::scenarioPath("01-smtp-alice-to-bob"));
    const std::size_t hosts = spec.hosts.size();
    const scenario::VisitorPlan plan = scenario::addVisitor(spec, "you");
    EXPECT_EQ(plan.attachedTo, "internet") << "the router with two routers as neighbours";
    EXPECT_EQ(plan.address.toString(), "10.0.99.2");
    ASSERT_EQ(spec.hosts.size(), hosts + 1);
    EXPECT_EQ(spec.findHost("you")->address, plan.address);
    EXPECT_EQ(spec.links.back().a, "you");
    EXPECT_EQ(spec.links.back().b, "internet");
}

TEST(Visitor, whatItSendsCrossesTheRoutersToTheServer) {
    scenario::ScenarioSpec spec = scenario::loadScenarioFile(test_support::scenarioPath("01-smtp-alice-to-bob"));
    scenario::addVisitor(spec, "you");
    trace::Tracer tracer;
    trace::Recorder recorder;
    tracer.addSink(recorder);
    scenario::World world{spec, tracer};
    std::string received;
    apps::BridgeCallbacks callbacks;
    callbacks.received = [&received](apps::BridgeId, std::string_view bytes) { received += bytes; };
    apps::Bridge bridge{*world.hostStack("you"), callbacks};
    world.advanceTo(30_s);
    bridge.open(1, {spec.findHost("hamburger.edu")->address, 25});
    world.advanceTo(31_s);
    bridge.send(1, "QUIT\r\n");
    world.advanceTo(32_s);
    EXPECT_EQ(received, "220 hamburger.edu\r\n221 hamburger.edu closing connection\r\n");
    std::set<std::string> forwardedBy;
    for (const auto& record : recorder.records()) {
        const auto* packet = std::get_if<trace::PacketRecord>(&record);
        if (packet != nullptr && packet->action == trace::PacketAction::Forwarded && packet->time >= 30_s) {
            forwardedBy.insert(packet->nodeName);
        }
    }
    EXPECT_EQ(forwardedBy, (std::set<std::string>{"internet", "hamburger-router"}));
}

TEST(Visitor, withoutRoutersItJoinsTheServerHost) {
    const std::string text = R"(title: two hosts
hosts:
  - {name: pc, address: 10.0.1.2}
  - {name: mail.example, role: mail-server, address: 10.0.1.10}
links:
  - {between: [pc, mail.example]}
mail_servers:
  - {host: mail.example, domain: example.org, users: [{name: ann, password: x}]}
)";
    scenario::ScenarioSpec spec = scenario::loadScenarioText(text, "two.yaml");
    const scenario::VisitorPlan plan = scenario::addVisitor(spec, "you");
    EXPECT_EQ(plan.attachedTo, "mail.example");
    EXPECT_EQ(plan.address.toString(), "10.0.99.2");
    // The server answers on its own address over the new link.
    trace::Tracer tracer;
    scenario::World world{spec, tracer};
    std::string received;
    apps::BridgeCallbacks callbacks;
    callbacks.received = [&received](apps::BridgeId, std::string_view bytes) { received += bytes; };
    apps::Bridge bridge{*world.hostStack("you"), callbacks};
    bridge.open(1, {spec.findHost("mail.example")->address, 25});
    world.advanceTo(1_s);
    EXPECT_EQ(received.rfind("220 ", 0), 0u) << received;
}

TEST(Visitor, aNameTheScenarioAlreadyUsesIsRefused) {
    scenario::ScenarioSpec spec = scenario::loadScenarioFile(test_support::scenarioPath("01-smtp-alice-to-bob"));
    try {
        scenario::addVisitor(spec, "alice-pc");
        FAIL() << "accepted a second alice-pc";
    } catch (const scenario::ScenarioError& e) {
        EXPECT_NE(std::string{e.what()}.find("already has a host or router named 'alice-pc'"), std::string::npos) << e.what();
    }
    EXPECT_EQ(spec.findHost("alice-pc")->address.toString(), "10.0.1.2") << "the scenario is unchanged";
}

TEST(Visitor, takesTheNextFreeNetworkWhen99IsUsed) {
    scenario::ScenarioSpec spec = scenario::loadScenarioFile(test_support::scenarioPath("01-smtp-alice-to-bob"));
    EXPECT_EQ(scenario::addVisitor(spec, "you").address.toString(), "10.0.99.2");
    EXPECT_EQ(scenario::addVisitor(spec, "you-too").address.toString(), "10.0.100.2");
}
