#include "protocols/dns/server_engine.hpp"

#include <utility>

#include "protocols/dns/wire_format.hpp"

namespace netstage::dns {

ServerEngine::ServerEngine(Zone zone, ServerConfig config) : zone_{std::move(zone)}, config_{config} {}

namespace {

Message responseTo(std::uint16_t id, const Flags& queryFlags, Rcode rcode) {
    Message response;
    response.id = id;
    response.flags.qr = true;
    response.flags.opcode = queryFlags.opcode;
    response.flags.aa = rcode == Rcode::NoError || rcode == Rcode::NxDomain;
    response.flags.rd = queryFlags.rd;
    response.flags.ra = false;  // authoritative only, no recursion
    response.flags.rcode = rcode;
    return response;
}

}  // namespace

ServerEngine::Reply ServerEngine::errorReply(std::uint16_t id, const Flags& flags, Rcode rcode,
                                             std::vector<Question> questions, std::string reason) {
    Message response = responseTo(id, flags, rcode);
    response.questions = std::move(questions);
    QueryAnswered event{id, {}, RecordType::A, rcode, {}, {}, false};
    if (!response.questions.empty()) {
        event.name = response.questions.front().name;
        event.type = response.questions.front().type;
    }
    return Reply{serialize(response), {ProtocolError{std::move(reason), true}, std::move(event)}};
}

void ServerEngine::receive(std::span<const std::uint8_t> query, std::chrono::nanoseconds /*now*/) {
    Reply reply = answer(query);
    for (auto& event : reply.events) events_.push_back(std::move(event));
    if (!reply.bytes.empty()) output_.push_back(std::move(reply.bytes));
}

ServerEvent ServerEngine::nextEvent() {
    if (events_.empty()) return NeedData{};
    ServerEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

std::vector<proto::Datagram> ServerEngine::takeOutput() { return std::exchange(output_, {}); }

ServerEngine::Reply ServerEngine::answer(std::span<const std::uint8_t> query) const {
    const auto header = parseHeader(query);
    if (!header) return Reply{{}, {ProtocolError{"datagram shorter than a DNS header; dropped", false}}};
    // Answering a response could start a loop between two servers.
    if (header->flags.qr) return Reply{{}, {ProtocolError{"received a response, not a query; dropped", false}}};
    if (header->flags.opcode != Opcode::Query) {
        return errorReply(header->id, header->flags, Rcode::NotImp, {},
                          "opcode " + std::to_string(static_cast<unsigned>(header->flags.opcode)) + " not implemented");
    }
    auto parsed = parse(query);
    if (!parsed) {
        return errorReply(header->id, header->flags, Rcode::FormErr, {},
                          parsed.error.reason + " at offset " + std::to_string(parsed.error.offset));
    }
    const Message& request = *parsed.message;
    if (request.questions.size() != 1) {
        return errorReply(header->id, header->flags, Rcode::FormErr, request.questions,
                          "query has " + std::to_string(request.questions.size()) + " questions, expected 1");
    }
    // An EDNS OPT record in the additional section (dig sends one) is ignored:
    // the response simply carries no OPT, which RFC 6891 §7 allows a client to read as "no EDNS".
    const Question& question = request.questions.front();
    Message response = responseTo(request.id, request.flags, Rcode::NoError);
    response.questions = request.questions;

    if (question.klass != RecordClass::IN && question.klass != RecordClass::ANY) {
        response.flags.rcode = Rcode::Refused;
        response.flags.aa = false;
    } else if (!zone_.contains(question.name)) {
        response.flags.rcode = Rcode::NxDomain;
    } else {
        for (auto record : zone_.lookup(question.name, question.type)) {
            record.name = question.name;  // echo the asker's spelling of the name
            response.answers.push_back(std::move(record));
        }
        // RFC 1035 §3.3.9: MX answers bring the exchanges' addresses along.
        for (const auto& record : response.answers) {
            if (const auto* mx = std::get_if<Mx>(&record.data)) {
                for (auto& a : zone_.lookup(mx->exchange, RecordType::A)) response.additionals.push_back(std::move(a));
            }
        }
    }

    std::vector<std::uint8_t> bytes = serialize(response);
    bool truncated = false;
    if (bytes.size() > config_.maxResponseSize) {
        // Drop the additional section first (it is optional), then the answers, and say so with TC.
        response.additionals.clear();
        bytes = serialize(response);
        if (bytes.size() > config_.maxResponseSize) {
            response.answers.clear();
            response.flags.tc = true;
            truncated = true;
            bytes = serialize(response);
        }
    }
    QueryAnswered event{request.id, question.name, question.type, response.flags.rcode,
                        response.answers, response.additionals, truncated};
    return Reply{std::move(bytes), {std::move(event)}};
}

}  // namespace netstage::dns
