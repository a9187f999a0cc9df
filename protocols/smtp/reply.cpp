#include "protocols/smtp/reply.hpp"

#include <stdexcept>
#include <utility>

#include "protocols/common/one_line.hpp"

namespace netstage::smtp {

std::vector<std::string> wireLines(const Reply& reply) {
    if (reply.code < 100 || reply.code > 599) throw std::invalid_argument{"SMTP reply code out of range"};
    const std::string code = std::to_string(reply.code);
    std::vector<std::string> lines;
    if (reply.texts.empty()) {
        lines.push_back(code);
        return lines;
    }
    for (std::size_t i = 0; i < reply.texts.size(); ++i) {
        proto::requireOneLine(reply.texts[i], "SMTP reply text");
        const bool last = i + 1 == reply.texts.size();
        lines.push_back(code + (last ? " " : "-") + reply.texts[i]);
    }
    return lines;
}

std::string formatReply(const Reply& reply) {
    std::string out;
    for (const std::string& line : wireLines(reply)) out.append(line).append("\r\n");
    return out;
}

ReplyParser::Status ReplyParser::feed(std::string_view line) {
    auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (line.size() < 3 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2]) || line[0] < '1' ||
        line[0] > '5' || (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
        pending_ = {};
        wire_.clear();
        return Status::Malformed;
    }
    const int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    if (!wire_.empty() && code != pending_.code) {
        // RFC 5321 §4.2.1: every line of a reply carries the same code.
        pending_ = {};
        wire_.clear();
        return Status::Malformed;
    }
    pending_.code = code;
    pending_.texts.emplace_back(line.size() > 4 ? line.substr(4) : std::string_view{});
    wire_.emplace_back(line);
    const bool continued = line.size() > 3 && line[3] == '-';
    return continued ? Status::NeedMore : Status::Complete;
}

Reply ReplyParser::take() {
    Reply reply = std::move(pending_);
    pending_ = {};
    return reply;
}

std::vector<std::string> ReplyParser::takeWireLines() {
    std::vector<std::string> lines = std::move(wire_);
    wire_.clear();
    return lines;
}

}  // namespace netstage::smtp
