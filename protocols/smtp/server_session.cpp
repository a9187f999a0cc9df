#include "protocols/smtp/server_session.hpp"

#include <charconv>
#include <stdexcept>
#include <utility>
#include <variant>

#include "protocols/common/base64.hpp"
#include "protocols/common/one_line.hpp"
#include "protocols/smtp/command.hpp"
#include "protocols/smtp/dot_stuffing.hpp"
#include "protocols/smtp/state_diagram.hpp"

namespace netstage::smtp {

namespace {

// RFC 5321 §4.2.2-style wording for the codes a policy may choose.
std::string defaultText(int code) {
    switch (code) {
        case 235: return "Authentication successful";
        case 250: return "OK";
        case 251: return "User not local; will forward";
        case 450: return "Requested mail action not taken: mailbox unavailable";
        case 451: return "Requested action aborted: local error in processing";
        case 452: return "Requested action not taken: insufficient system storage";
        case 454: return "Temporary authentication failure";
        case 535: return "Authentication credentials invalid";
        case 550: return "Requested action not taken: no such user here";
        case 551: return "User not local";
        case 552: return "Requested mail action aborted: exceeded storage allocation";
        case 553: return "Requested action not taken: mailbox name not allowed";
        case 554: return "Transaction failed";
        default: return "";
    }
}

void checkDecision(const Decision& decision, std::initializer_list<int> allowed) {
    for (const int code : allowed) {
        if (decision.code == code) return;
    }
    throw std::invalid_argument{"ServerPolicy returned reply code " + std::to_string(decision.code) +
                                ", which is not allowed here"};
}

}  // namespace

Decision ServerPolicy::checkSender(const std::string&) { return {}; }
Decision ServerPolicy::authenticate(const std::string&, const std::string&) { return {535, {}}; }
Decision AcceptAllPolicy::checkRecipient(const std::string&) { return {}; }
Decision AcceptAllPolicy::acceptMessage(const Envelope&, const std::string&) { return {}; }

ServerSession::ServerSession(ServerConfig config, ServerPolicy* policy)
    : config_{std::move(config)}, policy_{policy ? policy : &acceptAll_}, reader_{config_.limits.commandLine} {
    const ReplyTexts& t = config_.texts;
    for (const std::string* text : {&t.greeting, &t.helo, &t.ehlo, &t.mailOk, &t.rcptOk, &t.dataStart, &t.messageAccepted,
                                    &t.quit, &t.shutdown}) {
        proto::requireOneLine(*text, "SMTP reply text");
    }
}

void ServerSession::start(std::chrono::nanoseconds now) {
    if (state_ != ServerState::Connected) throw std::logic_error{"ServerSession::start called twice"};
    lastActivity_ = now;
    moveOn(Moment::GreetingSent);
    reply(220, expand(config_.texts.greeting));
}

void ServerSession::receive(std::string_view bytes, std::chrono::nanoseconds now) {
    if (state_ == ServerState::Connected) throw std::logic_error{"ServerSession::receive before start"};
    if (state_ == ServerState::Closed) return;  // after QUIT or 421 the peer has nothing more to say
    lastActivity_ = now;
    reader_.feed(bytes);
    while (state_ != ServerState::Closed) {
        // The limit depends on the mode the previous line left us in, so set it line by line.
        reader_.setLimit(state_ == ServerState::Data ? config_.limits.textLine : config_.limits.commandLine);
        auto line = reader_.next();
        if (!line) break;
        handleLine(*line);
    }
}

void ServerSession::receiveEof(std::chrono::nanoseconds) {
    if (state_ == ServerState::Closed || state_ == ServerState::Connected) return;
    const std::string what = state_ == ServerState::Data ? "connection closed during DATA; message discarded"
                                                         : "connection closed without QUIT";
    events_.emplace_back(ProtocolError{0, what, {}});
    resetTransaction();
    close();
}

void ServerSession::shutdown() {
    if (state_ == ServerState::Closed) return;
    reply(421, expand(config_.texts.shutdown));
    close();
}

ServerEvent ServerSession::nextEvent() {
    if (events_.empty()) return NeedData{};
    ServerEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

std::string ServerSession::takeOutput() { return std::exchange(output_, {}); }

std::optional<std::chrono::nanoseconds> ServerSession::nextTimeout() const {
    if (state_ == ServerState::Connected || state_ == ServerState::Closed) return std::nullopt;
    return lastActivity_ + config_.limits.idleTimeout;
}

void ServerSession::handleTimeout(std::chrono::nanoseconds now) {
    const auto deadline = nextTimeout();
    if (!deadline || now < *deadline) return;
    events_.emplace_back(ProtocolError{421, "client silent for longer than the idle timeout", {}});
    reply(421, config_.domain + " Timeout, closing transmission channel");
    resetTransaction();
    close();
}

void ServerSession::handleLine(const proto::Line& line) {
    if (authStep_ != AuthStep::None) {
        handleAuthResponse(line);
    } else if (state_ == ServerState::Data) {
        handleDataLine(line);
    } else {
        handleCommand(line);
    }
}

void ServerSession::handleCommand(const proto::Line& line) {
    const CommandLine command = splitCommand(line.text);
    events_.emplace_back(CommandReceived{command.word, command.argument, line.text});
    if (line.tooLong) {
        refuse(500, "Line too long", "command line longer than " + std::to_string(config_.limits.commandLine) +
                                         " octets", line.text);
        return;
    }
    const std::optional<Verb> verb = verbFromWord(command.word);
    const bool unoffered = verb == Verb::Auth && !config_.offerAuth;  // as unknown to this server as BDAT
    if (!verb || unoffered) {
        if (unoffered || isUnimplementedVerb(command.word)) {
            refuse(502, "Command not implemented", "command not implemented: " + command.word, line.text);
        } else {
            refuse(500, "Syntax error, command unrecognized", "unknown command", line.text);
        }
        return;
    }
    if (!isCleanCommandText(command.argument)) {
        refuse(501, "Syntax error in parameters or arguments (invalid character)",
               "control or non-ASCII octet in the argument", line.text);
        return;
    }
    const std::optional<ServerState> next = serverTransition(state_, *verb);
    if (!next) {
        if (*verb == Verb::Data && state_ == ServerState::MailGiven) {
            refuse(554, "No valid recipients", "DATA without an accepted recipient", line.text);
        } else {
            refuse(503, "Bad sequence of commands",
                   std::string{verbName(*verb)} + " not allowed at this point", line.text);
        }
        return;
    }
    if (runVerb(*verb, command.argument, line.text) == Answer::Accepted) moveOn(*verb);
}

ServerSession::Answer ServerSession::runVerb(Verb verb, const std::string& argument, const std::string& rawLine) {
    const bool needsNoArgument = verb == Verb::Data || verb == Verb::Rset || verb == Verb::Quit;
    if (needsNoArgument && !argument.empty()) {
        refuse(501, "Syntax error in parameters or arguments", std::string{verbName(verb)} + " takes no argument",
               rawLine);
        return Answer::Refused;
    }
    switch (verb) {
        case Verb::Helo: return onHello(false, argument, rawLine);
        case Verb::Ehlo: return onHello(true, argument, rawLine);
        case Verb::Mail: return onMail(argument, rawLine);
        case Verb::Rcpt: return onRcpt(argument, rawLine);
        case Verb::Auth: return onAuth(argument, rawLine);
        case Verb::Data:
            data_.clear();
            previousLineEndedCrlf_ = true;  // the DATA command's own CRLF
            dataLineTooLong_ = false;
            dataTooBig_ = false;
            reply(354, expand(config_.texts.dataStart));
            return Answer::Accepted;
        case Verb::Rset:
            resetTransaction();
            reply(250, "OK");
            return Answer::Accepted;
        case Verb::Noop: reply(250, "OK"); return Answer::Accepted;
        case Verb::Vrfy:
            if (argument.empty()) {
                refuse(501, "Syntax: VRFY <address>", "VRFY without an argument", rawLine);
                return Answer::Refused;
            }
            // Confirming addresses helps spammers; §3.5.3 allows this non-answer.
            reply(252, "Cannot VRFY user, but will accept message and attempt delivery");
            return Answer::Accepted;
        case Verb::Help:
            reply(214, config_.offerAuth ? "Commands: HELO EHLO AUTH MAIL RCPT DATA RSET NOOP VRFY HELP QUIT"
                                         : "Commands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT");
            return Answer::Accepted;
        case Verb::Quit:
            reply(221, expand(config_.texts.quit));
            return Answer::Accepted;
    }
    return Answer::Refused;
}

ServerSession::Answer ServerSession::onHello(bool esmtp, const std::string& argument, const std::string& rawLine) {
    if (argument.empty()) {
        refuse(501, esmtp ? "Syntax: EHLO hostname" : "Syntax: HELO hostname", "missing domain", rawLine);
        return Answer::Refused;
    }
    resetTransaction();
    envelope_.clientDomain = argument;
    envelope_.esmtp = esmtp;
    if (!esmtp) {
        reply(250, expand(config_.texts.helo));
        return Answer::Accepted;
    }
    // Only what the engine really does is advertised.
    std::vector<std::string> lines{expand(config_.texts.ehlo), "SIZE " + std::to_string(config_.limits.maxMessageSize)};
    if (config_.advertise8BitMime) lines.emplace_back("8BITMIME");
    if (config_.advertisePipelining) lines.emplace_back("PIPELINING");
    if (config_.offerAuth) lines.emplace_back("AUTH PLAIN LOGIN");
    lines.emplace_back("HELP");
    replyLines(250, std::move(lines));
    return Answer::Accepted;
}

ServerSession::Answer ServerSession::onMail(const std::string& argument, const std::string& rawLine) {
    if (config_.requireAuth && envelope_.authenticatedUser.empty()) {
        refuse(530, "Authentication required", "MAIL before AUTH on a submission port", rawLine);
        return Answer::Refused;
    }
    auto parsed = parsePathArgument(argument, "FROM", true);
    if (auto* error = std::get_if<PathError>(&parsed)) {
        refuse(501, "Syntax: MAIL FROM:<address>", error->what, rawLine);
        return Answer::Refused;
    }
    const PathArgument& path = std::get<PathArgument>(parsed);
    for (const auto& [name, value] : path.params) {
        if (name == "SIZE") {
            std::size_t size = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), size);
            if (ec != std::errc{} || end != value.data() + value.size() || value.empty()) {
                refuse(501, "Syntax error in SIZE parameter", "SIZE is not a number", rawLine);
                return Answer::Refused;
            }
            if (size > config_.limits.maxMessageSize) {
                reply(552, "Message size exceeds fixed maximum message size");
                return Answer::Refused;
            }
        } else if (name == "BODY" && config_.advertise8BitMime &&
                   (proto::iequals(value, "7BIT") || proto::iequals(value, "8BITMIME"))) {
            // Octets pass through untouched either way.
        } else if (name == "AUTH" && config_.offerAuth) {
            // RFC 4954 §5: who submitted the message first (curl sends AUTH=<>);
            // this server trusts no one else's word for it, so the value is ignored.
        } else {
            refuse(555, "MAIL FROM parameters not recognized or not implemented", "unknown parameter " + name,
                   rawLine);
            return Answer::Refused;
        }
    }
    const Decision decision = policy_->checkSender(path.address);
    checkDecision(decision, {250, 450, 451, 452, 550, 553, 554});
    if (decision.code == 250) {
        envelope_.reversePath = path.address;
        envelope_.recipients.clear();
        reply(250, decision.text.empty() ? expand(config_.texts.mailOk, path.address.empty() ? "<>" : path.address)
                                         : decision.text);
        return Answer::Accepted;
    }
    replyWithDecision(decision, path.address);
    return Answer::Refused;
}

