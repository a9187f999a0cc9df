#include "simulator/apps/ftp/ftp_data_link.hpp"

#include <stdexcept>

#include "simulator/apps/engine_wiring.hpp"
#include "simulator/apps/ftp/ftp_text.hpp"

namespace netstage::apps {

// One TCP data connection: the bytes still waiting for send-buffer space and
// whether it should close once they are out. The TCP callbacks hold it, so it
// lives until TCP is done, after the session moved on or went away.
struct FtpDataLink::Connection {
    std::shared_ptr<tcp::TcpConnection> tcp;
    SendQueue pending;
    bool established = false;
    bool closeWanted = false;
    bool closeCalled = false;
    bool peerClosed = false;
    // A download whose end the engine waits for (Owner::dataClosed()).
    bool reportClose = false;

    std::unique_ptr<ConversationTrace> trace;  // the server's record of it
    std::uint64_t bytesReceived = 0;
    std::string verb;  // RETR, STOR, LIST, ... once the transfer started
    std::string file;

    void send(std::shared_ptr<const std::string> bytes, std::size_t offset, std::size_t length) {
        if (!tcp) return;
        pending.write(*tcp, std::move(bytes), offset, length);
        flush();
    }
    // Closes once every queued byte is handed to TCP.
    void closeWhenSent() {
        closeWanted = true;
        flush();
    }
    // Also from onSendSpace.
    void flush() {
        if (!tcp) return;
        if (!pending.flush(*tcp)) return;  // onSendSpace resumes
        if (closeWanted && !closeCalled) {
            closeCalled = true;
            tcp->close();
        }
    }
    void abort() {
        closeCalled = true;
        pending.clear();
        if (tcp) tcp->abort();
    }
    void finishTrace() {
        if (!trace) return;
        trace->close();
        trace.reset();
    }
};

FtpDataLink::FtpDataLink(HostStack& host, Owner& owner, std::optional<std::string> recordAs)
    : host_{host}, owner_{owner}, recordAs_{std::move(recordAs)}, alive_{std::make_shared<FtpDataLink*>(this)} {}

FtpDataLink::~FtpDataLink() = default;

bool FtpDataLink::listen(std::uint16_t port, Ipv4Address peer) {
    stopListening();
    std::weak_ptr<FtpDataLink*> weak = alive_;
    const bool ok = host_.tcp().listen(port, [weak, port, peer](std::shared_ptr<tcp::TcpConnection> connection) {
        const auto alive = weak.lock();
        FtpDataLink* self = alive ? *alive : nullptr;
        if (!self || self->listeningPort_ != port || self->current_ || connection->remote().address != peer) {
            // One connection per listener, and only from the other end of this session.
            connection->abort();
            return;
        }
        self->stopListening();
        auto link = std::make_shared<Connection>();
        link->tcp = connection;
        connection->setCallbacks(self->callbacks(link));
        self->adopt(link);
        self->owner_.dataOpened();
    });
    if (ok) listeningPort_ = port;
    return ok;
}

bool FtpDataLink::connect(Endpoint target, std::optional<std::uint16_t> localPort) {
    auto link = std::make_shared<Connection>();
    try {
        link->tcp = localPort ? host_.tcp().connectFrom(*localPort, target, callbacks(link))
                              : host_.tcp().connect(target, callbacks(link));
    } catch (const std::runtime_error&) {
        return false;
    }
    current_ = link;
    return true;
}

void FtpDataLink::send(std::shared_ptr<const std::string> bytes, std::size_t offset, std::size_t length) {
    if (!current_) return;
    const bool listing = current_->verb == "LIST" || current_->verb == "NLST" || current_->verb == "MLSD";
    if (bytes && current_->trace && listing) {
        for (const auto& line : splitCrlfLines(std::string_view{*bytes}.substr(offset, length))) {
            current_->trace->serverLine(line);
        }
    }
    current_->send(std::move(bytes), offset, length);
}

std::size_t FtpDataLink::room() const {
    if (!current_ || !current_->tcp || !current_->established || current_->closeWanted) return 0;
    return current_->tcp->sendBufferFree() + kWindow;
}

void FtpDataLink::transferStarted(const std::string& verb, const std::string& file, std::uint64_t bytes) {
    if (!current_) return;
    current_->verb = verb;
    current_->file = file;
    if (current_->trace && verb == "RETR") current_->trace->serverLine(octetSummary(bytes, file));
}

void FtpDataLink::close(bool reportClose, bool aborted) {
    stopListening();
    if (!current_) return;
    const std::shared_ptr<Connection> link = std::move(current_);
    if (aborted) link->pending.clear();
    if (!link->established) {
        link->abort();
        return;
    }
    // A download ends when the client has read it all and closed its side.
    link->reportClose = reportClose;
    link->closeWhenSent();
    if (link->peerClosed) link->finishTrace();
}

void FtpDataLink::stopListening() {
    if (listeningPort_ == 0) return;
    host_.tcp().stopListening(listeningPort_);
    listeningPort_ = 0;
}

void FtpDataLink::adopt(const std::shared_ptr<Connection>& link) {
    link->established = true;
    current_ = link;
    if (!recordAs_) return;
    // The FTP client's end first, as for every conversation: in both modes it is the remote end,
    // even when this server opened the connection (active mode).
    const std::string name = clientFirstName(*link->tcp);
    link->trace = std::make_unique<ConversationTrace>(host_.simulator(), host_.node().network().tracer(),
                                                      host_.node().name(), "ftp", name, *recordAs_,
                                                      host_.node().name(), "data");
    link->trace->open();
}

tcp::TcpCallbacks FtpDataLink::callbacks(const std::shared_ptr<Connection>& link) {
    std::weak_ptr<FtpDataLink*> weak = alive_;
    tcp::TcpCallbacks callbacks;
    callbacks.onConnected = [weak, link] {
        const auto alive = weak.lock();
        if (!alive || (*alive)->current_ != link) return;
        (*alive)->adopt(link);
        (*alive)->owner_.dataOpened();
    };
    callbacks.onData = [weak, link](std::span<const std::uint8_t> bytes) {
        link->bytesReceived += bytes.size();
        const auto alive = weak.lock();
        if (!alive || (*alive)->current_ != link) return;
        (*alive)->owner_.dataReceived(asText(bytes));
    };
    callbacks.onSendSpace = [weak, link] {
        link->flush();
        if (const auto alive = weak.lock()) (*alive)->onSendSpace(link);
    };
    callbacks.onPeerClosed = [weak, link] {
        link->peerClosed = true;
        if (const auto alive = weak.lock()) {
            (*alive)->onPeerClosed(link);
        } else {
            link->closeWhenSent();
        }
    };
    callbacks.onError = [weak, link](tcp::TcpError) {
        if (const auto alive = weak.lock()) (*alive)->onError(link);
    };
    callbacks.onClosed = [weak, link] {
        if (weak.lock()) link->finishTrace();
        auto keepAliveUntilReturn = std::move(link->tcp);
    };
    return callbacks;
}

// The engine hears of it after the connection has closed its side too, as a
// download's close (226) or an upload's end comes after the FIN went out.
void FtpDataLink::onPeerClosed(const std::shared_ptr<Connection>& link) {
    bool eof = false;
    bool closed = false;
    if (current_ == link) {
        if (link->trace && (link->verb == "STOR" || link->verb == "APPE")) {
            link->trace->clientLine(octetSummary(link->bytesReceived, link->file));
        }
        current_.reset();  // an upload's end, or an idle connection the peer gave up
        eof = true;
    } else if (link->reportClose) {
        link->reportClose = false;
        closed = true;
    }
    link->closeWhenSent();
    if (link->closeCalled) link->finishTrace();
    if (eof) owner_.dataEof();
    if (closed) owner_.dataClosed();
}

void FtpDataLink::onSendSpace(const std::shared_ptr<Connection>& link) {
    if (current_ != link || !link->pending.empty() || room() == 0) return;
    owner_.dataWritable();
}

void FtpDataLink::onError(const std::shared_ptr<Connection>& link) {
    link->finishTrace();
    if (current_ == link) {
        current_.reset();
    } else if (link->reportClose) {
        link->reportClose = false;
    } else {
        return;
    }
    owner_.dataFailed();
}

}  // namespace netstage::apps
