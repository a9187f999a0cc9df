#include "gui/model/host_summary.hpp"

#include "gui/model/format.hpp"

namespace netstage::gui {

namespace {
std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string describeMail(const MailItem& item) {
    std::string text = item.from.empty() ? item.message : item.from;
    if (!item.to.empty()) text += " \u2192 " + item.to;
    if (!item.subject.empty()) text += ": " + item.subject;
    return text;
}

void addMail(std::vector<HostRow>& rows, const std::map<std::string, std::vector<MailItem>>& boxes, bool queue) {
    for (const auto& [name, items] : boxes) {
        rows.push_back({HostRow::Kind::Item, name, plural(items.size(), "message", "messages")});
        for (const auto& item : items) {
            std::string value = item.size > 0 ? formatBytes(item.size) : "";
            if (queue && item.attempt > 0) value += (value.empty() ? "" : ", ") + ("attempt " + std::to_string(item.attempt));
            rows.push_back({HostRow::Kind::Detail, describeMail(item), value});
        }
    }
}
}  // namespace

std::vector<HostRow> describeHost(const Playback& playback, const std::string& host) {
    std::vector<HostRow> rows;
    const NodeInfo* node = playback.topology().findNode(host);
    if (node == nullptr) return rows;
    std::string addresses;
    for (const auto& address : node->addresses) addresses += (addresses.empty() ? "" : ", ") + address;
    rows.push_back({HostRow::Kind::Title, node->name, std::string{toString(node->role)}});
    if (!addresses.empty()) rows.push_back({HostRow::Kind::Item, addresses, ""});

    const HostState* state = playback.state().host(host);
    const HostState empty;
    if (state == nullptr) state = &empty;

    // Mail sections where mail can be: a mail server, or any host that holds some.
    if (node->role == NodeRole::MailServer || !state->mailboxes.empty() || !state->queues.empty()) {
        rows.push_back({HostRow::Kind::Section, "Mailboxes", std::to_string(state->mailboxCount())});
        if (state->mailboxes.empty()) rows.push_back({HostRow::Kind::Empty, "none", ""});
        addMail(rows, state->mailboxes, false);

        rows.push_back({HostRow::Kind::Section, "Mail queue", std::to_string(state->queueCount())});
        if (state->queues.empty()) rows.push_back({HostRow::Kind::Empty, "empty", ""});
        addMail(rows, state->queues, true);
    }

    if (!state->ftpFiles.empty()) {
        rows.push_back({HostRow::Kind::Section, "FTP files", std::to_string(state->ftpFiles.size())});
        for (const auto& [path, size] : state->ftpFiles) rows.push_back({HostRow::Kind::Item, path, std::to_string(size) + " B"});
    }

    rows.push_back({HostRow::Kind::Section, "TCP connections", std::to_string(state->connections.size())});
    if (state->connections.empty()) rows.push_back({HostRow::Kind::Empty, "none", ""});
    for (const auto& [connection, tcpState] : state->connections) {
        rows.push_back({HostRow::Kind::Item, formatConnection(connection), tcpState});
    }
    return rows;
}

}  // namespace netstage::gui
