#pragma once
// In-memory hosts for the FTP engines: a raw control client that talks to a
// ServerSession, and a pair that pumps a ClientSession against a
// ServerSession. Data connections are simulated by calling the engines'
// data*() methods, so no socket or simulator is involved.

#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "protocols/ftp/client_session.hpp"
#include "protocols/ftp/server_session.hpp"

namespace netstage::ftp::testing {

class FixedPorts : public PassivePortChooser {
public:
    std::uint16_t nextPort() override { return next_++; }

private:
    std::uint16_t next_ = 50000;
};

inline std::string allBytes() {
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
    return bytes;
}

// A server and a scripted "host" that answers its data-connection requests.
struct ServerHarness {
    MapUserDirectory users;
    FixedPorts ports;
    vfs::FileSystem* aliceFiles = nullptr;
    std::unique_ptr<ServerSession> server;
    std::vector<ServerEvent> events;  // everything seen, in order
    std::string wire;                 // control bytes sent by the server since the last take()
    std::string dataOut;              // bytes written on data connections
    bool autoListen = true;           // answer ListenRequested at once
    bool failConnect = false;         // active mode: the connect fails
    bool autoCloseData = true;        // report the download's close at once
    bool autoWritable = true;         // a download's data connection takes everything at once
    std::chrono::nanoseconds now{0};

    explicit ServerHarness(std::uint64_t quota = vfs::kUnlimitedQuota, ServerConfig config = {}) {
        aliceFiles = &users.addUser("alice", "secret", quota);
        config.users = &users;
        config.passivePorts = &ports;
        config.passiveAddress = {10, 0, 2, 1};
        server = std::make_unique<ServerSession>(std::move(config));
        server->start(now);
        drain();
    }

    void drain() {
        for (;;) {
            ServerEvent event = server->nextEvent();
            if (std::holds_alternative<NeedData>(event)) return;
            events.push_back(event);
            if (std::holds_alternative<ReplySent>(event)) {
                wire += server->takeOutput();
            } else if (auto* listen = std::get_if<ListenRequested>(&event)) {
                if (autoListen) server->passiveListening(listen->port);
            } else if (std::holds_alternative<ConnectRequested>(event)) {
                if (failConnect) {
                    server->dataConnectionFailed();
                } else {
                    server->dataConnectionOpened();
                }
            } else if (auto* data = std::get_if<DataToSend>(&event)) {
                dataOut += data->view();
            } else if (std::holds_alternative<CloseData>(event)) {
                if (autoCloseData) server->dataConnectionClosed();
            } else if (std::holds_alternative<TransferStarted>(event)) {
                if (autoWritable) server->dataWritable(std::string_view::npos);
            }
        }
    }

    // Sends one or more raw command lines; returns the reply bytes they caused.
    std::string send(std::string_view bytes) {
        server->receive(bytes, now);
        drain();
        return take();
    }
    std::string command(std::string_view line) { return send(std::string{line} + "\r\n"); }

    std::string take() {
        std::string out = std::move(wire);
        wire.clear();
        return out;
    }

    void login() {
        command("USER alice");
        command("PASS secret");
    }

    // The client side of an upload: data, then the client closes.
    std::string upload(std::string_view bytes) {
        server->dataReceived(bytes);
        server->dataEof(now);
        drain();
        return take();
    }

    template <typename T>
    std::vector<T> eventsOf() const {
        std::vector<T> out;
        for (const auto& event : events) {
            if (auto* e = std::get_if<T>(&event)) out.push_back(*e);
        }
        return out;
    }
};

// A ClientSession against a ServerSession, both in memory.
struct EnginePair {
    MapUserDirectory users;
    FixedPorts ports;
    vfs::FileSystem* aliceFiles = nullptr;
    std::unique_ptr<ServerSession> server;
    std::unique_ptr<ClientSession> client;
    std::vector<ClientEvent> clientEvents;
    std::vector<ServerEvent> serverEvents;
    std::string transcript;  // "C: ..." and "S: ..." lines
    std::string serverDataWire;  // what the server wrote on data connections
    bool failServerConnect = false;

