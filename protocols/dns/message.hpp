#pragma once
// The DNS message as RFC 1035 §4.1 lays it out, as plain data. Names are kept
// as dotted text without the trailing dot ("mail.example.net"; the root is "").

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace netstage::dns {

// Kept open (not a closed set): any 16-bit value may arrive on the wire.
enum class RecordType : std::uint16_t {
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    MX = 15,
    TXT = 16,
    AAAA = 28,
    OPT = 41,
    ANY = 255,
};

enum class RecordClass : std::uint16_t { IN = 1, ANY = 255 };

enum class Opcode : std::uint8_t { Query = 0, InverseQuery = 1, Status = 2, Notify = 4, Update = 5 };

enum class Rcode : std::uint8_t {
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NxDomain = 3,
    NotImp = 4,
    Refused = 5,
};

struct Flags {
    bool qr = false;  // response
    Opcode opcode = Opcode::Query;
    bool aa = false;  // authoritative answer
    bool tc = false;  // truncated
    bool rd = false;  // recursion desired
    bool ra = false;  // recursion available
    std::uint8_t z = 0;  // the three reserved bits (AD/CD in RFC 4035), kept for faithful round trips
    Rcode rcode = Rcode::NoError;
    bool operator==(const Flags&) const = default;
};

struct Question {
    std::string name;
    RecordType type = RecordType::A;
    RecordClass klass = RecordClass::IN;
    bool operator==(const Question&) const = default;
};

struct A {
    std::uint32_t address = 0;  // host order: 10.0.0.1 is 0x0A000001
    bool operator==(const A&) const = default;
};

struct Mx {
    std::uint16_t preference = 0;
    std::string exchange;
    bool operator==(const Mx&) const = default;
};

// EDNS(0) pseudo-record (RFC 6891 §6.1.2). On the wire its CLASS carries the
// UDP payload size and its TTL the extended RCODE, version and DO bit; the
// record's own klass/ttl fields are ignored when an Opt is serialized.
struct Opt {
    std::uint16_t udpSize = 512;
    std::uint8_t extendedRcode = 0;
    std::uint8_t version = 0;
    std::uint16_t flags = 0;  // the low 16 TTL bits: DO (0x8000) and the reserved Z bits, kept as sent
    std::vector<std::uint8_t> options;  // option TLVs, uninterpreted
    bool dnssecOk() const { return (flags & 0x8000) != 0; }
    bool operator==(const Opt&) const = default;
};

// Any other type, byte for byte. Names inside such data are not decompressed.
struct Raw {
    std::vector<std::uint8_t> bytes;
    bool operator==(const Raw&) const = default;
};

using RecordData = std::variant<A, Mx, Opt, Raw>;

struct ResourceRecord {
    std::string name;
    RecordType type = RecordType::A;
    RecordClass klass = RecordClass::IN;
    std::uint32_t ttl = 0;
    RecordData data;
    bool operator==(const ResourceRecord&) const = default;
};

struct Message {
    std::uint16_t id = 0;
    Flags flags;
    std::vector<Question> questions;
    std::vector<ResourceRecord> answers;
    std::vector<ResourceRecord> authorities;
    std::vector<ResourceRecord> additionals;
    bool operator==(const Message&) const = default;
};

// Convenience constructors for the records a zone holds.
ResourceRecord makeA(std::string name, std::uint32_t address, std::uint32_t ttl);
ResourceRecord makeMx(std::string name, std::uint16_t preference, std::string exchange, std::uint32_t ttl);
// The root-owned OPT record, with klass and ttl set to what parse() reports for it.
ResourceRecord makeOpt(Opt opt);

// Case-insensitive (ASCII) name comparison, RFC 1035 §2.3.3.
bool sameName(const std::string& a, const std::string& b);
std::string lowerName(const std::string& name);

std::string toString(RecordType type);  // "A", "MX", ... or "TYPE99"
std::string toString(Rcode rcode);      // "NOERROR", "NXDOMAIN", ...
std::string formatIpv4(std::uint32_t address);

}  // namespace netstage::dns
