#include "simulator/apps/dns/dns_text.hpp"

namespace netstage::apps {

std::string addressText(std::uint32_t address) {
    return std::to_string(address >> 24) + '.' + std::to_string((address >> 16) & 0xff) + '.' +
           std::to_string((address >> 8) & 0xff) + '.' + std::to_string(address & 0xff);
}

std::string describeRecord(const dns::ResourceRecord& record) {
    if (const auto* a = std::get_if<dns::A>(&record.data)) return record.name + " A " + addressText(a->address);
    if (const auto* mx = std::get_if<dns::Mx>(&record.data)) {
        return record.name + " MX " + std::to_string(mx->preference) + ' ' + mx->exchange;
    }
    return record.name + ' ' + dns::toString(record.type);
}

std::string describeRecords(const std::vector<dns::ResourceRecord>& records) {
    std::string out;
    for (const auto& r : records) {
        if (std::holds_alternative<dns::Opt>(r.data)) continue;
        out += (out.empty() ? "" : "; ") + describeRecord(r);
    }
    return out;
}

}  // namespace netstage::apps
