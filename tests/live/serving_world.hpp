#pragma once
// A scenario served on loopback for a test: every server port on a port the
// system chooses, the live world polled on a thread of its own, and a client
// socket that reads and writes lines with a deadline, as telnet would.

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "live/live_server.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/scenario/session_recording.hpp"
#include "simulator/trace/fingerprint_sink.hpp"
#include "simulator/trace/recorder.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::test_support {

class ServingWorld {
public:
    explicit ServingWorld(const std::string& scenarioName, Speed speed = Speed::unlimited(),
                          std::optional<std::string> from = std::nullopt);
    explicit ServingWorld(scenario::ScenarioSpec spec, Speed speed = Speed::unlimited(),
                          std::optional<std::string> from = std::nullopt);
    ~ServingWorld();

    // The local port serving `host`'s simulated `port`.
    std::uint16_t port(const std::string& host, std::uint16_t serverPort) const;
    // Stops serving (joins the thread, finishes the trace); records may be read afterwards.
    void stop();

    const scenario::ScenarioSpec& spec() const { return spec_; }
    const trace::Recorder& recorder() const { return recorder_; }
    // The session written down as a scenario's bridge section.
    const scenario::SessionRecording& recording() const { return *recording_; }
    std::string fingerprint() const { return fingerprint_.hex(); }
    std::size_t clientCount() const { return clients_.load(); }
    live::LiveServer& server() { return *server_; }

private:
    scenario::ScenarioSpec spec_;
    trace::Tracer tracer_;
    trace::Recorder recorder_;
    trace::FingerprintSink fingerprint_;
    std::unique_ptr<scenario::SessionRecording> recording_;
    std::unique_ptr<live::LiveServer> server_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> clients_{0};
    std::thread loop_;
    bool stopped_ = false;
};

// A blocking TCP client on 127.0.0.1 with a deadline on every read.
class LineClient {
public:
    explicit LineClient(std::uint16_t port);
    ~LineClient();
    LineClient(const LineClient&) = delete;
    LineClient& operator=(const LineClient&) = delete;

    bool connected() const { return fd_ >= 0; }
    void send(std::string_view bytes);
    // One line without its CRLF; nullopt at end of stream or after the deadline.
    std::optional<std::string> line(std::chrono::milliseconds limit = std::chrono::seconds{10});
    // An SMTP reply: lines until one whose fourth character is a space.
    std::vector<std::string> smtpReply(std::chrono::milliseconds limit = std::chrono::seconds{10});
    // Everything until the server closes (or the deadline).
    std::string rest(std::chrono::milliseconds limit = std::chrono::seconds{10});
    void shutdownSending();
    void close();

private:
    int fd_ = -1;
    std::string buffered_;
};

// How many file descriptors this process has open now.
std::size_t openDescriptors();

}  // namespace netstage::test_support
