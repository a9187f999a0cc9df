#include "programs/mail_program.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <utility>

#include "protocols/imap/client_session.hpp"
#include "protocols/mail/header_fields.hpp"
#include "protocols/mail/message.hpp"
#include "protocols/mail/message_compose.hpp"
#include "protocols/pop3/client_session.hpp"
#include "protocols/smtp/client_session.hpp"
#include "simulator/apps/world_clock.hpp"

namespace netstage::programs {

namespace {

std::chrono::nanoseconds engineNow(const scenario::LiveWorld& world) {
    return std::chrono::nanoseconds{world.now().nanoseconds()};
}

std::string trimmed(std::string text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string domainOf(const std::string& address) {
    const auto at = address.rfind('@');
    return at == std::string::npos ? address : address.substr(at + 1);
}

// "<bob@hamburger.edu>" or "Bob <bob@hamburger.edu>" -> "bob@hamburger.edu" (the envelope's form).
std::string bareAddress(const std::string& text) {
    const auto open = text.find('<');
    const auto close = text.find('>', open == std::string::npos ? 0 : open);
    if (open != std::string::npos && close != std::string::npos) return trimmed(text.substr(open + 1, close - open - 1));
    return trimmed(text);
}

// The flags of an untagged FETCH response line: "* 2 FETCH (UID 7 FLAGS (\Seen \Flagged) ...".
struct FetchFlags {
    std::uint32_t sequence = 0;
    bool seen = false;
    bool flagged = false;
};
std::optional<FetchFlags> fetchFlags(const std::string& line) {
    if (line.rfind("* ", 0) != 0) return std::nullopt;
    const auto fetch = line.find(" FETCH (");
    const auto flags = line.find("FLAGS (");
    if (fetch == std::string::npos || flags == std::string::npos) return std::nullopt;
    FetchFlags out;
    try {
        out.sequence = static_cast<std::uint32_t>(std::stoul(line.substr(2, fetch - 2)));
    } catch (const std::exception&) {
        return std::nullopt;
    }
    const auto end = line.find(')', flags);
    const std::string list = line.substr(flags + 7, end == std::string::npos ? std::string::npos : end - flags - 7);
    out.seen = list.find("\\Seen") != std::string::npos;
    out.flagged = list.find("\\Flagged") != std::string::npos;
    return out;
}

// An IMAP script, one action at a time (a braced list of variants makes GCC warn of uninitialised members).
template <typename... Actions>
std::vector<imap::ClientAction> imapScript(Actions... actions) {
    std::vector<imap::ClientAction> script;
    script.reserve(sizeof...(actions) + 1);
    (script.push_back(imap::ClientAction{std::move(actions)}), ...);
    return script;
}

void fillFromHeader(InboxMessage& message, std::string_view text) {
    const std::string_view header = text.substr(0, mime::headerLength(text, mime::HeaderRule::Message));
    message.header = std::string{header};
    message.from = mime::findField(header, "From").value_or("");
    message.subject = mime::findField(header, "Subject").value_or("");
    message.date = mime::findField(header, "Date").value_or("");
}

}  // namespace

std::string MailAccount::login() const {
    if (!user.empty()) return user;
    const auto at = address.find('@');
    return at == std::string::npos ? address : address.substr(0, at);
}

std::optional<MailAccount> accountOnHost(const scenario::ScenarioSpec& spec, const std::string& host) {
    for (const auto& agent : spec.userAgents) {
        if (agent.host != host) continue;
        MailAccount account;
        account.address = agent.address;
        account.user = agent.user;
        account.password = agent.password;
        account.server = agent.server;
        account.lectureSmtp = !agent.smtp.ehlo;
        // Read as the scenario's own user agent reads: IMAP unless it only uses POP3.
        bool pop3 = false;
        bool imap = false;
        for (const auto& action : agent.actions) {
            if (action.kind == scenario::UserAgentActionSpec::Kind::Pop3) {
                pop3 = true;
                account.keepOnServer = action.pop3.keep;
            }
            if (action.kind == scenario::UserAgentActionSpec::Kind::Imap) imap = true;
        }
        account.inbox = pop3 && !imap ? MailAccount::Inbox::Pop3 : MailAccount::Inbox::Imap;
        return account;
    }
    return std::nullopt;
}

std::vector<std::string> splitAddresses(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    int angle = 0;
    for (const char c : text) {
        if (c == '<') ++angle;
        if (c == '>') angle = std::max(0, angle - 1);
        if ((c == ',' || c == ';') && angle == 0) {
            if (auto piece = trimmed(current); !piece.empty()) out.push_back(std::move(piece));
            current.clear();
        } else {
            current += c;
        }
    }
    if (auto piece = trimmed(current); !piece.empty()) out.push_back(std::move(piece));
    return out;
}

// One action's connection: the engine's bytes go through the ProgramHost,
// what comes back is fed to the engine, and its events are handed on.
class MailProgram::Run {
public:
    Run(MailProgram& program, std::string what) : program_{program}, what_{std::move(what)} {}
    virtual ~Run() = default;

