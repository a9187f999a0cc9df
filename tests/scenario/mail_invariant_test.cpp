// What holds for mail under loss, across 200 seeds each:
//
// 1. Messages with a Message-ID (composed by the user agent), random loss on
//    the long-distance links and a link that goes down and comes back: every
//    message crepes.fr answered "250" after DATA ends up exactly once in Bob's
//    mailbox, or exactly one bounce about it reaches Alice.
// 2. 20 messages typed without headers (no Message-ID from the user agent),
//    20% loss on every link: crepes.fr, the submission server, gives each one a
//    Message-ID, so when its relay to hamburger.edu loses the final 250 and
//    sends the message again, hamburger.edu recognises the copy and does not
//    store it. No message is stored twice. Each is delivered once or bounced
//    once, except one crepes.fr sent in doubt (no reply after its final ".")
//    and then gave up on: that one is delivered and bounced, and crepes.fr's
//    incidents say it sent it in doubt. Every message Alice saw accepted is
//    in Bob's mailbox unless it bounced. Every copy refused is a `duplicate`
//    event and counted in the summary, and crepes.fr sent in doubt at least
//    as often.
// 3. The same without the added Message-ID (the lecture's exact dialogue):
//    RFC 5321 §4.1.1.4's duplicate is real. Every message Alice saw accepted
//    is in Bob's mailbox unless it bounced; each copy beyond the first is stored,
//    named by a `duplicate` event (kept = 1), and counted in the summary; and
//    there are never more such copies than sends in doubt.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <iostream>
#include <map>
#include <set>

#include "simulator/apps/mail/mail_server.hpp"
#include "simulator/core/random.hpp"
#include "simulator/scenario/run_scenario.hpp"
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

struct TypedMail {
    bool addMessageId = true;
};

// Alice types 20 messages without headers ("Number 0" ... "Number 19") and
// every link loses 20% of its packets.
ScenarioSpec typedMailUnderLoss(std::uint64_t seed, TypedMail options) {
    ScenarioSpec spec = lossyWorld(seed);
    spec.faults.clear();
    spec.stopAt = 7200_s;
    for (auto& link : spec.links) link.loss = 0.2;
    spec.mailServers[0].giveUpAfter = 3600_s;
    spec.mailServers[0].addMessageId = options.addMessageId;
    auto& actions = spec.userAgents[0].actions;
    actions.clear();
    for (int i = 0; i < 20; ++i) {
        UserAgentActionSpec send;
        send.kind = UserAgentActionSpec::Kind::Send;
        send.at = Time::fromMilliseconds(1000 + 500 * i);
        send.send.to = {"bob@hamburger.edu"};
        send.send.headers = false;
        send.send.body = "Number " + std::to_string(i) + "\n";
        actions.push_back(send);
    }
    return spec;
}

// The body line of a typed message as stored ("Number 7"), after the header section the servers added.
std::string bodyOf(const std::string& content) {
    const auto start = content.find("\r\n\r\n");
    if (start == std::string::npos) return {};
    return content.substr(start + 4, content.find("\r\n", start + 4) - start - 4);
}

struct TypedMailOutcome {
    std::map<std::string, int> copies;     // body -> copies in Bob's mailbox
    std::map<std::string, int> copiesOfId; // Message-ID -> copies in Bob's mailbox
    std::map<std::string, int> bouncesOfId; // Original-Message-ID -> bounces in Alice's mailbox
    std::map<std::string, std::string> queueIdOf;  // Original-Message-ID -> crepes.fr's queue id ("crepes.fr#3")
    std::vector<std::string> crepesIncidents;
    std::set<std::string> submitted;       // bodies Alice's user agent saw answered 250
    std::set<std::string> notSubmitted;    // bodies whose submission failed (they may still have arrived)
    std::size_t duplicateEventsKept = 0;
    std::size_t duplicateEventsDropped = 0;
    RunSummary summary;
    apps::MailServer::Counters crepes;
    apps::MailServer::Counters hamburger;
};

