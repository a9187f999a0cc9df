#pragma once
// POP3 client engine (sans-IO) that downloads a whole maildrop the way the
// lecture shows: user, pass, list, then retr (and dele) for each message, quit.
// It meets proto::Engine (protocols/common/engine.hpp).

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/common/fifo.hpp"
#include "protocols/common/line_reader.hpp"
#include "protocols/pop3/client_events.hpp"
#include "protocols/pop3/state.hpp"

namespace netstage::pop3 {

enum class DownloadMode { DownloadAndDelete, DownloadAndKeep };
enum class CommandStyle { LowerCase, UpperCase };  // "retr 1" as in the lecture, or "RETR 1"

struct ClientConfig {
    std::string user;
    std::string password;
    DownloadMode mode = DownloadMode::DownloadAndDelete;
    CommandStyle style = CommandStyle::LowerCase;
    std::chrono::nanoseconds replyTimeout = std::chrono::minutes{10};
    // Message lines may be long; anything longer is cut and reported.
    std::size_t maxReplyLine = 65536;
};

class ClientSession {
public:
    explicit ClientSession(ClientConfig config);

    // The connection is open; the greeting is awaited from `now`.
    void start(std::chrono::nanoseconds now);
    void receive(std::string_view bytes, std::chrono::nanoseconds now);
    void receiveEof(std::chrono::nanoseconds now);

    std::optional<std::chrono::nanoseconds> nextTimeout() const;
    void handleTimeout(std::chrono::nanoseconds now);

    // Bytes to write to the peer, produced since the last call.
    std::string takeOutput();
    // The next event, or NeedData when there is none.
    ClientEvent nextEvent();

    ClientState state() const { return state_; }
    // Done or Failed: the host closes the connection.
    bool closed() const { return state_ == ClientState::Done || state_ == ClientState::Failed; }

private:
    void handleLine(const proto::Line& line, std::chrono::nanoseconds now);
    void handleStatus(bool ok, const std::string& line, std::chrono::nanoseconds now);
    void handleListLine(const std::string& line, std::chrono::nanoseconds now);
    void handleMessageLine(const std::string& line, std::chrono::nanoseconds now);

    // Moves on by `trigger`, then sends the command.
    void send(ClientTrigger trigger, std::string_view verb, const std::string& argument, std::chrono::nanoseconds now);
    void retrieveNextOrQuit(std::chrono::nanoseconds now);
    void fail(ClientTrigger trigger, const std::string& reason);
    // The one place the state changes, as kClientTransitions says.
    void moveOn(ClientTrigger trigger);

    ClientConfig config_;
    proto::LineReader reader_;
    ClientState state_ = ClientState::AwaitGreeting;
    bool started_ = false;
    bool loginFailed_ = false;
    std::vector<std::size_t> toFetch_;  // message numbers from LIST
    std::size_t nextToFetch_ = 0;      // index into toFetch_
    std::size_t current_ = 0;          // message number being retrieved or deleted
    std::string body_;
    std::size_t downloaded_ = 0;
    std::chrono::nanoseconds deadline_{};
    std::string outgoing_;
    proto::Fifo<ClientEvent> events_;
};

}  // namespace netstage::pop3
