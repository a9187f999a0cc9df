// The FTP reply reader (RFC 959 §4.2) fed arbitrary server bytes in pieces.
// Oracle: it yields replies or names a malformed line, never both, always
// makes progress, and a reply it read, formatted and read again, is the same
// (bar the space formatReply puts before a middle line that starts with a
// digit, which the reader rightly keeps as text).

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_input.hpp"
#include "protocols/ftp/reply.hpp"

namespace {

using namespace netstage;

bool startsWithDigit(const std::string& line) { return !line.empty() && line.front() >= '0' && line.front() <= '9'; }

void checkRoundTrip(const ftp::Reply& reply) {
    ftp::ReplyReader again;
    again.feed(ftp::formatReply(reply));
    const ftp::ReplyReader::Result result = again.next();
    fuzz::require(result.reply.has_value() && result.reply->code == reply.code &&
                      result.reply->lines.size() == reply.lines.size(),
                  "an FTP reply does not survive format and read");
    const std::size_t last = reply.lines.size() - 1;
    for (std::size_t i = 0; i < reply.lines.size(); ++i) {
        const std::string& before = reply.lines[i];
        const std::string& after = result.reply->lines[i];
        const bool indented = i > 0 && i < last && startsWithDigit(before) && after == " " + before;
        fuzz::require(after == before || indented, "an FTP reply line does not survive format and read");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    ftp::ReplyReader reader;
    while (!input.done()) {
        reader.feed(input.next());
        for (int round = 0;; ++round) {
            fuzz::require(round < fuzz::maxPumpRounds, "the FTP reply reader never ran dry");
            const ftp::ReplyReader::Result result = reader.next();
            fuzz::require(!(result.reply && result.error), "the FTP reply reader gave a reply and an error at once");
            if (result.reply) {
                checkRoundTrip(*result.reply);
            } else if (!result.error) {
                break;
            }
        }
    }
    return 0;
}
