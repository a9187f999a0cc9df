#pragma once
// IMAP4rev1 server engine (RFC 3501, plus IDLE, LITERAL+, UIDPLUS, UNSELECT,
// SASL-IR), sans-IO, with the one engine API (protocols/common/engine.hpp):
// start(now) queues the greeting, receive(bytes, now) any split of the
// stream; it produces bytes to send (takeOutput()) and events (nextEvent()).
// It works directly on a shared MailStore, so several sessions of one user
// see each other's changes: as untagged EXISTS/EXPUNGE/FETCH before the next
// tagged reply, or at once while the session is in IDLE.
//
// The one decision the host makes is whether a login is good:
// ServerConfig::authenticator answers it. LoggedIn and LoginFailed only
// report the outcome; nothing answers them.

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocols/common/fifo.hpp"
#include "protocols/common/line_reader.hpp"
#include "protocols/imap/sequence_set.hpp"
#include "protocols/imap/state.hpp"
#include "protocols/mail/mail_store.hpp"

namespace netstage::imap {

struct ServerConfig {
    std::string greeting = "NetStage IMAP4rev1 server ready";
    // The login policy: true if this user may log in with this password. None: every login fails.
    std::function<bool(std::string_view user, std::string_view password)> authenticator;
    mail::MailStore& store;
    std::chrono::nanoseconds autologout = std::chrono::minutes{30};  // RFC 3501 §5.4 minimum
    std::size_t maxCommandLine = 256 * 1024;
    std::size_t maxLiteral = 32 * 1024 * 1024;
    // Unix time at simulated time zero: APPEND without a date gets now in unix seconds.
    std::int64_t unixTimeAtZero = 0;
};

namespace server {
struct NeedData {};
// A complete command; `lines` are as received, a literal's content shown as its lines.
struct CommandReceived {
    std::string tag;
    std::string command;  // upper case; "UID FETCH" for UID commands
    std::vector<std::string> lines;
};
struct ResponseSent {
    std::string line;  // one line without CRLF (a literal's content appears as its lines)
};
struct ProtocolError {
    std::string detail;
};
struct LoggedIn {
    std::string user;
};
struct LoginFailed {
    std::string user;
};
struct MailboxSelected {
    std::string mailbox;
    bool readOnly = false;
};
struct MessageAppended {
    std::string mailbox;
    mail::Uid uid = 0;
};
// COPY put these messages into `to`: (source UID, new UID) pairs, ascending.
struct MessagesCopied {
    std::string from;
    std::string to;
    std::vector<std::pair<mail::Uid, mail::Uid>> uids;
};
// EXPUNGE, UID EXPUNGE, CLOSE or DELETE removed these messages from `mailbox`.
struct MessagesExpunged {
    std::string mailbox;
    std::vector<mail::Uid> uids;
};
struct Closed {};
}  // namespace server

using ServerEvent = std::variant<server::NeedData, server::CommandReceived, server::ResponseSent,
                                 server::ProtocolError, server::LoggedIn, server::LoginFailed,
                                 server::MailboxSelected, server::MessageAppended, server::MessagesCopied,
                                 server::MessagesExpunged, server::Closed>;

class ServerSession {
public:
    explicit ServerSession(ServerConfig config);
    ~ServerSession();
    // The store holds a callback to this object, so it must stay where it is.
    ServerSession(const ServerSession&) = delete;
    ServerSession& operator=(const ServerSession&) = delete;

    // `now` is simulated time: the autologout timer counts from the last
    // input, and APPEND without a date stores the current time.
    void start(std::chrono::nanoseconds now);  // queues the greeting
    void receive(std::string_view bytes, std::chrono::nanoseconds now);
    void receiveEof(std::chrono::nanoseconds now);
    ServerEvent nextEvent();
    std::string takeOutput();  // bytes to send to the client, in order
    std::optional<std::chrono::nanoseconds> nextTimeout() const;  // autologout
    void handleTimeout(std::chrono::nanoseconds now);
    // The session is over (LOGOUT, EOF, autologout, selected mailbox deleted):
    // close the connection once the output is sent.
    bool closed() const { return state_ == ServerState::Logout; }

