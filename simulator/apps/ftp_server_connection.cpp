#include "simulator/apps/ftp_server_connection.hpp"

#include <stdexcept>

#include "simulator/apps/engine_wiring.hpp"
#include "simulator/apps/ftp_server_app.hpp"
#include "simulator/apps/ftp_text.hpp"
#include "simulator/apps/mail_clock.hpp"

namespace netstage::apps {

FtpServerConnection::FtpServerConnection(FtpServerApp& app, std::shared_ptr<tcp::TcpConnection> control)
    : app_{app},
      control_{std::move(control)},
      session_{app.sessionConfig()},
      conversation_{app.host().simulator(), app.host().node().network().tracer(), app.host().node().name(), "ftp",
                    clientFirstName(*control_),
                    app.nameOf(control_->remote().address), app.host().node().name(), "control"},
      clientName_{app.nameOf(control_->remote().address)},
      timer_{app.host().simulator(), [this] {
                 session_.handleTimeout(engineTime(app_.host().simulator().now()));
                 pump();
             }} {}

void FtpServerConnection::letGo() {
    control_->setCallbacks({});
    closing_ = true;
    timer_.stop();
    self_.reset();
}

void FtpServerConnection::start() {
    self_ = shared_from_this();
    tcp::TcpCallbacks callbacks;
    callbacks.onData = [this](std::span<const std::uint8_t> bytes) {
        session_.receive(asText(bytes),
                         engineTime(app_.host().simulator().now()));
        pump();
    };
    callbacks.onSendSpace = [this] {
        if (controlOutput_.flush(*control_) && controlCloseWanted_) closeControlWhenSent();
    };
    callbacks.onPeerClosed = [this] {
        session_.receiveEof();
        pump();
        closeControlWhenSent();
    };
    callbacks.onClosed = [this] {
        closing_ = true;  // no timer may outlive this object
        controlCloseCalled_ = true;
        controlOutput_.clear();
        timer_.stop();
        session_.receiveEof();
        pump();
        conversation_.close();
        auto keepAliveUntilReturn = std::move(self_);
    };
    control_->setCallbacks(std::move(callbacks));
    conversation_.open();
    session_.start(engineTime(app_.host().simulator().now()));
    pump();
}

void FtpServerConnection::pump() {
    for (;;) {
        ftp::ServerEvent event = session_.nextEvent();
        if (std::holds_alternative<ftp::NeedData>(event)) break;
        handle(event);
    }
    const auto deadline = session_.nextTimeout();
    timer_.set(deadline && !closing_ ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt);
}

void FtpServerConnection::handle(ftp::ServerEvent& event) {
    if (const auto* command = std::get_if<ftp::CommandReceived>(&event)) {
        conversation_.clientLine(command->rawLine);
    } else if (const auto* reply = std::get_if<ftp::ReplySent>(&event)) {
        for (const auto& line : splitCrlfLines(reply->bytes)) conversation_.serverLine(line);
        if (!controlCloseWanted_ && !controlCloseCalled_) controlOutput_.write(*control_, reply->bytes);
    } else if (const auto* listenRequest = std::get_if<ftp::ListenRequested>(&event)) {
        listen(listenRequest->port);
    } else if (const auto* connectRequest = std::get_if<ftp::ConnectRequested>(&event)) {
        connect(connectRequest->address, connectRequest->port);
    } else if (auto* data = std::get_if<ftp::DataToSend>(&event)) {
        if (!data_) return;
        if (data_->trace && (data_->verb == "LIST" || data_->verb == "NLST")) {
            for (const auto& line : splitCrlfLines(data->view())) data_->trace->serverLine(line);
        }
        data_->send(std::move(data->bytes), data->offset);
    } else if (std::holds_alternative<ftp::CloseData>(event)) {
        closeData();
    } else if (const auto* started = std::get_if<ftp::TransferStarted>(&event)) {
        if (data_) {
            data_->verb = started->verb;
            data_->file = started->file;
            if (data_->trace && started->verb == "RETR") data_->trace->serverLine(octetSummary(started->bytes, started->file));
        }
        traceEvent("transfer-start", {{"verb", started->verb}, {"file", started->file},
                                      {"bytes", static_cast<std::int64_t>(started->bytes)}});
    } else if (const auto* completed = std::get_if<ftp::TransferCompleted>(&event)) {
        traceEvent("transfer-end", {{"verb", completed->verb}, {"file", completed->file},
                                    {"bytes", static_cast<std::int64_t>(completed->bytes)}});
    } else if (const auto* changed = std::get_if<ftp::FileChanged>(&event)) {
        trace::Fields fields{{"action", changed->action}, {"path", changed->path}};
        if (!changed->newPath.empty()) fields.emplace_back("new_path", changed->newPath);
        traceEvent("file-changed", std::move(fields));
    } else if (const auto* error = std::get_if<ftp::ProtocolError>(&event)) {
        traceEvent("protocol-error", {{"message", error->message}});
    } else if (std::holds_alternative<ftp::CloseRequested>(event)) {
        if (!closing_) {
            closing_ = true;
            closeControlWhenSent();
        }
    }
}

void FtpServerConnection::closeControlWhenSent() {
    controlCloseWanted_ = true;
    if (controlCloseCalled_ || !controlOutput_.empty()) return;
    controlCloseCalled_ = true;
    control_->close();
}

void FtpServerConnection::traceEvent(std::string type, trace::Fields fields) {
    trace::Tracer& tracer = app_.host().node().network().tracer();
    if (!tracer.wantsEvents()) return;
    fields.insert(fields.begin(), {"connection", conversation_.connection()});
    tracer.event(trace::Event{app_.host().simulator().now(), app_.host().node().name(), "ftp", std::move(type),
                              std::move(fields)});
}

// --- data connections ---

void FtpServerConnection::listen(std::uint16_t wanted) {
    stopListening();
    std::weak_ptr<FtpServerConnection> weak = weak_from_this();
    const bool ok = app_.host().tcp().listen(wanted, [weak, wanted](std::shared_ptr<tcp::TcpConnection> connection) {
        auto self = weak.lock();
        if (!self || self->listeningPort_ != wanted || self->data_ ||
            connection->remote().address != self->control_->remote().address) {
            // One connection per listener, and only from the client of this session.
            connection->abort();
            return;
        }
        self->stopListening();
        auto link = std::make_shared<FtpDataLink>();
        link->attach(connection);
        connection->setCallbacks(self->dataCallbacks(link));
        self->adopt(link);
        self->session_.dataConnectionOpened();
        self->pump();
    });
    if (!ok) {
        session_.passiveListenFailed();
        return;
    }
    listeningPort_ = wanted;
    session_.passiveListening(wanted);
}

void FtpServerConnection::connect(const std::string& address, std::uint16_t port) {
    const auto target = address.empty() ? std::optional<Ipv4Address>{control_->remote().address} : Ipv4Address::parse(address);
    if (!target) {
        session_.dataConnectionFailed();
        return;
    }
    auto link = std::make_shared<FtpDataLink>();
    try {
        link->attach(app_.host().tcp().connectFrom(app_.config().activeDataPort, Endpoint{*target, port},
                                                    dataCallbacks(link)));
    } catch (const std::runtime_error&) {
        session_.dataConnectionFailed();  // the 4-tuple is still in TIME-WAIT
        return;
    }
    data_ = link;
}

void FtpServerConnection::adopt(const std::shared_ptr<FtpDataLink>& link) {
    link->markEstablished();
    data_ = link;
    const tcp::TcpConnection& connection = *link->connection();
    link->trace = std::make_unique<ConversationTrace>(app_.host().simulator(), app_.host().node().network().tracer(),
                                                      app_.host().node().name(), "ftp", dataConnectionName(connection),
                                                      clientName_, app_.host().node().name(), "data");
    link->trace->open();
}

// The client's end first, as for every conversation: in both modes the client is the remote end.
std::string FtpServerConnection::dataConnectionName(const tcp::TcpConnection& connection) const {
    return connection.remote().toString() + "-" + connection.local().toString();
}

void FtpServerConnection::stopListening() {
    if (listeningPort_ == 0) return;
    app_.host().tcp().stopListening(listeningPort_);
    listeningPort_ = 0;
}

void FtpServerConnection::closeData() {
    stopListening();
    if (!data_) return;
    const std::shared_ptr<FtpDataLink> link = std::move(data_);
    if (!link->established()) {
        link->abort();
        return;
    }
    // A download ends when the client has read it all and closed its side.
    link->reportClose = session_.state() == ftp::ServerState::Sending;
    link->closeWhenSent();
    if (link->peerClosed()) finishDataTrace(*link);
}

tcp::TcpCallbacks FtpServerConnection::dataCallbacks(const std::shared_ptr<FtpDataLink>& link) {
    std::weak_ptr<FtpServerConnection> weak = weak_from_this();
    tcp::TcpCallbacks callbacks;
    callbacks.onConnected = [weak, link] {
        auto self = weak.lock();
        if (!self || self->data_ != link) return;
        self->adopt(link);
        self->session_.dataConnectionOpened();
        self->pump();
    };
    callbacks.onData = [weak, link](std::span<const std::uint8_t> bytes) {
        link->bytesReceived += bytes.size();
        auto self = weak.lock();
        if (!self || self->data_ != link) return;
        self->session_.dataReceived(asText(bytes));
        self->pump();
    };
    callbacks.onSendSpace = [link] { link->flush(); };
    callbacks.onPeerClosed = [weak, link] {
        link->markPeerClosed();
        if (auto self = weak.lock()) {
            self->onDataPeerClosed(link);
        } else {
            link->closeWhenSent();
        }
    };
    callbacks.onError = [weak, link](tcp::TcpError) {
        if (auto self = weak.lock()) self->onDataError(link);
    };
    callbacks.onClosed = [weak, link] {
        if (auto self = weak.lock()) self->finishDataTrace(*link);
        auto keepAliveUntilReturn = link->release();
    };
    return callbacks;
}

void FtpServerConnection::onDataPeerClosed(const std::shared_ptr<FtpDataLink>& link) {
    if (data_ == link) {
        if (link->trace && (link->verb == "STOR" || link->verb == "APPE")) {
            link->trace->clientLine(octetSummary(link->bytesReceived, link->file));
        }
        session_.dataEof(engineTime(app_.host().simulator().now()));
        if (data_ == link) data_.reset();  // an idle passive connection the client gave up
    } else if (link->reportClose) {
        link->reportClose = false;
        session_.dataConnectionClosed();
    }
    link->closeWhenSent();
    if (link->closeCalled()) finishDataTrace(*link);
    pump();
}

void FtpServerConnection::onDataError(const std::shared_ptr<FtpDataLink>& link) {
    finishDataTrace(*link);
    if (data_ == link) {
        data_.reset();
        session_.dataConnectionFailed();
    } else if (link->reportClose) {
        link->reportClose = false;
        session_.dataConnectionFailed();
    } else {
        return;
    }
    pump();
}

void FtpServerConnection::finishDataTrace(FtpDataLink& link) {
    if (!link.trace) return;
    link.trace->close();
    link.trace.reset();
}

}  // namespace netstage::apps
