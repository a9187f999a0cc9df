#pragma once
// Stub resolver client engine (sans-IO). It builds query datagrams, matches
// response datagrams to outstanding queries, and retransmits on timeouts it
// is told about. It never reads a clock and never draws random numbers on its
// own: ids come from a counter or from a source the caller supplies.

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

#include "protocols/common/fifo.hpp"
#include "protocols/dns/message.hpp"

namespace netstage::dns {

using QueryId = std::uint16_t;

// nextEvent() has nothing more to report.
struct NeedData {};

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

struct Datagram {
    QueryId id = 0;
    std::vector<std::uint8_t> bytes;
};

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

    // Returns the query to send. `name` may carry a trailing dot.
    Datagram startQuery(const std::string& name, RecordType type, std::chrono::nanoseconds now);

    // One received datagram. Never throws.
    void receive(std::span<const std::uint8_t> bytes, std::chrono::nanoseconds now);

    // Earliest retransmission or give-up deadline, if any query is outstanding.
    std::optional<std::chrono::nanoseconds> nextTimeout() const;
    // Retransmits every query whose deadline has passed and fails those out of
    // attempts. Returns the datagrams to send again.
    std::vector<Datagram> handleTimeout(std::chrono::nanoseconds now);

    // The next event, or NeedData when there is none.
    ResolverEvent nextEvent();
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
};

}  // namespace netstage::dns
