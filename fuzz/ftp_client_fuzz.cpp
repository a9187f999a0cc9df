// The FTP client engine fed arbitrary server replies while it runs a script
// of every step, in passive, extended-passive or active mode. Oracle: it reads
// every reply (or reports a ProtocolError), never throws, and goes idle.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <variant>

#include "fuzz/fuzz_input.hpp"
#include "protocols/ftp/client_session.hpp"

namespace {

using namespace netstage;

struct Host {
    bool listening = false;  // active mode: a listener is open, the server may connect
};

void drain(ftp::ClientSession& client, Host& host) {
    for (int round = 0; round < fuzz::maxPumpRounds; ++round) {
        const ftp::ClientEvent event = client.nextEvent();
        if (std::holds_alternative<ftp::NeedData>(event)) return;
        if (const auto* listen = std::get_if<ftp::ListenRequested>(&event)) {
            client.dataListening(listen->port == 0 ? 40000 : listen->port);
            host.listening = true;
        } else if (const auto* connect = std::get_if<ftp::ConnectRequested>(&event)) {
            if (connect->port % 2 == 1) {
                client.dataConnectionFailed();
            } else {
                client.dataConnectionOpened();
                client.dataReceived("-rw-r--r-- 1 ftp ftp 34 Feb 20 09:00 readme.txt\r\n");
                client.dataEof();
            }
        }
    }
    fuzz::require(false, "the FTP client never went idle");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::SplitInput input{data, size};
    ftp::ClientConfig config;
    config.user = "alice";
    config.password = "wonderland";
    config.passive = size % 3 != 0;
    config.extended = size % 3 == 1;
    config.activeAddress = {10, 0, 1, 2};
    config.script = {ftp::ClientStep::login(), ftp::ClientStep::cd("reports"), ftp::ClientStep::ls(),
                     ftp::ClientStep::get("report.pdf"), ftp::ClientStep::put("/uploads/notes.txt", "notes\n")};
    ftp::ClientSession client{config};
    Host host;
    std::chrono::nanoseconds now{0};
    client.start(now);
    drain(client, host);
    while (!input.done() && !client.closed()) {
        now += std::chrono::seconds{1};
        client.receive(input.next(), now);
        drain(client, host);
        if (host.listening) {
            // Active mode: the server connects once it has had the PORT.
            host.listening = false;
            client.dataConnectionOpened();
            client.dataReceived("report\r\n");
            client.dataEof();
            drain(client, host);
        }
    }
    client.receiveEof(now);
    drain(client, host);
    fuzz::require(client.closed(), "the FTP client did not finish after EOF");
    return 0;
}