    std::uint16_t serverListening = 0;
    std::uint16_t clientListening = 0;
    bool dataOpen = false;

    EnginePair(ClientConfig config, std::uint64_t quota = vfs::kUnlimitedQuota) {
        aliceFiles = &users.addUser("alice", "secret", quota);
        ServerConfig serverConfig;
        serverConfig.users = &users;
        serverConfig.passivePorts = &ports;
        serverConfig.passiveAddress = {10, 0, 2, 1};
        server = std::make_unique<ServerSession>(std::move(serverConfig));
        client = std::make_unique<ClientSession>(std::move(config));
    }

    void run() {
        server->start(std::chrono::nanoseconds{0});
        client->start(std::chrono::nanoseconds{0});
        for (int guard = 0; guard < 10000; ++guard) {
            bool progress = false;
            for (ServerEvent e = server->nextEvent(); !std::holds_alternative<NeedData>(e); e = server->nextEvent()) {
                progress = true;
                serverEvents.push_back(e);
                onServer(e);
            }
            for (ClientEvent e = client->nextEvent(); !std::holds_alternative<NeedData>(e); e = client->nextEvent()) {
                progress = true;
                clientEvents.push_back(e);
                onClient(e);
            }
            if (!progress) return;
        }
        throw std::runtime_error("engines did not go idle");
    }

    void onServer(const ServerEvent& event) {
        if (auto* reply = std::get_if<ReplySent>(&event)) {
            for (const auto& line : reply->lines) transcript += "S: " + std::to_string(reply->code) + " " + line + "\n";
            client->receive(server->takeOutput(), std::chrono::nanoseconds{0});
        } else if (auto* listen = std::get_if<ListenRequested>(&event)) {
            serverListening = listen->port;
            server->passiveListening(listen->port);
        } else if (auto* connect = std::get_if<ConnectRequested>(&event)) {
            if (!failServerConnect && clientListening != 0 && connect->port == clientListening) {
                dataOpen = true;
                server->dataConnectionOpened();
                client->dataConnectionOpened();
            } else {
                server->dataConnectionFailed();
            }
        } else if (std::holds_alternative<TransferStarted>(event)) {
            server->dataWritable(std::string_view::npos);
        } else if (auto* data = std::get_if<DataToSend>(&event)) {
            serverDataWire += data->view();
            client->dataReceived(data->view());
        } else if (std::holds_alternative<CloseData>(event)) {
            serverListening = 0;
            if (dataOpen) {
                dataOpen = false;
                client->dataEof();
            }
            server->dataConnectionClosed();
        } else if (std::holds_alternative<CloseRequested>(event)) {
            client->receiveEof(std::chrono::nanoseconds{0});
        }
    }

    void onClient(const ClientEvent& event) {
        if (auto* sent = std::get_if<CommandSent>(&event)) {
            transcript += "C: " + sent->verb + (sent->argument.empty() ? "" : " " + sent->argument) + "\n";
            server->receive(client->takeOutput(), std::chrono::nanoseconds{0});
        } else if (auto* listen = std::get_if<ListenRequested>(&event)) {
            clientListening = listen->port == 0 ? 40000 : listen->port;
            client->dataListening(clientListening);
        } else if (auto* connect = std::get_if<ConnectRequested>(&event)) {
            if (serverListening != 0 && connect->port == serverListening) {
                dataOpen = true;
                server->dataConnectionOpened();
                client->dataConnectionOpened();
            } else {
                client->dataConnectionFailed();
            }
        } else if (auto* data = std::get_if<DataToSend>(&event)) {
            server->dataReceived(data->view());
        } else if (std::holds_alternative<CloseData>(event)) {
            clientListening = 0;
            if (dataOpen) {
                dataOpen = false;
                server->dataEof(std::chrono::nanoseconds{0});
            }
        }
    }

    std::vector<StepFinished> steps() const {
        std::vector<StepFinished> out;
        for (const auto& event : clientEvents) {
            if (auto* step = std::get_if<StepFinished>(&event)) out.push_back(*step);
        }
        return out;
    }
};

}  // namespace netstage::ftp::testing
