#include "simulator/apps/ftp/ftp_server_connection.hpp"

#include "simulator/apps/ftp/ftp_server_app.hpp"
#include "simulator/apps/ftp/ftp_text.hpp"

namespace netstage::apps {

FtpServerConnection::FtpServerConnection(FtpServerApp& app, std::shared_ptr<tcp::TcpConnection> control)
    : ServerConnectionFor{app.host(), control, "ftp", app.nameOf(control->remote().address), app.sessionConfig()},
      app_{app},
      client_{control->remote().address},
      data_{app.host(), *this, app.nameOf(control->remote().address)} {
    conversation().setRole("control");
}

void FtpServerConnection::onEvent(ftp::ServerEvent& event) {
    if (const auto* command = std::get_if<ftp::CommandReceived>(&event)) {
        conversation().clientLine(command->rawLine);
    } else if (std::holds_alternative<ftp::ReplySent>(event)) {
        // This reply goes out now, before whatever the next event does on a data connection.
        std::string bytes = engine().takeOutput();
        for (const auto& line : splitCrlfLines(bytes)) conversation().serverLine(line);
        write(std::move(bytes));
    } else if (const auto* listenRequest = std::get_if<ftp::ListenRequested>(&event)) {
        listen(listenRequest->port);
    } else if (const auto* connectRequest = std::get_if<ftp::ConnectRequested>(&event)) {
        connect(connectRequest->address, connectRequest->port);
    } else if (auto* data = std::get_if<ftp::DataToSend>(&event)) {
        data_.send(std::move(data->bytes), data->offset, data->length);
    } else if (const auto* close = std::get_if<ftp::CloseData>(&event)) {
        data_.close(engine().state() == ftp::ServerState::Sending, close->aborted);
    } else if (const auto* started = std::get_if<ftp::TransferStarted>(&event)) {
        data_.transferStarted(started->verb, started->file, started->bytes);
        traceEvent("transfer-start", {{"verb", started->verb}, {"file", started->file},
                                      {"bytes", static_cast<std::int64_t>(started->bytes)}});
        // The first window of a download; the rest follows as TCP takes it (dataWritable).
        engine().dataWritable(data_.room());
    } else if (const auto* completed = std::get_if<ftp::TransferCompleted>(&event)) {
        traceEvent("transfer-end", {{"verb", completed->verb}, {"file", completed->file},
                                    {"bytes", static_cast<std::int64_t>(completed->bytes)}});
    } else if (const auto* changed = std::get_if<ftp::FileChanged>(&event)) {
        trace::Fields fields{{"action", changed->action}, {"path", changed->path}};
        if (!changed->newPath.empty()) fields.emplace_back("new_path", changed->newPath);
        traceEvent("file-changed", std::move(fields));
    } else if (const auto* error = std::get_if<ftp::ProtocolError>(&event)) {
        traceEvent("protocol-error", {{"message", error->message}});
    }
    // CloseRequested: the engine is closed(), and ServerConnection closes the control connection.
}

void FtpServerConnection::engineClosed() {
    engine().receiveEof(now());
    pump();
}

void FtpServerConnection::traceEvent(std::string type, trace::Fields fields) {
    trace::Tracer& tracer = host().node().network().tracer();
    if (!tracer.wantsEvents()) return;
    fields.insert(fields.begin(), {"connection", conversation().connection()});
    tracer.event(trace::Event{host().simulator().now(), host().node().name(), "ftp", std::move(type),
                              std::move(fields)});
}

void FtpServerConnection::listen(std::uint16_t port) {
    if (data_.listen(port, client_)) {
        engine().passiveListening(port);
    } else {
        engine().passiveListenFailed();
    }
}

void FtpServerConnection::connect(const std::string& address, std::uint16_t port) {
    const auto target = address.empty() ? std::optional<Ipv4Address>{client_} : Ipv4Address::parse(address);
    // A refused 4-tuple is one still in TIME-WAIT.
    if (!target || !data_.connect(Endpoint{*target, port}, app_.config().activeDataPort)) engine().dataConnectionFailed();
}

void FtpServerConnection::dataOpened() {
    engine().dataConnectionOpened();
    pump();
}

void FtpServerConnection::dataReceived(std::string_view bytes) {
    engine().dataReceived(bytes);
    pump();
}

void FtpServerConnection::dataEof() {
    engine().dataEof(now());
    pump();
}

void FtpServerConnection::dataClosed() {
    engine().dataConnectionClosed();
    pump();
}

void FtpServerConnection::dataWritable() {
    engine().dataWritable(data_.room());
    pump();
}

void FtpServerConnection::dataFailed() {
    engine().dataConnectionFailed();
    pump();
}

}  // namespace netstage::apps