    virtual void connected() = 0;
    virtual void received(std::string_view bytes) = 0;
    virtual void peerClosed() = 0;
    // The connection is over; `outcome` as ProgramHost says ("closed", "refused (...)").
    virtual void ended(const std::string& outcome) = 0;

    ConnectionId id = 0;
    // The action is over (its engine finished, or the connection ended
    // first). TCP may go on a while (TIME-WAIT after an active close); the
    // program is not busy with it any more.
    bool done = false;
    const std::string& what() const { return what_; }

protected:
    MailProgram& program_;
    std::string what_;
};

template <typename Engine>
class MailProgram::EngineRun : public MailProgram::Run {
public:
    using Event = decltype(std::declval<Engine&>().nextEvent());
    using Handler = std::function<void(const Event&)>;
    using Ending = std::function<void(const std::string& outcome)>;

    EngineRun(MailProgram& program, std::string what, Engine engine, Handler handler, Ending ending)
        : Run{program, std::move(what)}, engine_{std::move(engine)}, handler_{std::move(handler)},
          ending_{std::move(ending)} {}

    void connected() override {
        engine_.start(engineNow(program_.host_.world()));
        pump();
    }
    void received(std::string_view bytes) override {
        engine_.receive(bytes, engineNow(program_.host_.world()));
        pump();
    }
    void peerClosed() override {
        engine_.receiveEof(engineNow(program_.host_.world()));
        pump();
    }
    void ended(const std::string& outcome) override { report(outcome); }

private:
    void pump() {
        for (auto event = engine_.nextEvent(); !proto::isNeedData(event); event = engine_.nextEvent()) {
            handler_(event);
        }
        if (std::string out = engine_.takeOutput(); !out.empty()) program_.host_.send(id, out);
        if (engine_.closed() && !closing_) {
            closing_ = true;
            program_.host_.close(id);
            report("closed");
        }
    }

    void report(const std::string& outcome) {
        if (done) return;
        done = true;
        if (ending_) ending_(outcome);
        program_.changed();
    }

