#pragma once
// POP3 server engine (RFC 1939, CAPA from RFC 2449), sans-IO: bytes and
// times in, bytes and events out; it meets proto::Engine
// (protocols/common/engine.hpp). The maildrop comes from a provider the host
// implements, which is also where the host decides a login.

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/common/fifo.hpp"
#include "protocols/common/line_reader.hpp"
#include "protocols/pop3/maildrop.hpp"
#include "protocols/pop3/server_events.hpp"
#include "protocols/pop3/state.hpp"

namespace netstage::pop3 {

// Whole reply lines, so that a scenario can make the dialogue read exactly as
// the lecture prints it. Each must start with "+OK".
struct ServerConfig {
    std::string greeting = "+OK POP3 server ready";  // no <timestamp>: APOP is not implemented
    std::string userAccepted = "+OK";
    std::string loggedOn = "+OK user successfully logged on";
    std::string signingOff = "+OK POP3 server signing off";
    std::string implementation = "NetStage";
    // Commands are handled strictly in order however they arrive, so
    // pipelining (RFC 2449 §6.6) is supported; this only controls the CAPA line.
    bool advertisePipelining = true;
    std::size_t maxCommandLine = 512;  // octets including CRLF
    std::chrono::nanoseconds autologout = std::chrono::minutes{10};  // RFC 1939 §3: at least 10 minutes
};

class ServerSession {
public:
    ServerSession(MaildropProvider& provider, ServerConfig config = {});
    ~ServerSession();
    ServerSession(const ServerSession&) = delete;
    ServerSession& operator=(const ServerSession&) = delete;

    // The connection is open: queue the greeting.
    void start(std::chrono::nanoseconds now);
    // Bytes from the client, in any split. Complete lines are handled at once.
    void receive(std::string_view bytes, std::chrono::nanoseconds now);
    // The client closed its side.
    void receiveEof(std::chrono::nanoseconds now);

    std::optional<std::chrono::nanoseconds> nextTimeout() const;
    void handleTimeout(std::chrono::nanoseconds now);

    // Bytes to write to the peer, produced since the last call.
    std::string takeOutput();
    // The next event, or NeedData when there is none.
    ServerEvent nextEvent();

    ServerState state() const { return state_; }
    // After QUIT, EOF or autologout: the host closes the connection once the output is sent.
    bool closed() const { return state_ == ServerState::Closed; }

private:
    void handleLine(const proto::Line& line);
    void dispatch(const CommandRule& rule, const std::string& argument);

    void onUser(const std::string& argument);
    void onPass(const std::string& argument);
    void onQuit();
    void onStat();
    void onList(const std::string& argument);
    void onRetr(const std::string& argument);
    void onDele(const std::string& argument);
    void onRset();
    void onTop(const std::string& argument);
    void onUidl(const std::string& argument);
    void onCapa();

    // The 0-based index of a live message named by `text`, or -ERR sent and nothing.
    std::optional<std::size_t> messageIndex(std::string_view text);
    std::size_t liveCount() const;
    std::size_t liveOctets() const;

    void reply(const std::string& line);
    void sendMultiline(const std::vector<std::string>& lines);  // stuffs, then ends with "."
    void error(const std::string& replyLine, const std::string& reason);  // -ERR plus a ProtocolError
    void releaseMaildrop(bool afterQuit);
    // The one place the state changes, as kServerTransitions says.
    void moveOn(ServerTrigger trigger);

    MaildropProvider& provider_;
    ServerConfig config_;
    proto::LineReader reader_;
    ServerState state_ = ServerState::Greeting;
    std::string currentLine_;  // the command being handled, for ProtocolError
    std::optional<std::string> user_;
    Maildrop* maildrop_ = nullptr;
    std::vector<bool> deleted_;
    std::chrono::nanoseconds lastActivity_{};
    std::string outgoing_;
    proto::Fifo<ServerEvent> events_;
};

}  // namespace netstage::pop3
