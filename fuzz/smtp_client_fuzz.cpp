// The SMTP client engine fed arbitrary server replies while it delivers two
// items. Oracle: it reads every reply or reports a ProtocolError, never throws,
// goes idle, and every item gets exactly one ItemResult by the end.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/smtp/client_session.hpp"
#include "protocols/smtp/reply.hpp"

namespace {

using namespace netstage;
using namespace std::chrono_literals;

struct Tally {
    int itemResults = 0;
    bool done = false;
};

void drain(smtp::ClientSession& session, Tally& tally) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        const smtp::ClientEvent event = session.nextEvent();
        if (std::holds_alternative<smtp::NeedData>(event)) return;
        if (std::holds_alternative<smtp::ItemResult>(event)) ++tally.itemResults;
        if (std::holds_alternative<smtp::Done>(event)) tally.done = true;
    }
    fuzz::require(false, "the SMTP client never went idle");
}

// The reply parser on its own, with its round trip: a complete reply,
// formatted and read again, is the same reply.
void replyRoundTrip(std::string_view stream) {
    smtp::ReplyParser parser;
    std::size_t start = 0;
    while (start < stream.size()) {
        std::size_t end = stream.find('\n', start);
        if (end == std::string_view::npos) end = stream.size();
        std::string_view line = stream.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        start = end + 1;
        if (parser.feed(line) != smtp::ReplyParser::Status::Complete) continue;
        const smtp::Reply reply = parser.take();
        smtp::ReplyParser again;
        smtp::ReplyParser::Status status = smtp::ReplyParser::Status::NeedMore;
        for (const auto& wire : smtp::wireLines(reply)) status = again.feed(wire);
        fuzz::require(status == smtp::ReplyParser::Status::Complete && again.take() == reply,
                      "an SMTP reply does not survive format and parse");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    if (size > 1) replyRoundTrip(std::string_view{reinterpret_cast<const char*>(data) + 1, size - 1});

    smtp::ClientConfig config;
    config.heloDomain = "crepes.fr";
    config.useEhlo = size % 2 == 0;
    smtp::ClientSession session{config};
    session.enqueue({"alice@crepes.fr", {"bob@hamburger.edu", "carol@hamburger.edu"}, "Subject: hi\n\nDo you like ketchup?\n.\n"});
    session.enqueue({"", {"alice@crepes.fr"}, "bounce\r\n"});
    Tally tally;
    const auto drainIt = [&session, &tally] { drain(session, tally); };
    const auto closed = [&session] { return session.closed(); };
    const auto now = fuzz::feedTimedEngine(session, input, drainIt, closed);
    fuzz::endTimedEngine(session, now, drainIt, closed);
    fuzz::require(session.closed() && tally.done, "the SMTP client did not finish after EOF");
    fuzz::require(tally.itemResults == 2, "an SMTP item did not get exactly one result");
    return 0;
}
