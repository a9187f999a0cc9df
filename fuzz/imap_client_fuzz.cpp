// The IMAP client engine fed arbitrary server responses while it runs a
// script that touches every action. Oracle: it reads every response or fails
// with a reason, never throws, goes idle, and has finished after EOF.

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
    drain(session);
    while (!input.done() && !session.isFinished()) {
        session.receive(input.next());
        drain(session);
        session.takeOutput();
    }
    if (!session.isFinished()) {
        session.receiveEof();
        drain(session);
    }
    fuzz::require(session.isFinished(), "the IMAP client did not finish after EOF");
    return 0;
}
