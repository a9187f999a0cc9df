#include "protocols/dns/zone.hpp"

#include <stdexcept>

namespace netstage::dns {

namespace {
std::string withoutTrailingDot(const std::string& name) {
    if (!name.empty() && name.back() == '.') return name.substr(0, name.size() - 1);
    return name;
}
}  // namespace

void Zone::addA(const std::string& name, std::uint32_t address, std::uint32_t ttl) {
    add(makeA(withoutTrailingDot(name), address, ttl));
}

void Zone::addMx(const std::string& name, std::uint16_t preference, const std::string& exchange, std::uint32_t ttl) {
    add(makeMx(withoutTrailingDot(name), preference, withoutTrailingDot(exchange), ttl));
}

void Zone::add(ResourceRecord record) {
    if (record.name.empty()) throw std::invalid_argument("zone records need an owner name");
    records_[lowerName(record.name)].push_back(std::move(record));
}

bool Zone::contains(const std::string& name) const { return records_.count(lowerName(withoutTrailingDot(name))) > 0; }

std::vector<ResourceRecord> Zone::lookup(const std::string& name, RecordType type) const {
    const auto found = records_.find(lowerName(withoutTrailingDot(name)));
    if (found == records_.end()) return {};
    std::vector<ResourceRecord> out;
    for (const auto& record : found->second) {
        if (type == RecordType::ANY || record.type == type) out.push_back(record);
    }
    return out;
}

}  // namespace netstage::dns
