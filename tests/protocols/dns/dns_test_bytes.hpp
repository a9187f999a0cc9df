#pragma once
// Hand-assembled datagrams shared by the DNS tests.

#include <cstdint>
#include <string>
#include <vector>

namespace netstage::dns::testing {

using Bytes = std::vector<std::uint8_t>;

inline Bytes operator+(Bytes a, const Bytes& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

inline Bytes text(const std::string& s) { return Bytes(s.begin(), s.end()); }

// "example.net MX IN", id 0x1234, RD set: what `dig example.net MX +noedns` sends.
inline Bytes mxQuery() {
    return Bytes{0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00} + Bytes{7} + text("example") +
           Bytes{3} + text("net") + Bytes{0, 0x00, 0x0f, 0x00, 0x01};
}

// The same query with dig's EDNS OPT record (UDP size 1232) in the additional section.
inline Bytes mxQueryWithOpt() {
    Bytes q = mxQuery();
    q[11] = 1;  // ARCOUNT
    return q + Bytes{0, 0x00, 0x29, 0x04, 0xd0, 0, 0, 0, 0, 0x00, 0x00};
}

// The authoritative answer: MX 10 mail.example.net, with mail.example.net A
// 10.0.2.1 in the additional section, TTL 3600, names compressed.
inline Bytes mxResponse() {
    return Bytes{0x12, 0x34, 0x85, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01} +
           // question at offset 12
           Bytes{7} + text("example") + Bytes{3} + text("net") + Bytes{0, 0x00, 0x0f, 0x00, 0x01} +
           // answer at 29: owner -> 12, MX, IN, TTL 3600, RDLENGTH 9
           Bytes{0xc0, 0x0c, 0x00, 0x0f, 0x00, 0x01, 0x00, 0x00, 0x0e, 0x10, 0x00, 0x09} +
           // preference 10, exchange "mail" + pointer to 12 (the label starts at offset 43)
           Bytes{0x00, 0x0a, 4} + text("mail") + Bytes{0xc0, 0x0c} +
           // additional: owner -> 43, A, IN, TTL 3600, RDLENGTH 4, 10.0.2.1
           Bytes{0xc0, 0x2b, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x0e, 0x10, 0x00, 0x04, 10, 0, 2, 1};
}

}  // namespace netstage::dns::testing
