#include "protocols/pop3/client_session.hpp"

#include <stdexcept>
#include <utility>

#include "protocols/common/one_line.hpp"
#include "protocols/pop3/dot_stuffing.hpp"

namespace netstage::pop3 {

ClientSession::ClientSession(ClientConfig config) : config_{std::move(config)}, reader_{config_.maxReplyLine} {
    const auto bad = [](const std::string& s) { return s.empty() || s.find_first_of("\r\n") != std::string::npos; };
    if (bad(config_.user) || bad(config_.password)) {
        throw std::invalid_argument("POP3 client needs a user and a password without line breaks");
    }
}

void ClientSession::start(std::chrono::nanoseconds now) {
    if (started_) throw std::logic_error("POP3 client session started twice");
    started_ = true;
    deadline_ = now + config_.replyTimeout;
}

void ClientSession::receive(std::string_view bytes, std::chrono::nanoseconds now) {
    if (!started_) throw std::logic_error("POP3 client session received data before start()");
    if (closed()) return;
    reader_.feed(bytes);
    while (!closed()) {
        auto line = reader_.next();
        if (!line) break;
        handleLine(*line, now);
    }
}

void ClientSession::receiveEof(std::chrono::nanoseconds) {
    if (closed()) return;
    fail(ClientTrigger::Lost, "connection closed by the server in state " + std::string{toString(state_)});
}

std::optional<std::chrono::nanoseconds> ClientSession::nextTimeout() const {
    if (!started_ || closed()) return std::nullopt;
    return deadline_;
}

void ClientSession::handleTimeout(std::chrono::nanoseconds now) {
    if (!started_ || closed() || now < deadline_) return;
    fail(ClientTrigger::Lost, "no reply from the server in state " + std::string{toString(state_)});
}

std::string ClientSession::takeOutput() { return std::exchange(outgoing_, {}); }

ClientEvent ClientSession::nextEvent() {
    if (events_.empty()) return client::NeedData{};
    ClientEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

void ClientSession::handleLine(const proto::Line& line, std::chrono::nanoseconds now) {
    events_.emplace_back(client::ReplyLine{line.text});
    if (line.tooLong) {
        events_.emplace_back(client::ProtocolError{"reply line longer than " + std::to_string(config_.maxReplyLine) +
                                                       " octets was cut",
                                                   line.text});
    }
    switch (state_) {
        case ClientState::ReadingList: handleListLine(line.text, now); return;
        case ClientState::ReadingMessage: handleMessageLine(line.text, now); return;
        default: break;
    }
    // RFC 1939 §3: a status indicator, then optional text. poplib accepts any
    // reply starting with '+'; so do we.
    if (!line.text.empty() && line.text.front() == '+') {
        handleStatus(true, line.text, now);
    } else if (line.text.rfind("-ERR", 0) == 0 || (!line.text.empty() && line.text.front() == '-')) {
        handleStatus(false, line.text, now);
    } else {
        events_.emplace_back(client::ProtocolError{"reply is neither +OK nor -ERR", line.text});
        fail(ClientTrigger::Lost, "unintelligible reply from the server");
    }
}

void ClientSession::handleStatus(bool ok, const std::string& line, std::chrono::nanoseconds now) {
    switch (state_) {
        case ClientState::AwaitGreeting:
            if (!ok) {
                fail(ClientTrigger::Err, "server refused the connection: " + line);
                return;
            }
            send(ClientTrigger::Ok, "user", config_.user, now);
            return;
        case ClientState::AwaitUser:
        case ClientState::AwaitPass:
            if (!ok) {
                loginFailed_ = true;
                events_.emplace_back(client::LoginFailed{line});
                send(ClientTrigger::Err, "quit", {}, now);
                return;
            }
            if (state_ == ClientState::AwaitUser) {
                send(ClientTrigger::Ok, "pass", config_.password, now);
            } else {
                send(ClientTrigger::Ok, "list", {}, now);
            }
            return;
        case ClientState::AwaitList:
            if (!ok) {
                events_.emplace_back(client::CommandRejected{"LIST", line});
                send(ClientTrigger::Err, "quit", {}, now);
                return;
            }
            moveOn(ClientTrigger::Ok);
            return;
        case ClientState::AwaitRetr:
            if (!ok) {
                events_.emplace_back(client::CommandRejected{"RETR " + std::to_string(current_), line});
                retrieveNextOrQuit(now);
                return;
            }
            body_.clear();
            moveOn(ClientTrigger::Ok);
            return;
        case ClientState::AwaitDele:
            if (!ok) events_.emplace_back(client::CommandRejected{"DELE " + std::to_string(current_), line});
            retrieveNextOrQuit(now);
            return;
        case ClientState::AwaitQuit:
            if (loginFailed_) {
                fail(ClientTrigger::SignedOffAfterFailedLogin, "login failed");
                return;
            }
            moveOn(ClientTrigger::SignedOff);
            events_.emplace_back(client::Done{downloaded_});
            return;
        case ClientState::ReadingList:
        case ClientState::ReadingMessage:
        case ClientState::Done:
        case ClientState::Failed:
            return;
    }
}

// Scan listing lines are "<number> <octets>" (RFC 1939 §5); anything else is noted and skipped.
void ClientSession::handleListLine(const std::string& line, std::chrono::nanoseconds now) {
    if (isTerminator(line)) {
        retrieveNextOrQuit(now);
        return;
    }
    const std::string_view text = unstuffLine(line);
    const std::size_t space = text.find(' ');
    const std::string_view digits = text.substr(0, space);
    std::size_t number = 0;
    bool valid = !digits.empty() && digits.size() <= 9;
    for (char c : digits) {
        if (c < '0' || c > '9') valid = false;
        if (valid) number = number * 10 + static_cast<std::size_t>(c - '0');
    }
    if (!valid || number == 0) {
        events_.emplace_back(client::ProtocolError{"bad scan listing line", line});
        return;
    }
    toFetch_.push_back(number);
}

void ClientSession::handleMessageLine(const std::string& line, std::chrono::nanoseconds now) {
    if (!isTerminator(line)) {
        body_ += unstuffLine(line);
        body_ += "\r\n";
        return;
    }
    ++downloaded_;
    events_.emplace_back(client::MessageDownloaded{current_, std::exchange(body_, {})});
    if (config_.mode == DownloadMode::DownloadAndDelete) {
        send(ClientTrigger::Delete, "dele", std::to_string(current_), now);
    } else {
        retrieveNextOrQuit(now);
    }
}

void ClientSession::retrieveNextOrQuit(std::chrono::nanoseconds now) {
    if (nextToFetch_ < toFetch_.size()) {
        current_ = toFetch_[nextToFetch_++];
        send(ClientTrigger::NextMessage, "retr", std::to_string(current_), now);
    } else {
        send(ClientTrigger::NoMessageLeft, "quit", {}, now);
    }
}

void ClientSession::send(ClientTrigger trigger, std::string_view verb, const std::string& argument,
                         std::chrono::nanoseconds now) {
    std::string line = config_.style == CommandStyle::UpperCase ? proto::asciiUpper(verb) : std::string{verb};
    if (!argument.empty()) line += " " + argument;
    proto::requireOneLine(line, "POP3 command");
    moveOn(trigger);
    outgoing_ += line + "\r\n";
    events_.emplace_back(client::CommandSent{std::move(line)});
    deadline_ = now + config_.replyTimeout;
}

void ClientSession::fail(ClientTrigger trigger, const std::string& reason) {
    moveOn(trigger);
    events_.emplace_back(client::Failed{reason});
}

void ClientSession::moveOn(ClientTrigger trigger) {
    const std::optional<ClientState> next = clientTransition(state_, trigger);
    if (!next) {
        throw std::logic_error("POP3 client: trigger " + std::to_string(static_cast<int>(trigger)) +
                               " cannot happen in state " + std::string{toString(state_)});
    }
    state_ = *next;
}

}  // namespace netstage::pop3
