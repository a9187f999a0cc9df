#pragma once
// What the world looks like after a prefix of the trace: mailboxes and mail
// queues per host (folded from `mail` events), FTP servers' files (from
// `ftp` file, transfer-end and file-changed events), TCP connections and their
// states (from `tcp/state`), links that are down, and the narration caption.
// It is rebuilt from the trace, never taken from a live simulation.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "simulator/trace/trace_event.hpp"

namespace netstage::gui {

struct MailItem {
    std::string message;  // the trace's short id
    std::string from;
    std::string to;
    std::string subject;
    std::int64_t size = 0;
    std::int64_t attempt = 0;  // delivery attempts so far, for queued mail

    friend bool operator==(const MailItem&, const MailItem&) = default;
};

struct HostState {
    std::map<std::string, std::vector<MailItem>> mailboxes;  // mailbox name -> messages
    std::map<std::string, std::vector<MailItem>> queues;     // queue name -> messages
    std::map<std::string, std::string> connections;          // "local-remote" -> RFC 9293 state
    std::map<std::string, std::int64_t> ftpFiles;            // FTP server: path -> size in octets
    std::vector<MailItem> downloaded;                        // a POP3 client's local copies, in order

    // Messages in the mailboxes (every folder), in the queues, and both with
    // the local copies a mail client downloaded (what the node's badge counts).
    std::size_t mailboxCount() const;
    std::size_t queueCount() const;
    std::size_t mailHeld() const { return mailboxCount() + downloaded.size(); }
    friend bool operator==(const HostState&, const HostState&) = default;
};

class WorldState {
public:
    void apply(const trace::Event& event);

    const HostState* host(const std::string& name) const;
    const std::map<std::string, HostState>& hosts() const { return hosts_; }
    const std::string& caption() const { return caption_; }
    bool isLinkDown(std::int64_t link) const { return linksDown_.count(link) != 0; }

    friend bool operator==(const WorldState&, const WorldState&) = default;

private:
    void applyMail(const trace::Event& event);
    void applyFtp(const trace::Event& event);

    std::map<std::string, HostState> hosts_;
    std::set<std::int64_t> linksDown_;
    std::string caption_;
};

}  // namespace netstage::gui
