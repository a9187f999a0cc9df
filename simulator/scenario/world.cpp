#include "simulator/scenario/world.hpp"

#include <stdexcept>

#include "protocols/mail/message.hpp"
#include "protocols/mail/message_compose.hpp"
#include "protocols/webmail/browser_visit.hpp"
#include "simulator/apps/world_clock.hpp"
#include "simulator/scenario/address_plan.hpp"
#include "simulator/scenario/caption_trigger.hpp"
#include "simulator/scenario/imap_actions.hpp"
#include "simulator/scenario/world_ftp.hpp"

namespace netstage::scenario {

namespace {

// What the scenario's webmail action asks of the user agent's browser.
webmail::BrowserAction browserAction(const WebmailActionSpec& spec, const UserAgentSpec& ua) {
    webmail::BrowserAction action;
    switch (spec.kind) {
        case WebmailActionSpec::Kind::Login: action.kind = webmail::BrowserAction::Kind::Login; break;
        case WebmailActionSpec::Kind::OpenInbox: action.kind = webmail::BrowserAction::Kind::OpenInbox; break;
        case WebmailActionSpec::Kind::Read: action.kind = webmail::BrowserAction::Kind::Read; break;
        case WebmailActionSpec::Kind::Send: action.kind = webmail::BrowserAction::Kind::Send; break;
        case WebmailActionSpec::Kind::Logout: action.kind = webmail::BrowserAction::Kind::Logout; break;
    }
    action.user = spec.user;
    action.password = spec.password.value_or(ua.password);
    action.number = spec.number;
    action.to = spec.send.to;
    action.subject = spec.send.subject;
    action.body = spec.send.body;
    return action;
}

smtp::ReplyTexts smtpTexts(const std::map<std::string, std::string>& replies) {
    smtp::ReplyTexts texts;
    const std::map<std::string, std::string smtp::ReplyTexts::*> keys{
        {"greeting", &smtp::ReplyTexts::greeting}, {"helo", &smtp::ReplyTexts::helo},
        {"ehlo", &smtp::ReplyTexts::ehlo},         {"mail", &smtp::ReplyTexts::mailOk},
        {"rcpt", &smtp::ReplyTexts::rcptOk},       {"data", &smtp::ReplyTexts::dataStart},
        {"accepted", &smtp::ReplyTexts::messageAccepted}, {"quit", &smtp::ReplyTexts::quit}};
    for (const auto& [key, text] : replies) texts.*(keys.at(key)) = text;
    return texts;
}

pop3::ServerConfig pop3Config(const std::map<std::string, std::string>& replies) {
    pop3::ServerConfig config;
    const std::map<std::string, std::string pop3::ServerConfig::*> keys{{"greeting", &pop3::ServerConfig::greeting},
                                                                      {"user", &pop3::ServerConfig::userAccepted},
                                                                      {"pass", &pop3::ServerConfig::loggedOn},
                                                                      {"quit", &pop3::ServerConfig::signingOff}};
    for (const auto& [key, text] : replies) config.*(keys.at(key)) = text;
    return config;
}

}  // namespace

std::string storedMessageText(const StoredMessageSpec& message) {
    std::string text;
    if (message.raw) {
        text = *message.raw;
    } else {
        mail::ComposeOptions options;
        options.from = message.from;
        if (!message.to.empty()) options.to = {message.to};
        options.subject = message.subject;
        options.date = mail::formatRfc5322Date(apps::worldEpochUnixSeconds);
        options.body = message.body;
        const auto composed = mail::composeMessage(options);
        if (!composed.ok()) throw ScenarioError{message.where, "cannot compose this message: " + composed.error().message};
        text = mail::serialize(composed.value());
    }
    // Normalise line ends to CRLF: the octet counts POP3 reports are of that form.
    std::string crlf;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) crlf += '\r';
        crlf += text[i];
    }
    if (!crlf.empty() && crlf.back() != '\n') crlf += "\r\n";
    if (message.size) {
        if (crlf.size() > *message.size) {
            throw ScenarioError{message.where, "the message is already " + std::to_string(crlf.size()) +
                                                   " octets, more than its size " + std::to_string(*message.size)};
        }
        // Pad with filler lines of at most 72 characters, then fix the last one to the exact size.
        std::size_t missing = *message.size - crlf.size();
        static const std::string filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.";
        while (missing > 0) {
            if (missing < 3) {
                crlf.insert(crlf.size() - 2, std::string(missing, '.'));  // lengthen the last line
                break;
            }
            const std::size_t length = std::min(filler.size(), missing - 2);
            crlf += filler.substr(0, length) + "\r\n";
            missing -= length + 2;
        }
    }
    return crlf;
}

