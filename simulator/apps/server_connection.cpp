#include "simulator/apps/server_connection.hpp"

#include "simulator/apps/engine_wiring.hpp"

namespace netstage::apps {

ServerConnection::ServerConnection(HostStack& host, std::shared_ptr<tcp::TcpConnection> connection,
                                   const std::string& protocol, const std::string& client)
    : host_{host},
      connection_{std::move(connection)},
      conversation_{host.simulator(), host.node().network().tracer(), host.node().name(), protocol,
                    clientFirstName(*connection_), client, host.node().name()},
      timer_{host.simulator(), [this] {
                 engineTimeout();
                 pump();
             }} {}

ServerConnection::~ServerConnection() = default;

void ServerConnection::start() {
    self_ = shared_from_this();
    tcp::TcpCallbacks callbacks;
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
    // The object lives until TCP is done with it, whatever happened before.
    callbacks.onClosed = [this] {
        timer_.stop();
        closing_ = true;  // no timer may outlive this object
        closeCalled_ = true;
        output_.clear();
        engineClosed();
        conversation_.close();
        auto keepAliveUntilReturn = std::move(self_);
    };
    connection_->setCallbacks(std::move(callbacks));
    conversation_.open();
    engineStart();
    pump();
}

void ServerConnection::letGo() {
    connection_->setCallbacks({});
    timer_.stop();
    self_.reset();
}

void ServerConnection::pump() {
    const bool closeWanted = engineEvents();
    write(engineOutput());
    if (closeWanted && !closing_) {
        closing_ = true;
        closeWhenSent();
    }
    const auto deadline = engineDeadline();
    timer_.set(deadline && !closing_ ? deadline : std::nullopt);
}

void ServerConnection::write(std::string bytes) {
    if (!bytes.empty() && !closing_ && !closeWanted_) output_.write(*connection_, std::move(bytes));
}

void ServerConnection::closeWhenSent() {
    closeWanted_ = true;
    if (closeCalled_ || !output_.empty()) return;
    closeCalled_ = true;
    connection_->close();
}

void ServerConnection::onSendSpace() {
    if (output_.flush(*connection_) && closeWanted_) closeWhenSent();
}

}  // namespace netstage::apps
