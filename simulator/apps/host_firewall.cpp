#include "simulator/apps/host_firewall.hpp"

#include "simulator/trace/connection_key.hpp"

namespace netstage::apps {

IncomingFirewall::IncomingFirewall(HostStack& host) : host_{host} {
    host_.node().setTransportHandler(IpProtocol::Tcp, [this](const Packet& packet) { receive(packet); });
}

IncomingFirewall::~IncomingFirewall() {
    tcp::TcpStack& stack = host_.tcp();
    host_.node().setTransportHandler(IpProtocol::Tcp, [&stack](const Packet& packet) { stack.receive(packet); });
}

void IncomingFirewall::receive(const Packet& packet) {
    const TcpHeader* header = packet.tcp();
    if (header != nullptr && header->has(tcp_flags::syn) && !header->has(tcp_flags::ack)) {
        reject(packet);
        return;
    }
    host_.tcp().receive(packet);
}

// The reset a closed port would send (RFC 9293 section 3.10.7.1).
void IncomingFirewall::reject(const Packet& syn) {
    const TcpHeader& in = *syn.tcp();
    ++refused_;
    Packet reset;
    reset.ip.source = host_.node().primaryAddress();
    reset.ip.destination = syn.ip.source;
    reset.ip.protocol = IpProtocol::Tcp;
    TcpHeader out;
    out.sourcePort = in.destinationPort;
    out.destinationPort = in.sourcePort;
    out.sequence = 0;
    out.acknowledgement = in.sequence + static_cast<std::uint32_t>(syn.payload.size()) + 1;
    out.flags = tcp_flags::rst | tcp_flags::ack;
    reset.transport = out;
    trace::Tracer& tracer = host_.node().network().tracer();
    if (tracer.wantsEvents()) {
        // Named as TCP's events name it: this host, the refused server, first.
        const auto key = trace::ConnectionKey{{syn.ip.source, in.sourcePort}, {reset.ip.source, in.destinationPort}};
        tracer.event(trace::Event{host_.simulator().now(), host_.node().name(), "firewall", "refused",
                                  {{"connection", key.toString(trace::ConnectionSide::Server)},
                                   {"reason", std::string{"accepts no incoming connections"}}}});
    }
    host_.node().send(std::move(reset));
}

}  // namespace netstage::apps
