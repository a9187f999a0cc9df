#pragma once
// The sending side of SMTP (RFC 5321) as a sans-IO engine. It delivers a
// queue of mail items over one connection, one command at a time, and
// reports the fate of every recipient and every item.
//
//   ClientSession session{config};
//   session.enqueue(item);
//   session.start(now);               // connected; now waiting for 220
//   session.receive(bytes, now);
//   ... nextEvent() until NeedData, write takeOutput() ...
//   if (session.closed()) ...         // every item has its result
//
// It meets proto::Engine (protocols/common/engine.hpp).
//
// The dialogue: greeting -> EHLO (HELO if refused, or if so configured) ->
// per item MAIL, RCPT..., DATA, message, "." -> RSET after a failed
// transaction -> QUIT when the queue is empty.

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/common/fifo.hpp"
#include "protocols/common/line_reader.hpp"
#include "protocols/smtp/client_config.hpp"
#include "protocols/smtp/events.hpp"
#include "protocols/smtp/reply.hpp"
#include "protocols/smtp/state.hpp"

namespace netstage::smtp {

class ClientSession {
public:
    explicit ClientSession(ClientConfig config);

    // Items may be added until QUIT has been sent; throws if there is no recipient.
    void enqueue(MailItem item);
    // The connection is open: start the greeting timer. Call once.
    void start(std::chrono::nanoseconds now);
    void receive(std::string_view bytes, std::chrono::nanoseconds now);
    // The server closed the connection.
    void receiveEof(std::chrono::nanoseconds now);

    ClientEvent nextEvent();
    std::string takeOutput();

    std::optional<std::chrono::nanoseconds> nextTimeout() const;
    void handleTimeout(std::chrono::nanoseconds now);

    ClientState state() const { return state_; }
    // Every item has its result and nothing more will be sent: the host closes the connection.
    bool closed() const { return state_ == ClientState::Finished; }

    // What the server's EHLO reply offered.
    bool serverOffersSize() const { return serverSize_; }
    bool serverOffers8BitMime() const { return server8BitMime_; }

private:
    struct Active {
        std::size_t index = 0;
        MailItem item;
        std::size_t nextRecipient = 0;  // the next RCPT to send
        std::size_t answered = 0;       // RCPTs whose reply has been handled
        std::vector<std::string> accepted;
        bool anyTemporary = false;
    };

    void onReply(const Reply& reply);
    void onGreeting(const Reply& reply);
    void onHelo(const Reply& reply);
    void onMail(const Reply& reply);
    void onRcpt(const Reply& reply);
    void onData(const Reply& reply);
    void onDataEnd(const Reply& reply);

    // Moves on by `trigger` (kClientTransitions), then sends the line.
    void sendCommand(const std::string& line, ClientTrigger trigger, std::chrono::nanoseconds timeout);
    void moveOn(ClientTrigger trigger);
    void sendHello(bool ehlo);
    void startNextItem();
    void sendNextRcpt();
    void sendQuit();
    // Fails the active item: rejected-at-RCPT recipients already have their
    // result, the others get this one.
    void failActive(Outcome outcome, const Reply* reply, std::string reason);
    void failQueued(Outcome outcome, const Reply* reply, const std::string& reason);
    void abort(Outcome activeOutcome, const Reply* reply, const std::string& reason);
    void finish();

    ClientConfig config_;
    ClientState state_ = ClientState::AwaitGreeting;
    bool started_ = false;
    proto::LineReader reader_;
    ReplyParser replyParser_;
    proto::Fifo<ClientEvent> events_;
    std::string output_;
    std::chrono::nanoseconds now_{0};
    std::optional<std::chrono::nanoseconds> deadline_;

    proto::Fifo<std::pair<std::size_t, MailItem>> queue_;
    std::size_t enqueued_ = 0;
    std::optional<Active> active_;
    bool needRset_ = false;
    bool sentEhlo_ = false;
    bool serverSize_ = false;
    bool server8BitMime_ = false;
};

}  // namespace netstage::smtp