TypedMailOutcome runTypedMail(std::uint64_t seed, TypedMail options) {
    const ScenarioSpec spec = typedMailUnderLoss(seed, options);
    trace::Tracer tracer;
    trace::Recorder recorder;
    tracer.addSink(recorder);
    World world{spec, tracer};
    world.run();
    TypedMailOutcome out;
    collectSummary(world, out.summary);
    out.crepes = world.mailServers()[0]->counters();
    out.hamburger = world.mailServers()[1]->counters();
    for (const auto& m : world.mailServers()[1]->store().maildrop("bob")) {
        ++out.copies[bodyOf(*m.content)];
        const std::string id = apps::rawHeader(*m.content, "Message-ID");
        if (!id.empty()) ++out.copiesOfId[id];
    }
    for (const auto& m : world.mailServers()[0]->store().maildrop("alice")) {
        const auto pos = m.content->find("Original-Message-ID: ");
        if (pos == std::string::npos) continue;
        const std::string original = m.content->substr(pos + 21, m.content->find("\r\n", pos) - pos - 21);
        ++out.bouncesOfId[original];
        // A bounce's own Message-ID is <queue id.bounce@crepes.fr>.
        const std::string own = apps::rawHeader(*m.content, "Message-ID");
        out.queueIdOf[original] = own.substr(1, own.find(".bounce@") - 1);
    }
    out.crepesIncidents = world.mailServers()[0]->incidents();
    for (const auto& record : recorder.records()) {
        const auto* e = std::get_if<trace::Event>(&record);
        if (!e || e->layer != "mail") continue;
        if (e->type == "duplicate") {
            for (const auto& [key, value] : e->fields) {
                if (key == "kept") (std::get<std::int64_t>(value) == 1 ? out.duplicateEventsKept : out.duplicateEventsDropped)++;
            }
        }
        if (e->node != "alice-pc" || (e->type != "submitted" && e->type != "submit-failed")) continue;
        // The user agent numbers its messages alice@crepes.fr#1 ... #20 in the order they were typed.
        std::string message;
        for (const auto& [key, value] : e->fields) {
            if (key == "message") message = std::get<std::string>(value);
        }
        const std::string body = "Number " + std::to_string(std::stoi(message.substr(message.rfind('#') + 1)) - 1);
        (e->type == "submitted" ? out.submitted : out.notSubmitted).insert(body);
    }
    return out;
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

// Submitted bodies not in Bob's mailbox: each must be accounted for by a bounce or the queue.
std::size_t missing(const TypedMailOutcome& out) {
    std::size_t n = 0;
    for (const auto& body : out.submitted) n += out.copies.count(body) ? 0 : 1;
    return n;
}

TEST(MailInvariant, typedMessagesGetAMessageIdAtSubmissionSoACopySentAgainIsNeverStored) {
    std::size_t delivered = 0;
    std::size_t refusedCopies = 0;
    std::size_t bounced = 0;
    std::size_t deliveredAndBounced = 0;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const TypedMailOutcome out = runTypedMail(seed, {});
        for (const auto& [body, c] : out.copies) {
            EXPECT_EQ(c, 1) << "seed " << seed << ", " << body;
            EXPECT_TRUE(out.submitted.count(body) || out.notSubmitted.count(body)) << "seed " << seed << ": " << body;
            delivered += static_cast<std::size_t>(c);
        }
        // Every copy in the mailbox has crepes.fr's Message-ID, and each message is delivered or bounced, once.
        EXPECT_EQ(out.copiesOfId.size(), out.copies.size()) << "seed " << seed;
        for (const auto& [id, c] : out.copiesOfId) {
            const int b = out.bouncesOfId.count(id) ? out.bouncesOfId.at(id) : 0;
            if (c == 1 && b == 1) {
                // Delivered, and yet bounced: crepes.fr never heard the 250 and gave up. It must have said so.
                const std::string inDoubt = out.queueIdOf.at(id) + " to bob@hamburger.edu: hamburger.edu: no reply after the end";
                bool said = false;
                for (const auto& incident : out.crepesIncidents) said = said || incident.rfind(inDoubt, 0) == 0;
                EXPECT_TRUE(said) << "seed " << seed << ", " << id << " was delivered and bounced without a send in doubt";
                ++deliveredAndBounced;
            } else {
                EXPECT_EQ(c + b, 1) << "seed " << seed << ", " << id;
            }
        }
        EXPECT_LE(missing(out), out.crepes.bounced) << "seed " << seed;
        EXPECT_EQ(out.hamburger.duplicatesStored, 0u) << "seed " << seed;
        EXPECT_EQ(out.duplicateEventsDropped, out.hamburger.duplicatesDropped) << "seed " << seed;
        EXPECT_LE(out.hamburger.duplicatesDropped, out.crepes.sentInDoubt) << "seed " << seed;
        EXPECT_EQ(out.summary.duplicatesDropped, out.hamburger.duplicatesDropped) << "seed " << seed;
        EXPECT_EQ(out.summary.queued, 0u) << "seed " << seed;
        refusedCopies += out.hamburger.duplicatesDropped;
        bounced += out.crepes.bounced;
    }
    // The loss must have caused copies to be sent again, or the test proves nothing.
    EXPECT_GT(refusedCopies, 0u);
    EXPECT_GT(delivered, 3000u);
    std::cout << "typed mail with Message-IDs, 200 seeds: " << delivered << " delivered, " << refusedCopies
              << " copies refused, " << bounced << " bounced (" << deliveredAndBounced
              << " of them also delivered)\n";
}

