#include "tests/gui/sample_trace.hpp"

#include <string>

namespace netstage::gui::testing {

namespace {
using namespace netstage::time_literals;

constexpr std::uint32_t crepes = 0;
constexpr std::uint32_t router = 1;
constexpr std::uint32_t hamburger = 2;
constexpr std::uint32_t dns = 3;
constexpr std::int64_t rate = 10'000'000;
constexpr Time delay = 10_ms;

const Ipv4Address crepesIp{10, 0, 1, 2};
const Ipv4Address hamburgerIp{10, 0, 2, 10};
const Ipv4Address dnsIp{10, 0, 3, 53};
const char* const connectionAtServer = "10.0.2.10:25-10.0.1.2:49152";
const char* const connectionAtClient = "10.0.1.2:49152-10.0.2.10:25";
const char* const connection = "10.0.1.2:49152-10.0.2.10:25";  // client end first

const char* nameOf(std::uint32_t node) {
    switch (node) {
    case crepes: return "crepes.fr";
    case router: return "router";
    case hamburger: return "hamburger.edu";
    default: return "dns.hamburger.edu";
    }
}

class Builder {
public:
    trace::TraceLog log;

    void event(Time t, std::string node, std::string layer, std::string type, trace::Fields fields) {
        log.records.emplace_back(trace::Event{t, std::move(node), std::move(layer), std::move(type), std::move(fields)});
    }

    void packet(Time t, std::uint32_t node, std::int32_t link, trace::PacketAction action, const Packet& p,
                std::string reason = {}) {
        trace::PacketRecord record;
        record.time = t;
        record.node = node;
        record.nodeName = nameOf(node);
        record.link = link;
        record.action = action;
        record.reason = std::move(reason);
        record.packet = p;
        log.records.emplace_back(std::move(record));
    }

