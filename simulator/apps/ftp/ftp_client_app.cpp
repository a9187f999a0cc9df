#include "simulator/apps/ftp/ftp_client_app.hpp"

#include <stdexcept>

#include "simulator/apps/engine_wiring.hpp"
#include "simulator/apps/world_clock.hpp"

namespace netstage::apps {

namespace {

ftp::ClientConfig withHostAddress(ftp::ClientConfig config, Ipv4Address address) {
    const std::uint32_t a = address.value();
    config.activeAddress = {static_cast<std::uint8_t>(a >> 24), static_cast<std::uint8_t>(a >> 16),
                            static_cast<std::uint8_t>(a >> 8), static_cast<std::uint8_t>(a)};
    config.activePort = 0;
    return config;
}

}  // namespace

FtpClientApp::FtpClientApp(HostStack& host, FtpClientAppConfig config)
    : host_{host},
      config_{std::move(config)},
      session_{withHostAddress(config_.session, host.node().primaryAddress())},
      nextActivePort_{config_.firstActivePort},
      data_{host, *this} {}

FtpClientApp::~FtpClientApp() { host_.simulator().cancel(resume_); }

void FtpClientApp::schedule() {
    const Time at = config_.stepTimes.empty() ? host_.simulator().now() : config_.stepTimes.front();
    host_.simulator().scheduleAt(std::max(at, host_.simulator().now()), [this] { start(); });
}

void FtpClientApp::start() {
    if (control_) throw std::logic_error{"FtpClientApp::start called twice"};
    tcp::TcpCallbacks callbacks;
    callbacks.onConnected = [this] {
        session_.start(engineTime(now()));
        pump();
    };
    callbacks.onData = [this](std::span<const std::uint8_t> bytes) {
        session_.receive(asText(bytes), engineTime(now()));
        pump();
    };
    callbacks.onSendSpace = [this] {
        if (controlOutput_.flush(*control_) && controlCloseWanted_) closeControlWhenSent();
    };
    callbacks.onPeerClosed = [this] {
        session_.receiveEof(engineTime(now()));
        pump();
        closeControlWhenSent();
    };
    callbacks.onError = [this](tcp::TcpError error) {
        traceEvent("control-failed", {{"reason", std::string{tcp::toString(error)}}});
        const tcp::TcpConnectionStats& stats = control_->stats();
        controlFailure_ = error == tcp::TcpError::TimedOut && stats.segmentsReceived == 0
                              ? "no answer after " + std::to_string(1 + stats.retransmissions) + " SYNs"
                              : std::string{tcp::toString(error)};
        session_.receiveEof(engineTime(now()));
        pump();
    };
    control_ = host_.tcp().connect(config_.server, std::move(callbacks));
}

void FtpClientApp::pump() {
    while (!held_) {
        ftp::ClientEvent event = session_.nextEvent();
        if (std::holds_alternative<ftp::NeedData>(event)) return;
        handle(event);
    }
}

void FtpClientApp::handle(ftp::ClientEvent& event) {
    if (std::holds_alternative<ftp::CommandSent>(event)) {
        std::string bytes = session_.takeOutput();
        if (!controlCloseWanted_) controlOutput_.write(*control_, std::move(bytes));
    } else if (const auto* listenRequest = std::get_if<ftp::ListenRequested>(&event)) {
        listen(listenRequest->port);
    } else if (const auto* connectRequest = std::get_if<ftp::ConnectRequested>(&event)) {
        connect(connectRequest->address, connectRequest->port);
    } else if (auto* data = std::get_if<ftp::DataToSend>(&event)) {
        sentThisStep_ += data->view().size();
        data_.send(std::move(data->bytes), data->offset, data->length);
    } else if (const auto* close = std::get_if<ftp::CloseData>(&event)) {
        data_.close(false, close->aborted);
    } else if (auto* step = std::get_if<ftp::StepFinished>(&event)) {
        onStepFinished(*step);
    } else if (std::holds_alternative<ftp::ScriptFinished>(event)) {
        finished_ = true;
    } else if (const auto* error = std::get_if<ftp::ProtocolError>(&event)) {
        traceEvent("protocol-error", {{"message", error->message}});
    } else if (std::holds_alternative<ftp::CloseRequested>(event)) {
        // Handled in order, not through closed(): a close after a held step waits with it.
        if (control_) closeControlWhenSent();
    }
}

void FtpClientApp::closeControlWhenSent() {
    controlCloseWanted_ = true;
    if (controlCloseCalled_ || !controlOutput_.empty()) return;
    controlCloseCalled_ = true;
    control_->close();
}

void FtpClientApp::onStepFinished(ftp::StepFinished& step) {
    Simulator& simulator = host_.simulator();
    const std::uint64_t count = step.kind == ftp::ClientStep::Kind::Put ? sentThisStep_ : step.data.size();
    const auto bytes = static_cast<std::int64_t>(count);
    sentThisStep_ = 0;
    results_.push_back({step.kind, step.argument, step.ok, step.code, std::move(step.data), simulator.now(), count});
    traceEvent("step", {{"step", std::string{ftp::toString(step.kind)}},
                        {"argument", step.argument},
                        {"outcome", std::string{step.ok ? "ok" : "failed"}},
                        {"code", static_cast<std::int64_t>(step.code)},
                        {"bytes", bytes}});
    const std::size_t next = results_.size();
    if (next < config_.stepTimes.size() && config_.stepTimes[next] > simulator.now()) {
        held_ = true;
        resume_ = simulator.scheduleAt(config_.stepTimes[next], [this] {
            held_ = false;
            pump();
        });
    }
}

void FtpClientApp::traceEvent(std::string type, trace::Fields fields) {
    trace::Tracer& tracer = host_.node().network().tracer();
    if (!tracer.wantsEvents()) return;
    fields.insert(fields.begin(), {"client", config_.label});
    tracer.event(trace::Event{host_.simulator().now(), host_.node().name(), "ftp", std::move(type), std::move(fields)});
}

// --- data connections ---

void FtpClientApp::listen(std::uint16_t wanted) {
    data_.stopListening();
    std::uint16_t port = wanted;
    // A new port for every PORT: the server's connection from port 20 to the
    // previous one may still be in TIME-WAIT.
    for (int tried = 0; port == 0 && tried < 1000; ++tried) {
        const std::uint16_t candidate = nextActivePort_;
        nextActivePort_ = nextActivePort_ == 65535 ? config_.firstActivePort : static_cast<std::uint16_t>(nextActivePort_ + 1);
        if (!host_.tcp().isListening(candidate)) port = candidate;
    }
    if (port != 0 && data_.listen(port, config_.server.address)) {
        session_.dataListening(port);
    } else {
        session_.dataListenFailed();
    }
}

void FtpClientApp::connect(const std::string& address, std::uint16_t port) {
    const auto target = address.empty() ? std::optional<Ipv4Address>{config_.server.address} : Ipv4Address::parse(address);
    if (!target || !data_.connect(Endpoint{*target, port})) session_.dataConnectionFailed();
}

void FtpClientApp::dataOpened() {
    session_.dataConnectionOpened();
    pump();
}

void FtpClientApp::dataReceived(std::string_view bytes) {
    session_.dataReceived(bytes);
    pump();
}

void FtpClientApp::dataEof() {
    session_.dataEof();
    pump();
}

void FtpClientApp::dataFailed() {
    session_.dataConnectionFailed();
    pump();
}

}  // namespace netstage::apps