ServerSession::Answer ServerSession::onRcpt(const std::string& argument, const std::string& rawLine) {
    auto parsed = parsePathArgument(argument, "TO", false);
    if (auto* error = std::get_if<PathError>(&parsed)) {
        refuse(501, "Syntax: RCPT TO:<address>", error->what, rawLine);
        return Answer::Refused;
    }
    const PathArgument& path = std::get<PathArgument>(parsed);
    if (!path.params.empty()) {
        refuse(555, "RCPT TO parameters not recognized or not implemented", "unknown parameter " + path.params[0].first,
               rawLine);
        return Answer::Refused;
    }
    if (envelope_.recipients.size() >= config_.limits.maxRecipients) {
        reply(452, "Too many recipients");  // §4.5.3.1.10
        return Answer::Refused;
    }
    const Decision decision = policy_->checkRecipient(path.address);
    checkDecision(decision, {250, 251, 450, 451, 452, 550, 551, 552, 553, 554});
    if (decision.code != 250 && decision.code != 251) {
        replyWithDecision(decision, path.address);
        return Answer::Refused;
    }
    envelope_.recipients.push_back(path.address);
    if (decision.code == 250 && decision.text.empty()) {
        reply(250, expand(config_.texts.rcptOk, path.address));
    } else {
        replyWithDecision(decision, path.address);
    }
    return Answer::Accepted;
}

