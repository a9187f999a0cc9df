#include "protocols/smtp/client_session.hpp"

#include <stdexcept>
#include <utility>

#include "protocols/common/one_line.hpp"
#include "protocols/smtp/dot_stuffing.hpp"
#include "protocols/smtp/state_diagram.hpp"

namespace netstage::smtp {

namespace {

// Replies are at most 512 octets (§4.5.3.1.5); accept more from sloppy servers.
constexpr std::size_t replyLineLimit = 4096;

Outcome classify(int code) {
    if (code >= 200 && code < 300) return Outcome::Accepted;
    if (code >= 400 && code < 500) return Outcome::TemporaryFailure;
    return Outcome::PermanentFailure;
}

std::vector<std::string> linesOf(const Reply* reply) { return reply ? wireLines(*reply) : std::vector<std::string>{}; }

bool hasEightBitOctets(const std::string& data) {
    for (const char c : data) {
        if (static_cast<unsigned char>(c) > 127) return true;
    }
    return false;
}

}  // namespace

ClientSession::ClientSession(ClientConfig config) : config_{std::move(config)}, reader_{replyLineLimit} {}

void ClientSession::enqueue(MailItem item) {
    if (item.recipients.empty()) throw std::invalid_argument{"a mail item needs at least one recipient"};
    proto::requireOneLine(item.reversePath, "SMTP reverse-path");
    for (const std::string& recipient : item.recipients) proto::requireOneLine(recipient, "SMTP recipient");
    if (state_ == ClientState::AwaitQuit || state_ == ClientState::Finished) {
        throw std::logic_error{"ClientSession::enqueue after QUIT"};
    }
    queue_.emplace_back(enqueued_++, std::move(item));
}

void ClientSession::start(std::chrono::nanoseconds now) {
    if (started_) throw std::logic_error{"ClientSession::start called twice"};
    started_ = true;
    now_ = now;
    deadline_ = now + config_.timeouts.greeting;
}

void ClientSession::receive(std::string_view bytes, std::chrono::nanoseconds now) {
    if (!started_) throw std::logic_error{"ClientSession::receive before start"};
    if (state_ == ClientState::Finished) return;
    now_ = now;
    reader_.feed(bytes);
    while (state_ != ClientState::Finished) {
        auto line = reader_.next();
        if (!line) break;
        const ReplyParser::Status status = replyParser_.feed(line->text);
        if (status == ReplyParser::Status::NeedMore) continue;
        if (status == ReplyParser::Status::Malformed || line->tooLong) {
            events_.emplace_back(ProtocolError{0, "malformed reply line", line->text});
            abort(Outcome::TemporaryFailure, nullptr, "malformed reply from server");
            break;
        }
        std::vector<std::string> wire = replyParser_.takeWireLines();
        const Reply reply = replyParser_.take();
        events_.emplace_back(ReplyReceived{reply.code, std::move(wire)});
        onReply(reply);
    }
}

void ClientSession::receiveEof(std::chrono::nanoseconds now) {
    if (!started_ || state_ == ClientState::Finished) return;
    now_ = now;
    if (state_ == ClientState::AwaitQuit) {
        // Closing without the 221 is impolite but harmless: everything was already reported.
        finish();
        return;
    }
    events_.emplace_back(ProtocolError{0, "connection closed by the server", {}});
    abort(state_ == ClientState::AwaitDataEnd ? Outcome::Unknown : Outcome::TemporaryFailure, nullptr,
          "connection lost");
}

ClientEvent ClientSession::nextEvent() {
    if (events_.empty()) return NeedData{};
    ClientEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

std::string ClientSession::takeOutput() { return std::exchange(output_, {}); }

std::optional<std::chrono::nanoseconds> ClientSession::nextTimeout() const {
    if (!started_ || state_ == ClientState::Finished) return std::nullopt;
    return deadline_;
}

void ClientSession::handleTimeout(std::chrono::nanoseconds now) {
    if (!deadline_ || state_ == ClientState::Finished || now < *deadline_) return;
    now_ = now;
    const ClientStep* step = clientStep(state_);
    events_.emplace_back(ProtocolError{0, "no reply in time: " + std::string{step ? step->timeoutName : ""}, {}});
    if (state_ == ClientState::AwaitQuit) {
        finish();
        return;
    }
    abort(state_ == ClientState::AwaitDataEnd ? Outcome::Unknown : Outcome::TemporaryFailure, nullptr, "timeout");
}

void ClientSession::onReply(const Reply& reply) {
    // 421 may come at any point (§3.8): the server is going away.
    if (reply.code == 421 && state_ != ClientState::AwaitQuit) {
        abort(Outcome::TemporaryFailure, &reply, "service not available (421)");
        return;
    }
    switch (state_) {
        case ClientState::AwaitGreeting: onGreeting(reply); return;
        case ClientState::AwaitHelo: onHelo(reply); return;
        case ClientState::AwaitMail: onMail(reply); return;
        case ClientState::AwaitRcpt: onRcpt(reply); return;
        case ClientState::AwaitData: onData(reply); return;
        case ClientState::AwaitDataEnd: onDataEnd(reply); return;
        case ClientState::AwaitRset:
            if (classify(reply.code) == Outcome::Accepted) {
                needRset_ = false;
                startNextItem();
            } else {
                events_.emplace_back(ProtocolError{reply.code, "RSET refused", {}});
                failQueued(Outcome::TemporaryFailure, nullptr, "not attempted: RSET refused");
                sendQuit();
            }
            return;
        case ClientState::AwaitQuit: finish(); return;
        case ClientState::Finished: return;
    }
}

void ClientSession::onGreeting(const Reply& reply) {
    if (classify(reply.code) != Outcome::Accepted) {
        failQueued(classify(reply.code), &reply, "server refused the connection");
        sendQuit();
        return;
    }
    sendHello(config_.useEhlo);
}

void ClientSession::onHelo(const Reply& reply) {
    const Outcome outcome = classify(reply.code);
    if (outcome == Outcome::PermanentFailure && sentEhlo_) {
        sendHello(false);  // an old server that does not know EHLO (§4.1.1.1)
        return;
    }
    if (outcome != Outcome::Accepted) {
        failQueued(outcome, &reply, "greeting (HELO/EHLO) refused");
        sendQuit();
        return;
    }
    if (sentEhlo_) {
        for (std::size_t i = 1; i < reply.texts.size(); ++i) {
            const std::string& keyword = reply.texts[i];
            if (proto::iequals(keyword.substr(0, 4), "SIZE") && (keyword.size() == 4 || keyword[4] == ' ')) {
                serverSize_ = true;
            }
            if (proto::iequals(keyword.substr(0, 8), "8BITMIME") && (keyword.size() == 8 || keyword[8] == ' ')) {
                server8BitMime_ = true;
            }
        }
    }
    startNextItem();
}

void ClientSession::onMail(const Reply& reply) {
    const Outcome outcome = classify(reply.code);
    if (outcome != Outcome::Accepted) {
        failActive(outcome, &reply, "sender refused");
        needRset_ = true;
        startNextItem();
        return;
    }
    sendNextRcpt();
}

void ClientSession::onRcpt(const Reply& reply) {
    Active& active = *active_;
    const std::string& recipient = active.item.recipients[active.nextRecipient - 1];
    const Outcome outcome = classify(reply.code);
    if (outcome == Outcome::Accepted) {
        active.accepted.push_back(recipient);
    } else {
        if (outcome == Outcome::TemporaryFailure) active.anyTemporary = true;
        events_.emplace_back(RecipientResult{active.index, recipient, outcome, reply.code, wireLines(reply)});
    }
    active.answered = active.nextRecipient;
    if (active.nextRecipient < active.item.recipients.size()) {
        sendNextRcpt();
        return;
    }
    if (active.accepted.empty()) {
        failActive(active.anyTemporary ? Outcome::TemporaryFailure : Outcome::PermanentFailure, &reply,
                   "every recipient refused");
        needRset_ = true;
        startNextItem();
        return;
    }
    sendCommand("DATA", ClientTrigger::Data, config_.timeouts.dataInitiation);
}

void ClientSession::onData(const Reply& reply) {
    if (reply.code != 354) {
        failActive(classify(reply.code), &reply, "DATA refused");
        needRset_ = true;
        startNextItem();
        return;
    }
    for (std::string& line : stuffedDataLines(active_->item.data)) {
        output_.append(line).append("\r\n");
        events_.emplace_back(DataLineSent{std::move(line), false});
    }
    output_.append(".\r\n");
    events_.emplace_back(DataLineSent{".", true});
    moveOn(ClientTrigger::Message);
    deadline_ = now_ + config_.timeouts.dataTermination;
}

void ClientSession::onDataEnd(const Reply& reply) {
    const Outcome outcome = classify(reply.code);
    if (outcome == Outcome::Accepted) {
        Active active = std::move(*active_);
        active_.reset();
        for (const std::string& recipient : active.accepted) {
            events_.emplace_back(RecipientResult{active.index, recipient, Outcome::Accepted, reply.code, wireLines(reply)});
        }
        events_.emplace_back(ItemResult{active.index, Outcome::Accepted, reply.code, wireLines(reply),
                                        std::move(active.accepted), "delivered"});
    } else {
        failActive(outcome, &reply, "message refused");
    }
    // The transaction ended either way (§4.1.1.4), so no RSET is needed.
    startNextItem();
}

void ClientSession::sendCommand(const std::string& line, ClientTrigger trigger, std::chrono::nanoseconds timeout) {
    proto::requireOneLine(line, "SMTP command");
    output_.append(line).append("\r\n");
    events_.emplace_back(CommandSent{line});
    moveOn(trigger);
    deadline_ = now_ + timeout;
}

void ClientSession::moveOn(ClientTrigger trigger) {
    const std::optional<ClientState> next = clientTransition(state_, trigger);
    if (!next) {
        throw std::logic_error{"SMTP client: " + std::string{clientTriggerName(trigger)} + " cannot happen in state " +
                               std::string{clientStateName(state_)}};
    }
    state_ = *next;
}

void ClientSession::sendHello(bool ehlo) {
    sentEhlo_ = ehlo;
    sendCommand((ehlo ? "EHLO " : "HELO ") + config_.heloDomain, ClientTrigger::Hello, config_.timeouts.mail);
}

void ClientSession::startNextItem() {
    if (needRset_) {
        sendCommand("RSET", ClientTrigger::Rset, config_.timeouts.mail);
        return;
    }
    if (queue_.empty()) {
        sendQuit();
        return;
    }
    auto [index, item] = std::move(queue_.front());
    queue_.pop_front();
    active_ = Active{index, std::move(item), 0, 0, {}, false};
    const bool eightBit = hasEightBitOctets(active_->item.data);
    if (eightBit && !server8BitMime_) {
        // RFC 6152 §3 and RFC 5321 §2.4: 8-bit text goes only to a server that
        // offered 8BITMIME. Without MIME there is no 7-bit form to convert it
        // to, so the item is refused here, before MAIL, and nothing is sent.
        failActive(Outcome::PermanentFailure, nullptr,
                   sentEhlo_ ? "the message has 8-bit text and the server did not offer 8BITMIME (RFC 6152)"
                             : "the message has 8-bit text, and after HELO a server takes only 7-bit US-ASCII (RFC 6152)");
        startNextItem();
        return;
    }
    std::string line = config_.style == CommandStyle::Rfc ? "MAIL FROM:<" : "MAIL FROM: <";
    line.append(active_->item.reversePath).append(">");
    if (serverSize_) line.append(" SIZE=").append(std::to_string(active_->item.data.size()));
    if (eightBit) line.append(" BODY=8BITMIME");
    sendCommand(line, ClientTrigger::Mail, config_.timeouts.mail);
}

void ClientSession::sendNextRcpt() {
    Active& active = *active_;
    std::string line = config_.style == CommandStyle::Rfc ? "RCPT TO:<" : "RCPT TO: <";
    line.append(active.item.recipients[active.nextRecipient++]).append(">");
    sendCommand(line, ClientTrigger::Rcpt, config_.timeouts.rcpt);
}

void ClientSession::sendQuit() { sendCommand("QUIT", ClientTrigger::Quit, config_.timeouts.mail); }

void ClientSession::failActive(Outcome outcome, const Reply* reply, std::string reason) {
    if (!active_) return;
    Active active = std::move(*active_);
    active_.reset();
    const int code = reply ? reply->code : 0;
    // Recipients refused at RCPT already have their result; the rest share this one.
    std::vector<std::string> pending = std::move(active.accepted);
    for (std::size_t i = active.answered; i < active.item.recipients.size(); ++i) {
        pending.push_back(active.item.recipients[i]);
    }
    for (const std::string& recipient : pending) {
        events_.emplace_back(RecipientResult{active.index, recipient, outcome, code, linesOf(reply)});
    }
    events_.emplace_back(ItemResult{active.index, outcome, code, linesOf(reply), {}, std::move(reason)});
}

void ClientSession::failQueued(Outcome outcome, const Reply* reply, const std::string& reason) {
    while (!queue_.empty()) {
        auto [index, item] = std::move(queue_.front());
        queue_.pop_front();
        for (const std::string& recipient : item.recipients) {
            events_.emplace_back(RecipientResult{index, recipient, outcome, reply ? reply->code : 0, linesOf(reply)});
        }
        events_.emplace_back(ItemResult{index, outcome, reply ? reply->code : 0, linesOf(reply), {}, reason});
    }
}

void ClientSession::abort(Outcome activeOutcome, const Reply* reply, const std::string& reason) {
    failActive(activeOutcome, reply, reason);
    failQueued(Outcome::TemporaryFailure, reply, "not attempted: " + reason);
    finish();
}

void ClientSession::finish() {
    moveOn(ClientTrigger::Over);
    deadline_.reset();
    events_.emplace_back(Done{});
}

}  // namespace netstage::smtp