World::World(const ScenarioSpec& spec, trace::Tracer& tracer, std::optional<std::uint64_t> seedOverride)
    : spec_{spec}, tracer_{tracer}, seed_{seedOverride.value_or(spec.seed)}, streams_{seed_} {
    network_ = std::make_unique<net::Network>(simulator_, tracer_, streams_);
    buildTopology();
    tracer_.start(trace::TraceHeader{spec_.file, seed_});
    announce();
    for (const auto& host : spec_.hosts) {
        stacks_[host.name] = std::make_unique<apps::HostStack>(*network_, *network_->findNode(host.name), streams_);
    }
    buildDns();
    buildMailServers();
    buildUserAgents();
    ftp_ = std::make_unique<FtpWorld>(spec_, [this](const std::string& host) -> apps::HostStack& { return stackOf(host); });
    scheduleFaults();
    scheduleCaptions();
}

World::~World() = default;

void World::buildTopology() {
    for (const auto& host : spec_.hosts) network_->addHost(host.name);
    for (const auto& router : spec_.routers) network_->addRouter(router.name);
    const std::vector<LinkAddresses> addresses = planLinkAddresses(spec_);
    for (std::size_t i = 0; i < spec_.links.size(); ++i) {
        const LinkSpec& link = spec_.links[i];
        const Ipv4Address a = addresses[i].a;
        const Ipv4Address b = addresses[i].b;
        net::LinkConfig config;
        config.bitsPerSecond = link.bitsPerSecond;
        config.delay = link.delay;
        config.lossProbability = link.loss;
        config.queueLimitPackets = link.queue;
        try {
            network_->addLink(*network_->findNode(link.a), a, *network_->findNode(link.b), b, config);
        } catch (const std::invalid_argument& e) {
            throw ScenarioError{link.where, std::string{"this link cannot be built: "} + e.what()};
        }
    }
    network_->computeRoutes();
}

void World::announce() {
    if (!tracer_.wantsEvents()) return;
    tracer_.event(trace::Event{Time::zero(), "", "scenario", "title", {{"title", spec_.title}, {"description", spec_.description}}});
    network_->announceTopology();
    auto hostEvent = [&](const std::string& name, std::string_view role, const std::optional<Position>& position) {
        trace::Fields fields{{"name", name}, {"role", std::string{role}}};
        if (position) {
            fields.emplace_back("x", static_cast<std::int64_t>(position->x));
            fields.emplace_back("y", static_cast<std::int64_t>(position->y));
        }
        tracer_.event(trace::Event{Time::zero(), "", "scenario", "host", std::move(fields)});
    };
    for (const auto& host : spec_.hosts) hostEvent(host.name, toString(host.role), host.position);
    for (const auto& router : spec_.routers) hostEvent(router.name, "router", router.position);
}

tcp::TcpStats World::tcpTotals() const {
    tcp::TcpStats sum;
    for (const auto& [name, stack] : stacks_) {
        const tcp::TcpStats stats = stack->tcp().totals();
        sum.segmentsSent += stats.segmentsSent;
        sum.retransmissions += stats.retransmissions;
        sum.timeouts += stats.timeouts;
        sum.fastRetransmits += stats.fastRetransmits;
    }
    return sum;
}

apps::HostStack& World::stackOf(const std::string& host) { return *stacks_.at(host); }

apps::HostStack* World::hostStack(std::string_view name) {
    const auto found = stacks_.find(std::string{name});
    return found == stacks_.end() ? nullptr : found->second.get();
}

Ipv4Address World::addressOf(const std::string& host) const { return spec_.findHost(host)->address; }

