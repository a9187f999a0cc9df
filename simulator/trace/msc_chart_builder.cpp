// Builds the sequence chart (msc_model.hpp) from a trace: one pass that
// splits the TCP packets into connections and finds the open/line events and
// DNS answers, then one arrow per application line, DNS query and answer, and
// (on request) TCP segment without payload.
#include "simulator/trace/msc_model.hpp"

#include "simulator/packet/tcp_flag_names.hpp"
#include "simulator/trace/connection_key.hpp"
#include "simulator/trace/msc_connections.hpp"
#include "simulator/trace/msc_stream.hpp"
#include "simulator/trace/protocol_table.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

namespace netstage::trace {
namespace {

using FlowKey = std::pair<Endpoint, Endpoint>;  // smaller endpoint first

FlowKey flowKey(Endpoint a, Endpoint b) { return a < b ? FlowKey{a, b} : FlowKey{b, a}; }

// One direction of one TCP connection: the packet records it consists of.
struct Direction {
    std::optional<std::uint32_t> isn;
    std::vector<std::size_t> sent;      // record indices, action Sent at the sender
    std::vector<std::size_t> received;  // action Received at the receiver
};

struct LineRef {
    bool fromClient = true;
    std::size_t record = 0;
};

// One incarnation of a TCP connection: from a SYN with a new sequence number on.
struct Flow {
    Endpoint client;
    Endpoint server;
    std::string clientHost;
    std::string serverHost;
    std::string protocol;  // from the open event; guessed from the port when there is none
    std::string connection;
    MscConnectionRole role = MscConnectionRole::Session;
    Direction toServer;
    Direction toClient;
    std::vector<LineRef> lines;

    Direction& from(Endpoint sender) { return sender == client ? toServer : toClient; }
};

MscConnectionRole parseRole(const std::string& role) {
    if (role == "control") return MscConnectionRole::Control;
    if (role == "data") return MscConnectionRole::Data;
    return MscConnectionRole::Session;
}

bool isMailProtocol(const std::string& protocol) { return protocol == "smtp" || protocol == "pop3" || protocol == "imap"; }

// An HTTP message is one arrow, labelled with its start line ("GET /inbox
// HTTP/1.1", "HTTP/1.1 200 OK"): its header fields and body summary stay in
// the transcript, as the lecture draws one arrow per request and per response.
bool isHttpStartLine(const std::string& text, bool fromClient) {
    if (fromClient) return text.find(' ') != std::string::npos && text.size() > 9 && text.compare(text.size() - 9, 7, " HTTP/1") == 0;
    return text.starts_with("HTTP/");
}

class ChartBuilder {
public:
    ChartBuilder(const TraceLog& log, const MscOptions& options) : log_{log}, options_{options} {}

    MscChart build() {
        scan();
        if (options_.applicationMessages) {
            for (auto& flow : flows_) addLines(flow);
            for (std::size_t index : dnsAnswers_) addDns(index);
        }
        if (options_.tcpSegments) {
            for (const auto& flow : flows_) addSegments(flow);
        }
        return finish();
    }

private:
    const PacketRecord* packet(std::size_t index) const { return std::get_if<PacketRecord>(&log_.records[index]); }
    const Event& event(std::size_t index) const { return std::get<Event>(log_.records[index]); }

