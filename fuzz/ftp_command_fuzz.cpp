// The FTP command-line parser (RFC 959 §5.3). Oracle: it returns a command
// or says why not (500 bad verb, 501 bad argument); an accepted verb is
// 3 or 4 upper-case letters.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_input.hpp"
#include "protocols/ftp/command.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace netstage;
    const ftp::ParsedCommand parsed = ftp::parseCommand(std::string_view{reinterpret_cast<const char*>(data), size});
    if (parsed.error == ftp::CommandError::None) {
        const std::string& verb = parsed.command.verb;
        bool letters = verb.size() >= 3 && verb.size() <= 4;
        for (const char c : verb) letters = letters && c >= 'A' && c <= 'Z';
        fuzz::require(letters, "an accepted FTP verb is not 3-4 upper-case letters");
    }
    return 0;
}
