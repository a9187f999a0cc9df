#include "gui/inspector/packet_details.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "protocols/dns/wire_format.hpp"
#include "simulator/packet/tcp_flag_names.hpp"
#include "simulator/packet/wire_format.hpp"

namespace netstage::gui {

namespace {

std::string hex(std::uint32_t value, int digits) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%0*x", digits, value);
    return text;
}

std::string flagNames(const TcpHeader& tcp) {
    const std::string names = tcpFlagNames(tcp.flags);
    return names.empty() ? "none" : names;
}

// The initial sequence number the sender `from` chose for the connection to
// `to`: the last SYN on that path at or before `record` (a reused port pair
// starts again with a new SYN).
std::optional<std::uint32_t> initialSequence(const trace::TraceLog& log, std::size_t record, const Packet& like,
                                             bool reverse) {
    const TcpHeader& tcp = *like.tcp();
    const Ipv4Address from = reverse ? like.ip.destination : like.ip.source;
    const Ipv4Address to = reverse ? like.ip.source : like.ip.destination;
    const std::uint16_t fromPort = reverse ? tcp.destinationPort : tcp.sourcePort;
    const std::uint16_t toPort = reverse ? tcp.sourcePort : tcp.destinationPort;
    for (std::size_t i = record + 1; i-- > 0;) {
        const auto* packet = std::get_if<trace::PacketRecord>(&log.records[i]);
        if (packet == nullptr) continue;
        const auto* candidate = packet->packet.tcp();
        if (candidate == nullptr || !candidate->has(tcp_flags::syn)) continue;
        if (packet->packet.ip.source == from && packet->packet.ip.destination == to &&
            candidate->sourcePort == fromPort && candidate->destinationPort == toPort) {
            return candidate->sequence;
        }
    }
    return std::nullopt;
}

std::string numberText(const RelativeNumber& number) {
    std::string text = std::to_string(number.absolute);
    text += number.relative ? " (relative " + std::to_string(*number.relative) + ")" : " (no SYN in the trace)";
    return text;
}

std::string questionText(const dns::Question& question) {
    return question.name + " " + dns::toString(question.type) + (question.klass == dns::RecordClass::IN ? " IN" : "");
}

std::string recordText(const dns::ResourceRecord& rr) {
    std::string text = rr.name.empty() ? "<root>" : rr.name;
    text += " " + dns::toString(rr.type) + " ";
    if (const auto* a = std::get_if<dns::A>(&rr.data)) text += dns::formatIpv4(a->address);
    else if (const auto* mx = std::get_if<dns::Mx>(&rr.data)) text += std::to_string(mx->preference) + " " + mx->exchange;
    else if (const auto* opt = std::get_if<dns::Opt>(&rr.data)) text += "udp size " + std::to_string(opt->udpSize);
    else if (const auto* raw = std::get_if<dns::Raw>(&rr.data)) text += std::to_string(raw->bytes.size()) + " bytes";
    if (!std::holds_alternative<dns::Opt>(rr.data)) text += ", ttl " + std::to_string(rr.ttl);
    return text;
}

DetailSection dnsSection(const Bytes& payload) {
    DetailSection section{"DNS", {}};
    const dns::ParseResult parsed = dns::parse(payload);
    if (!parsed) {
        section.fields.push_back({"error", parsed.error.reason + " at octet " + std::to_string(parsed.error.offset)});
        return section;
    }
    const dns::Message& message = *parsed.message;
    const dns::Flags& flags = message.flags;
    section.fields.push_back({"id", hex(message.id, 4)});
    std::string flagText = flags.qr ? "response" : "query";
    if (flags.aa) flagText += ", authoritative";
    if (flags.tc) flagText += ", truncated";
    if (flags.rd) flagText += ", recursion desired";
    if (flags.ra) flagText += ", recursion available";
    section.fields.push_back({"flags", flagText});
    if (flags.qr) section.fields.push_back({"rcode", dns::toString(flags.rcode)});
    for (const auto& question : message.questions) section.fields.push_back({"question", questionText(question)});
    for (const auto& rr : message.answers) section.fields.push_back({"answer", recordText(rr)});
    for (const auto& rr : message.authorities) section.fields.push_back({"authority", recordText(rr)});
    for (const auto& rr : message.additionals) section.fields.push_back({"additional", recordText(rr)});
    return section;
}

}  // namespace

std::optional<std::size_t> packetRecordBefore(const trace::TraceLog& log, std::size_t position) {
    for (std::size_t i = std::min(position, log.records.size()); i-- > 0;) {
        if (std::holds_alternative<trace::PacketRecord>(log.records[i])) return i;
    }
    return std::nullopt;
}