    // One pass in trace order: hosts, flows (split at each new SYN), open/line events, DNS answers.
    void scan() {
        std::map<FlowKey, std::size_t> current;
        std::map<std::string, std::size_t> opened;  // "protocol connection" -> flow
        for (std::size_t index = 0; index < log_.records.size(); ++index) {
            const Record& record = log_.records[index];
            if (const auto* p = std::get_if<PacketRecord>(&record)) {
                const TcpHeader* tcp = p->packet.tcp();
                if (p->packet.udp()) udp_.push_back(index);
                if (!tcp) continue;
                if (p->action != PacketAction::Sent && p->action != PacketAction::Received) continue;
                const Endpoint source{p->packet.ip.source, tcp->sourcePort};
                const Endpoint destination{p->packet.ip.destination, tcp->destinationPort};
                const FlowKey key = flowKey(source, destination);
                auto found = current.find(key);
                const bool opening = tcp->has(tcp_flags::syn) && !tcp->has(tcp_flags::ack) && p->action == PacketAction::Sent;
                if (opening && found != current.end()) {
                    const Flow& flow = flows_[found->second];
                    if (flow.client != source || flow.toServer.isn != tcp->sequence) found = current.end();
                }
                if (found == current.end()) {
                    // A flow seen without its SYN takes the lower port as the server.
                    const bool sourceIsClient = opening || source.port > destination.port;
                    Flow flow;
                    flow.client = sourceIsClient ? source : destination;
                    flow.server = sourceIsClient ? destination : source;
                    // Until an open event names it, the protocol is the server port's; port 20
                    // (ftp-data) is the server's end of an active-mode FTP data connection, which
                    // the server opens, so there it is the end that sent the SYN.
                    flow.protocol = "tcp";
                    const WellKnownPort* server = wellKnownPort(flow.server.port);
                    const WellKnownPort* client = wellKnownPort(flow.client.port);
                    if (server != nullptr && server->role != "data") {
                        flow.protocol = server->protocol;
                    } else if (client != nullptr && client->role == "data") {
                        flow.protocol = client->protocol;
                        flow.role = MscConnectionRole::Data;
                    }
                    flow.connection = ConnectionKey{flow.client, flow.server}.toString();
                    flows_.push_back(std::move(flow));
                    found = current.insert_or_assign(key, flows_.size() - 1).first;
                }
                Flow& flow = flows_[found->second];
                Direction& direction = flow.from(source);
                if (p->action == PacketAction::Sent) {
                    if (tcp->has(tcp_flags::syn) && !direction.isn) direction.isn = tcp->sequence;
                    direction.sent.push_back(index);
                    if (source == flow.client && flow.clientHost.empty()) flow.clientHost = p->nodeName;
                    if (source == flow.server && flow.serverHost.empty()) flow.serverHost = p->nodeName;
                } else {
                    direction.received.push_back(index);
                }
                continue;
            }
            const Event& e = std::get<Event>(record);
            if (e.is("scenario", "title")) {
                title_ = e.text("title");
            } else if (e.is("scenario", "host")) {
                noteHost(e.text("name"));
                roles_[e.text("name")] = e.text("role");
            } else if (e.is("topology", "node") && e.text("kind") == "host") {
                hostsByAddress(e.text("name"), e.text("addresses"));
            } else if (e.is("dns", "answer")) {
                dnsAnswers_.push_back(index);
            } else if (e.type == "open" || e.type == "line") {
                const std::string connection = e.text("connection");
                const std::string key = e.layer + " " + connection;
                if (e.type == "open") {
                    const auto ends = ConnectionKey::parse(connection);
                    if (!ends) continue;
                    const FlowKey fk = flowKey(ends->client, ends->server);
                    auto found = current.find(fk);
                    if (found == current.end()) {
                        Flow flow;
                        flow.client = ends->client;
                        flow.server = ends->server;
                        flows_.push_back(std::move(flow));
                        found = current.insert_or_assign(fk, flows_.size() - 1).first;
                    }
                    Flow& flow = flows_[found->second];
                    if (flow.client != ends->client) {
                        // The event names the client end first even where the other end opened
                        // the connection (an active-mode FTP data connection): turn the flow round.
                        std::swap(flow.toServer, flow.toClient);
                    }
                    flow.protocol = e.layer;
                    flow.connection = connection;
                    flow.client = ends->client;
                    flow.server = ends->server;
                    flow.clientHost = e.text("client");
                    flow.serverHost = e.text("server");
                    flow.role = parseRole(e.text("role"));
                    opened[key] = found->second;
                } else {
                    const auto found = opened.find(key);
                    if (found == opened.end()) continue;
                    flows_[found->second].lines.push_back(LineRef{e.text("from") != "S", index});
                }
            }
        }
    }