ServerSession::Answer ServerSession::onAuth(const std::string& argument, const std::string& rawLine) {
    if (!envelope_.esmtp) {
        refuse(503, "Bad sequence of commands", "AUTH after HELO: only EHLO announces it", rawLine);
        return Answer::Refused;
    }
    if (!envelope_.authenticatedUser.empty()) {
        refuse(503, "Already authenticated", "a second AUTH in one session (RFC 4954 §4)", rawLine);
        return Answer::Refused;
    }
    const std::size_t space = argument.find(' ');
    const std::string mechanism = proto::asciiUpper(argument.substr(0, space));
    const std::string initial = space == std::string::npos ? std::string{} : std::string{proto::trimSpaces(argument.substr(space + 1))};
    const bool hasInitial = space != std::string::npos && !initial.empty();
    if (mechanism.empty()) {
        refuse(501, "Syntax: AUTH mechanism [initial-response]", "AUTH without a mechanism", rawLine);
        return Answer::Refused;
    }
    if (mechanism == "PLAIN") {
        if (hasInitial) {
            finishPlain(initial == "=" ? std::string{} : initial, rawLine);
        } else {
            authStep_ = AuthStep::PlainResponse;
            reply(334, "");  // PLAIN has no challenge: an empty one
        }
        return Answer::Accepted;
    }
    if (mechanism == "LOGIN") {
        if (!hasInitial) {
            authStep_ = AuthStep::LoginUser;
            reply(334, proto::base64Encode("Username:"));
            return Answer::Accepted;
        }
        const auto user = proto::base64Decode(initial == "=" ? std::string_view{} : std::string_view{initial});
        if (!user) {
            refuse(501, "Cannot decode response", "AUTH LOGIN with an initial response that is not base64", rawLine);
            return Answer::Refused;
        }
        loginUser_ = *user;
        authStep_ = AuthStep::LoginPassword;
        reply(334, proto::base64Encode("Password:"));
        return Answer::Accepted;
    }
    refuse(504, "Unrecognized authentication type", "AUTH mechanism " + mechanism + " not offered", rawLine);
    return Answer::Refused;
}

