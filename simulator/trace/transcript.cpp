#include "simulator/trace/transcript.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace netstage::trace {

namespace {

std::string field(const Event& event, std::string_view name) {
    for (const auto& [key, value] : event.fields) {
        if (key == name) {
            if (const auto* text = std::get_if<std::string>(&value)) return *text;
            return std::to_string(std::get<std::int64_t>(value));
        }
    }
    return {};
}

std::string upper(std::string text) {
    for (char& c : text) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return text;
}

bool isApplicationLayer(const std::string& layer) {
    return layer == "smtp" || layer == "pop3" || layer == "imap" || layer == "ftp";
}

// "10.0.1.10:49152-10.0.2.10:25" -> {"10.0.1.10:49152", "10.0.2.10:25"}
std::pair<std::string, std::string> ends(const std::string& connection) {
    const auto dash = connection.find('-');
    if (dash == std::string::npos) return {connection, {}};
    return {connection.substr(0, dash), connection.substr(dash + 1)};
}

// Events that stand for a dialogue that never opened or did not carry its
// message: each becomes one line in the transcript, at its time, in its own words.
struct NoteEvent {
    std::string_view layer;
    std::string_view type;
    std::string (*text)(const Event& event);
};

// A relay's connection to a mail exchanger that never opened (mail server queue).
std::string connectFailedNote(const Event& event) {
    return event.node + ": connection to " + field(event, "exchange") + " (" + field(event, "address") + ") failed after " +
           field(event, "elapsed") + ": " + field(event, "reason") + "; " + field(event, "next");
}

// A user agent's message that its server refused, or that never reached the server.
std::string submitFailedNote(const Event& event) {
    return event.node + ": message " + field(event, "message") + " not sent: " + field(event, "reply");
}

constexpr NoteEvent kNoteEvents[] = {
    {"mail", "connect-failed", connectFailedNote},
    {"mail", "submit-failed", submitFailedNote},
};

}  // namespace

std::string TranscriptBlock::header() const {
    const auto [clientEnd, serverEnd] = ends(connection);
    std::string text = "# " + client + " (" + clientEnd + ") -> " + server + " (" + serverEnd + ") " + protocol;
    if (role != "session" && !role.empty()) text += " " + role;
    return text;
}

std::string TranscriptBlock::text() const {
    if (!note.empty()) return note + '\n';
    std::string out = header() + '\n';
    for (const auto& line : lines) out += line + '\n';
    return out;
}

void TranscriptSink::onEvent(const Event& event) {
    for (const auto& note : kNoteEvents) {
        if (event.layer != note.layer || event.type != note.type) continue;
        TranscriptBlock block;
        block.opened = event.time;
        block.note = note.text(event);
        blocks_.push_back(std::move(block));
        return;
    }
    if (!isApplicationLayer(event.layer)) return;
    const std::string key = event.layer + ' ' + field(event, "connection");
    if (event.type == "open") {
        TranscriptBlock block;
        block.protocol = upper(event.layer);
        block.connection = field(event, "connection");
        block.client = field(event, "client");
        block.server = field(event, "server");
        block.role = field(event, "role");
        block.opened = event.time;
        open_[key] = blocks_.size();
        blocks_.push_back(std::move(block));
    } else if (event.type == "line") {
        auto it = open_.find(key);
        if (it == open_.end()) return;
        blocks_[it->second].lines.push_back(field(event, "from") + ": " + field(event, "text"));
    } else if (event.type == "close") {
        open_.erase(key);
    }
}

void TranscriptSink::print(std::ostream& out) const {
    bool first = true;
    for (const auto& block : blocks_) {
        if (!first) out << '\n';
        first = false;
        out << block.text();
    }
}

}  // namespace netstage::trace
