#include "protocols/imap/client_session.hpp"

#include <cstdio>
#include <stdexcept>
#include <utility>

namespace netstage::imap {

namespace {
// Responses can be long (a SEARCH over a large folder); literals are read separately.
constexpr std::size_t maxResponseLine = 16 * 1024 * 1024;

std::string quote(const std::string& text) {
    if (text.find_first_of("\r\n") != std::string::npos) {
        throw std::invalid_argument("IMAP client: CR or LF in \"" + text + "\"");
    }
    bool atom = !text.empty() && !proto::iequals(text, "NIL");
    for (char c : text) atom = atom && isAtomChar(c);
    if (atom) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + "\"";
}

// Skips one value of a response: atom, number, string, literal or parenthesized list.
bool skipValue(Cursor& c, int depth = 0) {
    if (depth > 32) return false;
    if (c.consume('(')) {
        if (c.consume(')')) return true;
        do {
            if (!skipValue(c, depth + 1)) return false;
        } while (c.space());
        return c.consume(')');
    }
    if (c.peek() == '"' || c.peek() == '{') return c.string().has_value();
    c.consume('\\');
    return c.atom("[]<>.").has_value();
}
}  // namespace

ClientSession::ClientSession(ClientConfig config) : config_{std::move(config)}, reader_{maxResponseLine} {
    using namespace action;
    steps_.push_back({StepKind::Login, quote(config_.user) + " " + quote(config_.password)});
    bool loggedOut = false;
    for (const auto& a : config_.script) {
        if (loggedOut) break;
        std::visit(
            [&](const auto& act) {
                using T = std::decay_t<decltype(act)>;
                if constexpr (std::is_same_v<T, ListFolders>) {
                    steps_.push_back({StepKind::List, "\"\" *"});
                } else if constexpr (std::is_same_v<T, Select>) {
                    steps_.push_back({StepKind::Select, quote(act.folder)});
                } else if constexpr (std::is_same_v<T, FetchHeaders>) {
                    steps_.push_back({StepKind::FetchHeaders, "1:* (UID FLAGS BODY.PEEK[HEADER])"});
                } else if constexpr (std::is_same_v<T, FetchMessage>) {
                    steps_.push_back({StepKind::FetchMessage, std::to_string(act.number) + " (UID FLAGS BODY[])"});
                } else if constexpr (std::is_same_v<T, FetchItems>) {
                    if (act.items.find_first_of("\r\n") != std::string::npos) {
                        throw std::invalid_argument{"IMAP fetch items cannot hold a line break"};
                    }
                    steps_.push_back({StepKind::FetchMessage, std::to_string(act.number) + " (" + act.items + ")"});
                } else if constexpr (std::is_same_v<T, StoreFlags>) {
                    const char* op = act.mode == StoreFlags::Mode::Add      ? "+FLAGS"
                                     : act.mode == StoreFlags::Mode::Remove ? "-FLAGS"
                                                                            : "FLAGS";
                    std::string list;
                    for (const auto& f : act.flags) list += (list.empty() ? "" : " ") + f;
                    steps_.push_back({StepKind::Store, std::to_string(act.number) + " " + op + " (" + list + ")"});
                } else if constexpr (std::is_same_v<T, Move>) {
                    steps_.push_back({StepKind::Copy, std::to_string(act.number) + " " + quote(act.folder)});
                    steps_.push_back({StepKind::Store, std::to_string(act.number) + " +FLAGS.SILENT (\\Deleted)"});
                    steps_.push_back({StepKind::Expunge, ""});
                } else if constexpr (std::is_same_v<T, CreateFolder>) {
                    steps_.push_back({StepKind::Create, quote(act.folder)});
                } else if constexpr (std::is_same_v<T, IdleUntilExists>) {
                    steps_.push_back({StepKind::Idle, ""});
                } else {
                    steps_.push_back({StepKind::Logout, ""});
                    loggedOut = true;
                }
            },
            a);
    }
    if (!loggedOut) steps_.push_back({StepKind::Logout, ""});
}

void ClientSession::receive(std::string_view bytes, std::chrono::nanoseconds /*now*/) {
    if (phase_ == Phase::Finished) return;
    reader_.feed(bytes);
    pump();
}

void ClientSession::receiveEof(std::chrono::nanoseconds /*now*/) {
    serverClosed_ = true;
    if (phase_ == Phase::Finished) return;
    fail("connection closed by the server");
    finish();
}

void ClientSession::pump() {
    while (phase_ != Phase::Finished) {
        if (inLiteral_) {
            auto raw = reader_.takeRaw(literalSize_);
            if (!raw) return;
            for (auto& line : splitLines(*raw)) events_.push_back(client::ResponseLine{std::move(line)});
            pending_ += *raw;
            inLiteral_ = false;
            continue;
        }
        auto line = reader_.next();
        if (!line) return;
        events_.push_back(client::ResponseLine{line->text});
        pending_ += line->text;
        if (auto literal = trailingLiteral(line->text)) {
            pending_ += "\r\n";
            literalSize_ = literal->size;
            inLiteral_ = true;
            continue;
        }
        std::string text = std::exchange(pending_, {});
        onResponse(text);
    }
}

void ClientSession::onResponse(const std::string& text) {
    Cursor c{text};
    if (c.consume('+')) {
        onContinuation();
        return;
    }
    if (c.consume('*') && c.space()) {
        onUntagged(c);
        return;
    }
    auto tag = c.atom("]");
    auto status = tag && c.space() ? c.atom() : std::nullopt;
    if (!status) {
        fail("unparseable response: " + text);
        return;
    }
    c.space();
    onTagged(*tag, proto::asciiUpper(*status), std::string{c.rest()});
}

void ClientSession::onUntagged(Cursor& c) {
    if (phase_ == Phase::Greeting) {
        auto status = c.atom();
        const std::string s = status ? proto::asciiUpper(*status) : std::string{};
        if (s == "OK") {
            phase_ = Phase::Running;
            sendNext();
        } else if (s == "PREAUTH") {
            phase_ = Phase::Running;
            steps_.pop_front();  // already authenticated: skip LOGIN
            sendNext();
        } else {
            fail("server refused the connection: " + std::string{c.rest()});
            finish();
        }
        return;
    }
    if (auto number = c.number()) {
        if (!c.space()) return;
        auto what = c.atom();
        const std::string w = what ? proto::asciiUpper(*what) : std::string{};
        if (w == "EXISTS") {
            exists_ = *number;
            if (idling_ && exists_ > existsAtIdle_ && !doneSent_) {
                events_.push_back(client::NewMessage{exists_});
                doneSent_ = true;
                sendLine("DONE");
            }
        } else if (w == "EXPUNGE") {
            if (exists_ > 0) --exists_;
        } else if (w == "FETCH" && c.space()) {
            onFetch(*number, c);
        }
        return;
    }
    auto word = c.atom();
    const std::string w = word ? proto::asciiUpper(*word) : std::string{};
    if ((w == "LIST" || w == "LSUB") && c.space()) {
        // (attributes) delimiter name
        if (!skipValue(c) || !c.space()) return;
        if (!c.consumeWord("NIL") && !c.quoted()) return;
        if (!c.space()) return;
        if (auto name = c.astring()) folders_.push_back(std::move(*name));
    }
}

void ClientSession::onFetch(std::uint32_t sequence, Cursor& c) {
    if (!c.consume('(')) return;
    std::uint32_t uid = 0;
    std::optional<std::string> body, header;
    do {
        auto name = c.attributeName();
        if (!name) break;
        std::string n = proto::asciiUpper(*name);
        if (c.consume('[')) {
            // The section may hold spaces and parentheses: HEADER.FIELDS (SUBJECT FROM).
            const std::string_view rest = c.rest();
            const std::size_t close = rest.find(']');
            if (close == std::string_view::npos) break;
            n += "[" + proto::asciiUpper(rest.substr(0, close)) + "]";
            c.advance(close + 1);
            if (c.consume('<')) {
                while (!c.atEnd() && c.peek() != '>') c.advance();
                c.consume('>');
            }
        }
        if (!c.space()) break;
        if (n == "UID") {
            auto value = c.number();
            if (!value) break;
            uid = *value;
        } else if (n == "BODY[]" || n == "RFC822") {
            auto value = c.nstring();
            if (!value) break;
            body = value->value_or("");
        } else if (n.rfind("BODY[HEADER", 0) == 0 || n == "RFC822.HEADER") {
            auto value = c.nstring();
            if (!value) break;
            header = value->value_or("");
        } else if (!skipValue(c)) {
            break;
        }
    } while (c.space());
    if (body) events_.push_back(client::MessageFetched{sequence, uid, std::move(*body)});
    if (header) events_.push_back(client::HeadersFetched{sequence, uid, std::move(*header)});
}

void ClientSession::onContinuation() {
    if (current_ && current_->kind == StepKind::Idle) {
        idling_ = true;
        existsAtIdle_ = exists_;
    }
}

void ClientSession::onTagged(const std::string& tag, const std::string& status, const std::string& text) {
    if (!current_ || tag != currentTag_) return;  // not ours: ignore
    const Step step = *current_;
    current_.reset();
    idling_ = false;
    doneSent_ = false;
    if (step.kind == StepKind::Logout) {
        if (!failed_) events_.push_back(client::Done{});
        finish();
        return;
    }
    if (status != "OK") {
        fail(status + " " + text);
        steps_.clear();
        steps_.push_back({StepKind::Logout, ""});
        sendNext();
        return;
    }
    if (step.kind == StepKind::List) events_.push_back(client::FolderList{std::exchange(folders_, {})});
    sendNext();
}

void ClientSession::sendNext() {
    if (steps_.empty()) {
        finish();
        return;
    }
    current_ = steps_.front();
    steps_.pop_front();
    if (current_->kind == StepKind::FetchHeaders && exists_ == 0) {
        // "1:*" names no message in an empty folder, and servers answer it with BAD.
        current_.reset();
        sendNext();
        return;
    }
    char tag[16];
    std::snprintf(tag, sizeof tag, "A%03u", ++tagCounter_);
    currentTag_ = tag;
    static constexpr const char* names[] = {"LOGIN", "LIST",  "SELECT", "FETCH", "FETCH", "STORE",
                                            "COPY",  "EXPUNGE", "CREATE", "IDLE", "LOGOUT"};
    std::string line = currentTag_ + " " + names[static_cast<int>(current_->kind)];
    if (!current_->arguments.empty()) line += " " + current_->arguments;
    if (current_->kind == StepKind::Select) exists_ = 0;
    sendLine(line);
}

void ClientSession::sendLine(const std::string& line) {
    output_ += line + "\r\n";
    events_.push_back(client::CommandSent{line});
}

void ClientSession::fail(std::string reason) {
    if (failed_) return;
    failed_ = true;
    events_.push_back(client::Failed{std::move(reason)});
}

void ClientSession::finish() {
    phase_ = Phase::Finished;
    current_.reset();
}

ClientEvent ClientSession::nextEvent() {
    if (events_.empty()) return client::NeedData{};
    ClientEvent event = std::move(events_.front());
    events_.pop_front();
    return event;
}

std::string ClientSession::takeOutput() { return std::exchange(output_, {}); }

}  // namespace netstage::imap
