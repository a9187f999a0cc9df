#include "cli/live_log.hpp"

#include <cstdio>

#include "simulator/trace/protocol_table.hpp"

namespace netstage::cli {

namespace {

std::string upper(std::string text) {
    for (char& c : text) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return text;
}

std::string seconds(Time at) {
    char text[32];
    std::snprintf(text, sizeof text, "%9.3f s", static_cast<double>(at.nanoseconds()) / 1e9);
    return text;
}

}  // namespace

std::string shortened(const std::string& text, std::size_t limit) {
    std::string shown;
    std::size_t count = 0;
    for (const char c : text) {
        if (count == limit) break;
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
            shown += escaped;
        } else {
            shown += c;
        }
        ++count;
    }
    if (count < text.size()) shown += " ... (" + std::to_string(text.size() - count) + " more characters)";
    return shown;
}

void LiveLog::print(Time at, const std::string& text) { out_ << seconds(at) << "  " << text << '\n' << std::flush; }

void LiveLog::onEvent(const trace::Event& event) {
    if (trace::hasDialogue(event.layer)) {
        const std::string connection = event.text("connection");
        if (event.type == "open") {
            std::string role = event.text("role");
            std::string who = upper(event.layer) + (role == "data" ? " data" : "") + "  " + event.text("client") + " -> " +
                              event.text("server");
            conversations_[connection] = who;
            print(event.time, who + "  connected (" + connection + ")");
        } else if (event.type == "line") {
            const auto found = conversations_.find(connection);
            const std::string who = found != conversations_.end() ? found->second : upper(event.layer) + " " + connection;
            print(event.time, who + "  " + event.text("from") + ": " + shortened(event.text("text")));
        } else if (event.type == "close") {
            const auto found = conversations_.find(connection);
            if (found == conversations_.end()) return;
            print(event.time, found->second + "  closed");
            conversations_.erase(found);
        }
        return;
    }
    if (event.layer == "mail") {
        const std::string& type = event.type;
        if (type == "delivered" || type == "relayed" || type == "queued" || type == "bounced" || type == "stored") {
            std::string text = "mail  " + type + "  " + event.text("message");
            if (event.field("from") != nullptr) text += "  from <" + event.text("from") + ">";
            if (event.field("to") != nullptr) text += " to <" + event.text("to") + ">";
            if (event.field("mailbox") != nullptr) text += "  mailbox " + event.text("mailbox");
            print(event.time, text);
        }
        return;
    }
    if (event.is("bridge", "rewrite")) {
        // What a NAT's FTP helper does, shown as it happens.
        print(event.time, "gateway  rewrote for the " + event.text("toward") + ": " + shortened(event.text("original")) +
                              "  ->  " + shortened(event.text("rewritten")));
        return;
    }
    if (event.layer == "bridge" && (event.type == "open" || event.type == "close")) {
        const std::string id = event.text("id");
        print(event.time, "outside connection " + id +
                              (event.type == "open" ? "  from " + event.node + " to " + event.text("server")
                                                    : "  closed by the real client"));
    }
}

}  // namespace netstage::cli