void ServerSession::handleAuthResponse(const proto::Line& line) {
    events_.emplace_back(CommandReceived{{}, line.text, line.text});
    const AuthStep step = std::exchange(authStep_, AuthStep::None);
    if (line.text == "*") {  // RFC 4954 §4: the client gives up
        refuse(501, "Authentication cancelled", "the client cancelled AUTH", line.text);
        return;
    }
    if (step == AuthStep::PlainResponse) {
        finishPlain(line.text, line.text);
        return;
    }
    const auto decoded = proto::base64Decode(line.text == "=" ? std::string_view{} : std::string_view{line.text});
    if (line.tooLong || !decoded) {
        refuse(501, "Cannot decode response", "an AUTH response that is not base64", line.text);
        return;
    }
    if (step == AuthStep::LoginUser) {
        loginUser_ = *decoded;
        authStep_ = AuthStep::LoginPassword;
        reply(334, proto::base64Encode("Password:"));
        return;
    }
    finishAuth(std::exchange(loginUser_, {}), *decoded);
}

void ServerSession::finishPlain(const std::string& response, const std::string& rawLine) {
    const auto decoded = proto::base64Decode(response);
    if (!decoded) {
        refuse(501, "Cannot decode response", "an AUTH PLAIN response that is not base64", rawLine);
        return;
    }
    // RFC 4616: authzid NUL authcid NUL password; acting for someone else is not offered.
    const std::size_t first = decoded->find('\0');
    const std::size_t second = first == std::string::npos ? first : decoded->find('\0', first + 1);
    if (second == std::string::npos) {
        refuse(501, "Malformed PLAIN response", "an AUTH PLAIN response without two NULs", rawLine);
        return;
    }
    const std::string authzid = decoded->substr(0, first);
    const std::string user = decoded->substr(first + 1, second - first - 1);
    if (!authzid.empty() && authzid != user) {
        reply(535, defaultText(535));
        return;
    }
    finishAuth(user, decoded->substr(second + 1));
}

