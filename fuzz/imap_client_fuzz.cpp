// The IMAP client engine fed arbitrary server responses while it runs a
// script that touches every action. Oracle: it reads every response or fails
// with a reason, never throws, goes idle, and is closed after the server's EOF.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/imap/client_session.hpp"

namespace {

using namespace netstage;

void drain(imap::ClientSession& session) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        if (std::holds_alternative<imap::client::NeedData>(session.nextEvent())) return;
    }
    fuzz::require(false, "the IMAP client never went idle");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    namespace act = imap::action;
    imap::ClientConfig config;
    config.user = "bob";
    config.password = "hungry";
    config.script = {act::ListFolders{},
                     act::Select{"INBOX"},
                     act::FetchHeaders{},
                     act::FetchMessage{1},
                     act::StoreFlags{2, act::StoreFlags::Mode::Add, {"\\Flagged"}},
                     act::CreateFolder{"Archive"},
                     act::Move{1, "Archive"},
                     act::IdleUntilExists{},
                     act::Logout{}};
    imap::ClientSession session{config};
    const std::chrono::nanoseconds now{0};
    session.start(now);
    drain(session);
    while (!input.done()) {
        session.receive(input.next(), now);
        drain(session);
        session.takeOutput();
    }
    session.receiveEof(now);
    drain(session);
    fuzz::require(session.closed(), "the IMAP client is not closed after the server's EOF");
    return 0;
}
