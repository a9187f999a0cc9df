#pragma once
// A scripted IMAP4rev1 client engine, sans-IO, with the one engine API
// (protocols/common/engine.hpp): it logs in, runs a list of user-agent
// actions (list folders, select, read, flag, move, wait for new mail with
// IDLE) and logs out. Bytes in with receive(bytes, now), bytes out with
// takeOutput(), what happened with nextEvent().

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocols/common/fifo.hpp"
#include "protocols/common/line_reader.hpp"
#include "protocols/imap/imap_syntax.hpp"

namespace netstage::imap {

namespace action {
struct ListFolders {};
struct Select {
    std::string folder;
};
struct FetchHeaders {};  // headers of every message in the selected folder, without setting \Seen
struct FetchMessage {
    std::uint32_t number = 1;  // sequence number; BODY[] sets \Seen
};
// FETCH of chosen items, for reading a message part by part:
// "BODYSTRUCTURE", "BODY[1]", "BODY[2.MIME]" (RFC 3501 §6.4.5).
struct FetchItems {
    std::uint32_t number = 1;
    std::string items;
};
struct StoreFlags {
    enum class Mode { Add, Remove, Replace };
    std::uint32_t number = 1;
    Mode mode = Mode::Add;
    std::vector<std::string> flags;  // "\\Flagged", "$Label1", ...
};
struct Move {
    std::uint32_t number = 1;
    std::string folder;  // COPY, STORE +FLAGS (\Deleted), EXPUNGE
};
struct CreateFolder {
    std::string folder;
};
struct IdleUntilExists {};  // IDLE until the server reports more messages, then DONE
struct Logout {};
}  // namespace action

using ClientAction = std::variant<action::ListFolders, action::Select, action::FetchHeaders, action::FetchMessage,
                                  action::FetchItems, action::StoreFlags, action::Move, action::CreateFolder, action::IdleUntilExists,
                                  action::Logout>;

struct ClientConfig {
    std::string user;
    std::string password;
    std::vector<ClientAction> script;  // a LOGOUT is added at the end if the script lacks one
};

namespace client {
struct NeedData {};
struct CommandSent {
    std::string line;  // without CRLF
};
struct ResponseLine {
    std::string line;  // without CRLF; a literal's content appears as its lines
};
struct MessageFetched {
    std::uint32_t sequence = 0;
    std::uint32_t uid = 0;
    std::string content;
};
struct HeadersFetched {
    std::uint32_t sequence = 0;
    std::uint32_t uid = 0;
    std::string header;
};
struct FolderList {
    std::vector<std::string> folders;
};
struct NewMessage {
    std::uint32_t exists = 0;  // the new message count reported during IDLE
};
struct Done {};
struct Failed {
    std::string reason;
};
}  // namespace client

using ClientEvent = std::variant<client::NeedData, client::CommandSent, client::ResponseLine, client::MessageFetched,
                                 client::HeadersFetched, client::FolderList, client::NewMessage, client::Done,
                                 client::Failed>;

class ClientSession {
public:
    // Throws std::invalid_argument if a name or password holds CR or LF (it could not be sent quoted).
    explicit ClientSession(ClientConfig config);

    // The server speaks first (the greeting), so starting sends nothing.
    void start(std::chrono::nanoseconds) {}
    void receive(std::string_view bytes, std::chrono::nanoseconds now);
    void receiveEof(std::chrono::nanoseconds now);
    ClientEvent nextEvent();
    std::string takeOutput();
    // The client keeps no timers: it waits as long as the server lets it.
    std::optional<std::chrono::nanoseconds> nextTimeout() const { return std::nullopt; }
    void handleTimeout(std::chrono::nanoseconds) {}
    // The session is over and the server has closed its side. The client
    // never closes first: after LOGOUT it is the server that closes
    // (RFC 3501 §6.1.3), and the client follows when it sees the end of the stream.
    bool closed() const { return phase_ == Phase::Finished && serverClosed_; }
    std::uint32_t exists() const { return exists_; }

private:
    enum class Phase { Greeting, Running, Finished };
    enum class StepKind { Login, List, Select, FetchHeaders, FetchMessage, Store, Copy, Expunge, Create, Idle, Logout };
    struct Step {
        StepKind kind;
        std::string arguments;  // after the command name
    };

    void pump();
    void onResponse(const std::string& text);
    void onUntagged(Cursor& c);
    void onFetch(std::uint32_t sequence, Cursor& c);
    void onTagged(const std::string& tag, const std::string& status, const std::string& text);
    void onContinuation();
    void sendNext();
    void sendLine(const std::string& line);
    void fail(std::string reason);
    void finish();

    ClientConfig config_;
    proto::LineReader reader_;
    proto::Fifo<Step> steps_;
    Phase phase_ = Phase::Greeting;
    std::optional<Step> current_;
    std::string currentTag_;
    unsigned tagCounter_ = 0;
    bool failed_ = false;
    bool serverClosed_ = false;
    bool idling_ = false;
    bool doneSent_ = false;
    std::uint32_t exists_ = 0;
    std::uint32_t existsAtIdle_ = 0;
    std::vector<std::string> folders_;

    std::string pending_;
    std::size_t literalSize_ = 0;
    bool inLiteral_ = false;

    std::string output_;
    proto::Fifo<ClientEvent> events_;
};

}  // namespace netstage::imap
