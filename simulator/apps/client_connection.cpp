#include "simulator/apps/client_connection.hpp"

#include "simulator/apps/engine_wiring.hpp"

namespace netstage::apps {

ClientConnection::ClientConnection(HostStack& host)
    : host_{host}, timer_{host.simulator(), [this] {
                             engineTimeout();
                             pump();
                         }} {}

ClientConnection::~ClientConnection() = default;

void ClientConnection::letGo() {
    if (connection_) connection_->setCallbacks({});
    timer_.stop();
    self_.reset();
}

void ClientConnection::connect(Endpoint server, std::shared_ptr<ClientConnection> self) {
    self_ = std::move(self);
    connection_ = host_.tcp().connect(server, callbacks());
}

void ClientConnection::adopt(std::shared_ptr<tcp::TcpConnection> accepted, std::shared_ptr<ClientConnection> self) {
    self_ = std::move(self);
    connection_ = std::move(accepted);
    connection_->setCallbacks(callbacks());
    reached_ = true;
    engineStart();
    pump();
}

tcp::TcpCallbacks ClientConnection::callbacks() {
    tcp::TcpCallbacks callbacks;
    callbacks.onConnected = [this] {
        reached_ = true;
        engineStart();
        pump();
    };
    callbacks.onData = [this](std::span<const std::uint8_t> bytes) {
        engineReceive(asText(bytes));
        pump();
    };
    callbacks.onSendSpace = [this] { onSendSpace(); };
    callbacks.onPeerClosed = [this] {
        engineEof();
        pump();
        closeWhenSent();
    };
    callbacks.onError = [this](tcp::TcpError error) {
        engineEof();
        pump();
        finish(false, reached_ ? std::string{"TCP "} + std::string{tcp::toString(error)} : connectFailure(error));
    };
    // The object lives until TCP is done with it, whatever happened before.
    callbacks.onClosed = [this] {
        output_.clear();
        finish(false, closedOutcome());
        auto keepAliveUntilReturn = std::move(self_);
    };
    return callbacks;
}

std::string ClientConnection::connectFailure(tcp::TcpError error) const {
    if (error == tcp::TcpError::Refused) return "refused (the server host answered the SYN with a reset)";
    if (error == tcp::TcpError::TimedOut && connection_) {
        const std::uint64_t syns = 1 + connection_->stats().retransmissions;
        return "no answer after " + std::to_string(syns) + (syns == 1 ? " SYN" : " SYNs");
    }
    return std::string{"TCP "} + std::string{tcp::toString(error)};
}

void ClientConnection::pump() {
    const bool closeWanted = engineEvents();
    std::string output = engineOutput();
    if (!output.empty() && connection_ && !closeWanted_) output_.write(*connection_, std::move(output));
    if (closeWanted) closeWhenSent();
    const auto deadline = engineDeadline();
    timer_.set(deadline && !finished_ ? deadline : std::nullopt);
}

void ClientConnection::closeWhenSent() {
    closeWanted_ = true;
    if (!connection_ || closeCalled_ || !output_.empty()) return;
    closeCalled_ = true;
    connection_->close();
}

void ClientConnection::onSendSpace() {
    if (!connection_) return;
    if (output_.flush(*connection_) && closeWanted_) closeWhenSent();
}

void ClientConnection::finish(bool ok, const std::string& outcome) {
    if (finished_) return;
    finished_ = true;
    timer_.stop();
    finished(ok, outcome);
}

void ClientConnection::pauseReading() {
    if (connection_) connection_->pauseReading();
}

void ClientConnection::resumeReading() {
    if (connection_) connection_->resumeReading();
}

}  // namespace netstage::apps
