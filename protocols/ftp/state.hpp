#pragma once
// The FTP control connection's states, the server's and the client's, and
// every transition between them. The engines' handlers name what happened (a
// trigger) and these tables decide the next state (any other move throws: it
// would be a bug in the engine); docs/ftp.md draws both state diagrams from
// them (state_diagram.hpp).
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

// The client's states: where its script stands. BetweenSteps is passed
// through, never rested in: a step's end leads there and the next step
// leaves at once.
enum class ClientState {
    AwaitingGreeting,
    BetweenSteps,
    AwaitingUserReply,
    AwaitingPassReply,
    AwaitingTypeReply,
    AwaitingCwdReply,
    AwaitingListener,      // active: the host is asked to listen
    AwaitingPortReply,     // PORT or EPRT sent
    AwaitingPassiveReply,  // PASV or EPSV sent
    AwaitingConnect,       // passive: the host is asked to connect
    AwaitingPreliminary,   // LIST/RETR/STOR sent
    Transferring,          // 1xx received
    AwaitingQuitReply,
    Done,
};

std::string_view toString(ClientState state);

struct ClientTransition {
    ClientState from;
    std::string_view trigger;
    ClientState to;
};

inline constexpr std::string_view kStepOver = "step over";
inline constexpr std::string_view kServerGone = "server gone (421 or closed)";

inline constexpr std::array kClientTransitions{
    ClientTransition{ClientState::AwaitingGreeting, "220", ClientState::BetweenSteps},
    ClientTransition{ClientState::BetweenSteps, "login (USER)", ClientState::AwaitingUserReply},
    ClientTransition{ClientState::BetweenSteps, "cd (CWD)", ClientState::AwaitingCwdReply},
    ClientTransition{ClientState::BetweenSteps, "ls/get/put passive (PASV/EPSV)", ClientState::AwaitingPassiveReply},
    ClientTransition{ClientState::BetweenSteps, "ls/get/put active (listen)", ClientState::AwaitingListener},
    ClientTransition{ClientState::BetweenSteps, "script done (QUIT)", ClientState::AwaitingQuitReply},
    ClientTransition{ClientState::AwaitingUserReply, "331 (PASS)", ClientState::AwaitingPassReply},
    ClientTransition{ClientState::AwaitingUserReply, "230 (TYPE I)", ClientState::AwaitingTypeReply},
    ClientTransition{ClientState::AwaitingPassReply, "230/202 (TYPE I)", ClientState::AwaitingTypeReply},
    ClientTransition{ClientState::AwaitingListener, "host listening (PORT/EPRT)", ClientState::AwaitingPortReply},
    ClientTransition{ClientState::AwaitingPortReply, "EPRT refused (PORT)", ClientState::AwaitingPortReply},
    ClientTransition{ClientState::AwaitingPortReply, "accepted (LIST/RETR/STOR)", ClientState::AwaitingPreliminary},
    ClientTransition{ClientState::AwaitingPassiveReply, "EPSV refused (PASV)", ClientState::AwaitingPassiveReply},
    ClientTransition{ClientState::AwaitingPassiveReply, "227/229 (connect)", ClientState::AwaitingConnect},
    ClientTransition{ClientState::AwaitingConnect, "data opened (LIST/RETR/STOR)", ClientState::AwaitingPreliminary},
    ClientTransition{ClientState::AwaitingPreliminary, "1xx, or 2xx at once", ClientState::Transferring},
    ClientTransition{ClientState::AwaitingUserReply, kStepOver, ClientState::BetweenSteps},
    ClientTransition{ClientState::AwaitingPassReply, kStepOver, ClientState::BetweenSteps},
    ClientTransition{ClientState::AwaitingTypeReply, kStepOver, ClientState::BetweenSteps},
    ClientTransition{ClientState::AwaitingCwdReply, kStepOver, ClientState::BetweenSteps},
    ClientTransition{ClientState::AwaitingListener, kStepOver, ClientState::BetweenSteps},
    ClientTransition{ClientState::AwaitingPortReply, kStepOver, ClientState::BetweenSteps},
    ClientTransition{ClientState::AwaitingPassiveReply, kStepOver, ClientState::BetweenSteps},
    ClientTransition{ClientState::AwaitingConnect, kStepOver, ClientState::BetweenSteps},
    ClientTransition{ClientState::AwaitingPreliminary, kStepOver, ClientState::BetweenSteps},
    ClientTransition{ClientState::Transferring, kStepOver, ClientState::BetweenSteps},
    ClientTransition{ClientState::AwaitingQuitReply, "reply", ClientState::Done},
    ClientTransition{ClientState::AwaitingGreeting, kServerGone, ClientState::Done},
    ClientTransition{ClientState::AwaitingUserReply, kServerGone, ClientState::Done},
    ClientTransition{ClientState::AwaitingPassReply, kServerGone, ClientState::Done},
    ClientTransition{ClientState::AwaitingTypeReply, kServerGone, ClientState::Done},
    ClientTransition{ClientState::AwaitingCwdReply, kServerGone, ClientState::Done},
    ClientTransition{ClientState::AwaitingListener, kServerGone, ClientState::Done},
    ClientTransition{ClientState::AwaitingPortReply, kServerGone, ClientState::Done},
    ClientTransition{ClientState::AwaitingPassiveReply, kServerGone, ClientState::Done},
    ClientTransition{ClientState::AwaitingConnect, kServerGone, ClientState::Done},
    ClientTransition{ClientState::AwaitingPreliminary, kServerGone, ClientState::Done},
    ClientTransition{ClientState::Transferring, kServerGone, ClientState::Done},
    ClientTransition{ClientState::AwaitingQuitReply, kServerGone, ClientState::Done},
};

constexpr const ClientTransition* findTransition(ClientState from, std::string_view trigger) {
    for (const auto& row : kClientTransitions) {
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

inline std::string_view toString(ClientState state) {
    switch (state) {
        case ClientState::AwaitingGreeting: return "AwaitingGreeting";
        case ClientState::BetweenSteps: return "BetweenSteps";
        case ClientState::AwaitingUserReply: return "AwaitingUserReply";
        case ClientState::AwaitingPassReply: return "AwaitingPassReply";
        case ClientState::AwaitingTypeReply: return "AwaitingTypeReply";
        case ClientState::AwaitingCwdReply: return "AwaitingCwdReply";
        case ClientState::AwaitingListener: return "AwaitingListener";
        case ClientState::AwaitingPortReply: return "AwaitingPortReply";
        case ClientState::AwaitingPassiveReply: return "AwaitingPassiveReply";
        case ClientState::AwaitingConnect: return "AwaitingConnect";
        case ClientState::AwaitingPreliminary: return "AwaitingPreliminary";
        case ClientState::Transferring: return "Transferring";
        case ClientState::AwaitingQuitReply: return "AwaitingQuitReply";
        case ClientState::Done: return "Done";
    }
    return "?";
}

}  // namespace netstage::ftp
