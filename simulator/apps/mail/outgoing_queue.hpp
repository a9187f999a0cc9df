#pragma once
// A mail server's queue of outgoing messages (RFC 5321 §4.5.4): each entry
// is one message for one domain. Delivery resolves the domain's mail
// exchangers, tries them in order of preference, retries with a doubling
// interval after temporary failures, and bounces to the sender on a
// permanent failure or when the give-up time has passed.
//
// Messages for the same domain travel together: a first attempt at a domain
// carries every new entry for it that is ready, and a new entry that becomes ready
// while a connection to that domain is open goes over that connection
// before its QUIT (RFC 5321 §3.3, one transaction after another). One
// connection, one DNS lookup and one greeting serve them all.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "protocols/smtp/events.hpp"
#include "simulator/apps/dns/resolver_client.hpp"
#include "simulator/apps/session_keeper.hpp"
#include "simulator/core/simulator.hpp"

namespace netstage::apps {

class MailServer;
class SmtpClientConnection;

class OutgoingQueue {
public:
    explicit OutgoingQueue(MailServer& server);
    ~OutgoingQueue();

    // Queues `data` for `recipients` (all outside this server's domain).
    void enqueue(const std::string& reversePath, const std::vector<std::string>& recipients, const std::string& data);

    std::size_t size() const { return entries_.size(); }

    struct Snapshot {
        std::string id;
        std::string domain;
        std::vector<std::string> recipients;
        int attempts = 0;
    };
    std::vector<Snapshot> snapshot() const;

private:
    struct Entry {
        std::string id;
        std::string reversePath;
        std::string domain;
        std::vector<std::string> recipients;
        std::string data;
        Time queuedAt;
        int attempts = 0;
        EventId retryTimer;
        std::string lastError;
    };

    // One attempt at a domain and the entries it carries.
    struct Batch {
        std::string domain;
        std::vector<std::string> ids;          // entries in this attempt, in the order they joined
        std::vector<std::uint32_t> exchanges;  // addresses still to try
        // The session under way: its item numbers' entries, and whether it may take more.
        std::shared_ptr<SmtpClientConnection> connection;
        std::shared_ptr<std::vector<std::string>> items;
        std::vector<std::string> waiting;      // ready after this session's QUIT: the next attempt
    };

    void attempt(const std::string& id);
    void resolved(const std::string& key, const MailRouteResult& result);
    void tryNextExchange(const std::string& key);
    void itemResult(const std::string& id, const std::string& via, const smtp::ItemResult& result);
    void endBatch(const std::string& key);
    void attemptFailed(const std::string& id, const std::string& reason);
    // The exchange was never reached: says so, and what comes next, in the trace and the server's incidents.
    void connectFailed(const Batch& batch, Ipv4Address target, const std::string& reason, Time started);
    // The wait before the next attempt, or nothing when it is time to give up.
    std::optional<Time> nextWait(const Entry& entry) const;
    void delivered(const std::string& id, const std::string& via);
    void bounce(const std::string& id, const std::string& reason, bool permanent);
    Entry* find(const std::string& id);

    MailServer& server_;
    std::map<std::string, std::unique_ptr<Entry>> entries_;
    // Attempts under way: first attempts by their domain (others join them), a retry by "retry <id>".
    std::map<std::string, Batch> batches_;
    SessionKeeper sessions_;  // last: relay sessions still open go first
};

}  // namespace netstage::apps
