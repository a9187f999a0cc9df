// The FTP address parsers: PORT's h1,h2,h3,h4,p1,p2, EPRT's |1|addr|port|,
// and the 227 and 229 reply texts. Oracle: each parses or returns nothing;
// what PORT and EPRT accept formats and parses back to the same address.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_input.hpp"
#include "protocols/ftp/address.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace netstage;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    if (const auto hostPort = ftp::parseHostPort(text)) {
        fuzz::require(ftp::parseHostPort(ftp::formatHostPort(*hostPort)) == hostPort,
                      "a PORT address does not survive format and parse");
    }
    bool unsupportedFamily = false;
    if (const auto hostPort = ftp::parseEprt(text, &unsupportedFamily)) {
        fuzz::require(ftp::parseEprt(ftp::formatEprt(*hostPort)) == hostPort,
                      "an EPRT address does not survive format and parse");
    }
    ftp::parse227(text);
    ftp::parse229(text);
    ftp::parseIpv4(text);
    return 0;
}
