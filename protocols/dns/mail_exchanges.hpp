#pragma once
// Where to deliver mail for a domain, from DNS answers (RFC 5321 §5.1).

#include <cstdint>
#include <string>
#include <vector>

#include "protocols/dns/message.hpp"

namespace netstage::dns {

struct MailExchange {
    std::uint16_t preference = 0;
    std::string host;
    std::vector<std::uint32_t> addresses;  // empty: the caller must resolve `host` itself
    bool operator==(const MailExchange&) const = default;
};

struct MailRoute {
    std::vector<MailExchange> exchanges;  // ascending preference; equal preferences keep answer order
    bool implicitMx = false;              // no MX records: the domain's own A records were used
    bool nullMx = false;                  // "0 ." (RFC 7505): the domain accepts no mail; permanent
};

// `records` holds everything learned for the domain: the MX answer with its
// additional section, and, when there was no MX, the answer to an A query.
// Randomising among equal preferences (RFC 5321 §5.1) is left to the caller,
// which owns a seeded random stream; this function is deterministic.
MailRoute mailExchangesFor(const std::string& domain, const std::vector<ResourceRecord>& records);

}  // namespace netstage::dns
