// The POP3 server engine fed arbitrary client bytes, with a real maildrop
// behind it. Oracle: every command gets its +OK or -ERR (or a "+"
// continuation) before the next command is read, nothing throws, the engine
// goes idle, and the maildrop is released exactly once, never twice.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/pop3/server_session.hpp"
#include "tests/protocols/pop3/memory_maildrop.hpp"

namespace {

using namespace netstage;

void drain(pop3::ServerSession& session, fuzz::ReplyLedger& ledger) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        const pop3::ServerEvent event = session.nextEvent();
        if (std::holds_alternative<pop3::NeedData>(event)) {
            ledger.idle();
            return;
        }
        if (std::holds_alternative<pop3::CommandReceived>(event)) ledger.command();
        if (const auto* line = std::get_if<pop3::ReplyLineSent>(&event)) {
            // The status line; the lines of a multi-line answer that follow it do not count.
            if (line->line.rfind('+', 0) == 0 || line->line.rfind("-ERR", 0) == 0) ledger.reply();
        }
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
        fuzz::ReplyLedger ledger;
        const auto drainIt = [&session, &ledger] { drain(session, ledger); };
        const auto now = fuzz::feedTimedEngine(session, input, drainIt, [&session] { return session.closed(); });
        fuzz::endTimedEngine(session, now, drainIt, fuzz::never);
    }
    fuzz::require(!drop.locked && drop.releases <= 1, "the POP3 maildrop was not released exactly once");
    return 0;
}