    Engine engine_;
    Handler handler_;
    Ending ending_;
    bool closing_ = false;
};

MailProgram::MailProgram(ProgramHost& host, MailAccount account, Callbacks callbacks)
    : host_{host}, account_{std::move(account)}, callbacks_{std::move(callbacks)} {
    if (trimmed(account_.address).empty()) throw std::invalid_argument{"the account has no mail address"};
    if (trimmed(account_.server).empty()) throw std::invalid_argument{"the account has no mail server"};
}

MailProgram::~MailProgram() {
    *alive_ = false;
    for (const auto& run : runs_) host_.forget(run->id);
}

void MailProgram::log(const std::string& line) {
    if (callbacks_.log) callbacks_.log(line);
}

void MailProgram::changed() {
    if (callbacks_.changed) callbacks_.changed();
}

std::size_t MailProgram::busy() const {
    return static_cast<std::size_t>(std::count_if(runs_.begin(), runs_.end(), [](const auto& run) { return !run->done; }));
}

const InboxMessage* MailProgram::message(std::uint32_t number) const {
    for (const auto& message : messages_) {
        if (message.number == number) return &message;
    }
    return nullptr;
}

void MailProgram::start(std::unique_ptr<Run> run, std::uint16_t port) {
    finished_.clear();  // called from the program's own front end, never from a run's callback
    Run* raw = run.get();
    runs_.push_back(std::move(run));
    log(raw->what() + ": connecting to " + account_.server + ":" + std::to_string(port));
    ConnectionEvents events;
    std::weak_ptr<bool> alive = alive_;
    const std::string what = raw->what();
    events.resolved = [this, alive, what](Ipv4Address address) {
        if (!alive.expired()) log(what + ": " + account_.server + " is " + address.toString());
    };
    events.connected = [raw, alive] {
        if (!alive.expired()) raw->connected();
    };
    events.received = [raw, alive](std::string_view bytes) {
        if (!alive.expired()) raw->received(bytes);
    };
    events.peerClosed = [raw, alive] {
        if (!alive.expired()) raw->peerClosed();
    };
    events.ended = [this, raw, alive](const std::string& outcome) {
        if (alive.expired()) return;
        raw->ended(outcome);
        finished(raw);
    };
    raw->id = host_.connect(account_.server, port, std::move(events));
    changed();
}

void MailProgram::finished(Run* run) {
    // Not destroyed here: the ProgramHost is still inside this run's callback.
    const auto it = std::find_if(runs_.begin(), runs_.end(), [run](const auto& held) { return held.get() == run; });
    if (it == runs_.end()) return;
    finished_.push_back(std::move(*it));
    runs_.erase(it);
    changed();
}

void MailProgram::send(const Draft& draft) {
    std::vector<std::string> recipients;
    for (const auto* list : {&draft.to, &draft.cc, &draft.bcc}) {
        for (const auto& address : *list) {
            const std::string bare = bareAddress(address);
            if (!bare.empty()) recipients.push_back(bare);
        }
    }
    if (recipients.empty()) throw std::invalid_argument{"the message has no recipient: fill in To, Cc or Bcc"};

    mail::ComposeOptions options;
    options.from = account_.address;
    options.to = draft.to;
    options.cc = draft.cc;  // Bcc goes only into the envelope
    options.subject = draft.subject;
    const Time now = host_.world().now();
    options.date = mail::formatRfc5322Date(apps::unixSecondsAt(now));
    const auto at = account_.address.find('@');
    options.messageId = "<" + std::to_string(now.nanoseconds()) + "." + std::to_string(++composed_) + "." +
                        account_.address.substr(0, at) + "@" + domainOf(account_.address) + ">";
    options.body = draft.body;
    const auto composed = mail::composeMessage(options);
    if (!composed.ok()) throw std::invalid_argument{"cannot send this message: " + composed.error().message};

    smtp::ClientConfig config;
    config.heloDomain = domainOf(account_.address);
    if (account_.lectureSmtp) {
        config.useEhlo = false;
        config.style = smtp::CommandStyle::SpaceAfterColon;
    }
    smtp::ClientSession session{config};
    session.enqueue({bareAddress(account_.address), recipients, mail::serialize(composed.value())});
    const std::string subject = draft.subject.empty() ? std::string{"(no subject)"} : draft.subject;
    auto handler = [this, subject](const smtp::ClientEvent& event) {
        if (const auto* sent = std::get_if<smtp::CommandSent>(&event)) log("C: " + sent->line);
        else if (const auto* reply = std::get_if<smtp::ReplyReceived>(&event)) {
            for (const auto& line : reply->lines) log("S: " + line);
        } else if (const auto* result = std::get_if<smtp::ItemResult>(&event)) {
            ++sent_;
            lastOutcome_ = result->outcome == smtp::Outcome::Accepted
                               ? "\"" + subject + "\" accepted by " + account_.server
                               : "\"" + subject + "\" not sent: " + (result->reason.empty() ? "refused" : result->reason);
            log(lastOutcome_);
        } else if (const auto* error = std::get_if<smtp::ProtocolError>(&event)) {
            log("error: " + error->what);
        }
    };
    auto ending = [this, subject](const std::string& outcome) {
        if (outcome != "closed") {
            lastOutcome_ = "\"" + subject + "\" not sent: " + outcome;
            log("SMTP: " + outcome);
        }
    };
    start(std::make_unique<EngineRun<smtp::ClientSession>>(*this, "SMTP", std::move(session), std::move(handler),
                                                            std::move(ending)),
          account_.smtpPort);
}

void MailProgram::refresh() {
    if (account_.inbox == MailAccount::Inbox::Pop3) {
        pop3::ClientConfig config;
        config.user = account_.login();
        config.password = account_.password;
        config.mode = account_.keepOnServer ? pop3::DownloadMode::DownloadAndKeep : pop3::DownloadMode::DownloadAndDelete;
        // Kept on the server, every download is the whole maildrop again: it replaces the local copies.
        auto downloaded = std::make_shared<std::vector<std::string>>();
        auto handler = [this, downloaded](const pop3::ClientEvent& event) {
            if (const auto* sent = std::get_if<pop3::client::CommandSent>(&event)) log("C: " + sent->line);
            else if (const auto* reply = std::get_if<pop3::client::ReplyLine>(&event)) {
                if (reply->line.rfind("+OK", 0) == 0 || reply->line.rfind("-ERR", 0) == 0) log("S: " + reply->line);
            } else if (const auto* retrieved = std::get_if<pop3::client::MessageDownloaded>(&event)) {
                downloaded->push_back(retrieved->content);
            } else if (const auto* failed = std::get_if<pop3::client::LoginFailed>(&event)) {
                log("login refused: " + failed->reply);
            } else if (const auto* done = std::get_if<pop3::client::Done>(&event)) {
                if (account_.keepOnServer) messages_.clear();
                for (auto& content : *downloaded) {
                    InboxMessage message;
                    fillFromHeader(message, content);
                    message.content = std::move(content);
                    messages_.push_back(std::move(message));
                }
                for (std::size_t i = 0; i < messages_.size(); ++i) messages_[i].number = static_cast<std::uint32_t>(i + 1);
                log(std::to_string(done->downloaded) + (done->downloaded == 1 ? " message" : " messages") + " downloaded");
                changed();
            }
        };
        auto ending = [this](const std::string& outcome) {
            if (outcome != "closed") log("POP3: " + outcome);
        };
        start(std::make_unique<EngineRun<pop3::ClientSession>>(*this, "POP3", pop3::ClientSession{config},
                                                                std::move(handler), std::move(ending)),
              account_.pop3Port);
        return;
    }
    runImap("IMAP", imapScript(imap::action::ListFolders{}, imap::action::Select{folder_}, imap::action::FetchHeaders{}),
            true);
}

void MailProgram::runImap(const std::string& what, std::vector<imap::ClientAction> script, bool listsHeaders) {
    imap::ClientConfig config;
    config.user = account_.login();
    config.password = account_.password;
    config.script = std::move(script);
    config.script.push_back(imap::action::Logout{});
    // Headers fetched in this session replace the folder's list once it is over.
    auto fresh = std::make_shared<std::optional<std::vector<InboxMessage>>>();
    auto handler = [this, fresh](const imap::ClientEvent& event) {
        if (const auto* sent = std::get_if<imap::client::CommandSent>(&event)) {
            log("C: " + sent->line);
        } else if (const auto* line = std::get_if<imap::client::ResponseLine>(&event)) {
            if (line->line.rfind("* ", 0) != 0 || line->line.find(" FETCH ") == std::string::npos) {
                if (line->line.size() < 200) log("S: " + line->line);
            }
            if (const auto flags = fetchFlags(line->line)) {
                auto apply = [&](std::vector<InboxMessage>& list) {
                    for (auto& message : list) {
                        if (message.number != flags->sequence) continue;
                        message.seen = flags->seen;
                        message.flagged = flags->flagged;
                    }
                };
                if (fresh->has_value()) apply(**fresh);
                apply(messages_);
                // A FETCH's flags come before its header: remember them for the header too.
                pendingFlags_[flags->sequence] = {flags->seen, flags->flagged};
            }
        } else if (const auto* headers = std::get_if<imap::client::HeadersFetched>(&event)) {
            if (!fresh->has_value()) fresh->emplace();
            InboxMessage message;
            message.number = headers->sequence;
            message.uid = headers->uid;
            fillFromHeader(message, headers->header);
            if (const auto it = pendingFlags_.find(headers->sequence); it != pendingFlags_.end()) {
                message.seen = it->second.first;
                message.flagged = it->second.second;
            }
            (*fresh)->push_back(std::move(message));
        } else if (const auto* fetched = std::get_if<imap::client::MessageFetched>(&event)) {
            for (auto& message : messages_) {
                if (message.number != fetched->sequence) continue;
                message.content = fetched->content;
                message.seen = true;
                if (message.header.empty()) fillFromHeader(message, fetched->content);
            }
            changed();
        } else if (const auto* list = std::get_if<imap::client::FolderList>(&event)) {
            folders_ = list->folders;
            changed();
        } else if (const auto* failed = std::get_if<imap::client::Failed>(&event)) {
            log("IMAP: " + failed->reason);
        } else if (std::holds_alternative<imap::client::Done>(event)) {
            pendingFlags_.clear();
        }
    };
    auto ending = [this, fresh, what, listsHeaders](const std::string& outcome) {
        if (fresh->has_value()) {
            // Keep what was already fetched in full for messages still there.
            for (auto& message : **fresh) {
                if (const InboxMessage* old = this->message(message.number); old && old->uid == message.uid) {
                    message.content = old->content;
                }
            }
            messages_ = std::move(**fresh);
        } else if (outcome == "closed" && listsHeaders) {
            // A folder with no messages fetches no headers.
            messages_.clear();
        }
        if (outcome != "closed") log(what + ": " + outcome);
        changed();
    };
    start(std::make_unique<EngineRun<imap::ClientSession>>(*this, what, imap::ClientSession{config}, std::move(handler),
                                                            std::move(ending)),
          account_.imapPort);
}

void MailProgram::selectFolder(const std::string& folder) {
    if (account_.inbox != MailAccount::Inbox::Imap) return;
    folder_ = folder;
    messages_.clear();
    changed();
    runImap("IMAP", imapScript(imap::action::Select{folder_}, imap::action::FetchHeaders{}), true);
}

void MailProgram::open(std::uint32_t number) {
    if (account_.inbox != MailAccount::Inbox::Imap) return;
    runImap("IMAP", imapScript(imap::action::Select{folder_}, imap::action::FetchMessage{number}), false);
}

void MailProgram::setFlag(std::uint32_t number, const std::string& flag, bool on) {
    if (account_.inbox != MailAccount::Inbox::Imap) return;
    imap::action::StoreFlags store;
    store.number = number;
    store.mode = on ? imap::action::StoreFlags::Mode::Add : imap::action::StoreFlags::Mode::Remove;
    store.flags = {flag};
    runImap("IMAP", imapScript(imap::action::Select{folder_}, store, imap::action::FetchHeaders{}), true);
}

void MailProgram::move(std::uint32_t number, const std::string& folder) {
    if (account_.inbox != MailAccount::Inbox::Imap) return;
    runImap("IMAP",
            imapScript(imap::action::Select{folder_}, imap::action::Move{number, folder}, imap::action::FetchHeaders{}),
            true);
}

void MailProgram::createFolder(const std::string& folder) {
    if (account_.inbox != MailAccount::Inbox::Imap || trimmed(folder).empty()) return;
    runImap("IMAP", imapScript(imap::action::CreateFolder{trimmed(folder)}, imap::action::ListFolders{}), false);
}

}  // namespace netstage::programs
