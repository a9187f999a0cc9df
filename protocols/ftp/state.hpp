#pragma once
// The FTP server control connection's states and every transition between
// them. ServerSession's handlers name what happened (a trigger) and this
// table decides the next state (any other move throws: it would be a bug in
// the engine); docs/ftp.md draws its state diagram from this table
// (state_diagram.hpp).
//
// Data-channel facts (passive listener open, data connection accepted,
// PORT address known) and a pending RNFR are attributes, not states: they
// change no command's meaning except the ones that use them.

#include <array>
#include <string_view>

namespace netstage::ftp {

enum class ServerState {
    AwaitingUser,            // after the 220 greeting
    AwaitingPassword,        // after 331
    LoggedIn,                // commands are executed one by one
    AwaitingListener,        // PASV/EPSV asked the host to listen; 227/229 waits for it
    AwaitingDataConnection,  // 150 sent; the data connection is not open yet
    Sending,                 // RETR/LIST/NLST bytes handed to the host; 226 waits for the close
    Receiving,               // STOR/APPE: collecting bytes until the client closes
    Closed,                  // 221 or 421 sent
};

std::string_view toString(ServerState state);

struct ServerTransition {
    ServerState from;
    std::string_view trigger;
    ServerState to;
};

inline constexpr std::array kServerTransitions{
    ServerTransition{ServerState::AwaitingUser, "USER", ServerState::AwaitingPassword},
    ServerTransition{ServerState::AwaitingPassword, "USER", ServerState::AwaitingPassword},
    ServerTransition{ServerState::AwaitingPassword, "PASS accepted (230)", ServerState::LoggedIn},
    ServerTransition{ServerState::AwaitingPassword, "PASS refused (530)", ServerState::AwaitingUser},
    ServerTransition{ServerState::LoggedIn, "USER", ServerState::AwaitingPassword},
    ServerTransition{ServerState::LoggedIn, "PASV/EPSV", ServerState::AwaitingListener},
    ServerTransition{ServerState::AwaitingListener, "host listening (227/229)", ServerState::LoggedIn},
    ServerTransition{ServerState::AwaitingListener, "host cannot listen (425)", ServerState::LoggedIn},
    ServerTransition{ServerState::LoggedIn, "transfer, no data connection yet (150)", ServerState::AwaitingDataConnection},
    ServerTransition{ServerState::LoggedIn, "RETR/LIST/NLST, data connection open (125)", ServerState::Sending},
    ServerTransition{ServerState::LoggedIn, "STOR/APPE, data connection open (125)", ServerState::Receiving},
    ServerTransition{ServerState::AwaitingDataConnection, "data opened, sending", ServerState::Sending},
    ServerTransition{ServerState::AwaitingDataConnection, "data opened, receiving", ServerState::Receiving},
    ServerTransition{ServerState::AwaitingDataConnection, "data failed (425)", ServerState::LoggedIn},
    ServerTransition{ServerState::AwaitingDataConnection, "ABOR (426, 226)", ServerState::LoggedIn},
    ServerTransition{ServerState::Sending, "data closed (226)", ServerState::LoggedIn},
    ServerTransition{ServerState::Sending, "data failed (426)", ServerState::LoggedIn},
    ServerTransition{ServerState::Sending, "ABOR (426, 226)", ServerState::LoggedIn},
    ServerTransition{ServerState::Receiving, "client closed (226/452/553)", ServerState::LoggedIn},
    ServerTransition{ServerState::Receiving, "data failed (426)", ServerState::LoggedIn},
    ServerTransition{ServerState::Receiving, "ABOR (426, 226)", ServerState::LoggedIn},
    ServerTransition{ServerState::AwaitingUser, "QUIT (221)", ServerState::Closed},
    ServerTransition{ServerState::AwaitingPassword, "QUIT (221)", ServerState::Closed},
    ServerTransition{ServerState::LoggedIn, "QUIT (221)", ServerState::Closed},
    ServerTransition{ServerState::AwaitingUser, "idle timeout (421)", ServerState::Closed},
    ServerTransition{ServerState::AwaitingPassword, "idle timeout (421)", ServerState::Closed},
    ServerTransition{ServerState::LoggedIn, "idle timeout (421)", ServerState::Closed},
    ServerTransition{ServerState::AwaitingUser, "control closed", ServerState::Closed},
    ServerTransition{ServerState::AwaitingPassword, "control closed", ServerState::Closed},
    ServerTransition{ServerState::LoggedIn, "control closed", ServerState::Closed},
    ServerTransition{ServerState::AwaitingListener, "control closed", ServerState::Closed},
    ServerTransition{ServerState::AwaitingDataConnection, "control closed", ServerState::Closed},
    ServerTransition{ServerState::Sending, "control closed", ServerState::Closed},
    ServerTransition{ServerState::Receiving, "control closed", ServerState::Closed},
};

// The state `trigger` leads to from `from`, or nothing if the table has no such row.
constexpr const ServerTransition* findTransition(ServerState from, std::string_view trigger) {
    for (const auto& row : kServerTransitions) {
        if (row.from == from && row.trigger == trigger) return &row;
    }
    return nullptr;
}

inline std::string_view toString(ServerState state) {
    switch (state) {
        case ServerState::AwaitingUser: return "AwaitingUser";
        case ServerState::AwaitingPassword: return "AwaitingPassword";
        case ServerState::LoggedIn: return "LoggedIn";
        case ServerState::AwaitingListener: return "AwaitingListener";
        case ServerState::AwaitingDataConnection: return "AwaitingDataConnection";
        case ServerState::Sending: return "Sending";
        case ServerState::Receiving: return "Receiving";
        case ServerState::Closed: return "Closed";
    }
    return "?";
}

}  // namespace netstage::ftp
