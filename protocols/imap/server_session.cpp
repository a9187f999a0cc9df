#include "protocols/imap/server_session.hpp"

#include <stdexcept>
#include <utility>

#include "protocols/imap/imap_syntax.hpp"

namespace netstage::imap {

ServerSession::ServerSession(ServerConfig config) : config_{std::move(config)}, reader_{config_.maxCommandLine} {
    observer_ = config_.store.addObserver([this](const mail::FolderChange& change) { onStoreChange(change); });
}

void ServerSession::start(std::chrono::nanoseconds now) {
    now_ = now;
    lastActivity_ = now;
    untagged("OK [CAPABILITY " + capabilities() + "] " + config_.greeting);
}

ServerSession::~ServerSession() { config_.store.removeObserver(observer_); }

std::string ServerSession::capabilities() const {
    return "IMAP4rev1 AUTH=PLAIN SASL-IR IDLE LITERAL+ UIDPLUS UNSELECT NAMESPACE";
}

// --- input ---------------------------------------------------------------

void ServerSession::receive(std::string_view bytes, std::chrono::nanoseconds now) {
    now_ = now;
    if (state_ == ServerState::Logout) return;
    lastActivity_ = now;
    reader_.feed(bytes);
    pump();
}

void ServerSession::receiveEof(std::chrono::nanoseconds now) {
    now_ = now;
    if (state_ == ServerState::Logout) return;
    close();
}

void ServerSession::pump() {
    while (state_ != ServerState::Logout) {
        if (mode_ == Mode::Literal) {
            auto raw = reader_.takeRaw(literalSize_);
            if (!raw) return;
            onLiteral(std::move(*raw));
            continue;
        }
        if (mode_ == Mode::Discard) {
            const std::size_t n = std::min(literalSize_, reader_.buffered());
            reader_.takeRaw(n);
            literalSize_ -= n;
            if (literalSize_ > 0) return;
            mode_ = Mode::Command;
            continue;
        }
        auto line = reader_.next();
        if (!line) return;
        onLine(*line);
    }
}

void ServerSession::onLine(const proto::Line& line) {
    if (line.tooLong) {
        resetCommand();
        mode_ = Mode::Command;
        bad("*", "Command line too long");
        return;
    }
    if (mode_ == Mode::AuthResponse) {
        mode_ = Mode::Command;
        emit(server::CommandReceived{continuationTag_, "AUTHENTICATE", {line.text}});
        if (line.text == "*") {
            bad(continuationTag_, "AUTHENTICATE cancelled");
            return;
        }
        finishPlain(continuationTag_, line.text);
        return;
    }
    if (mode_ == Mode::Idle) {
        onIdleLine(line.text);
        return;
    }
    pending_ += line.text;
    pendingLines_.push_back(line.text);
    if (auto literal = trailingLiteral(line.text)) {
        if (literal->size > config_.maxLiteral) {
            // A non-synchronizing literal is on its way regardless: skip its octets.
            const std::string tagText = pending_.substr(0, pending_.find(' '));
            resetCommand();
            if (literal->nonSynchronizing) {
                mode_ = Mode::Discard;
                literalSize_ = literal->size;
            }
            bad(tagText.empty() ? "*" : tagText, "Literal too large");
            return;
        }
        pending_ += "\r\n";
        literalSize_ = literal->size;
        mode_ = Mode::Literal;
        if (!literal->nonSynchronizing) send("+ Ready for literal data\r\n");
        return;
    }
    completeCommand();
}

void ServerSession::onLiteral(std::string raw) {
    auto lines = splitLines(raw);
    pendingLines_.insert(pendingLines_.end(), lines.begin(), lines.end());
    pending_ += raw;
    mode_ = Mode::Command;
}

void ServerSession::completeCommand() {
    std::string text = std::move(pending_);
    // The CRLF after a literal that ends the command shows up as an empty last line.
    if (pendingLines_.size() > 1 && pendingLines_.back().empty()) pendingLines_.pop_back();
    std::vector<std::string> lines = std::move(pendingLines_);
    resetCommand();
    Cursor peekTag{text};
    auto tag = peekTag.atom("]");
    std::string command;
    if (tag && peekTag.space()) {
        if (auto name = peekTag.atom()) {
            command = proto::asciiUpper(*name);
            if (command == "UID" && peekTag.space()) {
                if (auto sub = peekTag.atom()) command += " " + proto::asciiUpper(*sub);
            }
        }
    }
    emit(server::CommandReceived{tag ? *tag : std::string{}, command, std::move(lines)});
    dispatch(text);
}

void ServerSession::resetCommand() {
    pending_.clear();
    pendingLines_.clear();
    literalSize_ = 0;
}

// --- output --------------------------------------------------------------

void ServerSession::send(std::string_view bytes) {
    output_.append(bytes);
    for (auto& line : splitLines(bytes)) emit(server::ResponseSent{std::move(line)});
}

void ServerSession::untagged(std::string_view text) { send("* " + std::string{text} + "\r\n"); }

void ServerSession::tagged(const std::string& tag, Status status, std::string_view text) {
    const char* word = status == Status::Ok ? "OK" : status == Status::No ? "NO" : "BAD";
    // Status words are upper case and always followed by text: imaplib rejects anything else.
    std::string line = tag + " " + word + " " + std::string{text.empty() ? std::string_view{"done"} : text} + "\r\n";
    // Inside a command the tagged reply waits until the mailbox updates are out: it must come last.
    if (inCommand_) {
        deferredTagged_ = std::move(line);
    } else {
        send(line);
    }
}

void ServerSession::bad(const std::string& tag, std::string_view why) {
    emit(server::ProtocolError{std::string{why}});
    if (tag == "*") {
        untagged("BAD " + std::string{why});
    } else {
        tagged(tag, Status::Bad, why);
    }
}

std::string ServerSession::takeOutput() { return std::exchange(output_, {}); }

ServerEvent ServerSession::nextEvent() {
    if (events_.empty()) return server::NeedData{};
    ServerEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

void ServerSession::advance(Trigger trigger) {
    const auto next = serverTransition(state_, trigger);
    if (!next) {
        throw std::logic_error("IMAP server: no transition from the " + std::string{toString(state_)} +
                               " state for trigger " + std::to_string(static_cast<int>(trigger)));
    }
    state_ = *next;
}

void ServerSession::close() {
    if (state_ == ServerState::Logout) return;
    if (deferredTagged_) send(*std::exchange(deferredTagged_, std::nullopt));
    advance(Trigger::SessionEnded);
    mode_ = Mode::Command;
    selection_.reset();
    emit(server::Closed{});
}

std::optional<std::chrono::nanoseconds> ServerSession::nextTimeout() const {
    if (state_ == ServerState::Logout) return std::nullopt;
    return lastActivity_ + config_.autologout;
}

void ServerSession::handleTimeout(std::chrono::nanoseconds now) {
    now_ = now;
    auto deadline = nextTimeout();
    if (!deadline || now < *deadline) return;
    untagged("BYE Autologout; idle for too long");
    close();
}

// --- dispatch ------------------------------------------------------------

void ServerSession::dispatch(const std::string& text) {
    Cursor c{text};
    auto tag = c.atom("]");
    if (!tag || tag->find('+') != std::string::npos || !c.space()) {
        bad("*", tag ? "Missing command" : "Missing tag");
        return;
    }
    auto name = c.atom();
    if (!name) {
        bad(*tag, "Missing command");
        return;
    }
    std::string command = proto::asciiUpper(*name);
    const CommandRule* rule = findRule(command);
    if (!rule) {
        bad(*tag, "Unknown command " + command);
        return;
    }
    if (command == "STARTTLS") {
        bad(*tag, "STARTTLS is not supported");
        return;
    }
    if (!allowedIn(*rule, state_)) {
        bad(*tag, command + " is not allowed in the " + std::string{toString(state_)} + " state");
        return;
    }
    bool uid = false;
    if (command == "UID") {
        auto sub = c.space() ? c.atom() : std::nullopt;
        command = sub ? proto::asciiUpper(*sub) : std::string{};
        if (command != "FETCH" && command != "STORE" && command != "COPY" && command != "SEARCH" &&
            command != "EXPUNGE") {
            bad(*tag, "UID needs FETCH, STORE, COPY, SEARCH or EXPUNGE");
            return;
        }
        uid = true;
    }
    const bool argsFollow = c.space();
    if (!argsFollow && !c.atEnd()) {
        bad(*tag, "Expected a space after the command");
        return;
    }
    execute(*tag, command, uid, c);
}

void ServerSession::execute(const std::string& tag, const std::string& command, bool uid, Cursor& args) {
    // Commands that answer with sequence numbers must not see them shift under them.
    const bool numbered = !uid && (command == "FETCH" || command == "STORE" || command == "SEARCH");
    if (selection_) syncMailbox(!numbered);
    if (state_ == ServerState::Logout) return;
    const bool takesNoArguments = command == "NOOP" || command == "CHECK" || command == "LOGOUT" ||
                                  command == "IDLE" || command == "CLOSE" || command == "UNSELECT" ||
                                  command == "NAMESPACE";
    if (takesNoArguments && !args.atEnd()) {
        bad(tag, command + " takes no arguments");
        return;
    }
    inCommand_ = true;

    if (command == "CAPABILITY") cmdCapability(tag, args);
    else if (command == "NOOP" || command == "CHECK") {
        tagged(tag, Status::Ok, command + " completed");
    }
    else if (command == "LOGOUT") cmdLogout(tag);
    else if (command == "LOGIN") cmdLogin(tag, args);
    else if (command == "AUTHENTICATE") cmdAuthenticate(tag, args);
    else if (command == "SELECT") cmdSelect(tag, args, false);
    else if (command == "EXAMINE") cmdSelect(tag, args, true);
    else if (command == "CREATE") cmdCreate(tag, args);
    else if (command == "DELETE") cmdDelete(tag, args);
    else if (command == "RENAME") cmdRename(tag, args);
    else if (command == "SUBSCRIBE") cmdSubscribe(tag, args, true);
    else if (command == "UNSUBSCRIBE") cmdSubscribe(tag, args, false);
    else if (command == "LIST") cmdList(tag, args, false);
    else if (command == "LSUB") cmdList(tag, args, true);
    else if (command == "STATUS") cmdStatus(tag, args);
    else if (command == "APPEND") cmdAppend(tag, args);
    else if (command == "IDLE") cmdIdle(tag);
    else if (command == "NAMESPACE") {
        // RFC 2342: one personal namespace, the user's own folders, "/" between levels; no shared or other users' ones.
        untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        tagged(tag, Status::Ok, "NAMESPACE completed");
    }
    else if (command == "CLOSE") cmdClose(tag, true);
    else if (command == "UNSELECT") cmdClose(tag, false);
    else if (command == "EXPUNGE") cmdExpunge(tag, args, uid);
    else if (command == "SEARCH") cmdSearch(tag, args, uid);
    else if (command == "FETCH") cmdFetch(tag, args, uid);
    else if (command == "STORE") cmdStore(tag, args, uid);
    else if (command == "COPY") cmdCopy(tag, args, uid);
    // Own APPEND or COPY into the selected mailbox shows up as EXISTS here.
    if (selection_ && state_ != ServerState::Logout && mode_ == Mode::Command) syncMailbox(!numbered);
    inCommand_ = false;
    if (deferredTagged_) send(*std::exchange(deferredTagged_, std::nullopt));
}

void ServerSession::cmdCapability(const std::string& tag, Cursor& args) {
    if (!args.atEnd()) {
        bad(tag, "CAPABILITY takes no arguments");
        return;
    }
    untagged("CAPABILITY " + capabilities());
    tagged(tag, Status::Ok, "CAPABILITY completed");
}

void ServerSession::cmdLogout(const std::string& tag) {
    untagged("BYE NetStage IMAP server logging out");
    tagged(tag, Status::Ok, "LOGOUT completed");
    close();
}

void ServerSession::loginAs(const std::string& tag, const std::string& user) {
    user_ = user;
    config_.store.addUser(user);
    advance(Trigger::LoggedIn);
    emit(server::LoggedIn{user});
    tagged(tag, Status::Ok, "[CAPABILITY " + capabilities() + "] Logged in");
}

void ServerSession::cmdLogin(const std::string& tag, Cursor& args) {
    auto user = args.astring();
    auto password = user && args.space() ? args.astring() : std::nullopt;
    if (!password || !args.atEnd()) {
        bad(tag, "LOGIN needs a user name and a password");
        return;
    }
    if (!config_.authenticator || !config_.authenticator(*user, *password)) {
        emit(server::LoginFailed{*user});
        tagged(tag, Status::No, "[AUTHENTICATIONFAILED] Authentication failed");
        return;
    }
    loginAs(tag, *user);
}

void ServerSession::cmdAuthenticate(const std::string& tag, Cursor& args) {
    auto mechanism = args.atom();
    if (!mechanism) {
        bad(tag, "AUTHENTICATE needs a mechanism");
        return;
    }
    if (!proto::iequals(*mechanism, "PLAIN")) {
        tagged(tag, Status::No, "Unsupported authentication mechanism");
        return;
    }
    if (args.space()) {  // SASL-IR (RFC 4959): the response on the command line, "=" when empty
        auto initial = args.atom("=");
        if (!initial || !args.atEnd()) {
            bad(tag, "Bad initial response");
            return;
        }
        finishPlain(tag, *initial == "=" ? std::string_view{} : std::string_view{*initial});
        return;
    }
    continuationTag_ = tag;
    mode_ = Mode::AuthResponse;
    send("+ \r\n");
}

void ServerSession::finishPlain(const std::string& tag, std::string_view base64) {
    auto decoded = base64Decode(base64);
    if (!decoded) {
        bad(tag, "Invalid base64 in AUTHENTICATE");
        return;
    }
    // PLAIN (RFC 4616): authzid NUL authcid NUL password
    const auto first = decoded->find('\0');
    const auto second = first == std::string::npos ? first : decoded->find('\0', first + 1);
    if (second == std::string::npos) {
        bad(tag, "Malformed PLAIN response");
        return;
    }
    const std::string authzid = decoded->substr(0, first);
    const std::string user = decoded->substr(first + 1, second - first - 1);
    const std::string password = decoded->substr(second + 1);
    if ((!authzid.empty() && authzid != user) || !config_.authenticator ||
        !config_.authenticator(user, password)) {
        emit(server::LoginFailed{user});
        tagged(tag, Status::No, "[AUTHENTICATIONFAILED] Authentication failed");
        return;
    }
    loginAs(tag, user);
}

void ServerSession::cmdIdle(const std::string& tag) {
    continuationTag_ = tag;
    mode_ = Mode::Idle;
    send("+ idling\r\n");
}

void ServerSession::onIdleLine(const std::string& text) {
    mode_ = Mode::Command;
    emit(server::CommandReceived{continuationTag_, "DONE", {text}});
    if (!proto::iequals(text, "DONE")) {
        bad(continuationTag_, "Expected DONE to end IDLE");
        return;
    }
    if (selection_) syncMailbox(true);
    tagged(continuationTag_, Status::Ok, "IDLE terminated");
}

void ServerSession::onStoreChange(const mail::FolderChange& change) {
    if (mode_ != Mode::Idle || !selection_ || change.user != user_ || change.folder != selection_->folder) return;
    syncMailbox(true);
}

}  // namespace netstage::imap