PacketDetails describePacket(const trace::TraceLog& log, std::size_t record) {
    const auto* entry = record < log.records.size() ? std::get_if<trace::PacketRecord>(&log.records[record]) : nullptr;
    if (entry == nullptr) throw std::out_of_range{"describePacket: record " + std::to_string(record) + " is no packet"};
    const Packet& packet = entry->packet;
    PacketDetails details;
    details.record = record;

    std::string endpoints;
    if (const auto* tcp = packet.tcp()) {
        endpoints = "TCP " + packet.ip.source.toString() + ":" + std::to_string(tcp->sourcePort) + " \u2192 " +
                    packet.ip.destination.toString() + ":" + std::to_string(tcp->destinationPort);
    } else if (const auto* udp = packet.udp()) {
        endpoints = "UDP " + packet.ip.source.toString() + ":" + std::to_string(udp->sourcePort) + " \u2192 " +
                    packet.ip.destination.toString() + ":" + std::to_string(udp->destinationPort);
    }
    details.title = std::string{trace::toString(entry->action)} + " at " + entry->nodeName + ", " +
                    entry->time.toMillisecondsString() + ": " + endpoints;

    DetailSection traceSection{"Trace", {}};
    traceSection.fields.push_back({"record", std::to_string(record)});
    traceSection.fields.push_back({"time", entry->time.toMillisecondsString()});
    traceSection.fields.push_back({"node", entry->nodeName});
    traceSection.fields.push_back({"action", std::string{trace::toString(entry->action)}});
    if (!entry->reason.empty()) traceSection.fields.push_back({"reason", entry->reason});
    if (entry->link >= 0) traceSection.fields.push_back({"link", std::to_string(entry->link)});
    traceSection.fields.push_back({"packet uid", std::to_string(packet.uid)});
    details.sections.push_back(std::move(traceSection));

    DetailSection ip{"IPv4", {}};
    ip.fields.push_back({"source", packet.ip.source.toString()});
    ip.fields.push_back({"destination", packet.ip.destination.toString()});
    ip.fields.push_back({"protocol", packet.tcp() ? "TCP (6)" : "UDP (17)"});
    ip.fields.push_back({"header length", std::to_string(Ipv4Header::size) + " bytes"});
    ip.fields.push_back({"total length", std::to_string(packet.wireSize()) + " bytes"});
    ip.fields.push_back({"identification", hex(packet.ip.identification, 4)});
    ip.fields.push_back({"don't fragment", packet.ip.dontFragment ? "set" : "not set"});
    ip.fields.push_back({"TTL", std::to_string(packet.ip.ttl)});
    ip.fields.push_back({"DSCP", std::to_string(packet.ip.dscp)});
    details.sections.push_back(std::move(ip));

    if (const auto* tcp = packet.tcp()) {
        DetailSection section{"TCP", {}};
        section.fields.push_back({"source port", std::to_string(tcp->sourcePort)});
        section.fields.push_back({"destination port", std::to_string(tcp->destinationPort)});
        RelativeNumber sequence{tcp->sequence, std::nullopt};
        if (const auto isn = initialSequence(log, record, packet, false)) sequence.relative = tcp->sequence - *isn;
        details.sequence = sequence;
        section.fields.push_back({"sequence number", numberText(sequence)});
        if (tcp->has(tcp_flags::ack)) {
            RelativeNumber ack{tcp->acknowledgement, std::nullopt};
            if (const auto isn = initialSequence(log, record, packet, true)) ack.relative = tcp->acknowledgement - *isn;
            details.acknowledgement = ack;
            section.fields.push_back({"acknowledgement number", numberText(ack)});
        } else {
            section.fields.push_back({"acknowledgement number", std::to_string(tcp->acknowledgement) + " (ACK not set)"});
        }
        section.fields.push_back({"flags", hex(tcp->flags, 3) + " [" + flagNames(*tcp) + "]"});
        section.fields.push_back({"window", std::to_string(tcp->window)});
        section.fields.push_back({"header length", std::to_string(tcp->size()) + " bytes"});
        if (tcp->mss) section.fields.push_back({"MSS option", std::to_string(*tcp->mss)});
        section.fields.push_back({"payload", std::to_string(packet.payload.size()) + " bytes"});
        details.sections.push_back(std::move(section));
    } else if (const auto* udp = packet.udp()) {
        DetailSection section{"UDP", {}};
        section.fields.push_back({"source port", std::to_string(udp->sourcePort)});
        section.fields.push_back({"destination port", std::to_string(udp->destinationPort)});
        section.fields.push_back({"length", std::to_string(UdpHeader::size + packet.payload.size()) + " bytes"});
        details.sections.push_back(std::move(section));
        if (udp->sourcePort == 53 || udp->destinationPort == 53) details.sections.push_back(dnsSection(packet.payload));
    }

    details.payloadText = visibleText(packet.payload);
    details.hexDump = hexDump(toWire(packet));
    return details;
}

std::string visibleText(const Bytes& bytes) {
    std::string text;
    text.reserve(bytes.size());
    for (std::uint8_t byte : bytes) {
        if (byte == '\r') text += "\u240d";
        else if (byte == '\n') text += "\u240a\n";
        else if (byte == '\t') text += "\u2409";
        else if (byte >= 0x20 && byte < 0x7f) text += static_cast<char>(byte);
        else {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02x", byte);
            text += escape;
        }
    }
    return text;
}

std::string hexDump(const Bytes& bytes) {
    std::string text;
    constexpr std::size_t perLine = 16;
    for (std::size_t line = 0; line < bytes.size(); line += perLine) {
        char offset[32];
        std::snprintf(offset, sizeof offset, "%04zx  ", line);
        text += offset;
        std::string ascii;
        for (std::size_t i = line; i < line + perLine; ++i) {
            if (i < bytes.size()) {
                char pair[4];
                std::snprintf(pair, sizeof pair, "%02x ", bytes[i]);
                text += pair;
                ascii += bytes[i] >= 0x20 && bytes[i] < 0x7f ? static_cast<char>(bytes[i]) : '.';
            } else {
                text += "   ";
            }
            if (i == line + 7) text += ' ';
        }
        text += ' ' + ascii + '\n';
    }
    return text;
}

}  // namespace netstage::gui