    ServerState state() const { return state_; }
    bool isIdling() const { return mode_ == Mode::Idle; }
    const std::string& user() const { return user_; }

private:
    enum class Mode { Command, Literal, Discard, AuthResponse, Idle };
    enum class Status { Ok, No, Bad };

    struct Selection {
        mail::FolderId folder = 0;
        std::string name;
        bool readOnly = false;
        std::vector<mail::Uid> uids;  // what the client knows: sequence number i+1 is uids[i]
        std::uint64_t seenModSeq = 0;
        std::uint64_t seenExpunges = 0;
        mail::Uid seenUidNext = 1;
    };
    struct Target {
        std::uint32_t sequence;
        mail::Uid uid;
    };

    // input
    void pump();
    void onLine(const proto::Line& line);
    void onLiteral(std::string raw);
    void completeCommand();
    void resetCommand();

    // output
    void send(std::string_view bytes);
    void untagged(std::string_view text);
    void tagged(const std::string& tag, Status status, std::string_view text);
    void bad(const std::string& tag, std::string_view why);
    void emit(ServerEvent event) { events_.push_back(std::move(event)); }
    // Moves to the state kServerTransitions gives for what happened; a
    // trigger the table has no row for is a bug here and throws.
    void advance(Trigger trigger);
    void close();

    // dispatch and commands (server_session.cpp)
    void dispatch(const std::string& text);
    void execute(const std::string& tag, const std::string& command, bool uid, Cursor& args);
    void cmdCapability(const std::string& tag, Cursor& args);
    void cmdLogin(const std::string& tag, Cursor& args);
    void cmdAuthenticate(const std::string& tag, Cursor& args);
    void finishPlain(const std::string& tag, std::string_view base64);
    void cmdLogout(const std::string& tag);
    void cmdIdle(const std::string& tag);
    void onIdleLine(const std::string& text);
    std::string capabilities() const;
    void loginAs(const std::string& tag, const std::string& user);

    // folders (server_folder_commands.cpp)
    void cmdCreate(const std::string& tag, Cursor& args);
    void cmdDelete(const std::string& tag, Cursor& args);
    void cmdRename(const std::string& tag, Cursor& args);
    void cmdSubscribe(const std::string& tag, Cursor& args, bool subscribe);
    void cmdList(const std::string& tag, Cursor& args, bool subscribedOnly);
    void cmdStatus(const std::string& tag, Cursor& args);
    void cmdAppend(const std::string& tag, Cursor& args);
    void storeFailure(const std::string& tag, mail::StoreResult result, std::string_view command);

    // the selected mailbox (server_mailbox_commands.cpp)
    void cmdSelect(const std::string& tag, Cursor& args, bool readOnly);
    void cmdClose(const std::string& tag, bool expunge);
    void cmdExpunge(const std::string& tag, Cursor& args, bool uid);
    void cmdSearch(const std::string& tag, Cursor& args, bool uid);
    void cmdFetch(const std::string& tag, Cursor& args, bool uid);
    void cmdStore(const std::string& tag, Cursor& args, bool uid);
    void cmdCopy(const std::string& tag, Cursor& args, bool uid);
    std::optional<std::vector<Target>> resolve(const SequenceSet& set, bool uid, std::string& error) const;
    void deselect();
    // Reports what other sessions changed since this one last looked. Expunges
    // are held back while answering FETCH, STORE and SEARCH (RFC 3501 §7.4.1).
    void syncMailbox(bool allowExpunge);
    void onStoreChange(const mail::FolderChange& change);
    const mail::Folder* selectedFolder() const;

    ServerConfig config_;
    mail::MailStore::ObserverId observer_ = 0;
    proto::LineReader reader_;
    ServerState state_ = ServerState::NotAuthenticated;
    Mode mode_ = Mode::Command;
    std::string user_;
    std::optional<Selection> selection_;

    std::string pending_;                    // the command being assembled, literals in wire form
    std::vector<std::string> pendingLines_;  // the same for the transcript
    std::size_t literalSize_ = 0;
    std::string continuationTag_;            // AUTHENTICATE or IDLE waiting for a line

    bool inCommand_ = false;
    std::optional<std::string> deferredTagged_;

    std::string output_;
    proto::Fifo<ServerEvent> events_;
    std::chrono::nanoseconds now_{0};
    std::chrono::nanoseconds lastActivity_{0};
};

}  // namespace netstage::imap
