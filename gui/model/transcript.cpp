#include "gui/model/transcript.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <utility>

#include "gui/model/event_fields.hpp"

namespace netstage::gui {

namespace {
bool isApplicationLayer(const std::string& layer) {
    return layer == "smtp" || layer == "pop3" || layer == "imap" || layer == "ftp";
}

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// "10.0.1.2:49152-10.0.2.10:25" -> "10.0.1.2" (first = true) or "10.0.2.10".
std::string addressOf(const std::string& connection, bool first) {
    const auto dash = connection.find('-');
    std::string end = first ? connection.substr(0, dash) : (dash == std::string::npos ? "" : connection.substr(dash + 1));
    const auto colon = end.rfind(':');
    return colon == std::string::npos ? end : end.substr(0, colon);
}

// Address -> the first node announced with it; built once, not searched per connection.
std::unordered_map<std::string, std::string> namesByAddress(const Topology& topology) {
    std::unordered_map<std::string, std::string> names;
    for (const auto& node : topology.nodes) {
        for (const auto& address : node.addresses) names.emplace(address, node.name);
    }
    return names;
}

std::string hostFor(const std::unordered_map<std::string, std::string>& names, const std::string& address) {
    const auto found = names.find(address);
    return found == names.end() ? address : found->second;
}
}  // namespace

std::string Conversation::header() const {
    std::string text = "# " + client + " -> " + server + " " + protocol;
    if (!role.empty() && role != "session" && role != "control") text += " " + role;
    return text;
}

std::optional<std::size_t> Transcript::rowOfMessage(std::size_t message) const {
    for (std::size_t row = 0; row < rows.size(); ++row) {
        if (rows[row].message == message) return row;
    }
    return std::nullopt;
}

Transcript readTranscript(const trace::TraceLog& log, const Topology& topology) {
    Transcript transcript;
    std::map<std::pair<std::string, std::string>, std::size_t> byConnection;  // (layer, connection)
    const auto names = namesByAddress(topology);
    const auto conversationFor = [&](const trace::Event& event) -> std::size_t {
        const std::string connection = fieldText(event, "connection");
        const auto key = std::make_pair(event.layer, connection);
        if (const auto found = byConnection.find(key); found != byConnection.end()) return found->second;
        Conversation conversation;
        conversation.protocol = upper(event.layer);
        conversation.connection = connection;
        conversation.client = hostFor(names, addressOf(connection, true));
        conversation.server = event.node.empty() ? hostFor(names, addressOf(connection, false)) : event.node;
        conversation.role = "session";
        byConnection.emplace(key, transcript.conversations.size());
        transcript.conversations.push_back(std::move(conversation));
        return transcript.conversations.size() - 1;
    };

    for (std::size_t index = 0; index < log.records.size(); ++index) {
        const auto* event = std::get_if<trace::Event>(&log.records[index]);
        if (event == nullptr || !isApplicationLayer(event->layer)) continue;
        if (event->type == "open") {
            Conversation& conversation = transcript.conversations[conversationFor(*event)];
            if (const auto client = fieldText(*event, "client"); !client.empty()) conversation.client = client;
            if (const auto server = fieldText(*event, "server"); !server.empty()) conversation.server = server;
            if (const auto role = fieldText(*event, "role"); !role.empty()) conversation.role = role;
        } else if (event->type == "line") {
            AppMessage message;
            message.recordIndex = index;
            message.time = event->time;
            message.node = event->node;
            message.protocol = upper(event->layer);
            message.connection = fieldText(*event, "connection");
            message.from = fieldText(*event, "from") == "S" ? 'S' : 'C';
            message.text = fieldText(*event, "text");
            message.conversation = conversationFor(*event);
            transcript.conversations[message.conversation].messages.push_back(transcript.messages.size());
            transcript.messages.push_back(std::move(message));
        }
    }

    for (std::size_t c = 0; c < transcript.conversations.size(); ++c) {
        const Conversation& conversation = transcript.conversations[c];
        transcript.rows.push_back({TranscriptRow::Kind::Header, c, std::nullopt, conversation.header()});
        for (std::size_t m : conversation.messages) {
            transcript.rows.push_back({TranscriptRow::Kind::Line, c, m, transcript.messages[m].display()});
        }
    }
    return transcript;
}

}  // namespace netstage::gui