void World::buildDns() {
    if (!spec_.dns) return;
    dns::Zone zone;
    for (const auto& record : spec_.dns->records) {
        if (record.type == DnsRecordSpec::Type::A) zone.addA(record.name, record.address.value());
        else zone.addMx(record.name, record.preference, record.exchange);
    }
    dnsServer_ = std::make_unique<apps::DnsServerApp>(stackOf(spec_.dns->server).node(), std::move(zone));
}

void World::buildMailServers() {
    for (const auto& server : spec_.mailServers) {
        apps::MailServerConfig config;
        config.domain = server.domain;
        for (const auto& user : server.users) config.accounts.push_back({user.name, user.password});
        config.smtpTexts = smtpTexts(server.smtpReplies);
        config.pop3 = pop3Config(server.pop3Replies);
        config.addReceived = server.addReceived;
        config.addMessageId = server.addMessageId;
        config.offer8BitMime = server.offer8BitMime;
        config.postmaster = server.postmaster;
        config.caseSensitiveLocalParts = server.caseSensitiveLocalParts;
        config.relayNetworks = server.relayNetworks;
        config.openRelay = server.openRelay;
        config.retryInterval = server.retryInterval;
        config.giveUpAfter = server.giveUpAfter;
        config.webmailPort = server.webmailPort;
        config.webmailSeed = seed_;
        config.relayClient.heloDomain = server.domain;
        config.relayClient.useEhlo = server.relay.ehlo;
        config.relayClient.style = server.relay.spaceAfterColon ? smtp::CommandStyle::SpaceAfterColon : smtp::CommandStyle::Rfc;
        apps::ResolverClient* resolver = nullptr;
        if (spec_.dns) {
            auto client = std::make_unique<apps::ResolverClient>(stackOf(server.host).node(),
                                                                 Endpoint{addressOf(spec_.dns->server), 53});
            resolver = client.get();
            resolvers_[server.host] = std::move(client);
        }
        auto mailServer = std::make_unique<apps::MailServer>(stackOf(server.host), std::move(config), resolver);
        for (const auto& user : server.users) {
            for (const auto& folder : user.folders) mailServer->store().createFolder(user.name, folder);
            for (const auto& message : user.messages) {
                mailServer->preload(user.name, storedMessageText(message));
            }
        }
        mailServers_.push_back(std::move(mailServer));
    }
}

std::uint16_t World::webmailPortOf(const std::string& host) const {
    for (const auto& server : spec_.mailServers) {
        if (server.host == host) return server.webmailPort;
    }
    return 0;
}

void World::buildUserAgents() {
    for (const auto& spec : spec_.userAgents) {
        apps::UserAgentConfig config;
        config.label = spec.name;
        config.address = spec.address;
        config.user = spec.user;
        config.password = spec.password;
        config.server = addressOf(spec.server);
        config.smtp.heloDomain = spec.smtp.heloDomain.value_or(spec.host);
        config.smtp.useEhlo = spec.smtp.ehlo;
        config.smtp.style = spec.smtp.spaceAfterColon ? smtp::CommandStyle::SpaceAfterColon : smtp::CommandStyle::Rfc;
        auto agent = std::make_unique<apps::UserAgent>(stackOf(spec.host), std::move(config));
        apps::UserAgent* ua = agent.get();
        for (const auto& action : spec.actions) {
            if (action.kind == UserAgentActionSpec::Kind::Send) {
                apps::OutgoingMessage message;
                message.to = action.send.to;
                message.cc = action.send.cc;
                message.subject = action.send.subject;
                message.body = action.send.body;
                message.headers = action.send.headers;
                message.bcc = action.send.bcc;
                message.headerFields = action.send.headerFields;
                message.envelopeFrom = action.send.envelopeFrom;
                message.envelopeTo = action.send.envelopeTo;
                for (const auto& a : action.send.attachments) message.attachments.push_back({a.name, a.contentType, a.data});
                message.eightBit = action.send.eightBit;
                message.mime = action.send.usesMime();
                simulator_.scheduleAt(action.at, [ua, message] { ua->send(message); });
            } else if (action.kind == UserAgentActionSpec::Kind::Pop3) {
                const Pop3ReadSpec read = action.pop3;
                simulator_.scheduleAt(action.at, [ua, read] { ua->readPop3(read.keep, read.lowerCase); });
            } else if (action.kind == UserAgentActionSpec::Kind::Imap) {
                simulator_.scheduleAt(action.at, [ua, script = imapScript(action.imap)] { ua->readImap(script); });
            } else if (action.kind == UserAgentActionSpec::Kind::Webmail) {
                simulator_.scheduleAt(action.at, [ua, browse = browserAction(action.webmail, spec), port = webmailPortOf(spec.server)] {
                    ua->webmail(browse, port);
                });
            }
        }
        userAgents_[spec.name] = std::move(agent);
    }
}

