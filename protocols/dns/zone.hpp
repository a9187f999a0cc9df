#pragma once
// The records one authoritative server holds: A and MX, keyed by
// case-insensitive owner name (RFC 1035 §2.3.3).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "protocols/dns/message.hpp"

namespace netstage::dns {

class Zone {
public:
    static constexpr std::uint32_t defaultTtl = 3600;

    void addA(const std::string& name, std::uint32_t address, std::uint32_t ttl = defaultTtl);
    void addMx(const std::string& name, std::uint16_t preference, const std::string& exchange,
               std::uint32_t ttl = defaultTtl);

    bool contains(const std::string& name) const;
    // Records of `type` owned by `name`, in the order they were added; ANY returns all.
    std::vector<ResourceRecord> lookup(const std::string& name, RecordType type) const;

private:
    void add(ResourceRecord record);
    // Keyed by the lower-cased name; std::map so that any listing is ordered.
    std::map<std::string, std::vector<ResourceRecord>> records_;
};

}  // namespace netstage::dns
