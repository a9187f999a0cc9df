#include "protocols/http/server_session.hpp"

#include <stdexcept>
#include <utility>

#include "protocols/http/wire.hpp"

namespace netstage::http {

namespace {

std::string excerpt(std::string_view line) { return std::string{line.substr(0, 200)}; }

// A too-long line that starts like a request line has a target too long to
// read (414); anything else is not a request line at all (400).
bool looksLikeLongTarget(std::string_view head) {
    const std::size_t space = head.find(' ');
    if (space == std::string_view::npos || !isToken(head.substr(0, space))) return false;
    return head.find(' ', space + 1) == std::string_view::npos;
}

}  // namespace

ServerSession::ServerSession(RequestHandler& handler, ServerConfig config)
    : handler_{handler}, config_{std::move(config)}, reader_{config_.maxRequestLine} {}

void ServerSession::start(std::chrono::nanoseconds now) {
    if (started_) throw std::logic_error("HTTP server session started twice");
    started_ = true;
    lastActivity_ = now;
}

void ServerSession::receive(std::string_view bytes, std::chrono::nanoseconds now) {
    if (!started_) throw std::logic_error("HTTP server session received data before start()");
    // After the last response nothing more is read: the connection is closing.
    if (state_ == ServerState::Closed) return;
    lastActivity_ = now;
    reader_.feed(bytes);
    for (;;) {
        if (state_ == ServerState::Closed) return;
        if (state_ == ServerState::ReadingBody) {
            const BodyReader::Progress progress = body_.step(reader_, pending_.request.body);
            if (progress == BodyReader::Progress::NeedData) return;
            if (progress == BodyReader::Progress::TooLarge) return reject(413, body_.error());
            if (progress == BodyReader::Progress::Malformed) return reject(400, body_.error());
            pending_.request.trailers = body_.takeTrailers();
            finishRequest();
            continue;
        }
        reader_.setLimit(pending_.haveRequestLine ? config_.maxFieldLine : config_.maxRequestLine);
        const auto line = reader_.next();
        if (!line) {
            if (state_ == ServerState::Idle && reader_.buffered() > 0) {
                requestStarted_ = now;
                moveOn(ServerTrigger::RequestStarted);
            }
            return;
        }
        // Any octet starts the head's clock, empty lines too (which are
        // skipped, RFC 9112 §2.2): a client sending nothing but CRLFs cannot
        // hold the connection open past requestTimeout.
        if (state_ == ServerState::Idle) {
            requestStarted_ = now;
            moveOn(ServerTrigger::RequestStarted);
        }
        handleHeadLine(*line);
    }
}

void ServerSession::receiveEof(std::chrono::nanoseconds) {
    if (state_ == ServerState::Closed) return;
    if (state_ != ServerState::Idle) events_.emplace_back(ProtocolError{0, "connection closed inside a request", {}});
    moveOn(ServerTrigger::PeerClosed);
}

std::optional<std::chrono::nanoseconds> ServerSession::nextTimeout() const {
    if (!started_) return std::nullopt;
    switch (state_) {
        case ServerState::Idle: return lastActivity_ + config_.idleTimeout;
        case ServerState::ReadingHead: return requestStarted_ + config_.requestTimeout;
        case ServerState::ReadingBody: return lastActivity_ + config_.requestTimeout;
        case ServerState::Closed: return std::nullopt;
    }
    return std::nullopt;
}

void ServerSession::handleTimeout(std::chrono::nanoseconds now) {
    const auto deadline = nextTimeout();
    if (!deadline || now < *deadline) return;
    if (state_ == ServerState::Idle) {
        // RFC 9112 §9.5: an idle persistent connection may be closed at any time, without a response.
        events_.emplace_back(ProtocolError{0, "idle connection timed out", {}});
    } else if (state_ == ServerState::ReadingHead && !pending_.haveRequestLine && reader_.buffered() == 0) {
        events_.emplace_back(ProtocolError{0, "only empty lines, no request in time", {}});
    } else {
        events_.emplace_back(ProtocolError{408, state_ == ServerState::ReadingHead ? "request head not complete in time"
                                                                                   : "request body stalled", {}});
        sendResponse(errorResponse(408, "The request did not arrive in time."), false, Version{}, false);
    }
    moveOn(ServerTrigger::TimedOut);
}

std::string ServerSession::takeOutput() { return std::exchange(outgoing_, {}); }

ServerEvent ServerSession::nextEvent() {
    if (events_.empty()) return NeedData{};
    ServerEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

void ServerSession::handleHeadLine(const proto::Line& line) {
    if (!pending_.haveRequestLine) return handleRequestLine(line);
    if (line.tooLong) {
        return reject(431, "header field line longer than " + std::to_string(config_.maxFieldLine) + " octets",
                      line.text);
    }
    pending_.headerOctets += line.text.size() + 2;
    if (pending_.headerOctets > config_.maxHeaderSection) {
        return reject(431, "header section longer than " + std::to_string(config_.maxHeaderSection) + " octets");
    }
    if (line.text.empty()) return finishHead();
    if (line.text.find('\r') != std::string::npos) return reject(400, "bare CR in a header field line", line.text);
    // RFC 9112 §5.2: a server rejects obsolete line folding (or unfolds it; this one rejects).
    if (line.text.front() == ' ' || line.text.front() == '\t') {
        return reject(400, "obsolete line folding in the header section", line.text);
    }
    auto parsed = parseFieldLine(line.text);
    if (!parsed.field) return reject(400, parsed.error, line.text);
    if (pending_.request.headers.size() >= config_.maxFields) {
        return reject(431, "more than " + std::to_string(config_.maxFields) + " header fields");
    }
    pending_.request.headers.add(std::move(parsed.field->name), std::move(parsed.field->value));
}

void ServerSession::handleRequestLine(const proto::Line& line) {
    if (line.text.empty() && !line.tooLong) return;  // RFC 9112 §2.2, as in Idle
    if (line.tooLong) {
        if (looksLikeLongTarget(line.text)) {
            return reject(414, "request target longer than the " + std::to_string(config_.maxRequestLine) +
                                   "-octet request line allows", line.text);
        }
        return reject(400, "request line too long", line.text);
    }
    if (line.text.find('\r') != std::string::npos) return reject(400, "bare CR in the request line", line.text);
    RequestLineParse parsed = parseRequestLine(line.text);
    if (!parsed.line) return reject(parsed.status, parsed.error, line.text);
    pending_.haveRequestLine = true;
    pending_.unknownMethod = !isStandardMethod(parsed.line->method);
    pending_.request.method = std::move(parsed.line->method);
    pending_.request.target = std::move(parsed.line->target);
    pending_.request.version = parsed.line->version;
}

// RFC 9112 §6.3 for a request: Transfer-Encoding, else Content-Length, else no body.
void ServerSession::finishHead() {
    const HeaderFields& fields = pending_.request.headers;
    const Version version = pending_.request.version;
    const std::size_t hosts = fields.count("Host");
    // RFC 9112 §3.2: exactly one Host in HTTP/1.1; never two.
    if (hosts > 1 || (version.minor >= 1 && hosts == 0)) return reject(400, "not exactly one Host field");
    if (version.minor == 0) {
        pending_.keepAlive = fields.hasToken("Connection", "keep-alive") && !fields.hasToken("Connection", "close");
    } else {
        pending_.keepAlive = !fields.hasToken("Connection", "close");
    }

    Framing framing = Framing::None;
    std::size_t length = 0;
    if (fields.has("Transfer-Encoding")) {
        // RFC 9112 §6.1 and §6.3: anything but a final "chunked" leaves the framing unknown.
        if (version.minor == 0) return reject(400, "Transfer-Encoding in an HTTP/1.0 request");
        if (fields.has("Content-Length")) return reject(400, "both Transfer-Encoding and Content-Length");
        const auto codings = fields.elements("Transfer-Encoding");
        if (codings.empty() || !proto::iequals(codings.back(), "chunked")) {
            return reject(400, "chunked is not the final transfer coding");
        }
        for (std::size_t i = 0; i + 1 < codings.size(); ++i) {
            if (proto::iequals(codings[i], "chunked")) return reject(400, "chunked applied twice");
            return reject(501, "transfer coding " + std::string{codings[i]} + " not implemented");
        }
        framing = Framing::Chunked;
        pending_.chunked = true;
    } else if (fields.has("Content-Length")) {
        const ContentLength parsed = parseContentLength(fields);
        if (parsed.overflow || (parsed.length && *parsed.length > config_.maxBody)) {
            return reject(413, "body longer than " + std::to_string(config_.maxBody) + " octets");
        }
        if (!parsed.length) return reject(400, "invalid Content-Length");
        length = *parsed.length;
        if (length > 0) framing = Framing::Length;
    } else if (config_.requireLengthForPostAndPut &&
               (pending_.request.method == "POST" || pending_.request.method == "PUT")) {
        return reject(411, pending_.request.method + " without Content-Length");
    }

    // RFC 9110 §10.1.1: 100-continue is the one expectation there is.
    bool sendContinue = false;
    if (fields.has("Expect")) {
        const auto expectations = fields.elements("Expect");
        if (expectations.size() != 1 || !proto::iequals(expectations.front(), "100-continue")) {
            return reject(417, "unknown expectation");
        }
        sendContinue = framing != Framing::None && version.minor >= 1;
    }

    if (framing == Framing::None) return finishRequest();
    BodyLimits limits;
    limits.maxBody = config_.maxBody;
    limits.maxTrailerLine = config_.maxFieldLine;
    limits.maxTrailerSection = config_.maxHeaderSection;
    limits.maxTrailers = config_.maxFields;
    body_.begin(framing, length, limits);
    moveOn(ServerTrigger::BodyFollows);
    if (sendContinue) {
        outgoing_ += "HTTP/1.1 100 Continue\r\n\r\n";
        events_.emplace_back(InterimResponseSent{100, "Continue"});
    }
}

void ServerSession::finishRequest() {
    Pending done = std::exchange(pending_, Pending{});
    Request& request = done.request;
    events_.emplace_back(RequestReceived{request.method, request.target, request.version, request.headers,
                                         request.body.size(), done.chunked, request.trailers});
    const bool headRequest = request.method == "HEAD";
    const Version version = request.version;
    // RFC 9110 §9.1: a method this server does not know is 501, without asking the host.
    Response response = done.unknownMethod
                            ? errorResponse(501, "The method " + request.method + " is not implemented here.")
                            : handler_.handle(std::move(request));
    const bool keepAlive = done.keepAlive && !response.close;
    sendResponse(std::move(response), headRequest, version, keepAlive);
    moveOn(keepAlive ? ServerTrigger::Answered : ServerTrigger::AnsweredLast);
}

void ServerSession::reject(int status, const std::string& reason, const std::string& line) {
    events_.emplace_back(ProtocolError{status, reason, excerpt(line)});
    sendResponse(errorResponse(status, reason), false, Version{}, false);
    moveOn(ServerTrigger::Rejected);
}

void ServerSession::sendResponse(Response response, bool headRequest, Version version, bool keepAlive) {
    if (response.status < 200 || response.status > 599) {
        throw std::logic_error("HTTP handler answered with status " + std::to_string(response.status));
    }
    for (const Field& field : response.headers) {
        if (proto::iequals(field.name, "Content-Length") || proto::iequals(field.name, "Transfer-Encoding") ||
            proto::iequals(field.name, "Connection")) {
            throw std::logic_error("HTTP handler set " + field.name + ", which the server engine owns");
        }
    }
    if (statusHasNoContent(response.status) && !response.body.empty()) {
        throw std::logic_error("HTTP status " + std::to_string(response.status) + " cannot have a body");
    }
    const std::string reason =
        response.reason.empty() ? std::string{reasonPhrase(response.status)} : std::move(response.reason);
    HeaderFields sent;
    if (!config_.serverName.empty() && !response.headers.has("Server")) sent.add("Server", config_.serverName);
    for (const Field& field : response.headers) sent.add(field.name, field.value);
    if (response.status != 204 && response.status != 304) {
        sent.add("Content-Length", std::to_string(response.body.size()));
    }
    if (!keepAlive) {
        sent.add("Connection", "close");
    } else if (version.minor == 0) {
        sent.add("Connection", "keep-alive");
    }
    outgoing_ += statusLineText(response.status, reason);
    appendFields(outgoing_, sent);
    const std::size_t bodyLength = headRequest ? 0 : response.body.size();
    if (!headRequest) outgoing_ += response.body;
    events_.emplace_back(ResponseSent{response.status, reason, std::move(sent), bodyLength, !keepAlive});
}

void ServerSession::moveOn(ServerTrigger trigger) {
    const std::optional<ServerState> next = serverTransition(state_, trigger);
    if (!next) {
        throw std::logic_error("HTTP server: trigger " + std::to_string(static_cast<int>(trigger)) +
                               " cannot happen in state " + std::string{toString(state_)});
    }
    state_ = *next;
}

}  // namespace netstage::http