void World::scheduleFaults() {
    for (const auto& fault : spec_.faults) {
        const net::NodeId a = *network_->findNode(fault.a);
        const net::NodeId b = *network_->findNode(fault.b);
        for (net::LinkId id = 0; id < network_->linkCount(); ++id) {
            const auto& link = network_->link(id);
            if ((link.nodeA() == a && link.nodeB() == b) || (link.nodeA() == b && link.nodeB() == a)) {
                network_->scheduleLinkState(id, fault.at, fault.kind == FaultSpec::Kind::LinkUp);
            }
        }
    }
}

void World::scheduleCaptions() {
    captions_ = std::make_unique<CaptionTrigger>(simulator_, tracer_);
    for (const auto& caption : spec_.captions) {
        if (caption.at) {
            const std::string text = caption.text;
            simulator_.scheduleAt(*caption.at, [this, text] { captions_->show(text); });
        } else {
            captions_->waitFor(*caption.layer, *caption.type, caption.node.value_or(""), caption.lineText.value_or(""),
                               caption.text);
        }
    }
    if (captions_->waiting()) tracer_.addSink(*captions_);
}

Time World::run() {
    if (spec_.bridge) {
        // Each input happens after every event due by its time, exactly as it
        // did when the live session stepped the world to that time.
        // A live session ignores the scenario's stop time and ends when it is
        // stopped; its replay ends there too.
        const std::optional<Time> end = spec_.bridge->end;
        for (const BridgeInputSpec& input : spec_.bridge->inputs) {
            if (input.at > end.value_or(spec_.stopAt)) break;
            advanceTo(input.at);
            applyInput(input);
        }
        if (end) {
            advanceTo(*end);
            return finish();
        }
    }
    while (simulator_.nextEventTime() <= spec_.stopAt && simulator_.step()) {
    }
    return finish();
}

std::optional<Endpoint> World::dnsServer() const {
    if (!spec_.dns) return std::nullopt;
    return Endpoint{addressOf(spec_.dns->server), 53};
}

apps::Bridge& World::replayBridge(const std::string& host) {
    auto& bridge = bridges_[host];
    if (!bridge) {
        bridge = std::make_unique<apps::Bridge>(stackOf(host), apps::BridgeCallbacks{});
        if (const auto server = dnsServer()) bridge->setDnsServer(*server);
    }
    return *bridge;
}

void World::applyInput(const BridgeInputSpec& input) {
    apps::Bridge& bridge = replayBridge(input.host.empty() ? spec_.bridge->from : input.host);
    switch (input.kind) {
        case BridgeInputSpec::Kind::Query:
            bridge.query(input.id, input.queryName, input.queryType == "MX" ? dns::RecordType::MX : dns::RecordType::A);
            break;
        case BridgeInputSpec::Kind::Open:
            bridge.open(input.id, Endpoint{addressOf(input.server), input.port});  // ids are never reused (loader)
            break;
        case BridgeInputSpec::Kind::Send:
            bridge.send(input.id, input.bytes);
            break;
        case BridgeInputSpec::Kind::Listen:
            bridge.listen(input.id, input.port);
            break;
        case BridgeInputSpec::Kind::PauseReading:
            bridge.pauseReading(input.id);
            break;
        case BridgeInputSpec::Kind::ResumeReading:
            bridge.resumeReading(input.id);
            break;
        case BridgeInputSpec::Kind::Close:
            bridge.close(input.id);
            break;
    }
}

void World::advanceTo(Time limit) {
    if (limit < simulator_.now()) throw std::invalid_argument{"World::advanceTo: the limit is in the past"};
    simulator_.runUntil(limit);
}

Time World::finish() {
    tracer_.finish(simulator_.now());
    return simulator_.now();
}

}  // namespace netstage::scenario