    // Sends over `from` -> router -> `to`; returns the arrival time, or the
    // time of the loss when `loseOnSecondLink`.
    Time send(Time t, std::uint32_t from, std::uint32_t to, Packet p, bool loseOnSecondLink = false) {
        p.uid = nextUid_++;
        const Time hop = transmissionTime(static_cast<std::int64_t>(p.wireSize()), rate) + delay;
        const std::int32_t first = linkTo(from);
        const std::int32_t second = linkTo(to);
        packet(t, from, first, trace::PacketAction::Sent, p);
        --p.ip.ttl;
        packet(t + hop, router, second, trace::PacketAction::Forwarded, p);
        if (loseOnSecondLink) {
            packet(t + hop + hop, router, second, trace::PacketAction::Dropped, p, "loss");
            return t + hop + hop;
        }
        packet(t + hop + hop, to, second, trace::PacketAction::Received, p);
        return t + hop + hop;
    }

private:
    static std::int32_t linkTo(std::uint32_t node) {
        if (node == crepes) return 0;
        if (node == hamburger) return 1;
        return 2;
    }
    std::uint64_t nextUid_ = 1;
};

Packet tcp(bool fromClient, std::uint8_t flags, const std::string& payload = {}, bool mss = false) {
    Packet p;
    p.ip.source = fromClient ? crepesIp : hamburgerIp;
    p.ip.destination = fromClient ? hamburgerIp : crepesIp;
    p.ip.protocol = IpProtocol::Tcp;
    TcpHeader h;
    h.sourcePort = fromClient ? 49152 : 25;
    h.destinationPort = fromClient ? 25 : 49152;
    h.sequence = fromClient ? 1000 : 5000;
    h.acknowledgement = (flags & tcp_flags::ack) ? (fromClient ? 5001 : 1001) : 0;
    h.flags = flags;
    h.window = 65535;
    if (mss) h.mss = 1460;
    p.transport = h;
    p.payload.assign(payload.begin(), payload.end());
    return p;
}

Packet udp(bool query) {
    Packet p;
    p.ip.source = query ? crepesIp : dnsIp;
    p.ip.destination = query ? dnsIp : crepesIp;
    p.ip.protocol = IpProtocol::Udp;
    UdpHeader h;
    h.sourcePort = query ? 5353 : 53;
    h.destinationPort = query ? 53 : 5353;
    p.transport = h;
    p.payload.assign(query ? 31 : 47, std::uint8_t{0x2a});
    return p;
}

void state(Builder& b, Time t, std::uint32_t node, const char* from, const char* to) {
    b.event(t, nameOf(node), "tcp", "state",
            {{"connection", std::string{node == crepes ? connectionAtClient : connectionAtServer}},
             {"from", std::string{from}},
             {"to", std::string{to}}});
}

void line(Builder& b, Time t, char from, const std::string& text) {
    b.event(t, "hamburger.edu", "smtp", "line",
            {{"connection", std::string{connection}}, {"from", std::string(1, from)}, {"text", text}});
}

void caption(Builder& b, Time t, const std::string& text) { b.event(t, "", "narration", "caption", {{"text", text}}); }

// Client line: sent by crepes, seen by the server when it arrives.
Time clientSays(Builder& b, Time t, const std::string& text) {
    const Time arrival = b.send(t, crepes, hamburger, tcp(true, tcp_flags::psh | tcp_flags::ack, text + "\r\n"));
    line(b, arrival, 'C', text);
    return arrival;
}

// Server line: recorded when the server sends it.
Time serverSays(Builder& b, Time t, const std::string& text) {
    line(b, t, 'S', text);
    return b.send(t, hamburger, crepes, tcp(false, tcp_flags::psh | tcp_flags::ack, text + "\r\n"));
}
}  // namespace

trace::TraceLog smtpSampleTrace() {
    Builder b;
    b.log.header = trace::TraceHeader{"sample-smtp", 42};
    const Time zero = Time::zero();
    b.event(zero, "", "scenario", "title",
            {{"title", std::string{"Alice sends Bob a message"}}, {"description", std::string{"The lecture's SMTP sample"}}});
    b.event(zero, "", "scenario", "host", {{"name", std::string{"crepes.fr"}}, {"role", std::string{"mail-server"}}});
    b.event(zero, "", "scenario", "host", {{"name", std::string{"hamburger.edu"}}, {"role", std::string{"mail-server"}}});
    b.event(zero, "", "scenario", "host", {{"name", std::string{"dns.hamburger.edu"}}, {"role", std::string{"dns-server"}}});
    b.event(zero, "", "topology", "node",
            {{"id", std::int64_t{0}}, {"name", std::string{"crepes.fr"}}, {"kind", std::string{"host"}},
             {"addresses", std::string{"10.0.1.2"}}});
    b.event(zero, "", "topology", "node",
            {{"id", std::int64_t{1}}, {"name", std::string{"router"}}, {"kind", std::string{"router"}},
             {"addresses", std::string{"10.0.1.1,10.0.2.1,10.0.3.1"}}});
    b.event(zero, "", "topology", "node",
            {{"id", std::int64_t{2}}, {"name", std::string{"hamburger.edu"}}, {"kind", std::string{"host"}},
             {"addresses", std::string{"10.0.2.10"}}});
    b.event(zero, "", "topology", "node",
            {{"id", std::int64_t{3}}, {"name", std::string{"dns.hamburger.edu"}}, {"kind", std::string{"host"}},
             {"addresses", std::string{"10.0.3.53"}}});
    const auto link = [&b, zero](std::int64_t id, std::int64_t a, std::int64_t bb, const char* addressA,
                                 const char* addressB) {
        b.event(zero, "", "topology", "link",
                {{"id", id}, {"a", a}, {"b", bb}, {"addressA", std::string{addressA}},
                 {"addressB", std::string{addressB}}, {"rate_bps", rate}, {"delay_ns", delay.nanoseconds()},
                 {"loss", std::string{"0"}}, {"queue", std::int64_t{100}}});
    };
    link(0, 0, 1, "10.0.1.2", "10.0.1.1");
    link(1, 1, 2, "10.0.2.1", "10.0.2.10");
    link(2, 1, 3, "10.0.3.1", "10.0.3.53");

    const trace::Fields mail{{"message", std::string{"m1"}},
                             {"from", std::string{"alice@crepes.fr"}},
                             {"to", std::string{"bob@hamburger.edu"}},
                             {"subject", std::string{"ketchup"}},
                             {"size", std::int64_t{60}}};
    trace::Fields queued = mail;
    queued.emplace_back("queue", std::string{"outgoing"});
    caption(b, zero, "Alice's message waits in crepes.fr's queue; first, where does hamburger.edu take mail?");
    b.event(zero, "crepes.fr", "mail", "queued", queued);

    Time t = 1_ms;
    t = b.send(t, crepes, dns, udp(true));
    b.event(t, "dns.hamburger.edu", "dns", "query", {{"name", std::string{"hamburger.edu"}}, {"type", std::string{"MX"}}});
    t = b.send(t, dns, crepes, udp(false));

    caption(b, t, "crepes.fr opens a TCP connection to hamburger.edu, port 25");
    state(b, t, crepes, "CLOSED", "SYN-SENT");
    t = b.send(t, crepes, hamburger, tcp(true, tcp_flags::syn, {}, true));
    state(b, t, hamburger, "LISTEN", "SYN-RECEIVED");
    t = b.send(t, hamburger, crepes, tcp(false, tcp_flags::syn | tcp_flags::ack, {}, true));
    state(b, t, crepes, "SYN-SENT", "ESTABLISHED");
    t = b.send(t, crepes, hamburger, tcp(true, tcp_flags::ack));
    state(b, t, hamburger, "SYN-RECEIVED", "ESTABLISHED");
    b.event(t, "hamburger.edu", "smtp", "open",
            {{"connection", std::string{connection}}, {"client", std::string{"crepes.fr"}},
             {"server", std::string{"hamburger.edu"}}, {"role", std::string{"session"}}});

    t = serverSays(b, t, "220 hamburger.edu");
    t = clientSays(b, t, "HELO crepes.fr");
    t = serverSays(b, t, "250 Hello crepes.fr, pleased to meet you");
    t = clientSays(b, t, "MAIL FROM: <alice@crepes.fr>");
    t = serverSays(b, t, "250 alice@crepes.fr... Sender ok");
    t = clientSays(b, t, "RCPT TO: <bob@hamburger.edu>");
    t = serverSays(b, t, "250 bob@hamburger.edu ... Recipient ok");
    t = clientSays(b, t, "DATA");
    t = serverSays(b, t, "354 Enter mail, end with \".\" on a line by itself");

    caption(b, t, "The body follows DATA and ends with a line holding a single dot");
    const std::string body = "Do you like ketchup?\r\nHow about pickles?\r\n.\r\n";
    b.send(t, crepes, hamburger, tcp(true, tcp_flags::psh | tcp_flags::ack, body), true);
    const Time retransmit = t + 200_ms;
    b.event(retransmit, "crepes.fr", "tcp", "retransmit",
            {{"connection", std::string{connectionAtClient}}, {"seq", std::int64_t{1000}},
             {"len", std::int64_t{static_cast<std::int64_t>(body.size())}}, {"reason", std::string{"timeout"}}});
    t = b.send(retransmit, crepes, hamburger, tcp(true, tcp_flags::psh | tcp_flags::ack, body));
    line(b, t, 'C', "Do you like ketchup?");
    line(b, t, 'C', "How about pickles?");
    line(b, t, 'C', ".");
    trace::Fields stored = mail;
    stored.emplace_back("mailbox", std::string{"bob"});
    b.event(t, "hamburger.edu", "mail", "stored", stored);
    caption(b, t, "Bob's mailbox on hamburger.edu now holds the message");
    t = serverSays(b, t, "250 Message accepted for delivery");
    b.event(t, "crepes.fr", "mail", "relayed", mail);
    t = clientSays(b, t, "QUIT");
    t = serverSays(b, t, "221 hamburger.edu closing connection");

    state(b, t, hamburger, "ESTABLISHED", "FIN-WAIT-1");
    t = b.send(t, hamburger, crepes, tcp(false, tcp_flags::fin | tcp_flags::ack));
    state(b, t, crepes, "ESTABLISHED", "CLOSE-WAIT");
    state(b, t, crepes, "CLOSE-WAIT", "LAST-ACK");
    t = b.send(t, crepes, hamburger, tcp(true, tcp_flags::fin | tcp_flags::ack));
    state(b, t, hamburger, "FIN-WAIT-1", "TIME-WAIT");
    b.event(t, "hamburger.edu", "smtp", "close", {{"connection", std::string{connection}}});
    t = b.send(t, hamburger, crepes, tcp(false, tcp_flags::ack));
    state(b, t, crepes, "LAST-ACK", "CLOSED");
    b.log.end = t + 1_ms;
    return std::move(b.log);
}

}  // namespace netstage::gui::testing
