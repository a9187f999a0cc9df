#pragma once
// DNS records as the words a trace shows: "MX 10 mail.hamburger.edu", "A 10.0.2.10".

#include <string>
#include <vector>

#include "protocols/dns/message.hpp"

namespace netstage::apps {

std::string describeRecord(const dns::ResourceRecord& record);
std::string describeRecords(const std::vector<dns::ResourceRecord>& records);
std::string addressText(std::uint32_t address);

}  // namespace netstage::apps
