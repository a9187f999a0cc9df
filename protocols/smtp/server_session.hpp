#pragma once
// The receiving side of SMTP (RFC 5321) as a sans-IO engine: bytes in,
// events and reply bytes out, time passed in by the host.
//
//   ServerSession session{config, &policy};
//   session.start(now);                 // queues the 220 greeting
//   session.receive(bytes, now);        // any split of the stream
//   while (!holds<NeedData>(ev = session.nextEvent())) ...;
//   socket.write(session.takeOutput());
//   if (session.closed()) socket.close();
//
// It meets proto::Engine (protocols/common/engine.hpp). What the host decides
// (this sender? this recipient? keep this message?) it answers through the
// ServerPolicy, synchronously; no event repeats those answers.
//
// Commands are handled in the order they arrive, however many come in one
// receive(), which is what PIPELINING (RFC 2920) asks of a server.

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "protocols/common/fifo.hpp"
#include "protocols/common/line_reader.hpp"
#include "protocols/smtp/events.hpp"
#include "protocols/smtp/reply.hpp"
#include "protocols/smtp/server_config.hpp"
#include "protocols/smtp/state.hpp"

namespace netstage::smtp {

class ServerSession {
public:
    // `policy` may be null (everything is accepted); otherwise it must outlive the session.
    explicit ServerSession(ServerConfig config, ServerPolicy* policy = nullptr);

    // Sends the greeting. Must be called once, before receive().
    void start(std::chrono::nanoseconds now);
    void receive(std::string_view bytes, std::chrono::nanoseconds now);
    // The client closed its side. Any transaction in progress is dropped.
    void receiveEof(std::chrono::nanoseconds now);
    // The host is going away: "421 <domain> Service not available", then close.
    void shutdown();

    ServerEvent nextEvent();
    // Reply bytes produced so far and not yet taken.
    std::string takeOutput();

    // When the idle timer (RFC 5321 §4.5.3.2.7) fires, if it is running.
    std::optional<std::chrono::nanoseconds> nextTimeout() const;
    void handleTimeout(std::chrono::nanoseconds now);

    ServerState state() const { return state_; }
    // Who AUTH proved the client to be, or empty.
    const std::string& authenticatedUser() const { return envelope_.authenticatedUser; }
    // After 221 or 421, or once the client closed: the host closes the connection.
    bool closed() const { return state_ == ServerState::Closed; }

private:
    // What a command's handler reports; kServerTransitions turns an accepted
    // command into the next state.
    enum class Answer { Accepted, Refused };

    void handleLine(const proto::Line& line);
    void handleCommand(const proto::Line& line);
    void handleDataLine(const proto::Line& line);
    void finishData();
    Answer runVerb(Verb verb, const std::string& argument, const std::string& rawLine);
    Answer onHello(bool esmtp, const std::string& argument, const std::string& rawLine);
    Answer onMail(const std::string& argument, const std::string& rawLine);
    Answer onRcpt(const std::string& argument, const std::string& rawLine);
    Answer onAuth(const std::string& argument, const std::string& rawLine);
    void handleAuthResponse(const proto::Line& line);
    void finishPlain(const std::string& response, const std::string& rawLine);
    void finishAuth(const std::string& user, const std::string& password);
    // The one place the state changes, as kServerTransitions says.
    void moveOn(ServerTrigger trigger);

    void reply(int code, std::string text);
    void replyLines(int code, std::vector<std::string> texts);
    void refuse(int code, std::string text, std::string what, const std::string& rawLine);
    void replyWithDecision(const Decision& decision, const std::string& addressForTemplate);
    void close();
    void resetTransaction();
    std::string expand(const std::string& pattern, std::string_view address = {}) const;

    ServerConfig config_;
    AcceptAllPolicy acceptAll_;
    ServerPolicy* policy_;
    ServerState state_ = ServerState::Connected;
    proto::LineReader reader_;
    proto::Fifo<ServerEvent> events_;
    std::string output_;
    std::chrono::nanoseconds lastActivity_{0};

    Envelope envelope_;  // clientDomain and authenticatedUser survive RSET; the rest is the transaction
    // An AUTH exchange in progress: the next line answers our 334, it is no command.
    enum class AuthStep { None, PlainResponse, LoginUser, LoginPassword };
    AuthStep authStep_ = AuthStep::None;
    std::string loginUser_;  // LOGIN's user name, while its password is awaited
    std::string data_;
    bool previousLineEndedCrlf_ = true;
    bool dataLineTooLong_ = false;
    bool dataTooBig_ = false;
};

}  // namespace netstage::smtp
