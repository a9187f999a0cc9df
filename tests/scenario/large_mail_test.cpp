// Messages far larger than TCP's send buffer (256 KiB) cross every mail
// protocol intact and exactly once, over lossy links: the applications write
// what TCP takes and go on as the window opens (simulator/apps/send_queue.hpp).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "protocols/mail/mail_store.hpp"
#include "simulator/apps/mail/imap_client_connection.hpp"
#include "simulator/scenario/world.hpp"
#include "tests/scenario/scenario_support.hpp"

using namespace netstage;
using namespace netstage::time_literals;

namespace {

// alice-pc - crepes.fr - (lossy internet) - hamburger.edu - bob-pc. `loss`
// applies to the internet links and to the links of both user agents.
std::string mailScenario(const std::string& loss, const std::string& storedForBob = {}) {
    return R"(
title: large mail
seed: 7
hosts:
  - {name: alice-pc,      address: 10.0.1.2}
  - {name: crepes.fr,     role: mail-server, address: 10.0.1.10}
  - {name: dns,           role: dns-server,  address: 10.0.3.53}
  - {name: hamburger.edu, role: mail-server, address: 10.0.2.10}
  - {name: bob-pc,        address: 10.0.2.2}
routers:
  - {name: crepes-router}
  - {name: internet}
  - {name: hamburger-router}
links:
  - {between: [alice-pc, crepes-router],         rate: 100Mbps, delay: 1ms, loss: )" + loss + R"(}
  - {between: [crepes.fr, crepes-router],        rate: 100Mbps, delay: 1ms}
  - {between: [crepes-router, internet],         rate: 100Mbps, delay: 5ms, loss: )" + loss + R"(}
  - {between: [internet, hamburger-router],      rate: 100Mbps, delay: 5ms}
  - {between: [dns, internet],                   rate: 100Mbps, delay: 1ms}
  - {between: [hamburger.edu, hamburger-router], rate: 100Mbps, delay: 1ms}
  - {between: [bob-pc, hamburger-router],        rate: 100Mbps, delay: 1ms, loss: )" + loss + R"(}
dns:
  server: dns
  records:
    - {name: crepes.fr,     type: MX, preference: 10, exchange: crepes.fr}
    - {name: crepes.fr,     type: A,  address: 10.0.1.10}
    - {name: hamburger.edu, type: MX, preference: 10, exchange: hamburger.edu}
    - {name: hamburger.edu, type: A,  address: 10.0.2.10}
mail_servers:
  - host: crepes.fr
    domain: crepes.fr
    users:
      - {name: alice, password: pancakes}
  - host: hamburger.edu
    domain: hamburger.edu
    users:
      - name: bob
        password: hungry
)" + storedForBob + R"(
user_agents:
  - name: Alice
    host: alice-pc
    address: alice@crepes.fr
    password: pancakes
    server: crepes.fr
  - name: Bob
    host: bob-pc
    address: bob@hamburger.edu
    password: hungry
    server: hamburger.edu
)";
}

std::string storedMessage(std::size_t size) {
    return "        messages:\n          - {from: alice@crepes.fr, to: bob@hamburger.edu, subject: Big, body: \"Hello\", size: " +
           std::to_string(size) + "}\n";
}

// Numbered lines, so a lost, repeated or reordered piece cannot go unnoticed.
std::string bodyOf(std::size_t octets) {
    std::string body;
    for (std::size_t line = 1; body.size() < octets; ++line) body += "line " + std::to_string(line) + " of a large message\n";
    return body;
}

