#pragma once
// The HTTP/1.1 connection state machines as tables (RFC 9112 §9: one
// request after another on a persistent connection). The engines consult
// them for every state change: a handler says what happened (a trigger),
// the table says where that leads. docs/http.md draws its diagrams from them.

#include <array>
#include <optional>
#include <string_view>

namespace netstage::http {

// ---- Server ----

enum class ServerState { Idle, ReadingHead, ReadingBody, Closed };

constexpr std::string_view toString(ServerState s) {
    switch (s) {
        case ServerState::Idle: return "IDLE";
        case ServerState::ReadingHead: return "READING-HEAD";
        case ServerState::ReadingBody: return "READING-BODY";
        case ServerState::Closed: return "CLOSED";
    }
    return "?";
}

enum class ServerTrigger {
    RequestStarted,  // the first octet of a request's head
    BodyFollows,     // the head is complete and announces a body
    Answered,        // the request is complete and answered; the connection stays
    AnsweredLast,    // answered, and the connection ends (Connection: close, HTTP/1.0)
    Rejected,        // a request that cannot be read: the engine's own 4xx/5xx, then close
    TimedOut,        // idle between requests (clean close) or stalled inside one (408)
    PeerClosed,      // EOF
};

struct ServerTransition {
    ServerState from;
    ServerTrigger trigger;
    ServerState to;
    std::string_view label;  // the arrow's words in the diagram
};

inline constexpr std::array<ServerTransition, 14> kServerTransitions{{
    {ServerState::Idle, ServerTrigger::RequestStarted, ServerState::ReadingHead, "first octet of a request"},
    {ServerState::Idle, ServerTrigger::TimedOut, ServerState::Closed, "idle timeout, closed without a response"},
    {ServerState::Idle, ServerTrigger::PeerClosed, ServerState::Closed, "EOF"},
    {ServerState::ReadingHead, ServerTrigger::BodyFollows, ServerState::ReadingBody,
     "head complete, Content-Length or chunked body follows"},
    {ServerState::ReadingHead, ServerTrigger::Answered, ServerState::Idle, "request without body answered, keep-alive"},
    {ServerState::ReadingHead, ServerTrigger::AnsweredLast, ServerState::Closed,
     "answered, then close (Connection close, HTTP/1.0)"},
    {ServerState::ReadingHead, ServerTrigger::Rejected, ServerState::Closed,
     "400 414 431 501 505 (or 411 413 417) sent, close"},
    {ServerState::ReadingHead, ServerTrigger::TimedOut, ServerState::Closed, "head too slow, 408, close (no 408 after empty lines alone)"},
    {ServerState::ReadingHead, ServerTrigger::PeerClosed, ServerState::Closed, "EOF inside a request"},
    {ServerState::ReadingBody, ServerTrigger::Answered, ServerState::Idle, "body complete, answered, keep-alive"},
    {ServerState::ReadingBody, ServerTrigger::AnsweredLast, ServerState::Closed,
     "answered, then close (Connection close, HTTP/1.0)"},
    {ServerState::ReadingBody, ServerTrigger::Rejected, ServerState::Closed, "bad chunk 400 or body too large 413, close"},
    {ServerState::ReadingBody, ServerTrigger::TimedOut, ServerState::Closed, "body stalled, 408, close"},
    {ServerState::ReadingBody, ServerTrigger::PeerClosed, ServerState::Closed, "EOF inside a body"},
}};

constexpr std::optional<ServerState> serverTransition(ServerState from, ServerTrigger trigger) {
    for (const auto& t : kServerTransitions) {
        if (t.from == from && t.trigger == trigger) return t.to;
    }
    return std::nullopt;
}

// ---- Client ----

enum class ClientState { Idle, AwaitResponse, ReadingBody, Closed };

constexpr std::string_view toString(ClientState s) {
    switch (s) {
        case ClientState::Idle: return "IDLE";
        case ClientState::AwaitResponse: return "AWAIT-RESPONSE";
        case ClientState::ReadingBody: return "READING-BODY";
        case ClientState::Closed: return "CLOSED";
    }
    return "?";
}

enum class ClientTrigger {
    Sent,          // a request was written
    Interim,       // a 1xx response: skipped, the final one is still to come
    BodyFollows,   // a final response's head announces a body
    Completed,     // a response is complete and no request is outstanding
    CompletedMore, // a response is complete and the next request's is awaited
    Closing,       // Connection: close, a close-delimited body, EOF, a bad response, a timeout, or finish()
};

struct ClientTransition {
    ClientState from;
    ClientTrigger trigger;
    ClientState to;
    std::string_view label;
};

inline constexpr std::array<ClientTransition, 12> kClientTransitions{{
    {ClientState::Idle, ClientTrigger::Sent, ClientState::AwaitResponse, "request written"},
    {ClientState::Idle, ClientTrigger::Closing, ClientState::Closed, "finish() or EOF"},
    {ClientState::AwaitResponse, ClientTrigger::Sent, ClientState::AwaitResponse, "another request pipelined"},
    {ClientState::AwaitResponse, ClientTrigger::Interim, ClientState::AwaitResponse, "1xx skipped"},
    {ClientState::AwaitResponse, ClientTrigger::BodyFollows, ClientState::ReadingBody,
     "head with Content-Length, chunked or close-delimited body"},
    {ClientState::AwaitResponse, ClientTrigger::Completed, ClientState::Idle,
     "response without body (HEAD, 204, 304, length 0)"},
    {ClientState::AwaitResponse, ClientTrigger::CompletedMore, ClientState::AwaitResponse,
     "response without body, next one awaited"},
    {ClientState::AwaitResponse, ClientTrigger::Closing, ClientState::Closed,
     "Connection close, EOF, bad response or timeout"},
    {ClientState::ReadingBody, ClientTrigger::Sent, ClientState::ReadingBody, "another request pipelined"},
    {ClientState::ReadingBody, ClientTrigger::Completed, ClientState::Idle, "body complete"},
    {ClientState::ReadingBody, ClientTrigger::CompletedMore, ClientState::AwaitResponse,
     "body complete, next response awaited"},
    {ClientState::ReadingBody, ClientTrigger::Closing, ClientState::Closed,
     "close-delimited body ends, Connection close, EOF, bad body or timeout"},
}};

constexpr std::optional<ClientState> clientTransition(ClientState from, ClientTrigger trigger) {
    for (const auto& t : kClientTransitions) {
        if (t.from == from && t.trigger == trigger) return t.to;
    }
    return std::nullopt;
}

}  // namespace netstage::http