    void hostsByAddress(const std::string& name, const std::string& list) {
        std::string_view addresses = list;
        while (!addresses.empty()) {
            const auto comma = addresses.find(',');
            const auto address = Ipv4Address::parse(addresses.substr(0, comma));
            if (address) hostOf_[*address] = name;
            if (comma == std::string_view::npos) break;
            addresses.remove_prefix(comma + 1);
        }
    }

    void noteHost(const std::string& name) {
        if (std::find(hostOrder_.begin(), hostOrder_.end(), name) == hostOrder_.end()) hostOrder_.push_back(name);
    }

    std::string hostName(Endpoint endpoint, const std::string& known) const {
        if (!known.empty()) return known;
        const auto found = hostOf_.find(endpoint.address);
        return found != hostOf_.end() ? found->second : endpoint.address.toString();
    }

    std::string role(const std::string& host) const {
        const auto found = roles_.find(host);
        return found != roles_.end() ? found->second : std::string{};
    }

    // An active-mode FTP data connection is opened by the server's host: the
    // application at each end is told by the host's role, not by who connected.
    std::string ftpApplication(const std::string& host, bool acceptingEnd) const {
        const std::string hostRole = role(host);
        if (hostRole.empty()) return acceptingEnd ? "FTP server" : "FTP client";
        return hostRole == "ftp-server" || hostRole == "server" ? "FTP server" : "FTP client";
    }

    std::string serverApplication(const std::string& protocol, const std::string& host) const {
        if (isMailProtocol(protocol)) return "mail server";
        if (protocol == "http") return "web server";
        if (protocol == "ftp") return ftpApplication(host, true);
        if (protocol == "dns") return "DNS server";
        return protocol + " server";
    }

    std::string clientApplication(const std::string& protocol, const std::string& host) const {
        // A mail server is the client when it relays, and asks DNS where to relay.
        const bool mailServer = role(host) == "mail-server";
        if (isMailProtocol(protocol)) return protocol == "smtp" && mailServer ? "mail server" : "user agent";
        if (protocol == "http") return "browser";
        if (protocol == "ftp") return ftpApplication(host, false);
        if (protocol == "dns") return mailServer ? "mail server" : "resolver";
        return protocol + " client";
    }

    std::size_t lifeline(const std::string& host, const std::string& application) {
        const bool perHost = options_.lifelines == MscLifelines::PerHost;
        MscLifeline line{host, perHost ? std::string{} : application};
        for (std::size_t i = 0; i < lifelines_.size(); ++i) {
            if (lifelines_[i].host == line.host && lifelines_[i].application == line.application) return i;
        }
        lifelines_.push_back(std::move(line));
        return lifelines_.size() - 1;
    }

    bool wanted(const std::string& protocol, const std::string& connection) const {
        const auto& p = options_.protocols;
        const auto& c = options_.connections;
        if (!p.empty() && std::find(p.begin(), p.end(), protocol) == p.end()) return false;
        if (!c.empty() && std::find(c.begin(), c.end(), connection) == c.end()) return false;
        return true;
    }

    MscByteStream stream(const Direction& direction) const {
        std::vector<const PacketRecord*> sent;
        std::vector<const PacketRecord*> received;
        for (std::size_t index : direction.sent) sent.push_back(packet(index));
        for (std::size_t index : direction.received) received.push_back(packet(index));
        return MscByteStream{direction.isn, sent, received};
    }

