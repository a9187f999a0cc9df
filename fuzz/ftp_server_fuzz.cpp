// The FTP server engine fed arbitrary client bytes on the control connection,
// with a host that opens every data connection it is asked for and uploads
// the next piece of the input whenever the server is receiving. Oracle:
// every command gets a final reply (2xx to 5xx; 500/501/503... for a bad
// one) by the time the server is idle outside a transfer (commands that come
// during a transfer wait for it, as RFC 959 lets them), nothing throws, and
// the engine goes idle.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/ftp/server_session.hpp"

namespace {

using namespace netstage;
using namespace std::chrono_literals;

class CountingPorts final : public ftp::PassivePortChooser {
public:
    std::uint16_t nextPort() override { return next_++; }

private:
    std::uint16_t next_ = 50000;
};

// Acts on the server's requests the way the simulated host does: listeners
// open, connections succeed (an active connect to an odd port fails), a
// download is taken a window at a time, one window per piece of input (so a
// command can arrive mid-download), and closed as soon as its bytes are out.
// Commands read and not answered yet.
std::size_t unanswered = 0;

bool transferring(ftp::ServerState state) {
    return state == ftp::ServerState::AwaitingListener || state == ftp::ServerState::AwaitingDataConnection ||
           state == ftp::ServerState::Sending || state == ftp::ServerState::Receiving;
}

void drain(ftp::ServerSession& server) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        const ftp::ServerEvent event = server.nextEvent();
        if (std::holds_alternative<ftp::NeedData>(event)) {
            fuzz::require(unanswered == 0 || transferring(server.state()) || server.closed(),
                          "an FTP command was never answered");
            return;
        }
        if (std::holds_alternative<ftp::CommandReceived>(event)) ++unanswered;
        if (const auto* reply = std::get_if<ftp::ReplySent>(&event); reply != nullptr && reply->code >= 200 && unanswered > 0) {
            --unanswered;
        }
        if (const auto* listen = std::get_if<ftp::ListenRequested>(&event)) {
            server.passiveListening(listen->port);
            server.dataConnectionOpened();
        } else if (const auto* connect = std::get_if<ftp::ConnectRequested>(&event)) {
            if (connect->port % 2 == 1) {
                server.dataConnectionFailed();
            } else {
                server.dataConnectionOpened();
            }
        } else if (std::holds_alternative<ftp::CloseData>(event)) {
            server.dataConnectionClosed();
        }
    }
    fuzz::require(false, "the FTP server never went idle");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    unanswered = 0;
    ftp::MapUserDirectory users;
    vfs::FileSystem& files = users.addUser("alice", "wonderland", 4096);
    files.mkdir("/reports", 0);
    files.mkdir("/uploads", 0);
    files.writeFile("/readme.txt", "Welcome.\nSecond line.\r\n", 0);
    files.writeFile("/reports/report.pdf", std::string(300, '\x7f'), 0);
    users.addUser("anonymous", "");
    CountingPorts ports;
    ftp::ServerConfig config;
    config.users = &users;
    config.passivePorts = &ports;
    config.passiveAddress = {10, 0, 2, 21};
    config.maxQueuedCommands = 8;
    ftp::ServerSession server{config};
    std::chrono::nanoseconds now{0};
    server.start(now);
    drain(server);
    while (!input.done() && !server.closed()) {
        now += 1s;
        server.receive(input.next(), now);
        drain(server);
        if (server.state() == ftp::ServerState::Sending) {
            server.dataWritable(100);
            drain(server);
        }
        if (server.state() == ftp::ServerState::Receiving) {
            server.dataReceived(input.next());
            server.dataEof(now);
            drain(server);
        }
    }
    if (const auto deadline = server.nextTimeout()) {
        server.handleTimeout(*deadline);
        drain(server);
    }
    server.receiveEof(now);
    drain(server);
    return 0;
}
