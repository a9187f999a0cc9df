// The POP3 client engine fed arbitrary server replies while it downloads a
// maildrop. Oracle: it reads every line or reports a ProtocolError, never
// throws, goes idle, and after EOF it has finished (Done or Failed).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/pop3/client_session.hpp"

namespace {

using namespace netstage;

void drain(pop3::ClientSession& session) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        if (std::holds_alternative<pop3::client::NeedData>(session.nextEvent())) return;
    }
    fuzz::require(false, "the POP3 client never went idle");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    pop3::ClientConfig config;
    config.user = "bob";
    config.password = "hungry";
    config.mode = size % 2 == 0 ? pop3::DownloadMode::DownloadAndDelete : pop3::DownloadMode::DownloadAndKeep;
    config.maxReplyLine = 256;
    pop3::ClientSession session{config};
    const auto drainIt = [&session] { drain(session); };
    const auto closed = [&session] { return session.closed(); };
    const auto now = fuzz::feedTimedEngine(session, input, drainIt, closed);
    fuzz::endTimedEngine(session, now, drainIt, closed);
    fuzz::require(session.closed(), "the POP3 client did not finish after EOF");
    return 0;
}
