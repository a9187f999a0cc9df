#pragma once
// The server side of an FTP control connection (RFC 959, with RFC 2428
// EPRT/EPSV, RFC 3659 SIZE/MDTM/REST STREAM and RFC 2389 FEAT/OPTS).
//
// Sans-IO, with the one engine API (protocols/common/engine.hpp): the host
// feeds control bytes with receive(), drains nextEvent() until NeedData
// acting on the events in order (see server_events.hpp), writes takeOutput()
// on the control connection and closes it once closed(). Beside that API, the
// data*() calls report what happened to the data connection.
//
// Downloads stream: the engine hands the host a file a window at a time as
// the host reports room (dataWritable()), so an ABOR, a lost data connection
// or a slow reader stops the transfer where it stands.
//
// Passive mode: PASV/EPSV emits ListenRequested; the 227/229 reply is sent
// only when the host calls passiveListening(port), so the listener is open
// before the client learns its port. Commands that arrive meanwhile wait.

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "protocols/common/line_reader.hpp"
#include "protocols/fs/file_system.hpp"
#include "protocols/ftp/address.hpp"
#include "protocols/ftp/command.hpp"
#include "protocols/ftp/server_config.hpp"
#include "protocols/ftp/server_events.hpp"
#include "protocols/ftp/state.hpp"
#include "protocols/ftp/transfer_format.hpp"

namespace netstage::ftp {

// "LIST -la dir" and "STAT -l dir": ls options are accepted and ignored.
std::string_view withoutLsOptions(std::string_view argument);

class ServerSession {
public:
    explicit ServerSession(ServerConfig config);

    // Sends the 220 greeting. Call once, when the control connection is up.
    void start(std::chrono::nanoseconds now);

    void receive(std::string_view bytes, std::chrono::nanoseconds now);
    void receiveEof(std::chrono::nanoseconds now);

    ServerEvent nextEvent();
    // The replies whose ReplySent has been taken from nextEvent(), in order.
    std::string takeOutput();
    bool closed() const { return state_ == ServerState::Closed; }

    // --- the host reports on the data connection ---
    void passiveListening(std::uint16_t port);
    void passiveListenFailed();
    void dataConnectionOpened();
    void dataConnectionFailed();
    void dataReceived(std::string_view bytes);
    // The data connection can take `room` more octets now: during a
    // download the engine answers with DataToSend events for up to that
    // many, and CloseData after the last. A listing goes out whole when the
    // connection opens, and needs no call.
    void dataWritable(std::size_t room);
    void dataEof(std::chrono::nanoseconds now);
    void dataConnectionClosed();

    std::optional<std::chrono::nanoseconds> nextTimeout() const;
    void handleTimeout(std::chrono::nanoseconds now);

    ServerState state() const { return state_; }
    const std::string& currentDirectory() const { return cwd_; }
    const std::string& user() const { return user_; }

private:
    enum class TransferKind { Retr, List, Nlst, Mlsd, Stor, Appe };
    enum class DataMode { None, Passive, Active };

    struct Transfer {
        TransferKind kind = TransferKind::Retr;
        std::string verb;
        std::string path;
        // RETR/LIST/NLST: what to send, shared with the file system for a
        // binary RETR, handed out a window at a time from `sendOffset` on.
        vfs::FileContents outgoing;
        std::uint64_t sendOffset = 0;
        std::uint64_t outgoingSize = 0;  // octets to send (from the restart offset on)
        bool handedOut = false;  // every octet handed to the host, and CloseData with them
        // STOR/APPE: the octets received so far, in chunks as they came.
        vfs::FileContents::Builder incoming;
        std::uint64_t received = 0;
        std::uint64_t restartAt = 0;
        bool overQuota = false;
        bool ascii = false;
    };

    // control connection
    void pump();
    bool busy() const;
    void handleLine(const proto::Line& line);
    void dispatch(const Command& command);
    bool handleBeforeLogin(const Command& command);
    void handleLoggedIn(const Command& command);
    void reply(int code, std::string text);
    void reply(int code, std::vector<std::string> lines);
    void protocolError(std::string message);
    void advance(std::string_view trigger);
    std::int64_t unixNow() const;

    // file commands
    void handlePwd();
    void handleCwd(std::string_view argument);
    void handleMkd(std::string_view argument);
    void handleRmd(std::string_view argument);
    void handleDele(std::string_view argument);
    void handleRnfr(std::string_view argument);
    void handleRnto(std::string_view argument);
    void handleSize(std::string_view argument);
    void handleMdtm(std::string_view argument);
    void handleType(std::string_view argument);
    void handleRest(std::string_view argument);
    void handleStat(std::string_view argument);
    void handleMlst(std::string_view argument);
    void handleOptsMlst(std::string_view facts);
    void replyFsError(vfs::FsError error, int code);

    // data connection and transfers
    void handlePort(std::string_view argument);
    void handleEprt(std::string_view argument);
    void handlePassive(bool extended, std::string_view argument);
    void handleTransfer(TransferKind kind, const Command& command);
    void handleAbor();
    void beginData();
    void finishUpload();
    void closeData();
    void resetDataChannel();
    vfs::ResolvedPath resolve(std::string_view argument) const;

    ServerConfig config_;
    ServerState state_ = ServerState::AwaitingUser;
    proto::LineReader lines_;
    std::deque<proto::Line> queued_;
    std::deque<ServerEvent> events_;
    std::deque<std::string> replyBytes_;  // the wire form of each queued ReplySent
    std::string output_;
    bool started_ = false;
    std::chrono::nanoseconds lastActivity_{0};
    std::chrono::nanoseconds lastNow_{0};

    std::string user_;
    std::string pendingUser_;
    vfs::FileSystem* files_ = nullptr;
    std::string cwd_ = "/";
    std::optional<std::string> renameFrom_;
    bool asciiType_ = true;  // RFC 959: TYPE A is the default
    std::uint64_t restartAt_ = 0;
    MlsxFacts mlsxFacts_;  // OPTS MLST

    DataMode dataMode_ = DataMode::None;
    HostPort activeTarget_;
    std::uint16_t passivePort_ = 0;
    bool extendedPassivePending_ = false;
    bool dataOpen_ = false;
    bool dataFailed_ = false;
    std::optional<Transfer> transfer_;
};

}  // namespace netstage::ftp
