#pragma once
// Stub resolver client engine (sans-IO), a proto::DatagramEngine. It builds
// query datagrams, matches response datagrams to outstanding queries, and
// retransmits on timeouts it is told about; every datagram to send (to the
// one server it asks) comes out of takeOutput(). It never reads a clock and
// never draws random numbers on its own: ids come from a counter or from a
// source the caller supplies.

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "protocols/common/engine.hpp"
#include "protocols/common/fifo.hpp"
#include "protocols/dns/message.hpp"
#include "protocols/dns/need_data.hpp"

namespace netstage::dns {

using QueryId = std::uint16_t;

struct Resolved {
    QueryId id = 0;
    std::string name;
    RecordType type = RecordType::A;
    std::vector<ResourceRecord> records;      // the answer section
    std::vector<ResourceRecord> additionals;  // e.g. the A records of MX exchanges
};

// NXDOMAIN: the name does not exist. Permanent (RFC 5321 §5.1).
struct NameError {
    QueryId id = 0;
    std::string name;
    RecordType type = RecordType::A;
};

// Timeout after the last attempt, SERVFAIL, or any other error rcode. Temporary.
struct Failed {
    QueryId id = 0;
    std::string name;
    RecordType type = RecordType::A;
    std::string reason;
};

// A datagram that was not an acceptable answer (unparsable, unknown id,
// question mismatch). It changes nothing; the event makes it visible.
struct ResponseIgnored {
    std::string reason;
};

using ResolverEvent = std::variant<NeedData, Resolved, NameError, Failed, ResponseIgnored>;

struct ResolverConfig {
    std::chrono::nanoseconds timeout = std::chrono::seconds{2};
    int attempts = 3;  // total transmissions per query, the first one included
    bool recursionDesired = true;
    QueryId firstId = 1;  // used by the default counter
    // If set, ids come from here instead of the counter (e.g. a seeded random stream).
    std::function<QueryId()> idSource;
};

class Resolver {
public:
    explicit Resolver(ResolverConfig config = {});

    // Queues the query for takeOutput() and returns its id, which every
    // event about it carries. `name` may carry a trailing dot.
    QueryId startQuery(const std::string& name, RecordType type, std::chrono::nanoseconds now);

    // One received datagram. Never throws.
    void receive(std::span<const std::uint8_t> datagram, std::chrono::nanoseconds now);

    // Earliest retransmission or give-up deadline, if any query is outstanding.
    std::optional<std::chrono::nanoseconds> nextTimeout() const;
    // Queues again every query whose deadline has passed and fails those out of attempts.
    void handleTimeout(std::chrono::nanoseconds now);

    // The next event, or NeedData when there is none.
    ResolverEvent nextEvent();
    // The datagrams to send to the server, in order: new queries and retransmissions.
    std::vector<proto::Datagram> takeOutput();
    std::size_t outstanding() const { return pending_.size(); }

private:
    struct Pending {
        Question question;
        std::vector<std::uint8_t> bytes;
        int sent = 0;
        std::chrono::nanoseconds deadline{};
    };

    QueryId allocateId();

    ResolverConfig config_;
    QueryId counter_;
    std::map<QueryId, Pending> pending_;  // ordered: timeouts fire in id order at equal deadlines
    proto::Fifo<ResolverEvent> events_;
    std::vector<proto::Datagram> output_;
};

}  // namespace netstage::dns