    void addLines(Flow& flow) {
        if (flow.lines.empty() || !wanted(flow.protocol, flow.connection)) return;
        MscByteStream toServer = stream(flow.toServer);
        MscByteStream toClient = stream(flow.toClient);
        const std::string clientHost = hostName(flow.client, flow.clientHost);
        const std::string serverHost = hostName(flow.server, flow.serverHost);
        const std::size_t clientLine = lifeline(clientHost, clientApplication(flow.protocol, clientHost));
        const std::size_t serverLine = lifeline(serverHost, serverApplication(flow.protocol, serverHost));

        for (const LineRef& ref : flow.lines) {
            const Event& e = event(ref.record);
            const std::string text = e.text("text");
            if (flow.protocol == "http" && !isHttpStartLine(text, ref.fromClient)) continue;
            MscByteStream& bytes = ref.fromClient ? toServer : toClient;
            MscArrow arrow;
            arrow.kind = MscArrowKind::Message;
            arrow.from = ref.fromClient ? clientLine : serverLine;
            arrow.to = ref.fromClient ? serverLine : clientLine;
            arrow.label = text.empty() ? "(empty line)" : text;
            arrow.protocol = flow.protocol;
            arrow.connection = flow.connection;
            arrow.role = flow.role;
            arrow.record = ref.record;
            arrow.sent = e.time;
            arrow.received = e.time;
            arrow.timed = false;

            if (const auto carried = bytes.findLine(text)) {
                arrow.timed = true;
                arrow.sent = carried->sent;
                arrow.received = carried->received.value_or(carried->sent);
                arrow.lost = !carried->received;
            } else if (flow.role == MscConnectionRole::Data && !bytes.empty()) {
                // An FTP data line summarises the whole transfer ("<3000 bytes of /lecture.txt>"):
                // it spans from the first byte sent to the last byte received.
                arrow.timed = true;
                arrow.sent = bytes.firstSent();
                arrow.received = bytes.lastReceived();
            }
            arrows_.push_back(std::move(arrow));
        }
    }

    void addSegments(const Flow& flow) {
        if (!wanted(flow.protocol, flow.connection)) return;
        const std::string clientHost = hostName(flow.client, flow.clientHost);
        const std::string serverHost = hostName(flow.server, flow.serverHost);
        const std::size_t clientLine = lifeline(clientHost, clientApplication(flow.protocol, clientHost));
        const std::size_t serverLine = lifeline(serverHost, serverApplication(flow.protocol, serverHost));
        for (const Direction* direction : {&flow.toServer, &flow.toClient}) {
            const bool fromClient = direction == &flow.toServer;
            for (std::size_t index : direction->sent) {
                const PacketRecord& p = *packet(index);
                if (!p.packet.payload.empty()) continue;  // data travels as the application's arrows
                MscArrow arrow;
                arrow.kind = MscArrowKind::Segment;
                arrow.from = fromClient ? clientLine : serverLine;
                arrow.to = fromClient ? serverLine : clientLine;
                arrow.sent = p.time;
                arrow.label = tcpFlagNames(p.packet.tcp()->flags);
                arrow.protocol = flow.protocol;
                arrow.connection = flow.connection;
                arrow.role = flow.role;
                arrow.record = index;
                arrow.lost = true;
                arrow.received = p.time;
                for (std::size_t other : direction->received) {
                    const PacketRecord& r = *packet(other);
                    if (r.packet.uid == p.packet.uid) {
                        arrow.received = r.time;
                        arrow.lost = false;
                        break;
                    }
                }
                arrows_.push_back(std::move(arrow));
            }
        }
    }

    static std::optional<std::uint16_t> dnsId(const Packet& packet) {
        if (packet.payload.size() < 2) return std::nullopt;
        return static_cast<std::uint16_t>((packet.payload[0] << 8) | packet.payload[1]);
    }

