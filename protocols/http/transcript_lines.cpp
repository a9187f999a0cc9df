#include "protocols/http/transcript_lines.hpp"

namespace netstage::http {

namespace {

std::string withThousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

void addHead(std::vector<std::string>& lines, const HeaderFields& headers, std::size_t bodyLength) {
    for (const auto& field : headers) lines.push_back(field.name + ": " + field.value);
    lines.emplace_back();
    if (bodyLength > 0) lines.push_back(bodySummary(bodyLength, headers.get("Content-Type").value_or("")));
}

}  // namespace

std::string bodySummary(std::size_t length, std::string_view contentType) {
    contentType = contentType.substr(0, contentType.find(';'));
    while (!contentType.empty() && contentType.back() == ' ') contentType.remove_suffix(1);
    std::string out = "[" + withThousands(length) + (length == 1 ? " byte" : " bytes");
    if (!contentType.empty()) out += " of " + std::string{contentType};
    return out + "]";
}

std::vector<std::string> transcriptLines(const RequestReceived& request) {
    std::vector<std::string> lines{request.method + " " + request.target + " " + toString(request.version)};
    addHead(lines, request.headers, request.bodyLength);
    return lines;
}

std::vector<std::string> transcriptLines(const ResponseSent& response) {
    std::vector<std::string> lines{"HTTP/1.1 " + std::to_string(response.status) + " " + response.reason};
    addHead(lines, response.headers, response.bodyLength);
    return lines;
}

std::vector<std::string> transcriptLines(const client::RequestSent& request) {
    std::vector<std::string> lines{request.method + " " + request.target + " HTTP/1.1"};
    addHead(lines, request.headers, request.bodyLength);
    return lines;
}

}  // namespace netstage::http