TEST(MailInvariant, withoutAMessageIdACopySentAgainIsStoredAndNamedAsADuplicate) {
    std::size_t storedCopies = 0;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const TypedMailOutcome out = runTypedMail(seed, {.addMessageId = false});
        std::size_t extra = 0;
        for (const auto& [body, c] : out.copies) {
            EXPECT_TRUE(out.submitted.count(body) || out.notSubmitted.count(body)) << "seed " << seed << ": " << body;
            extra += static_cast<std::size_t>(c - 1);
        }
        EXPECT_TRUE(out.copiesOfId.empty()) << "seed " << seed << ": nothing added a Message-ID";
        EXPECT_LE(missing(out), out.crepes.bounced) << "seed " << seed;
        EXPECT_EQ(extra, out.hamburger.duplicatesStored) << "seed " << seed;
        EXPECT_EQ(extra, out.duplicateEventsKept) << "seed " << seed;
        EXPECT_EQ(extra, out.summary.duplicatesStored) << "seed " << seed;
        EXPECT_LE(extra, out.crepes.sentInDoubt) << "seed " << seed;
        EXPECT_EQ(out.hamburger.duplicatesDropped, 0u) << "seed " << seed;
        EXPECT_EQ(out.summary.queued, 0u) << "seed " << seed;
        storedCopies += extra;
    }
    EXPECT_GT(storedCopies, 0u);
    std::cout << "typed mail without Message-IDs, 200 seeds: " << storedCopies << " copies stored twice\n";
}

namespace {
std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in{text};
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool hasLine(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}
}  // namespace

// Seed 23 loses the reply to crepes.fr's second relay: the summary says so, and what came of it.
TEST(MailInvariant, theSummaryNamesTheSendInDoubtAndTheDuplicateItCaused) {
    const std::string inDoubt =
        "  crepes.fr: crepes.fr#2 to bob@hamburger.edu: hamburger.edu: no reply after the end of the message (timeout); "
        "it may have arrived, and sending it again may deliver it twice";
    {
        const ScenarioSpec spec = typedMailUnderLoss(23, {.addMessageId = false});
        const auto lines = linesOf(formatSummary(spec, runScenario(spec, {}).summary));
        EXPECT_TRUE(hasLine(lines, "mail: 19 messages delivered, 18 relayed, 0 still queued, 0 bounced, 1 duplicate stored"));
        EXPECT_TRUE(hasLine(lines, inDoubt));
        EXPECT_TRUE(hasLine(lines, "  hamburger.edu: bob@hamburger.edu: hamburger.edu#19 is stored as a second copy of "
                                   "hamburger.edu#15 (the same text as hamburger.edu#15, and no Message-ID to tell a copy "
                                   "sent again from a new message)"));
    }
    {
        const ScenarioSpec spec = typedMailUnderLoss(23, {});
        const auto lines = linesOf(formatSummary(spec, runScenario(spec, {}).summary));
        EXPECT_TRUE(hasLine(lines, "mail: 18 messages delivered, 18 relayed, 0 still queued, 0 bounced, 1 duplicate not stored"));
        EXPECT_TRUE(hasLine(lines, inDoubt));
        EXPECT_TRUE(hasLine(lines, "  hamburger.edu: bob@hamburger.edu: a second copy of hamburger.edu#15 was not stored (the "
                                   "same Message-ID <1582189205.2@crepes.fr> as hamburger.edu#15, already in the mailbox: the "
                                   "sender sent it again)"));
    }
}
