#include "protocols/ftp/reply.hpp"

#include "protocols/common/one_line.hpp"

namespace netstage::ftp {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// RFC 959 §4.2.1: the first digit of a reply code is 1 to 5. "027" is not a
// code; read as 27 it would even come back out as the two digits "27".
std::optional<int> codeOf(std::string_view line) {
    if (line.size() < 3 || line[0] < '1' || line[0] > '5' || !isDigit(line[1]) || !isDigit(line[2])) return std::nullopt;
    if (line.size() > 3 && line[3] != ' ' && line[3] != '-') return std::nullopt;
    return (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
}

}  // namespace

std::string Reply::text() const {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) out += '\n';
        out += lines[i];
    }
    return out;
}

std::string formatReply(const Reply& reply) {
    for (const std::string& line : reply.lines) proto::requireOneLine(line, "FTP reply text");
    const std::string code = std::to_string(reply.code);
    if (reply.lines.empty()) return code + " \r\n";
    std::string out;
    for (std::size_t i = 0; i + 1 < reply.lines.size(); ++i) {
        // A middle line that itself starts with a digit could be mistaken for
        // the last line, so it is indented (RFC 959 §4.2).
        const std::string& line = reply.lines[i];
        if (i == 0) {
            out += code + "-" + line + "\r\n";
        } else {
            out += (!line.empty() && isDigit(line.front()) ? " " : "") + line + "\r\n";
        }
    }
    out += code + " " + reply.lines.back() + "\r\n";
    return out;
}

ReplyReader::Result ReplyReader::next() {
    while (auto line = lines_.next()) {
        if (!proto::isOneLine(line->text)) {
            // A bare CR inside a line: no reply text may carry one (formatReply would refuse it).
            partial_.reset();
            return {std::nullopt, "malformed reply line (a bare CR inside): " + line->text.substr(0, 80)};
        }
        const auto code = codeOf(line->text);
        const std::string_view text = line->text.size() > 4 ? std::string_view{line->text}.substr(4) : "";
        if (partial_) {
            if (code && *code == partial_->code && line->text.size() >= 4 && line->text[3] == ' ') {
                partial_->lines.emplace_back(text);
                Reply done = std::move(*partial_);
                partial_.reset();
                return {std::move(done), std::nullopt};
            }
            // "xyz-" inside a multi-line reply is a continuation line too.
            partial_->lines.push_back(code && line->text.size() >= 4 && line->text[3] == '-'
                                          ? std::string{text}
                                          : line->text);
            continue;
        }
        if (!code) return {std::nullopt, "malformed reply line: " + line->text.substr(0, 80)};
        if (line->text.size() >= 4 && line->text[3] == '-') {
            partial_ = Reply{*code, {std::string{text}}};
            continue;
        }
        return {Reply{*code, {std::string{text}}}, std::nullopt};
    }
    return {};
}

}  // namespace netstage::ftp
