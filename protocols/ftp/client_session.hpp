#pragma once
// The client side of an FTP control connection: runs a script of steps
// (login, cd, ls, get, put) and then QUIT. Sans-IO with the one engine API
// like ServerSession: the host feeds control bytes with receive(), drains
// nextEvent() until NeedData, opening the data connections the events ask
// for and reporting back with the data*() calls, writes takeOutput() on the
// control connection, and closes it once closed().

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocols/fs/file_contents.hpp"
#include "protocols/ftp/reply.hpp"
#include "protocols/ftp/server_events.hpp"
#include "protocols/ftp/state.hpp"

namespace netstage::ftp {

struct ClientStep {
    enum class Kind { Login, Cd, Ls, Get, Put };
    Kind kind = Kind::Login;
    std::string argument;  // directory or file name
    // put only: made when the upload starts (a described file), then shared with the data connection
    vfs::FileContents content;

    static ClientStep login() { return {Kind::Login, {}, {}}; }
    static ClientStep cd(std::string dir) { return {Kind::Cd, std::move(dir), {}}; }
    static ClientStep ls() { return {Kind::Ls, {}, {}}; }
    static ClientStep get(std::string file) { return {Kind::Get, std::move(file), {}}; }
    static ClientStep put(std::string file, vfs::FileContents content) { return {Kind::Put, std::move(file), std::move(content)}; }
    static ClientStep put(std::string file, std::string content) {
        return put(std::move(file), vfs::FileContents{std::move(content)});
    }
};

std::string_view toString(ClientStep::Kind kind);

struct ClientConfig {
    std::string user;
    std::string password;
    bool passive = true;
    // EPSV/EPRT first, falling back to PASV/PORT on any refusal, as curl does.
    bool extended = false;
    // Active mode: the address put in PORT/EPRT and the port the host listens on.
    std::array<std::uint8_t, 4> activeAddress{127, 0, 0, 1};
    std::uint16_t activePort = 0;
    std::vector<ClientStep> script;
};

// Its wire form is released to takeOutput() when this event is taken from
// nextEvent(), so a host that holds back events (the next step's time has
// not come) holds back the command with them.
struct CommandSent {
    std::string verb;
    std::string argument;
};

struct ReplyReceived {
    int code = 0;
    std::vector<std::string> lines;
};

// One script step is over. `data` is the listing (ls) or the file (get), in
// the chunks it arrived in (never one doubling string).
struct StepFinished {
    ClientStep::Kind kind = ClientStep::Kind::Login;
    std::string argument;
    bool ok = false;
    int code = 0;  // the reply that decided it; 0 if the data connection failed
    vfs::FileContents data;
};

// The script is done and QUIT answered (or the control connection closed).
struct ScriptFinished {};

using ClientEvent = std::variant<NeedData, CommandSent, ReplyReceived, ListenRequested, ConnectRequested, DataToSend,
                                 CloseData, DataConnection, StepFinished, ScriptFinished, ProtocolError,
                                 CloseRequested>;

class ClientSession {
public:
    explicit ClientSession(ClientConfig config);

    // The control connection is up. The client speaks only after the 220,
    // so this sends nothing.
    void start(std::chrono::nanoseconds now);
    void receive(std::string_view bytes, std::chrono::nanoseconds now);
    void receiveEof(std::chrono::nanoseconds now);
    ClientEvent nextEvent();
    // The commands whose CommandSent has been taken from nextEvent(), in order.
    std::string takeOutput();
    // The client keeps no timer: a silent server is the host's (TCP's) business.
    std::optional<std::chrono::nanoseconds> nextTimeout() const { return std::nullopt; }
    void handleTimeout(std::chrono::nanoseconds now);

    // --- the host reports on the data connection ---
    void dataListening(std::uint16_t port);  // active mode: the listener is open
    void dataListenFailed();
    void dataConnectionOpened();
    void dataConnectionFailed();
    void dataReceived(std::string_view bytes);
    void dataEof();

    // The script is over (QUIT answered, a 421, or the server closed).
    bool closed() const { return state_ == ClientState::Done; }
    ClientState state() const { return state_; }

private:

    void onReply(const Reply& reply);
    void advance(std::string_view trigger);
    void serverGone();
    void send(std::string verb, std::string argument = {});
    void nextStep();
    void beginDataSetup();
    // Each sends its command and moves along the row `trigger` names.
    void sendPassive(std::string_view trigger);
    void sendPort(std::string_view trigger);
    void sendTransferCommand(std::string_view trigger);
    void sendUploadIfReady();
    void maybeFinishTransfer();
    void finishStep(bool ok, int code, vfs::FileContents data = {});
    void failDataStep(int code);

    ClientConfig config_;
    ReplyReader replies_;
    std::deque<ClientEvent> events_;
    std::deque<std::string> commandBytes_;  // the wire form of each queued CommandSent
    std::string output_;
    ClientState state_ = ClientState::AwaitingGreeting;
    std::size_t nextStep_ = 0;
    std::optional<ClientStep> step_;

    bool usingExtended_ = false;  // the current PASV/PORT attempt is EPSV/EPRT
    std::uint16_t listenPort_ = 0;
    bool dataOpen_ = false;
    bool dataDone_ = false;    // EOF seen (download) or bytes handed over (upload)
    bool uploadSent_ = false;
    std::optional<Reply> finalReply_;
    vfs::FileContents::Builder received_;
};

}  // namespace netstage::ftp
