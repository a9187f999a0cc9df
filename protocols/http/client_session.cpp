#include "protocols/http/client_session.hpp"

#include <stdexcept>
#include <utility>

#include "protocols/http/wire.hpp"

namespace netstage::http {

namespace {

std::string excerpt(std::string_view line) { return std::string{line.substr(0, 200)}; }

bool isFramingField(std::string_view name) {
    return proto::iequals(name, "Host") || proto::iequals(name, "Content-Length") ||
           proto::iequals(name, "Transfer-Encoding") || proto::iequals(name, "Connection");
}

}  // namespace

ClientSession::ClientSession(ClientConfig config) : config_{std::move(config)}, reader_{config_.maxStatusLine} {
    if (config_.host.empty()) throw std::invalid_argument("HTTP client needs a host for the Host field");
}

void ClientSession::request(ClientRequest request, std::chrono::nanoseconds now) {
    for (const Field& field : request.headers) {
        if (isFramingField(field.name)) throw std::logic_error("HTTP client request sets " + field.name);
    }
    if (finishing_) throw std::logic_error("HTTP client asked for a request after finish()");
    if (state_ == ClientState::Closed) {
        events_.emplace_back(client::RequestFailed{request.method, request.target, "the connection is closed"});
        return;
    }
    queued_.push_back(std::move(request));
    if (started_) {
        if (outstanding_.empty()) lastActivity_ = now;
        writeRequests();
    }
}

void ClientSession::finish() {
    finishing_ = true;
    if (started_ && state_ == ClientState::Idle && queued_.empty()) moveOn(ClientTrigger::Closing);
}

void ClientSession::start(std::chrono::nanoseconds now) {
    if (started_) throw std::logic_error("HTTP client session started twice");
    started_ = true;
    lastActivity_ = now;
    writeRequests();
    if (finishing_ && state_ == ClientState::Idle && queued_.empty()) moveOn(ClientTrigger::Closing);
}

void ClientSession::receive(std::string_view bytes, std::chrono::nanoseconds now) {
    if (!started_) throw std::logic_error("HTTP client session received data before start()");
    if (state_ == ClientState::Closed) return;
    lastActivity_ = now;
    reader_.feed(bytes);
    process();
    writeRequests();
    if (finishing_ && state_ == ClientState::Idle && queued_.empty()) moveOn(ClientTrigger::Closing);
}

void ClientSession::receiveEof(std::chrono::nanoseconds) {
    if (state_ == ClientState::Closed) return;
    // RFC 9112 §6.3: a body without length or chunking ends when the connection does.
    if (state_ == ClientState::ReadingBody && body_.framing() == Framing::UntilClose) {
        responseCloses_ = true;
        response_->trailers = {};
        completeResponse();
        return;
    }
    if (!outstanding_.empty()) return fail("connection closed before the response was complete");
    for (; !queued_.empty(); queued_.pop_front()) {
        events_.emplace_back(client::RequestFailed{queued_.front().method, queued_.front().target,
                                                   "the server closed the connection"});
    }
    moveOn(ClientTrigger::Closing);
}

std::optional<std::chrono::nanoseconds> ClientSession::nextTimeout() const {
    if (!started_ || state_ == ClientState::Closed || outstanding_.empty()) return std::nullopt;
    return lastActivity_ + config_.responseTimeout;
}

void ClientSession::handleTimeout(std::chrono::nanoseconds now) {
    const auto deadline = nextTimeout();
    if (!deadline || now < *deadline) return;
    fail("no response in time");
}

std::string ClientSession::takeOutput() { return std::exchange(outgoing_, {}); }

client::ClientEvent ClientSession::nextEvent() {
    if (events_.empty()) return client::NeedData{};
    client::ClientEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

void ClientSession::writeRequests() {
    while (!queued_.empty() && state_ != ClientState::Closed && !lastRequestWritten_ &&
           (config_.pipeline || outstanding_.empty())) {
        ClientRequest request = std::move(queued_.front());
        queued_.pop_front();
        HeaderFields sent;
        sent.add("Host", config_.host);
        if (!config_.userAgent.empty() && !request.headers.has("User-Agent")) {
            sent.add("User-Agent", config_.userAgent);
        }
        for (const Field& field : request.headers) sent.add(field.name, field.value);
        // RFC 9110 §8.6: a POST or PUT says its length even when it is zero.
        if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
            sent.add("Content-Length", std::to_string(request.body.size()));
        }
        if (request.close) sent.add("Connection", "close");
        outgoing_ += requestLineText(request.method, request.target);
        appendFields(outgoing_, sent);
        outgoing_ += request.body;
        events_.emplace_back(client::RequestSent{request.method, request.target, std::move(sent), request.body.size()});
        outstanding_.push_back(Outstanding{std::move(request.method), std::move(request.target), request.close});
        lastRequestWritten_ = request.close;
        moveOn(ClientTrigger::Sent);
    }
}

void ClientSession::process() {
    while (state_ != ClientState::Closed) {
        if (state_ == ClientState::ReadingBody) {
            const BodyReader::Progress progress = body_.step(reader_, response_->body);
            if (progress == BodyReader::Progress::NeedData) return;
            if (progress != BodyReader::Progress::Complete) return fail(body_.error());
            response_->trailers = body_.takeTrailers();
            completeResponse();
            continue;
        }
        if (state_ == ClientState::Idle) {
            if (reader_.buffered() > 0) fail("the server sent a response with no request outstanding", std::string{reader_.pending()});
            return;
        }
        reader_.setLimit(response_ ? config_.maxFieldLine : config_.maxStatusLine);
        const auto line = reader_.next();
        if (!line) return;
        handleHeadLine(*line);
    }
}

void ClientSession::handleHeadLine(const proto::Line& line) {
    if (!response_) {
        if (line.tooLong) return fail("status line too long", line.text);
        if (line.text.empty()) return;  // a stray CRLF after a body, as old servers send
        const auto status = parseStatusLine(line.text);
        if (!status) return fail("malformed status line", line.text);
        const Outstanding& request = outstanding_.front();
        response_ = client::ResponseReceived{request.method, request.target, status->version, status->status,
                                             status->reason, {}, {}, {}};
        headerOctets_ = 0;
        return;
    }
    if (line.tooLong) return fail("header field line too long", line.text);
    headerOctets_ += line.text.size() + 2;
    if (headerOctets_ > config_.maxHeaderSection) return fail("header section too long");
    if (line.text.empty()) return finishHead();
    if (line.text.front() == ' ' || line.text.front() == '\t') {
        if (response_->headers.empty()) return fail("folded line before any field", line.text);
        response_->headers.continueLast(proto::trimSpaces(line.text));
        return;
    }
    auto parsed = parseFieldLine(line.text);
    if (!parsed.field) return fail(parsed.error, line.text);
    if (response_->headers.size() >= config_.maxFields) return fail("too many header fields");
    response_->headers.add(std::move(parsed.field->name), std::move(parsed.field->value));
}

// RFC 9112 §6.3 for a response.
void ClientSession::finishHead() {
    const int status = response_->status;
    const HeaderFields& fields = response_->headers;
    if (status < 200) {
        if (status == 101) return fail("101 Switching Protocols, but no upgrade was asked for");
        events_.emplace_back(client::InterimResponseReceived{status, response_->reason});
        response_.reset();
        moveOn(ClientTrigger::Interim);
        return;
    }
    const Outstanding& request = outstanding_.front();
    bool closes = request.close || fields.hasToken("Connection", "close") ||
                  (response_->version.minor == 0 && !fields.hasToken("Connection", "keep-alive"));
    Framing framing = Framing::None;
    std::size_t length = 0;
    if (request.method == "HEAD" || statusHasNoContent(status)) {
        framing = Framing::None;
    } else if (fields.has("Transfer-Encoding")) {
        const auto codings = fields.elements("Transfer-Encoding");
        framing = !codings.empty() && proto::iequals(codings.back(), "chunked") ? Framing::Chunked : Framing::UntilClose;
        // With Content-Length too, the message may be a smuggling attempt: never reuse the connection.
        if (fields.has("Content-Length") || framing == Framing::UntilClose) closes = true;
    } else if (fields.has("Content-Length")) {
        const ContentLength parsed = parseContentLength(fields);
        if (parsed.overflow || (parsed.length && *parsed.length > config_.maxBody)) {
            return fail("response body longer than " + std::to_string(config_.maxBody) + " octets");
        }
        if (!parsed.length) return fail("invalid Content-Length");
        length = *parsed.length;
        if (length > 0) framing = Framing::Length;
    } else {
        framing = Framing::UntilClose;
        closes = true;
    }
    responseCloses_ = closes;
    if (framing == Framing::None) return completeResponse();
    BodyLimits limits;
    limits.maxBody = config_.maxBody;
    limits.maxTrailerLine = config_.maxFieldLine;
    limits.maxTrailerSection = config_.maxHeaderSection;
    limits.maxTrailers = config_.maxFields;
    body_.begin(framing, length, limits);
    moveOn(ClientTrigger::BodyFollows);
}

void ClientSession::completeResponse() {
    outstanding_.pop_front();
    events_.emplace_back(std::move(*response_));
    response_.reset();
    if (responseCloses_) {
        for (; !outstanding_.empty(); outstanding_.pop_front()) {
            events_.emplace_back(client::RequestFailed{outstanding_.front().method, outstanding_.front().target,
                                                       "the server closed the connection"});
        }
        for (; !queued_.empty(); queued_.pop_front()) {
            events_.emplace_back(client::RequestFailed{queued_.front().method, queued_.front().target,
                                                       "the server closed the connection"});
        }
        moveOn(ClientTrigger::Closing);
        return;
    }
    moveOn(outstanding_.empty() ? ClientTrigger::Completed : ClientTrigger::CompletedMore);
    // The next request goes out before any more of the input is read, so a
    // response is never taken for an unasked one however the input is split.
    writeRequests();
}

void ClientSession::fail(const std::string& reason, const std::string& line) {
    events_.emplace_back(client::ProtocolError{reason, excerpt(line)});
    for (; !outstanding_.empty(); outstanding_.pop_front()) {
        events_.emplace_back(client::RequestFailed{outstanding_.front().method, outstanding_.front().target, reason});
    }
    for (; !queued_.empty(); queued_.pop_front()) {
        events_.emplace_back(client::RequestFailed{queued_.front().method, queued_.front().target, reason});
    }
    response_.reset();
    moveOn(ClientTrigger::Closing);
}

void ClientSession::moveOn(ClientTrigger trigger) {
    const std::optional<ClientState> next = clientTransition(state_, trigger);
    if (!next) {
        throw std::logic_error("HTTP client: trigger " + std::to_string(static_cast<int>(trigger)) +
                               " cannot happen in state " + std::string{toString(state_)});
    }
    state_ = *next;
}

}  // namespace netstage::http
