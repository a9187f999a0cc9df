#include "simulator/trace/transcript.hpp"

#include <ostream>
#include <string>
#include <string_view>

#include "simulator/trace/connection_key.hpp"
#include "simulator/trace/protocol_table.hpp"

namespace netstage::trace {

namespace {

std::string upper(std::string text) {
    for (char& c : text) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return text;
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
    return event.node + ": connection to " + event.text("exchange") + " (" + event.text("address") + ") failed after " +
           event.text("elapsed") + ": " + event.text("reason") + "; " + event.text("next");
}

// A user agent's message that its server refused, or that never reached the server.
std::string submitFailedNote(const Event& event) {
    return event.node + ": message " + event.text("message") + " not sent: " + event.text("reply");
}

constexpr NoteEvent kNoteEvents[] = {
    {"mail", "connect-failed", connectFailedNote},
    {"mail", "submit-failed", submitFailedNote},
};

}  // namespace

std::string TranscriptBlock::header() const {
    std::string clientEnd = connection;
    std::string serverEnd;
    if (const auto key = ConnectionKey::parse(connection)) {
        clientEnd = key->client.toString();
        serverEnd = key->server.toString();
    }
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

std::string Transcript::text() const {
    std::string out;
    for (const auto& block : blocks) {
        if (!out.empty()) out += '\n';
        out += block.text();
    }
    return out;
}

TranscriptBlock& TranscriptBuilder::blockFor(const Event& event, const std::string& key) {
    if (const auto found = open_.find(key); found != open_.end()) return transcript_.blocks[found->second];
    // A line without its open event: named from the topology's addresses.
    TranscriptBlock block;
    block.protocol = upper(event.layer);
    block.connection = event.text("connection");
    block.role = "session";
    block.opened = event.time;
    const auto hostOf = [this](Endpoint end) {
        const auto found = hosts_.find(end.address);
        return found != hosts_.end() ? found->second : end.address.toString();
    };
    if (const auto connection = ConnectionKey::parse(block.connection)) {
        block.client = hostOf(connection->client);
        block.server = event.node.empty() ? hostOf(connection->server) : event.node;
    } else {
        block.client = block.connection;
        block.server = event.node;
    }
    open_[key] = transcript_.blocks.size();
    transcript_.blocks.push_back(std::move(block));
    return transcript_.blocks.back();
}

void TranscriptBuilder::add(const Event& event, std::size_t recordIndex) {
    for (const auto& note : kNoteEvents) {
        if (!event.is(note.layer, note.type)) continue;
        TranscriptBlock block;
        block.opened = event.time;
        block.note = note.text(event);
        transcript_.blocks.push_back(std::move(block));
        return;
    }
    if (event.is("topology", "node")) {
        // "10.0.1.10,10.0.2.1": the first node announced with an address names it.
        const std::string list = event.text("addresses");
        const std::string name = event.text("name");
        std::string_view addresses = list;
        while (!addresses.empty()) {
            const auto comma = addresses.find(',');
            if (const auto address = Ipv4Address::parse(addresses.substr(0, comma))) hosts_.emplace(*address, name);
            if (comma == std::string_view::npos) break;
            addresses.remove_prefix(comma + 1);
        }
        return;
    }
    if (!hasDialogue(event.layer)) return;
    const std::string key = event.layer + ' ' + event.text("connection");
    if (event.type == "open") {
        TranscriptBlock block;
        block.protocol = upper(event.layer);
        block.connection = event.text("connection");
        block.client = event.text("client");
        block.server = event.text("server");
        block.role = event.text("role");
        block.opened = event.time;
        open_[key] = transcript_.blocks.size();
        transcript_.blocks.push_back(std::move(block));
    } else if (event.type == "line") {
        TranscriptBlock& block = blockFor(event, key);
        TranscriptMessage message;
        message.recordIndex = recordIndex;
        message.time = event.time;
        message.node = event.node;
        message.protocol = block.protocol;
        message.connection = block.connection;
        message.from = event.text("from") == "S" ? 'S' : 'C';
        message.text = event.text("text");
        message.block = static_cast<std::size_t>(&block - transcript_.blocks.data());
        block.lines.push_back(message.display());
        block.messages.push_back(transcript_.messages.size());
        transcript_.messages.push_back(std::move(message));
    } else if (event.type == "close") {
        open_.erase(key);
    }
}

Transcript buildTranscript(const TraceLog& log) {
    TranscriptBuilder builder;
    for (std::size_t index = 0; index < log.records.size(); ++index) {
        if (const auto* event = std::get_if<Event>(&log.records[index])) builder.add(*event, index);
    }
    return std::move(builder).take();
}

void TranscriptSink::print(std::ostream& out) const { out << builder_.transcript().text(); }

}  // namespace netstage::trace