    void addDns(std::size_t answerIndex) {
        const Event& e = event(answerIndex);
        const auto client = parseEndpoint(e.text("client"));
        const auto id = e.integer("id");
        if (!client || !id) return;
        // The query is the last one from that client with that id before the answer event;
        // the reply is the first from port 53 back to it after.
        const PacketRecord* querySent = nullptr;
        const PacketRecord* queryReceived = nullptr;
        const PacketRecord* replySent = nullptr;
        const PacketRecord* replyReceived = nullptr;
        Endpoint server;
        for (std::size_t index : udp_) {
            const PacketRecord& p = *packet(index);
            const UdpHeader& udp = *p.packet.udp();
            if (dnsId(p.packet) != static_cast<std::uint16_t>(*id)) continue;
            const Endpoint source{p.packet.ip.source, udp.sourcePort};
            const Endpoint destination{p.packet.ip.destination, udp.destinationPort};
            if (index < answerIndex && source == *client && udp.destinationPort == 53) {
                if (p.action == PacketAction::Sent) {
                    querySent = &p;
                    queryReceived = nullptr;
                    server = destination;
                } else if (p.action == PacketAction::Received && querySent && p.packet.uid == querySent->packet.uid) {
                    queryReceived = &p;
                }
            } else if (index > answerIndex && destination == *client && udp.sourcePort == 53) {
                if (p.action == PacketAction::Sent && !replySent) {
                    replySent = &p;
                } else if (p.action == PacketAction::Received && replySent && p.packet.uid == replySent->packet.uid) {
                    replyReceived = &p;
                    break;
                }
            }
        }
        // With no query in the trace there is no server end to name.
        const std::string connection = querySent ? ConnectionKey{*client, server}.toString() : client->toString() + "-dns";
        if (!wanted("dns", connection)) return;
        const std::string serverHost = e.node;
        const std::string clientHost = hostName(*client, querySent ? querySent->nodeName : std::string{});
        const std::size_t clientLine = lifeline(clientHost, clientApplication("dns", clientHost));
        const std::size_t serverLine = lifeline(serverHost, serverApplication("dns", serverHost));
        const std::string type = e.text("type");
        const std::string name = e.text("name");
        const std::string rcode = e.text("rcode");
        const std::string answers = e.text("answers");

        auto arrow = [&](std::size_t from, std::size_t to, std::string label, const PacketRecord* sent,
                         const PacketRecord* received) {
            MscArrow a;
            a.from = from;
            a.to = to;
            a.label = std::move(label);
            a.protocol = "dns";
            a.connection = connection;
            a.record = answerIndex;
            a.timed = sent != nullptr;
            a.sent = sent ? sent->time : e.time;
            a.received = received ? received->time : a.sent;
            a.lost = sent && !received;
            arrows_.push_back(std::move(a));
        };
        arrow(clientLine, serverLine, type + "? " + name, querySent, queryReceived);
        // The answer records already name the query ("hamburger.edu MX 10 hamburger.edu").
        std::string reply = rcode + " " + name;
        if (rcode == "NOERROR" || rcode.empty()) reply = answers.empty() ? "no records for " + name : answers;
        arrow(serverLine, clientLine, std::move(reply), replySent, replyReceived);
    }

    MscChart finish() {
        MscChart chart;
        chart.title = title_.empty() ? log_.header.scenario : title_;
        // Lifelines in the scenario's host order; within a host, in order of first use.
        std::vector<std::size_t> order(lifelines_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        for (const auto& line : lifelines_) noteHost(line.host);
        auto rank = [&](const std::string& host) {
            return static_cast<std::size_t>(std::find(hostOrder_.begin(), hostOrder_.end(), host) - hostOrder_.begin());
        };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return rank(lifelines_[a].host) < rank(lifelines_[b].host); });
        std::vector<std::size_t> newIndex(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            newIndex[order[i]] = i;
            chart.lifelines.push_back(lifelines_[order[i]]);
        }
        for (auto& arrow : arrows_) {
            arrow.from = newIndex[arrow.from];
            arrow.to = newIndex[arrow.to];
        }
        std::stable_sort(arrows_.begin(), arrows_.end(), [](const MscArrow& a, const MscArrow& b) {
            if (a.sent != b.sent) return a.sent < b.sent;
            return a.record < b.record;
        });
        chart.arrows = std::move(arrows_);
        assignConnectionLanes(chart);
        if (!chart.arrows.empty()) {
            chart.start = chart.arrows.front().sent;
            chart.end = chart.start;
            for (const auto& arrow : chart.arrows) chart.end = std::max({chart.end, arrow.sent, arrow.received});
        }
        return chart;
    }

    const TraceLog& log_;
    const MscOptions& options_;
    std::string title_;
    std::vector<std::string> hostOrder_;
    std::map<std::string, std::string> roles_;
    std::map<Ipv4Address, std::string> hostOf_;
    std::vector<Flow> flows_;
    std::vector<std::size_t> udp_;
    std::vector<std::size_t> dnsAnswers_;
    std::vector<MscLifeline> lifelines_;
    std::vector<MscArrow> arrows_;
};

}  // namespace

MscChart buildMsc(const TraceLog& log, const MscOptions& options) { return ChartBuilder{log, options}.build(); }

}  // namespace netstage::trace
