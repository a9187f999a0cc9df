// The POP3 server engine fed arbitrary client bytes, with a real maildrop
// behind it. Oracle: every command gets +OK or -ERR (and a ProtocolError for
// a bad one), nothing throws, the engine goes idle, and the maildrop is
// released exactly once, never twice.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/pop3/server_session.hpp"
#include "tests/protocols/pop3/memory_maildrop.hpp"

namespace {

using namespace netstage;

void drain(pop3::ServerSession& session) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        if (std::holds_alternative<pop3::NeedData>(session.nextEvent())) return;
    }
    fuzz::require(false, "the POP3 server never went idle");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    pop3::testing::MemoryProvider provider;
    auto& drop = provider.add("bob", "hungry",
                              {"From: alice@crepes.fr\r\nSubject: ketchup\r\n\r\nDo you like ketchup?\r\n.hidden dot\r\n",
                               pop3::testing::messageOfSize(300, "pickles"), ""});
    {
        pop3::ServerSession session{provider};
        const auto drainIt = [&session] { drain(session); };
        const auto now = fuzz::feedTimedEngine(session, input, drainIt, [&session] { return session.closed(); });
        fuzz::endTimedEngine(session, now, drainIt, fuzz::never);
    }
    fuzz::require(!drop.locked && drop.releases <= 1, "the POP3 maildrop was not released exactly once");
    return 0;
}