void ServerSession::finishAuth(const std::string& user, const std::string& password) {
    const Decision decision = policy_->authenticate(user, password);
    checkDecision(decision, {235, 454, 535});
    if (decision.code == 235) envelope_.authenticatedUser = user;
    replyWithDecision(decision, {});
}

void ServerSession::handleDataLine(const proto::Line& line) {
    // Only "<CRLF>.<CRLF>" ends the message (§4.1.1.4): a "." reached by a bare
    // LF, or ended by one, is data. For the same reason a leading dot is removed
    // only at the start of a CRLF-delimited line: curl does not stuff dots after
    // a bare LF, and stripping them would change its message.
    const bool atLineStart = previousLineEndedCrlf_;
    const bool terminator = atLineStart && !line.bareLf && !line.tooLong && line.text == ".";
    events_.emplace_back(DataLineReceived{line.text, line.bareLf, terminator});
    if (terminator) {
        finishData();
        return;
    }
    previousLineEndedCrlf_ = !line.bareLf;
    if (line.tooLong && !dataLineTooLong_) {
        dataLineTooLong_ = true;
        events_.emplace_back(
            ProtocolError{500, "text line longer than " + std::to_string(config_.limits.textLine) + " octets", line.text});
    }
    const std::string_view text = atLineStart ? unstuffDataLine(line.text) : std::string_view{line.text};
    if (dataTooBig_) return;
    if (data_.size() + text.size() + 2 > config_.limits.maxMessageSize) {
        dataTooBig_ = true;
        data_.clear();  // nothing will be delivered; do not hold on to it
        return;
    }
    // Stored with CRLF whatever the client used, so the mail store holds one form.
    data_.append(text).append("\r\n");
}

void ServerSession::finishData() {
    moveOn(Moment::DataEnded);
    if (dataLineTooLong_) {
        reply(500, "Line too long");
    } else if (dataTooBig_) {
        reply(552, "Message size exceeds fixed maximum message size");
    } else {
        const Decision decision = policy_->acceptMessage(envelope_, data_);
        checkDecision(decision, {250, 450, 451, 452, 550, 552, 554});
        if (decision.code == 250) {
            reply(250, decision.text.empty() ? expand(config_.texts.messageAccepted) : decision.text);
        } else {
            replyWithDecision(decision, {});
        }
    }
    resetTransaction();
}

void ServerSession::reply(int code, std::string text) { replyLines(code, {std::move(text)}); }

void ServerSession::replyLines(int code, std::vector<std::string> texts) {
    const Reply built{code, std::move(texts)};
    output_.append(formatReply(built));
    events_.emplace_back(ReplySent{code, wireLines(built)});
}

void ServerSession::refuse(int code, std::string text, std::string what, const std::string& rawLine) {
    events_.emplace_back(ProtocolError{code, std::move(what), rawLine});
    reply(code, std::move(text));
}

void ServerSession::replyWithDecision(const Decision& decision, const std::string& addressForTemplate) {
    std::string text = decision.text.empty() ? defaultText(decision.code) : expand(decision.text, addressForTemplate);
    reply(decision.code, std::move(text));
}

void ServerSession::close() { moveOn(Moment::Closing); }

void ServerSession::moveOn(ServerTrigger trigger) {
    const std::optional<ServerState> next = serverTransition(state_, trigger);
    if (!next) {
        throw std::logic_error{"SMTP server: " + std::string{triggerName(trigger)} + " cannot happen in state " +
                               std::string{stateName(state_)}};
    }
    state_ = *next;
}

void ServerSession::resetTransaction() {
    envelope_.reversePath.clear();
    envelope_.recipients.clear();
    data_.clear();
}

std::string ServerSession::expand(const std::string& pattern, std::string_view address) const {
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        auto replace = [&](std::string_view key, std::string_view value) {
            if (pattern.compare(i, key.size(), key) != 0) return false;
            out.append(value);
            i += key.size();
            return true;
        };
        if (replace("{domain}", config_.domain) || replace("{client}", envelope_.clientDomain) ||
            replace("{address}", address)) {
            continue;
        }
        out.push_back(pattern[i++]);
    }
    return out;
}

}  // namespace netstage::smtp
