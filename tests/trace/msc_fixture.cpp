#include "tests/trace/msc_fixture.hpp"

#include "simulator/trace/msc_connections.hpp"

#include <utility>

namespace netstage::trace::testing_support {

using namespace netstage::time_literals;

MscRun::MscRun() { log.header = TraceHeader{"msc-fixture", 1}; }

void MscRun::host(const std::string& name, const std::string& role, Ipv4Address address) {
    hosts_.emplace_back(address, name);
    event(Time::zero(), "", "scenario", "host", {{"name", name}, {"role", role}});
    event(Time::zero(), "", "topology", "node",
          {{"id", std::int64_t{0}}, {"name", name}, {"kind", "host"}, {"addresses", address.toString()}});
}

void MscRun::event(Time at, const std::string& node, const std::string& layer, const std::string& type, Fields fields) {
    log.records.push_back(Event{at, node, layer, type, std::move(fields)});
    log.end = std::max(log.end, at);
}

void MscRun::packet(const Packet& p, Time sent, std::optional<Time> received) {
    PacketRecord out;
    out.time = sent;
    out.nodeName = hostOf(p.ip.source);
    out.action = PacketAction::Sent;
    out.packet = p;
    log.records.push_back(out);
    PacketRecord in = out;
    if (received) {
        in.time = *received;
        in.nodeName = hostOf(p.ip.destination);
        in.action = PacketAction::Received;
    } else {
        in.action = PacketAction::Dropped;
        in.reason = "loss";
    }
    log.records.push_back(in);
    log.end = std::max(log.end, in.time);
}

std::string MscRun::hostOf(Ipv4Address address) const {
    for (const auto& [known, name] : hosts_) {
        if (known == address) return name;
    }
    return address.toString();
}

TraceLog smtpChart() {
    using namespace tcp_flags;
    MscRun run;
    run.event(Time::zero(), "", "scenario", "title", {{"title", "SMTP in short"}, {"description", ""}});
    const Endpoint client{Ipv4Address{10, 0, 1, 2}, 49152};
    const Endpoint server{Ipv4Address{10, 0, 1, 10}, 25};
    run.host("alice-pc", "pc", client.address);
    run.host("crepes.fr", "mail-server", server.address);
    const std::string connection = "10.0.1.2:49152-10.0.1.10:25";
    TcpConversation tcp{client, server, 1000, 5000};
    auto line = [&](Time at, const char* from, const std::string& text) {
        run.event(at, "crepes.fr", "smtp", "line", {{"connection", connection}, {"from", from}, {"text", text}});
    };

    run.packet(tcp.segment(true, syn), 0_ms, 2_ms);
    run.packet(tcp.segment(false, syn | ack), 2_ms, 4_ms);
    run.packet(tcp.segment(true, ack), 4_ms, 6_ms);
    run.event(6_ms, "crepes.fr", "smtp", "open",
              {{"connection", connection}, {"client", "alice-pc"}, {"server", "crepes.fr"}, {"role", "session"}});
    line(10_ms, "S", "220 crepes.fr");
    run.packet(tcp.segment(false, psh | ack, "220 crepes.fr\r\n"), 10_ms, 13_ms);
    run.packet(tcp.segment(true, psh | ack, "HELO alice-pc\r\n"), 20_ms, 25_ms);
    line(25_ms, "C", "HELO alice-pc");
    line(30_ms, "S", "250 ok");
    line(30_ms, "S", "250 more");
    run.packet(tcp.segment(false, psh | ack, "250 ok\r\n250 more\r\n"), 30_ms, 34_ms);
    run.packet(tcp.segment(true, psh | ack, "QU"), 40_ms, 44_ms);
    run.packet(tcp.segment(true, psh | ack, "IT\r\n"), 41_ms, 47_ms);
    line(47_ms, "C", "QUIT");
    line(50_ms, "S", "221 bye");
    Packet reply = tcp.segment(false, psh | ack, "221 bye\r\n");
    run.packet(reply, 50_ms, std::nullopt);
    reply.uid = 100;
    run.packet(reply, 60_ms, 66_ms);
    run.packet(tcp.segment(false, fin | ack), 61_ms, 67_ms);
    run.packet(tcp.segment(true, fin | ack), 70_ms, 72_ms);
    run.packet(tcp.segment(false, ack), 72_ms, 74_ms);
    run.event(72_ms, "crepes.fr", "smtp", "close", {{"connection", connection}});
    return run.log;
}

MscChart parallelSessionsChart() {
    using namespace netstage::time_literals;
    MscChart chart;
    chart.title = "three at once";
    chart.lifelines = {{"crepes.fr", ""}, {"hamburger.edu", ""}};
    auto add = [&](int port, Time sent, bool fromServer, const std::string& label) {
        MscArrow arrow;
        arrow.from = fromServer ? 1 : 0;
        arrow.to = fromServer ? 0 : 1;
        arrow.sent = sent;
        arrow.received = sent + 2_ms;
        arrow.label = label;
        arrow.protocol = "smtp";
        arrow.connection = "10.0.1.10:" + std::to_string(port) + "-10.0.2.10:25";
        arrow.record = chart.arrows.size();
        chart.arrows.push_back(arrow);
    };
    for (int step = 0; step < 3; ++step) {
        for (int port = 49152; port <= 49154; ++port) {
            const Time at = Time::fromMilliseconds(step * 10 + (port - 49152));
            add(port, at, step == 0, step == 0 ? "220 hamburger.edu" : step == 1 ? "HELO crepes.fr" : "QUIT");
        }
    }
    add(49155, 100_ms, true, "220 hamburger.edu");
    add(49155, 110_ms, false, "QUIT");
    assignConnectionLanes(chart);
    return chart;
}

}  // namespace netstage::trace::testing_support
