// Nothing lost, nothing duplicated: across 200 seeds, with random loss on the
// long-distance links and a link that goes down and comes back, every message
// crepes.fr answered "250" after DATA ends up exactly once in Bob's mailbox,
// or exactly one bounce about it reaches Alice.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "simulator/apps/mail_server.hpp"
#include "simulator/core/random.hpp"
#include "simulator/scenario/world.hpp"
#include "simulator/trace/recorder.hpp"

using namespace netstage;
using namespace netstage::scenario;
using namespace netstage::time_literals;

namespace {

ScenarioSpec lossyWorld(std::uint64_t seed) {
    RandomStream rng{seed, "invariant-test"};
    ScenarioSpec spec;
    spec.file = "invariant";
    spec.title = "invariant";
    spec.seed = seed;
    spec.stopAt = 3600_s;
    auto host = [&](const char* name, HostRole role, Ipv4Address address) {
        HostSpec h;
        h.name = name;
        h.role = role;
        h.address = address;
        spec.hosts.push_back(h);
    };
    host("alice-pc", HostRole::Pc, {10, 0, 1, 2});
    host("crepes.fr", HostRole::MailServer, {10, 0, 1, 10});
    host("dns", HostRole::DnsServer, {10, 0, 3, 53});
    host("hamburger.edu", HostRole::MailServer, {10, 0, 2, 10});
    for (const char* r : {"crepes-router", "internet", "hamburger-router"}) spec.routers.push_back(RouterSpec{r, {}, {}});
    const double loss = static_cast<double>(rng.uniformInt(21)) / 100.0;  // 0% .. 20%
    auto link = [&](const char* a, const char* b, double p) {
        LinkSpec l;
        l.a = a;
        l.b = b;
        l.delay = 5_ms;
        l.loss = p;
        spec.links.push_back(l);
    };
    link("alice-pc", "crepes-router", 0.0);
    link("crepes.fr", "crepes-router", 0.0);
    link("crepes-router", "internet", loss);
    link("internet", "hamburger-router", loss);
    link("dns", "internet", 0.0);
    link("hamburger.edu", "hamburger-router", 0.0);
    DnsSpec dns;
    dns.server = "dns";
    DnsRecordSpec mx;
    mx.type = DnsRecordSpec::Type::Mx;
    mx.name = "hamburger.edu";
    mx.exchange = "hamburger.edu";
    DnsRecordSpec a;
    a.type = DnsRecordSpec::Type::A;
    a.name = "hamburger.edu";
    a.address = {10, 0, 2, 10};
    dns.records = {mx, a};
    spec.dns = dns;
    MailServerSpec crepes;
    crepes.host = "crepes.fr";
    crepes.domain = "crepes.fr";
    crepes.users = {MailUserSpec{"alice", "pancakes", {}, {}, {}}};
    crepes.retryInterval = 20_s;
    crepes.giveUpAfter = Time::fromSeconds(60 + static_cast<std::int64_t>(rng.uniformInt(600)));
    MailServerSpec hamburger;
    hamburger.host = "hamburger.edu";
    hamburger.domain = "hamburger.edu";
    hamburger.users = {MailUserSpec{"bob", "hungry", {}, {}, {}}};
    spec.mailServers = {crepes, hamburger};
    UserAgentSpec alice;
    alice.name = "alice";
    alice.host = "alice-pc";
    alice.address = "alice@crepes.fr";
    alice.user = "alice";
    alice.password = "pancakes";
    alice.server = "crepes.fr";
    for (int i = 0; i < 3; ++i) {
        UserAgentActionSpec send;
        send.kind = UserAgentActionSpec::Kind::Send;
        send.at = Time::fromMilliseconds(1000 + 700 * i);
        send.send.to = {"bob@hamburger.edu"};
        send.send.subject = "message " + std::to_string(i);
        send.send.body = "Number " + std::to_string(i) + "\n";
        alice.actions.push_back(send);
    }
    spec.userAgents = {alice};
    // The long-distance link fails for a while at a random moment.
    const Time down = Time::fromMilliseconds(static_cast<std::int64_t>(rng.uniformInt(5000)));
    const Time up = down + Time::fromMilliseconds(1000 + static_cast<std::int64_t>(rng.uniformInt(120'000)));
    spec.faults.push_back(FaultSpec{FaultSpec::Kind::LinkDown, down, "internet", "hamburger-router", {}});
    spec.faults.push_back(FaultSpec{FaultSpec::Kind::LinkUp, up, "internet", "hamburger-router", {}});
    return spec;
}

std::string field(const trace::Event& e, const std::string& name) {
    for (const auto& [key, value] : e.fields) {
        if (key == name && std::holds_alternative<std::string>(value)) return std::get<std::string>(value);
    }
    return {};
}

}  // namespace

TEST(MailInvariant, everyAcceptedMessageArrivesExactlyOnceOrBouncesExactlyOnce) {
    std::size_t delivered = 0;
    std::size_t bounced = 0;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const ScenarioSpec spec = lossyWorld(seed);
        trace::Tracer tracer;
        trace::Recorder recorder;
        tracer.addSink(recorder);
        World world{spec, tracer};
        world.run();

        // Which messages did crepes.fr accept (250 after DATA)? Their Message-IDs
        // are in the submissions Alice's user agent composed.
        std::set<std::string> accepted;
        std::map<std::string, std::string> subjectOf;  // UA message id -> subject
        for (const auto& record : recorder.records()) {
            const auto* e = std::get_if<trace::Event>(&record);
            if (!e || e->layer != "mail") continue;
            if (e->type == "composed") subjectOf[field(*e, "message")] = field(*e, "subject");
            if (e->type == "submitted") accepted.insert(subjectOf[field(*e, "message")]);
        }
        const auto& servers = world.mailServers();
        const auto& crepes = *servers[0];
        const auto& hamburger = *servers[1];
        std::map<std::string, int> copies;   // subject -> copies in Bob's mailbox
        for (const auto& m : hamburger.store().maildrop("bob")) ++copies[apps::rawHeader(*m.content, "Subject")];
        std::map<std::string, int> bounces;  // subject -> bounces in Alice's mailbox
        for (const auto& m : crepes.store().maildrop("alice")) {
            const auto pos = m.content->find("Original-Message-ID: ");
            ASSERT_NE(pos, std::string::npos) << "seed " << seed << ": Alice received something other than a bounce";
            const std::string id = m.content->substr(pos + 21, m.content->find("\r\n", pos) - pos - 21);
            // The UA writes Message-IDs as <time.counter.alice@crepes.fr>; counter 1..3 is message 0..2.
            const auto firstDot = id.find('.');
            const int counter = std::stoi(id.substr(firstDot + 1, id.find('.', firstDot + 1) - firstDot - 1));
            ++bounces["message " + std::to_string(counter - 1)];
        }
        for (const auto& subject : accepted) {
            const int c = copies[subject];
            const int b = bounces[subject];
            EXPECT_TRUE((c == 1 && b == 0) || (c == 0 && b == 1))
                << "seed " << seed << ", " << subject << ": " << c << " copies delivered, " << b << " bounces";
            delivered += static_cast<std::size_t>(c);
            bounced += static_cast<std::size_t>(b);
        }
        for (const auto& [subject, c] : copies) EXPECT_TRUE(accepted.count(subject)) << "seed " << seed << ": unexpected " << subject;
        EXPECT_EQ(world.mailServers()[0]->queue().size(), 0u) << "seed " << seed << ": still queued at the end";
    }
    // The test must exercise both outcomes to mean anything.
    EXPECT_GT(delivered, 300u);
    EXPECT_GT(bounced, 0u);
}