std::string withCrlf(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (const char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

bool endsWith(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// Counts the packets the links lost, so a test can tell its run was lossy.
class LossCounter : public trace::TraceSink {
public:
    void onPacket(const trace::PacketEvent& event) override {
        if (event.action == trace::PacketAction::Dropped && event.reason == "loss") ++lost;
    }
    void onEvent(const trace::Event&) override {}
    std::size_t lost = 0;
};

struct MailRun {
    MailRun(const std::string& yaml, const std::string& alicesBody) : spec{scenario::loadScenarioText(yaml, "large.yaml")} {
        tracer.addSink(losses, false);
        if (!alicesBody.empty()) {
            scenario::UserAgentActionSpec send;
            send.kind = scenario::UserAgentActionSpec::Kind::Send;
            send.at = 100_ms;
            send.send.to = {"bob@hamburger.edu"};
            send.send.subject = "Large";
            send.send.body = alicesBody;
            spec.userAgents.at(0).actions.push_back(std::move(send));
        }
        world = std::make_unique<scenario::World>(spec, tracer);
    }
    const mail::Folder& inboxOf(const std::string& server, const std::string& user) const {
        for (const auto& s : world->mailServers()) {
            if (s->host().node().name() == server) return *s->store().folder(user, "INBOX");
        }
        throw std::runtime_error{"no server " + server};
    }
    apps::UserAgent& agent(const std::string& name) const { return *world->userAgents().at(name); }

    scenario::ScenarioSpec spec;
    LossCounter losses;
    trace::Tracer tracer;
    std::unique_ptr<scenario::World> world;
};

void expectRelayedIntact(std::size_t octets) {
    const std::string body = bodyOf(octets);
    MailRun run{mailScenario("0.02"), body};
    run.world->run();
    EXPECT_GT(run.losses.lost, 0u) << "the links lost packets";
    const mail::Folder& inbox = run.inboxOf("hamburger.edu", "bob");
    ASSERT_EQ(inbox.size(), 1u) << "submitted to crepes.fr, relayed to hamburger.edu, stored once";
    EXPECT_TRUE(endsWith(*inbox.messages().front().content, withCrlf(body))) << "the body arrives octet for octet";
}

void expectPop3Intact(std::size_t octets) {
    MailRun run{mailScenario("0.02", storedMessage(octets)), {}};
    const std::string stored = *run.inboxOf("hamburger.edu", "bob").messages().at(0).content;
    ASSERT_EQ(stored.size(), octets);
    run.world->simulator().schedule(1_s, [&] { run.agent("Bob").readPop3(false); });
    run.world->run();
    EXPECT_GT(run.losses.lost, 0u) << "the links lost packets";
    const auto& downloaded = run.agent("Bob").localStore();
    ASSERT_EQ(downloaded.size(), 1u);
    EXPECT_TRUE(downloaded.front() == stored) << "downloaded " << downloaded.front().size() << " of " << octets << " octets";
    EXPECT_EQ(run.inboxOf("hamburger.edu", "bob").size(), 0u) << "download-and-delete empties the mailbox";
}

void expectImapIntact(std::size_t octets) {
    MailRun run{mailScenario("0.02", storedMessage(octets)), {}};
    const std::string stored = *run.inboxOf("hamburger.edu", "bob").messages().at(0).content;
    std::vector<std::string> fetched;
    bool finishedOk = false;
    std::shared_ptr<apps::ImapClientConnection> session;
    run.world->simulator().schedule(1_s, [&] {
        apps::ImapClientConnection::Handlers handlers;
        handlers.onMessage = [&](std::uint32_t, std::uint32_t, const std::string& content) { fetched.push_back(content); };
        handlers.onFinished = [&](bool ok, const std::string&) { finishedOk = ok; };
        apps::UserAgent& bob = run.agent("Bob");
        imap::ClientConfig config{"bob", "hungry", {imap::action::Select{"INBOX"}, imap::action::FetchMessage{1}}};
        session = apps::ImapClientConnection::start(bob.host(), Endpoint{bob.config().server, 143}, std::move(config),
                                                    std::move(handlers));
    });
    run.world->run();
    EXPECT_GT(run.losses.lost, 0u) << "the links lost packets";
    EXPECT_TRUE(finishedOk);
    ASSERT_EQ(fetched.size(), 1u);
    EXPECT_TRUE(fetched.front() == stored) << "fetched " << fetched.front().size() << " of " << stored.size() << " octets";
}

}  // namespace

TEST(LargeMail, aMessageOneOctetPastTheSendBufferIsDownloadedWithPop3) {
    // 262,206 octets: the size that never arrived while the server wrote only what one send() took.
    expectPop3Intact(262'206);
}

TEST(LargeMail, aOneMegabyteMessageIsSubmittedAndRelayedIntactUnderLoss) { expectRelayedIntact(1'000'000); }

TEST(LargeMail, aTenMegabyteMessageIsSubmittedAndRelayedIntactUnderLoss) { expectRelayedIntact(10'000'000); }

TEST(LargeMail, aOneMegabyteMessageIsDownloadedWithPop3IntactUnderLoss) { expectPop3Intact(1'000'000); }

TEST(LargeMail, aTenMegabyteMessageIsDownloadedWithPop3IntactUnderLoss) { expectPop3Intact(10'000'000); }

TEST(LargeMail, aOneMegabyteMessageIsFetchedWithImapIntactUnderLoss) { expectImapIntact(1'000'000); }

TEST(LargeMail, aTenMegabyteMessageIsFetchedWithImapIntactUnderLoss) { expectImapIntact(10'000'000); }
