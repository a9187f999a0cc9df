#include "protocols/dns/message.hpp"

#include <utility>

namespace netstage::dns {

ResourceRecord makeA(std::string name, std::uint32_t address, std::uint32_t ttl) {
    return ResourceRecord{std::move(name), RecordType::A, RecordClass::IN, ttl, A{address}};
}

ResourceRecord makeMx(std::string name, std::uint16_t preference, std::string exchange, std::uint32_t ttl) {
    return ResourceRecord{std::move(name), RecordType::MX, RecordClass::IN, ttl, Mx{preference, std::move(exchange)}};
}

ResourceRecord makeOpt(Opt opt) {
    const std::uint32_t ttl = (static_cast<std::uint32_t>(opt.extendedRcode) << 24) |
                              (static_cast<std::uint32_t>(opt.version) << 16) | opt.flags;
    const auto klass = static_cast<RecordClass>(opt.udpSize);
    return ResourceRecord{"", RecordType::OPT, klass, ttl, std::move(opt)};
}

namespace {
char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool sameName(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i])) return false;
    }
    return true;
}

std::string lowerName(const std::string& name) {
    std::string out = name;
    for (char& c : out) c = asciiLower(c);
    return out;
}

std::string toString(RecordType type) {
    switch (type) {
        case RecordType::A: return "A";
        case RecordType::NS: return "NS";
        case RecordType::CNAME: return "CNAME";
        case RecordType::SOA: return "SOA";
        case RecordType::PTR: return "PTR";
        case RecordType::MX: return "MX";
        case RecordType::TXT: return "TXT";
        case RecordType::AAAA: return "AAAA";
        case RecordType::OPT: return "OPT";
        case RecordType::ANY: return "ANY";
    }
    return "TYPE" + std::to_string(static_cast<unsigned>(type));
}

std::string toString(Rcode rcode) {
    switch (rcode) {
        case Rcode::NoError: return "NOERROR";
        case Rcode::FormErr: return "FORMERR";
        case Rcode::ServFail: return "SERVFAIL";
        case Rcode::NxDomain: return "NXDOMAIN";
        case Rcode::NotImp: return "NOTIMP";
        case Rcode::Refused: return "REFUSED";
    }
    return "RCODE" + std::to_string(static_cast<unsigned>(rcode));
}

std::string formatIpv4(std::uint32_t address) {
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xFF) + "." +
           std::to_string((address >> 8) & 0xFF) + "." + std::to_string(address & 0xFF);
}

}  // namespace netstage::dns
