#include "protocols/pop3/server_session.hpp"

#include <stdexcept>
#include <utility>

#include "protocols/pop3/dot_stuffing.hpp"

namespace netstage::pop3 {

namespace {
// "1 message", "2 messages": the replies are read aloud in class.
std::string countOf(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }
}  // namespace


namespace {

constexpr std::size_t maxReplyLine = 510;  // 512 with CRLF (RFC 2449 §4)

// A decimal message number or count. Leading zeros are fine; more than nine
// digits is not a number any maildrop can reach and would overflow.
std::optional<std::size_t> parseNumber(std::string_view text) {
    if (text.empty() || text.size() > 9) return std::nullopt;
    std::size_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    return value;
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

void checkReplyText(const std::string& line, const char* what) {
    if (line.rfind("+OK", 0) != 0) throw std::invalid_argument(std::string{"POP3 "} + what + " must start with +OK");
    if (line.size() > maxReplyLine || line.find_first_of("\r\n") != std::string::npos) {
        throw std::invalid_argument(std::string{"POP3 "} + what + " must be one line of at most 510 octets");
    }
}

}  // namespace

ServerSession::ServerSession(MaildropProvider& provider, ServerConfig config)
    : provider_{provider}, config_{std::move(config)}, reader_{config_.maxCommandLine} {
    checkReplyText(config_.greeting, "greeting");
    checkReplyText(config_.userAccepted, "USER reply");
    checkReplyText(config_.loggedOn, "PASS reply");
    checkReplyText(config_.signingOff, "QUIT reply");
}

ServerSession::~ServerSession() {
    if (maildrop_ != nullptr) maildrop_->release();
}

void ServerSession::start(std::chrono::nanoseconds now) {
    if (state_ != ServerState::Greeting) throw std::logic_error("POP3 server session started twice");
    lastActivity_ = now;
    reply(config_.greeting);
    moveOn(ServerTrigger::Greeted);
}

void ServerSession::receive(std::string_view bytes, std::chrono::nanoseconds now) {
    if (state_ == ServerState::Greeting) throw std::logic_error("POP3 server session received data before start()");
    // After QUIT nothing more is read: the connection is closing.
    if (state_ == ServerState::Closed) return;
    lastActivity_ = now;
    reader_.feed(bytes);
    while (state_ != ServerState::Closed) {
        auto line = reader_.next();
        if (!line) break;
        handleLine(*line);
    }
}

void ServerSession::receiveEof(std::chrono::nanoseconds) {
    if (state_ == ServerState::Closed) return;
    if (maildrop_ != nullptr) releaseMaildrop(false);
    moveOn(ServerTrigger::Dropped);
}

std::optional<std::chrono::nanoseconds> ServerSession::nextTimeout() const {
    if (state_ != ServerState::Authorization && state_ != ServerState::Transaction) return std::nullopt;
    return lastActivity_ + config_.autologout;
}

void ServerSession::handleTimeout(std::chrono::nanoseconds now) {
    const auto deadline = nextTimeout();
    if (!deadline || now < *deadline) return;
    // RFC 1939 §3: an autologout does not enter UPDATE and sends no reply.
    events_.emplace_back(ProtocolError{"autologout: client idle too long", {}});
    if (maildrop_ != nullptr) releaseMaildrop(false);
    moveOn(ServerTrigger::Dropped);
}

std::string ServerSession::takeOutput() { return std::exchange(outgoing_, {}); }

ServerEvent ServerSession::nextEvent() {
    if (events_.empty()) return NeedData{};
    ServerEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

void ServerSession::handleLine(const proto::Line& line) {
    currentLine_ = line.text;
    const std::string& raw = currentLine_;
    if (line.tooLong) {
        events_.emplace_back(CommandReceived{{}, {}, raw});
        error("-ERR line too long", "command line longer than " + std::to_string(config_.maxCommandLine) + " octets");
        return;
    }
    const std::size_t space = raw.find(' ');
    const std::string verb = raw.substr(0, space);
    std::string argument{proto::trimSpaces(space == std::string::npos ? std::string_view{} : std::string_view{raw}.substr(space))};
    const CommandRule* rule = nullptr;
    for (const auto& candidate : kCommandRules) {
        if (proto::iequals(candidate.verb, verb)) rule = &candidate;
    }
    if (rule == nullptr) {
        events_.emplace_back(CommandReceived{verb, argument, raw});
        error("-ERR unknown command", verb.empty() ? "empty command line" : "unknown command " + verb);
        return;
    }
    events_.emplace_back(CommandReceived{std::string{rule->verb}, argument, raw});
    const bool allowed = state_ == ServerState::Authorization ? rule->inAuthorization : rule->inTransaction;
    if (!allowed) {
        error(state_ == ServerState::Authorization ? "-ERR not logged in" : "-ERR already logged in",
              std::string{rule->verb} + " not valid in the " + std::string{toString(state_)} + " state");
        return;
    }
    const auto args = words(argument);
    bool shapeOk = true;
    switch (rule->arguments) {
        case Arguments::None: shapeOk = args.empty(); break;
        case Arguments::Text: shapeOk = !argument.empty(); break;
        case Arguments::Number: shapeOk = args.size() == 1; break;
        case Arguments::OptionalNumber: shapeOk = args.size() <= 1; break;
        case Arguments::TwoNumbers: shapeOk = args.size() == 2; break;
    }
    if (!shapeOk) {
        error("-ERR syntax error", "wrong arguments for " + std::string{rule->verb});
        return;
    }
    dispatch(*rule, argument);
}

void ServerSession::dispatch(const CommandRule& rule, const std::string& argument) {
    switch (rule.command) {
        case Command::User: onUser(argument); break;
        case Command::Pass:
            if (!user_) {
                error("-ERR USER first", "PASS without USER");
                return;
            }
            onPass(argument);
            break;
        case Command::Quit: onQuit(); break;
        case Command::Stat: onStat(); break;
        case Command::List: onList(argument); break;
        case Command::Retr: onRetr(argument); break;
        case Command::Dele: onDele(argument); break;
        case Command::Noop: reply("+OK"); break;
        case Command::Rset: onRset(); break;
        case Command::Top: onTop(argument); break;
        case Command::Uidl: onUidl(argument); break;
        case Command::Capa: onCapa(); break;
    }
}

// RFC 1939 §7: USER always succeeds, so the reply does not reveal which names exist.
void ServerSession::onUser(const std::string& argument) {
    user_ = argument;
    reply(config_.userAccepted);
}

void ServerSession::onPass(const std::string& argument) {
    const std::string user = *user_;
    user_.reset();
    const OpenResult opened = provider_.open(user, argument);
    switch (opened.status) {
        case OpenResult::Status::Ok:
            if (opened.maildrop == nullptr) throw std::logic_error("MaildropProvider returned Ok without a maildrop");
            maildrop_ = opened.maildrop;
            deleted_.assign(maildrop_->size(), false);
            moveOn(ServerTrigger::LoggedIn);
            events_.emplace_back(LoginSucceeded{user, deleted_.size()});
            reply(config_.loggedOn);
            return;
        case OpenResult::Status::Locked:
            events_.emplace_back(LoginFailed{user, "maildrop locked"});
            reply("-ERR [IN-USE] maildrop already locked");
            return;
        case OpenResult::Status::BadCredentials:
            events_.emplace_back(LoginFailed{user, "bad credentials"});
            reply("-ERR [AUTH] invalid user name or password");
            return;
    }
}

// RFC 1939 §6: only QUIT from TRANSACTION enters UPDATE and removes messages.
void ServerSession::onQuit() {
    moveOn(ServerTrigger::Quit);
    const bool update = state_ == ServerState::Update;
    if (update) {
        std::vector<std::size_t> indices;
        std::vector<std::size_t> numbers;
        for (std::size_t i = 0; i < deleted_.size(); ++i) {
            if (deleted_[i]) {
                indices.push_back(i);
                numbers.push_back(i + 1);
            }
        }
        maildrop_->commitDeletes(indices);
        events_.emplace_back(DeletesCommitted{std::move(numbers)});
        releaseMaildrop(true);
    }
    reply(config_.signingOff);
    if (update) moveOn(ServerTrigger::Updated);
}

void ServerSession::onStat() { reply("+OK " + std::to_string(liveCount()) + " " + std::to_string(liveOctets())); }

void ServerSession::onList(const std::string& argument) {
    if (!argument.empty()) {
        const auto index = messageIndex(argument);
        if (index) reply("+OK " + std::to_string(*index + 1) + " " + std::to_string(maildrop_->content(*index).size()));
        return;
    }
    reply("+OK " + countOf(liveCount(), "message") + " (" + std::to_string(liveOctets()) + " octets)");
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < deleted_.size(); ++i) {
        if (!deleted_[i]) lines.push_back(std::to_string(i + 1) + " " + std::to_string(maildrop_->content(i).size()));
    }
    sendMultiline(lines);
}

void ServerSession::onRetr(const std::string& argument) {
    const auto index = messageIndex(argument);
    if (!index) return;
    const std::string& content = maildrop_->content(*index);
    reply("+OK " + std::to_string(content.size()) + " octets");
    sendMultiline(splitLines(content));
    events_.emplace_back(MessageRetrieved{*index + 1, content.size(), false});
}

void ServerSession::onDele(const std::string& argument) {
    const auto index = messageIndex(argument);
    if (!index) return;
    deleted_[*index] = true;
    events_.emplace_back(MessageMarkedDeleted{*index + 1});
    reply("+OK message " + std::to_string(*index + 1) + " deleted");
}

void ServerSession::onRset() {
    deleted_.assign(deleted_.size(), false);
    reply("+OK maildrop has " + countOf(liveCount(), "message") + " (" + std::to_string(liveOctets()) + " octets)");
}

// RFC 1939 §7: the header, the blank line after it, then `lines` lines of the body.
void ServerSession::onTop(const std::string& argument) {
    const auto args = words(argument);
    const auto bodyLines = parseNumber(args[1]);
    if (!bodyLines) {
        error("-ERR invalid line count", "TOP line count is not a number");
        return;
    }
    const auto index = messageIndex(args[0]);
    if (!index) return;
    const std::string& content = maildrop_->content(*index);
    std::vector<std::string> lines;
    bool inBody = false;
    std::size_t bodySent = 0;
    for (auto& line : splitLines(content)) {
        if (inBody) {
            if (bodySent == *bodyLines) break;
            ++bodySent;
        } else if (line.empty()) {
            inBody = true;
        }
        lines.push_back(std::move(line));
    }
    reply("+OK top of message follows");
    sendMultiline(lines);
    events_.emplace_back(MessageRetrieved{*index + 1, content.size(), true});
}

void ServerSession::onUidl(const std::string& argument) {
    if (!argument.empty()) {
        const auto index = messageIndex(argument);
        if (index) reply("+OK " + std::to_string(*index + 1) + " " + maildrop_->uniqueId(*index));
        return;
    }
    reply("+OK unique-id listing follows");
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < deleted_.size(); ++i) {
        if (!deleted_[i]) lines.push_back(std::to_string(i + 1) + " " + maildrop_->uniqueId(i));
    }
    sendMultiline(lines);
}

// RFC 2449 §5. USER must be listed or curl refuses to log in.
void ServerSession::onCapa() {
    reply("+OK Capability list follows");
    std::vector<std::string> lines{"TOP", "UIDL", "USER", "RESP-CODES"};
    if (config_.advertisePipelining) lines.emplace_back("PIPELINING");
    if (!config_.implementation.empty()) lines.push_back("IMPLEMENTATION " + config_.implementation);
    sendMultiline(lines);
}

std::optional<std::size_t> ServerSession::messageIndex(std::string_view text) {
    const auto number = parseNumber(text);
    if (!number || *number == 0 || *number > deleted_.size()) {
        error("-ERR no such message", "no message " + std::string{text});
        return std::nullopt;
    }
    if (deleted_[*number - 1]) {
        error("-ERR message " + std::to_string(*number) + " already deleted",
              "message " + std::to_string(*number) + " is marked deleted");
        return std::nullopt;
    }
    return *number - 1;
}

std::size_t ServerSession::liveCount() const {
    std::size_t n = 0;
    for (bool d : deleted_) n += d ? 0 : 1;
    return n;
}

std::size_t ServerSession::liveOctets() const {
    std::size_t octets = 0;
    for (std::size_t i = 0; i < deleted_.size(); ++i) {
        if (!deleted_[i]) octets += maildrop_->content(i).size();
    }
    return octets;
}

void ServerSession::reply(const std::string& line) {
    outgoing_ += line;
    outgoing_ += "\r\n";
    events_.emplace_back(ReplyLineSent{line});
}

void ServerSession::sendMultiline(const std::vector<std::string>& lines) {
    for (const auto& line : lines) reply(stuffLine(line));
    reply(".");
}

void ServerSession::error(const std::string& replyLine, const std::string& reason) {
    events_.emplace_back(ProtocolError{reason, currentLine_});
    reply(replyLine);
}

void ServerSession::releaseMaildrop(bool afterQuit) {
    Maildrop* maildrop = std::exchange(maildrop_, nullptr);
    maildrop->release();
    events_.emplace_back(MaildropReleased{afterQuit});
}

void ServerSession::moveOn(ServerTrigger trigger) {
    const std::optional<ServerState> next = serverTransition(state_, trigger);
    if (!next) {
        throw std::logic_error("POP3 server: trigger " + std::to_string(static_cast<int>(trigger)) +
                               " cannot happen in state " + std::string{toString(state_)});
    }
    state_ = *next;
}

}  // namespace netstage::pop3
