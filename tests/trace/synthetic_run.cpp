#include "tests/trace/synthetic_run.hpp"

#include <utility>
#include <vector>

namespace netstage::trace::testing_support {

using namespace netstage::time_literals;

TcpConversation::TcpConversation(Endpoint client, Endpoint server, std::uint32_t clientIsn, std::uint32_t serverIsn)
    : client_{client, clientIsn, 0, 100}, server_{server, serverIsn, 0, 900} {}

Packet TcpConversation::segment(bool fromClient, std::uint8_t flags, std::string_view payload) {
    Side& from = fromClient ? client_ : server_;
    Side& to = fromClient ? server_ : client_;
    Packet p;
    p.uid = nextUid_++;
    p.ip.source = from.endpoint.address;
    p.ip.destination = to.endpoint.address;
    p.ip.protocol = IpProtocol::Tcp;
    p.ip.identification = from.identification++;
    TcpHeader tcp;
    tcp.sourcePort = from.endpoint.port;
    tcp.destinationPort = to.endpoint.port;
    tcp.sequence = from.nextSeq;
    tcp.flags = flags;
    tcp.window = 65535;
    if ((flags & tcp_flags::ack) != 0) tcp.acknowledgement = from.nextExpected;
    if ((flags & tcp_flags::syn) != 0) tcp.mss = 1460;
    p.transport = tcp;
    p.payload.assign(payload.begin(), payload.end());

    const auto consumed = static_cast<std::uint32_t>(payload.size() + ((flags & tcp_flags::syn) ? 1 : 0) +
                                                     ((flags & tcp_flags::fin) ? 1 : 0));
    from.nextSeq += consumed;
    to.nextExpected = from.nextSeq;
    return p;
}

TraceLog smtpConversation() {
    TraceLog log;
    log.header = TraceHeader{"01-smtp-alice-to-bob", 42};
    const Endpoint client{Ipv4Address{10, 0, 1, 2}, 49152};
    const Endpoint server{Ipv4Address{10, 0, 2, 10}, 25};
    TcpConversation tcp{client, server, 1000, 5000};
    using namespace tcp_flags;

    struct Step {
        bool fromClient;
        std::uint8_t flags;
        std::string_view payload;
    };
    const std::vector<Step> steps{
        {true, syn, ""},
        {false, syn | ack, ""},
        {true, ack, ""},
        {false, psh | ack, "220 hamburger.edu\r\n"},
        {true, ack, ""},
        {true, psh | ack, "HELO crepes.fr\r\n"},
        {false, psh | ack, "250 Hello crepes.fr, pleased to meet you\r\n"},
        {true, psh | ack, "QUIT\r\n"},
        {false, psh | ack, "221 hamburger.edu closing connection\r\n"},
        {false, fin | ack, ""},
        {true, fin | ack, ""},
        {false, ack, ""},
    };
    Time now = Time::fromMilliseconds(1);
    for (const Step& step : steps) {
        const Packet packet = tcp.segment(step.fromClient, step.flags, step.payload);
        const std::uint32_t fromNode = step.fromClient ? 0 : 1;
        const std::string fromName = step.fromClient ? "crepes" : "hamburger";
        const std::string toName = step.fromClient ? "hamburger" : "crepes";
        log.records.emplace_back(PacketRecord{now, fromNode, fromName, 0, PacketAction::Sent, "", packet});
        now += Time::fromMicroseconds(500);
        log.records.emplace_back(PacketRecord{now, 1 - fromNode, toName, 0, PacketAction::Received, "", packet});
        if (!step.payload.empty() && !step.fromClient) {
            log.records.emplace_back(Event{now, toName, "smtp", "reply",
                                           {{"code", std::int64_t{std::stoi(std::string{step.payload.substr(0, 3)})}},
                                            {"text", std::string{step.payload.substr(4, step.payload.size() - 6)}}}});
        }
        now += Time::fromMicroseconds(1'250);
    }
    log.end = now;
    return log;
}

TraceLog tinyRun() {
    TraceLog log;
    log.header = TraceHeader{"tiny \"quoted\"", 7};
    TcpConversation tcp{Endpoint{Ipv4Address{10, 0, 1, 2}, 49152}, Endpoint{Ipv4Address{10, 0, 2, 10}, 25}, 123, 0};
    const Packet syn = tcp.segment(true, tcp_flags::syn);
    log.records.emplace_back(PacketRecord{Time::fromNanoseconds(1'500), 3, "crepes", 0, PacketAction::Sent, "", syn});
    log.records.emplace_back(
        PacketRecord{Time::fromMicroseconds(2'001), 5, "r1", 1, PacketAction::Dropped, "queue-full", syn});
    log.records.emplace_back(Event{Time::fromMilliseconds(3), "crepes", "tcp", "state",
                                   {{"from", std::string{"CLOSED"}}, {"to", std::string{"SYN-SENT"}},
                                    {"port", std::int64_t{49152}}, {"delta", std::int64_t{-1}}}});
    log.end = Time::fromMilliseconds(4);
    return log;
}

TraceLog packetJourney() {
    TraceLog log = tinyRun();
    const Packet sent = std::get<PacketRecord>(log.records[0]).packet;
    Packet forwarded = sent;
    forwarded.ip.ttl = 63;
    Packet other = sent;
    other.payload = {'h', 'i'};
    log.records = {
        PacketRecord{Time::fromMicroseconds(1), 3, "crepes", 0, PacketAction::Sent, "", sent},
        PacketRecord{Time::fromMicroseconds(2), 5, "r1", 0, PacketAction::Enqueued, "", sent},
        PacketRecord{Time::fromMicroseconds(3), 5, "r1", 1, PacketAction::Forwarded, "", forwarded},
        PacketRecord{Time::fromMicroseconds(4), 6, "bob", 1, PacketAction::Received, "", forwarded},
        PacketRecord{Time::fromMicroseconds(5), 6, "bob", 1, PacketAction::Received, "", forwarded},
        PacketRecord{Time::fromMicroseconds(6), 3, "crepes", 0, PacketAction::Sent, "", other},
    };
    return log;
}

}  // namespace netstage::trace::testing_support
