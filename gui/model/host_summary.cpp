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

// "bob@hamburger.edu/Recipes" (an IMAP folder beside INBOX) -> "bob › Recipes":
// short enough for the panel, and still whose it is.
std::string boxLabel(const std::string& name) {
    const auto at = name.find('@');
    const auto slash = name.find('/', at == std::string::npos ? 0 : at);
    if (at == std::string::npos || slash == std::string::npos) return name;
    return name.substr(0, at) + " \u203a " + name.substr(slash + 1);
}

// "… and 950 more mailboxes", when a list was cut.
void addMore(std::vector<HostRow>& rows, std::size_t total, std::size_t shown, const char* one, const char* many) {
    if (total > shown) rows.push_back({HostRow::Kind::Empty, "\u2026 and " + plural(total - shown, one, many), ""});
}

void addMail(std::vector<HostRow>& rows, const std::map<std::string, std::vector<MailItem>>& boxes, bool queue,
             const HostRowLimits& limits) {
    std::size_t listed = 0;
    for (const auto& [name, items] : boxes) {
        if (listed++ == limits.mailboxes) break;
        rows.push_back({HostRow::Kind::Item, boxLabel(name), plural(items.size(), "message", "messages")});
        for (std::size_t i = 0; i < items.size() && i < limits.messagesPerBox; ++i) {
            const MailItem& item = items[i];
            std::string value = item.size > 0 ? formatBytes(item.size) : "";
            if (queue && item.attempt > 0) value += (value.empty() ? "" : ", ") + ("attempt " + std::to_string(item.attempt));
            rows.push_back({HostRow::Kind::Detail, describeMail(item), value});
        }
        addMore(rows, items.size(), limits.messagesPerBox, "more message", "more messages");
    }
    addMore(rows, boxes.size(), limits.mailboxes, queue ? "more queue" : "more mailbox", queue ? "more queues" : "more mailboxes");
}
}  // namespace

std::vector<HostRow> describeHost(const Playback& playback, const std::string& host, const HostRowLimits& limits) {
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
    // A section's title says what its number counts.
    if (node->role == NodeRole::MailServer || !state->mailboxes.empty() || !state->queues.empty()) {
        const std::string boxes = plural(state->mailboxes.size(), "mailbox", "mailboxes");
        rows.push_back({HostRow::Kind::Section, "Mailboxes",
                        state->mailboxes.empty() ? "0 messages" : boxes + ", " + plural(state->mailboxCount(), "message", "messages")});
        if (state->mailboxes.empty()) rows.push_back({HostRow::Kind::Empty, "none", ""});
        addMail(rows, state->mailboxes, false, limits);

        rows.push_back({HostRow::Kind::Section, "Mail queue", plural(state->queueCount(), "message", "messages")});
        if (state->queues.empty()) rows.push_back({HostRow::Kind::Empty, "empty", ""});
        addMail(rows, state->queues, true, limits);
    }

    // What a POP3 client took home: the point of the POP3 lesson.
    if (!state->downloaded.empty()) {
        rows.push_back({HostRow::Kind::Section, "Downloaded (kept here)",
                        plural(state->downloaded.size(), "message", "messages")});
        for (std::size_t i = 0; i < state->downloaded.size() && i < limits.messagesPerBox; ++i) {
            const MailItem& item = state->downloaded[i];
            rows.push_back({HostRow::Kind::Detail, item.from.empty() && item.subject.empty() ? "message " + std::to_string(i + 1)
                                                                                            : describeMail(item),
                            item.size > 0 ? formatBytes(item.size) : ""});
        }
        addMore(rows, state->downloaded.size(), limits.messagesPerBox, "more message", "more messages");
    }

    if (!state->ftpFiles.empty()) {
        rows.push_back({HostRow::Kind::Section, "FTP files", plural(state->ftpFiles.size(), "file", "files")});
        std::size_t listed = 0;
        for (const auto& [path, size] : state->ftpFiles) {
            if (listed++ == limits.files) break;
            rows.push_back({HostRow::Kind::Item, path, std::to_string(size) + " B"});
        }
        addMore(rows, state->ftpFiles.size(), limits.files, "more file", "more files");
    }

    rows.push_back({HostRow::Kind::Section, "TCP connections", plural(state->connections.size(), "connection", "connections")});
    if (state->connections.empty()) rows.push_back({HostRow::Kind::Empty, "none", ""});
    std::size_t listed = 0;
    for (const auto& [connection, tcpState] : state->connections) {
        if (listed++ == limits.connections) break;
        rows.push_back({HostRow::Kind::Item, formatConnection(connection), tcpState});
    }
    addMore(rows, state->connections.size(), limits.connections, "more connection", "more connections");
    return rows;
}

}  // namespace netstage::gui
