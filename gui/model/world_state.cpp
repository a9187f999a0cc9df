#include "gui/model/world_state.hpp"

#include <algorithm>


namespace netstage::gui {

namespace {
MailItem mailItem(const trace::Event& event) {
    MailItem item;
    item.message = event.text("message");
    item.from = event.text("from");
    item.to = event.text("to");
    item.subject = event.text("subject");
    item.size = event.integer("size").value_or(0);
    item.attempt = event.integer("attempt").value_or(0);
    return item;
}

// A mailbox's INBOX is the mailbox itself ("bob@hamburger.edu"); its other
// folders are listed beside it ("bob@hamburger.edu/Recipes").
std::string mailboxKey(const trace::Event& event) {
    std::string key = event.text("mailbox");
    const std::string folder = event.text("folder");
    if (!key.empty() && !folder.empty() && folder != "INBOX") key += "/" + folder;
    return key;
}

void removeMessage(std::vector<MailItem>& items, const std::string& id) {
    items.erase(std::remove_if(items.begin(), items.end(), [&id](const MailItem& m) { return m.message == id; }),
                items.end());
}

void removeFromAll(std::map<std::string, std::vector<MailItem>>& boxes, const std::string& id) {
    for (auto& [name, items] : boxes) removeMessage(items, id);
    std::erase_if(boxes, [](const auto& entry) { return entry.second.empty(); });
}

std::size_t countAll(const std::map<std::string, std::vector<MailItem>>& boxes) {
    std::size_t total = 0;
    for (const auto& [name, items] : boxes) total += items.size();
    return total;
}
}  // namespace

std::size_t HostState::mailboxCount() const { return countAll(mailboxes); }
std::size_t HostState::queueCount() const { return countAll(queues); }

void WorldState::apply(const trace::Event& event) {
    if (event.layer == "mail") {
        applyMail(event);
    } else if (event.layer == "ftp") {
        applyFtp(event);
    } else if (event.is("tcp", "state")) {
        const std::string connection = event.text("connection");
        if (!connection.empty()) hosts_[event.node].connections[connection] = event.text("to");
    } else if (event.is("narration", "caption")) {
        caption_ = event.text("text");
    } else if (event.layer == "link" && (event.type == "down" || event.type == "up")) {
        const auto link = event.integer("link");
        if (!link) return;
        if (event.type == "down") linksDown_.insert(*link);
        else linksDown_.erase(*link);
    }
}

void WorldState::applyMail(const trace::Event& event) {
    if (event.type == "downloaded") {
        // A POP3 client's copy: numbered by the client, as it keeps them.
        MailItem item = mailItem(event);
        item.message = "local-" + std::to_string(event.integer("count").value_or(0));
        hosts_[event.node].downloaded.push_back(std::move(item));
        return;
    }
    const std::string id = event.text("message");
    if (id.empty()) return;
    HostState& host = hosts_[event.node];
    if (event.type == "queued") {
        const std::string queue = event.text("queue").empty() ? "outgoing" : event.text("queue");
        removeFromAll(host.queues, id);
        host.queues[queue].push_back(mailItem(event));
    } else if (event.type == "retry-scheduled") {
        for (auto& [name, items] : host.queues) {
            for (auto& item : items) {
                if (item.message == id) item.attempt = event.integer("attempt").value_or(item.attempt);
            }
        }
    } else if (event.type == "relayed" || event.type == "bounced" || event.type == "delivered") {
        removeFromAll(host.queues, id);
    } else if (event.type == "stored") {
        const std::string mailbox = mailboxKey(event).empty() ? "INBOX" : mailboxKey(event);
        removeMessage(host.mailboxes[mailbox], id);
        host.mailboxes[mailbox].push_back(mailItem(event));
    } else if (event.type == "deleted") {
        const std::string mailbox = mailboxKey(event);
        if (mailbox.empty()) {
            removeFromAll(host.mailboxes, id);
        } else if (auto box = host.mailboxes.find(mailbox); box != host.mailboxes.end()) {
            removeMessage(box->second, id);
            if (box->second.empty()) host.mailboxes.erase(box);
        }
    }
}

void WorldState::applyFtp(const trace::Event& event) {
    if (event.type == "file") {
        hosts_[event.node].ftpFiles[event.text("path")] = event.integer("size").value_or(0);
    } else if (event.type == "transfer-end") {
        const std::string verb = event.text("verb");
        const std::int64_t bytes = event.integer("bytes").value_or(0);
        auto& files = hosts_[event.node].ftpFiles;
        if (verb == "STOR") files[event.text("file")] = bytes;
        else if (verb == "APPE") files[event.text("file")] += bytes;
    } else if (event.type == "file-changed") {
        const std::string action = event.text("action");
        auto& files = hosts_[event.node].ftpFiles;
        const std::string path = event.text("path");
        if (action == "delete") {
            files.erase(path);
        } else if (action == "rename") {
            if (auto it = files.find(path); it != files.end()) {
                const std::int64_t size = it->second;
                files.erase(it);
                files[event.text("new_path")] = size;
            }
        }
    }
}

const HostState* WorldState::host(const std::string& name) const {
    const auto found = hosts_.find(name);
    return found == hosts_.end() ? nullptr : &found->second;
}

}  // namespace netstage::gui
