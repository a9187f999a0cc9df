#pragma once
// HTTP/1.1 server engine (RFC 9110 semantics, RFC 9112 syntax), sans-IO:
// bytes and times in, bytes and events out; it meets proto::Engine
// (protocols/common/engine.hpp). Requests are read one after another off a
// persistent connection, each complete one is handed to the host's
// RequestHandler, and the answers go out in the order the requests came,
// so pipelining works. What cannot be read gets the engine's own status.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "protocols/common/fifo.hpp"
#include "protocols/common/line_reader.hpp"
#include "protocols/http/body_reader.hpp"
#include "protocols/http/message.hpp"
#include "protocols/http/request_handler.hpp"
#include "protocols/http/server_events.hpp"
#include "protocols/http/state.hpp"

namespace netstage::http {

struct ServerConfig {
    // RFC 9112 §3: a server should read request lines of at least 8000 octets.
    std::size_t maxRequestLine = 8192;     // with CRLF; longer: 414 (or 400 if not a request line)
    std::size_t maxFieldLine = 8192;       // one field line, with CRLF; longer: 431
    std::size_t maxHeaderSection = 65536;  // every field line together; more: 431
    std::size_t maxFields = 100;           // more: 431
    std::size_t maxBody = std::size_t{1} << 20;  // decoded octets; more: 413
    // RFC 9110 §15.5.12: refuse a POST or PUT that says nothing of its length (411).
    bool requireLengthForPostAndPut = true;
    std::string serverName = "NetStage";  // the Server field; empty for none
    // Between requests: the connection is closed without a word (RFC 9112 §9.5).
    std::chrono::nanoseconds idleTimeout = std::chrono::seconds{60};
    // A request's head must be complete this long after its first octet, and
    // its body may not stall this long: 408, then close (a slow client).
    std::chrono::nanoseconds requestTimeout = std::chrono::seconds{30};
};

class ServerSession {
public:
    explicit ServerSession(RequestHandler& handler, ServerConfig config = {});
    ServerSession(const ServerSession&) = delete;
    ServerSession& operator=(const ServerSession&) = delete;

    // The connection is open. An HTTP server says nothing first; this starts the idle timer.
    void start(std::chrono::nanoseconds now);
    void receive(std::string_view bytes, std::chrono::nanoseconds now);
    void receiveEof(std::chrono::nanoseconds now);

    std::optional<std::chrono::nanoseconds> nextTimeout() const;
    void handleTimeout(std::chrono::nanoseconds now);

    std::string takeOutput();
    ServerEvent nextEvent();

    ServerState state() const { return state_; }
    bool closed() const { return state_ == ServerState::Closed; }

private:
    // Everything known about the request being read.
    struct Pending {
        bool haveRequestLine = false;
        bool unknownMethod = false;
        bool keepAlive = true;
        bool chunked = false;
        std::size_t headerOctets = 0;
        Request request;
    };

    void process();
    void handleHeadLine(const proto::Line& line);
    void handleRequestLine(const proto::Line& line);
    void finishHead();
    void finishRequest();

    // The engine's own answer to a request it cannot (or will not) pass on,
    // then the connection ends unless `keep` says otherwise.
    void reject(int status, const std::string& reason, const std::string& line = {});
    void sendResponse(Response response, bool headRequest, Version version, bool keepAlive);
    void moveOn(ServerTrigger trigger);

    RequestHandler& handler_;
    ServerConfig config_;
    proto::LineReader reader_;
    BodyReader body_;
    ServerState state_ = ServerState::Idle;
    bool started_ = false;
    Pending pending_;
    std::chrono::nanoseconds lastActivity_{};
    std::chrono::nanoseconds requestStarted_{};
    std::string outgoing_;
    proto::Fifo<ServerEvent> events_;
};

}  // namespace netstage::http
