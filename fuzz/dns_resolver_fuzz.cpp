// The DNS stub resolver fed arbitrary datagrams while two queries are out.
// Oracle: a datagram is an answer or is ignored with a reason, nothing
// throws, every retransmission parses, and once every timeout has fired each
// query has had exactly one final word (Resolved, NameError or Failed) and
// none is outstanding.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/common/engine.hpp"
#include "protocols/dns/resolver.hpp"
#include "protocols/dns/wire_format.hpp"

namespace {

using namespace netstage;
using namespace std::chrono_literals;

int drain(dns::Resolver& resolver) {
    int finals = 0;
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        const dns::ResolverEvent event = resolver.nextEvent();
        if (proto::isNeedData(event)) return finals;
        if (!std::holds_alternative<dns::ResponseIgnored>(event)) ++finals;
    }
    fuzz::require(false, "the DNS resolver never went idle");
    return finals;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    dns::ResolverConfig config;
    config.firstId = 7;  // the ids of the seed answers
    dns::Resolver resolver{config};
    std::chrono::nanoseconds now{0};
    resolver.startQuery("hamburger.edu", dns::RecordType::MX, now);
    resolver.startQuery("mail.hamburger.edu.", dns::RecordType::A, now);
    fuzz::require(resolver.takeOutput().size() == 2, "the DNS resolver did not queue its two queries");
    int finals = 0;
    while (!input.done()) {
        now += 100ms;
        const std::string_view datagram = input.next();
        resolver.receive(std::span{reinterpret_cast<const std::uint8_t*>(datagram.data()), datagram.size()}, now);
        finals += drain(resolver);
    }
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        const auto deadline = resolver.nextTimeout();
        if (!deadline) break;
        now = *deadline;
        resolver.handleTimeout(now);
        for (const auto& query : resolver.takeOutput()) {
            fuzz::require(dns::parse(query).message.has_value(), "the DNS resolver sent a query that does not parse");
        }
        finals += drain(resolver);
    }
    fuzz::require(resolver.outstanding() == 0, "a DNS query is still outstanding after every timeout");
    fuzz::require(finals == 2, "a DNS query did not get exactly one final word");
    return 0;
}
