#pragma once
// HTTP/1.1 client engine (RFC 9110, RFC 9112), sans-IO; it meets
// proto::Engine (protocols/common/engine.hpp). The host queues requests;
// the engine writes them on one persistent connection (one at a time, or
// all at once when pipelining), reads the responses in order (Content-Length,
// chunked or close-delimited bodies; no body after HEAD, 1xx, 204, 304;
// 1xx skipped) and reports each as a ResponseReceived event.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "protocols/common/fifo.hpp"
#include "protocols/common/line_reader.hpp"
#include "protocols/http/body_reader.hpp"
#include "protocols/http/client_events.hpp"
#include "protocols/http/state.hpp"

namespace netstage::http {

struct ClientRequest {
    std::string method = "GET";
    std::string target = "/";
    HeaderFields headers;  // Host, Content-Length and Connection are the engine's to write
    std::string body;
    bool close = false;  // ask the server to end the connection after this one
};

struct ClientConfig {
    std::string host;  // the Host field of every request (RFC 9112 §3.2)
    std::string userAgent = "NetStage";  // empty for none
    // Write every queued request at once instead of waiting for each response
    // (RFC 9112 §9.3.2); responses still come back in order.
    bool pipeline = false;
    std::size_t maxStatusLine = 8192;
    std::size_t maxFieldLine = 8192;
    std::size_t maxHeaderSection = 65536;
    std::size_t maxFields = 100;
    std::size_t maxBody = std::size_t{16} << 20;
    // With a request outstanding, the server must say something this often.
    std::chrono::nanoseconds responseTimeout = std::chrono::seconds{30};
};

class ClientSession {
public:
    explicit ClientSession(ClientConfig config);

    // Queues a request; it is written as soon as the connection allows.
    void request(ClientRequest request, std::chrono::nanoseconds now);
    // No more requests: once the outstanding ones are answered, the engine closes.
    void finish();

    void start(std::chrono::nanoseconds now);
    void receive(std::string_view bytes, std::chrono::nanoseconds now);
    void receiveEof(std::chrono::nanoseconds now);

    std::optional<std::chrono::nanoseconds> nextTimeout() const;
    void handleTimeout(std::chrono::nanoseconds now);

    std::string takeOutput();
    client::ClientEvent nextEvent();

    ClientState state() const { return state_; }
    bool closed() const { return state_ == ClientState::Closed; }
    // Requests written and not yet answered.
    std::size_t outstanding() const { return outstanding_.size(); }

private:
    struct Outstanding {
        std::string method;
        std::string target;
        bool close = false;
    };

    void writeRequests();
    void process();
    void handleHeadLine(const proto::Line& line);
    void finishHead();
    void completeResponse();
    void fail(const std::string& reason, const std::string& line = {});
    void moveOn(ClientTrigger trigger);

    ClientConfig config_;
    proto::LineReader reader_;
    BodyReader body_;
    ClientState state_ = ClientState::Idle;
    bool started_ = false;
    bool finishing_ = false;
    bool lastRequestWritten_ = false;  // one with close: nothing may follow it
    proto::Fifo<ClientRequest> queued_;
    proto::Fifo<Outstanding> outstanding_;
    // The response being read.
    std::optional<client::ResponseReceived> response_;
    bool responseCloses_ = false;
    std::size_t headerOctets_ = 0;
    std::chrono::nanoseconds lastActivity_{};
    std::string outgoing_;
    proto::Fifo<client::ClientEvent> events_;
};

}  // namespace netstage::http
