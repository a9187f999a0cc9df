// ServerSession: the data connection (PORT/EPRT/PASV/EPSV) and the transfer
// commands that use it.

#include <algorithm>

#include "protocols/ftp/server_session.hpp"
#include "protocols/ftp/transfer_format.hpp"

namespace netstage::ftp {

void ServerSession::handlePort(std::string_view argument) {
    const auto target = parseHostPort(proto::trimSpaces(argument));
    if (!target || target->port == 0) return reply(501, "Illegal PORT command");
    closeData();
    dataMode_ = DataMode::Active;
    activeTarget_ = *target;
    reply(200, "PORT command successful");
}

void ServerSession::handleEprt(std::string_view argument) {
    bool otherFamily = false;
    const auto target = parseEprt(proto::trimSpaces(argument), &otherFamily);
    if (otherFamily) return reply(522, "Network protocol not supported, use (1)");
    if (!target) return reply(501, "Illegal EPRT command");
    closeData();
    dataMode_ = DataMode::Active;
    activeTarget_ = *target;
    reply(200, "EPRT command successful");
}

void ServerSession::handlePassive(bool extended, std::string_view argument) {
    const std::string option = proto::asciiUpper(proto::trimSpaces(argument));
    if (extended && option == "ALL") return reply(200, "EPSV ALL ok");
    if (extended && !option.empty() && option != "1") {
        if (option == "2") return reply(522, "Network protocol not supported, use (1)");
        return reply(501, "Illegal EPSV argument");
    }
    if (config_.passivePorts == nullptr) return reply(502, "Passive mode not available");
    closeData();
    extendedPassivePending_ = extended;
    advance("PASV/EPSV");
    events_.emplace_back(ListenRequested{config_.passivePorts->nextPort()});
}

void ServerSession::passiveListening(std::uint16_t port) {
    // The control connection may have closed while the host was opening the listener.
    if (state_ == ServerState::Closed) return;
    if (state_ != ServerState::AwaitingListener) throw std::logic_error("ftp: passiveListening without ListenRequested");
    dataMode_ = DataMode::Passive;
    passivePort_ = port;
    advance("host listening (227/229)");
    const HostPort here{config_.passiveAddress, port};
    events_.emplace_back(DataConnection{DataChange::Listen, DataRole::Passive, here.addressText(), port});
    if (extendedPassivePending_) {
        reply(229, "Entering Extended Passive Mode (|||" + std::to_string(port) + "|)");
    } else {
        reply(227, "Entering Passive Mode (" + formatHostPort(here) + ")");
    }
    pump();
}

void ServerSession::passiveListenFailed() {
    if (state_ == ServerState::Closed) return;
    if (state_ != ServerState::AwaitingListener) throw std::logic_error("ftp: passiveListenFailed without ListenRequested");
    advance("host cannot listen (425)");
    reply(425, config_.texts.cantOpenData);
    pump();
}

void ServerSession::handleTransfer(TransferKind kind, const Command& command) {
    Transfer t;
    t.kind = kind;
    t.verb = command.verb;
    t.ascii = asciiType_;
    t.restartAt = restartAt_;
    restartAt_ = 0;
    std::string_view argument = command.argument;
    const bool outgoing = kind == TransferKind::Retr || kind == TransferKind::List || kind == TransferKind::Nlst ||
                          kind == TransferKind::Mlsd;

    if (kind == TransferKind::List || kind == TransferKind::Nlst) {
        const auto path = resolve(withoutLsOptions(argument));
        if (!path.ok()) return replyFsError(path.error, 550);
        const auto listing = files_->list(path.text());
        if (!listing.ok()) return reply(550, "No such file or directory");
        t.path = path.text();
        t.outgoing = vfs::FileContents{kind == TransferKind::List ? formatLongListing(listing.entries, unixNow())
                                                                   : formatNameListing(listing.entries)};
    } else if (kind == TransferKind::Mlsd) {
        // RFC 3659 §7.1: MLSD lists a directory; a file is 501.
        const auto path = resolve(argument);
        if (!path.ok()) return replyFsError(path.error, 550);
        const auto directory = files_->stat(path.text());
        if (!directory) return reply(550, "No such file or directory");
        if (!directory->isDirectory) return reply(501, "Not a directory; use MLST for a file");
        t.path = path.text();
        t.outgoing = vfs::FileContents{formatMlsdListing(*directory, files_->list(t.path).entries, mlsxFacts_)};
    } else {
        if (argument.empty()) return reply(501, command.verb + " needs a file name");
        const auto path = resolve(argument);
        t.path = path.text();
        if (kind == TransferKind::Retr) {
            if (!path.ok()) return replyFsError(path.error, 550);
            auto file = files_->openFile(t.path);
            if (!file.ok()) return replyFsError(file.error, 550);
            // TYPE I sends the file system's own octets; TYPE A needs its own converted copy.
            t.outgoing = t.ascii ? vfs::FileContents{toNetworkAscii(file.contents.text())} : std::move(file.contents);
            if (t.restartAt > t.outgoing.size()) return reply(554, "Restart position beyond the end of the file");
            t.sendOffset = t.restartAt;
        } else {
            if (!path.ok() || path.isRoot()) return reply(553, "File name not allowed");
            if (!files_->isDirectory(path.parent().text())) return reply(553, "Could not create file: no such directory");
            if (files_->isDirectory(t.path)) return reply(553, "Could not create file: is a directory");
        }
    }

    if (dataFailed_) {
        resetDataChannel();
        return reply(425, config_.texts.cantOpenData);
    }
    if (dataMode_ == DataMode::None) return reply(425, "Use PORT or PASV first");
    transfer_ = std::move(t);
    if (dataMode_ == DataMode::Passive && dataOpen_) {
        reply(125, config_.texts.dataAlreadyOpen);
        advance(outgoing ? "RETR/LIST/NLST, data connection open (125)" : "STOR/APPE, data connection open (125)");
        beginData();
        return;
    }
    reply(150, config_.texts.openingData);
    advance("transfer, no data connection yet (150)");
    if (dataMode_ == DataMode::Active) {
        const std::string address = activeTarget_.addressText();
        events_.emplace_back(DataConnection{DataChange::Connect, DataRole::Active, address, activeTarget_.port});
        events_.emplace_back(ConnectRequested{address, activeTarget_.port});
    }
}

void ServerSession::beginData() {
    Transfer& t = *transfer_;
    t.outgoingSize = t.outgoing.size() - t.sendOffset;
    events_.emplace_back(TransferStarted{t.path, t.verb, t.outgoingSize});
    // A listing goes out in one piece, as it was made; a file waits for dataWritable().
    if (state_ == ServerState::Sending && (t.kind != TransferKind::Retr || t.outgoingSize == 0)) {
        dataWritable(std::string_view::npos);
    }
}

void ServerSession::dataWritable(std::size_t room) {
    if (state_ != ServerState::Sending || !transfer_ || transfer_->handedOut) return;
    Transfer& t = *transfer_;
    while (room > 0 && t.sendOffset < t.outgoing.size()) {
        vfs::FileSlice piece = t.outgoing.slice(t.sendOffset, room);
        t.sendOffset += piece.length;
        room -= piece.length;
        events_.emplace_back(DataToSend{std::move(piece.bytes), piece.offset, piece.length});
    }
    if (t.sendOffset < t.outgoing.size()) return;
    t.handedOut = true;
    // Stream mode (RFC 959 §3.4.1): closing the connection marks the end of the file.
    events_.emplace_back(CloseData{});
}

void ServerSession::dataConnectionOpened() {
    if (state_ == ServerState::Closed || dataMode_ == DataMode::None) {
        protocolError("a data connection opened when none was expected");
        return;
    }
    dataOpen_ = true;
    const bool passive = dataMode_ == DataMode::Passive;
    const HostPort here{config_.passiveAddress, passivePort_};
    events_.emplace_back(DataConnection{DataChange::Opened, passive ? DataRole::Passive : DataRole::Active,
                                        passive ? here.addressText() : activeTarget_.addressText(),
                                        passive ? passivePort_ : activeTarget_.port});
    if (state_ != ServerState::AwaitingDataConnection) return;
    const bool outgoing = transfer_->kind == TransferKind::Retr || transfer_->kind == TransferKind::List ||
                          transfer_->kind == TransferKind::Nlst || transfer_->kind == TransferKind::Mlsd;
    advance(outgoing ? "data opened, sending" : "data opened, receiving");
    beginData();
}

void ServerSession::dataConnectionFailed() {
    if (state_ == ServerState::AwaitingDataConnection) {
        advance("data failed (425)");
        events_.emplace_back(CloseData{});
        transfer_.reset();
        resetDataChannel();
        reply(425, config_.texts.cantOpenData);
        pump();
    } else if (state_ == ServerState::Sending || state_ == ServerState::Receiving) {
        advance("data failed (426)");
        events_.emplace_back(CloseData{true});
        transfer_.reset();
        resetDataChannel();
        reply(426, "Connection closed; transfer aborted");
        pump();
    } else if (dataMode_ == DataMode::Passive) {
        // The listener broke before any transfer asked for it: the next one gets 425.
        dataOpen_ = false;
        dataFailed_ = true;
    }
}

void ServerSession::dataReceived(std::string_view bytes) {
    if (state_ != ServerState::Receiving) {
        if (!bytes.empty()) protocolError("data received when no upload is in progress");
        return;
    }
    Transfer& t = *transfer_;
    t.received += bytes.size();
    if (t.overQuota) return;
    t.incoming.append(bytes);
    // Stop keeping octets as soon as the upload cannot fit, so a client cannot
    // fill memory past its quota; a CRLF pair shrinks to one octet in TYPE A.
    std::uint64_t room = files_->freeBytes();
    if (t.kind == TransferKind::Stor) {
        if (const auto existing = files_->stat(t.path)) {
            room = room > vfs::kUnlimitedQuota - existing->size ? vfs::kUnlimitedQuota : room + existing->size;
        }
    }
    const std::uint64_t limit = !t.ascii ? room : room > vfs::kUnlimitedQuota / 2 ? vfs::kUnlimitedQuota : room * 2 + 1;
    if (t.incoming.size() > limit) {
        t.overQuota = true;
        t.incoming = vfs::FileContents::Builder{};
    }
}

void ServerSession::dataEof(std::chrono::nanoseconds now) {
    lastNow_ = now;
    if (state_ == ServerState::Receiving) {
        finishUpload();
    } else if (state_ == ServerState::LoggedIn && dataOpen_) {
        dataOpen_ = false;  // the client closed an idle passive connection
    }
}

void ServerSession::finishUpload() {
    Transfer t = std::move(*transfer_);
    transfer_.reset();
    events_.emplace_back(CloseData{});
    events_.emplace_back(DataConnection{DataChange::Closed,
                                        dataMode_ == DataMode::Passive ? DataRole::Passive : DataRole::Active, {}, 0});
    resetDataChannel();
    advance("client closed (226/452/553)");
    if (t.overQuota) {
        reply(452, config_.texts.errorWritingFile);
        pump();
        return;
    }
    // The chunks the upload arrived in become the file: TYPE I copies nothing.
    vfs::FileContents received = t.incoming.finish();
    if (t.ascii) received = vfs::FileContents{fromNetworkAscii(received.text())};
    vfs::FsError error = vfs::FsError::None;
    if (t.kind == TransferKind::Appe) {
        error = files_->appendFile(t.path, received.text(), unixNow());
    } else {
        if (t.restartAt > 0) {
            // REST before STOR (RFC 3659 §5.5): keep the first `restartAt` octets.
            const auto old = files_->readFile(t.path).text();
            std::string joined{old.substr(0, std::min<std::uint64_t>(old.size(), t.restartAt))};
            joined += received.text();
            received = vfs::FileContents{std::move(joined)};
        }
        error = files_->writeFile(t.path, std::move(received), unixNow());
    }
    if (error == vfs::FsError::QuotaExceeded) {
        reply(452, config_.texts.errorWritingFile);
    } else if (error != vfs::FsError::None) {
        replyFsError(error, 553);
    } else {
        events_.emplace_back(FileChanged{t.kind == TransferKind::Appe ? "append" : "store", t.path, {}});
        events_.emplace_back(TransferCompleted{t.path, t.verb, t.received});
        reply(226, config_.texts.transferComplete);
    }
    pump();
}

void ServerSession::dataConnectionClosed() {
    if (state_ != ServerState::Sending) return;
    const Transfer t = std::move(*transfer_);
    transfer_.reset();
    events_.emplace_back(DataConnection{DataChange::Closed,
                                        dataMode_ == DataMode::Passive ? DataRole::Passive : DataRole::Active, {}, 0});
    resetDataChannel();
    advance("data closed (226)");
    events_.emplace_back(TransferCompleted{t.path, t.verb, t.outgoingSize});
    reply(226, config_.texts.transferComplete);
    pump();
}

void ServerSession::handleAbor() {
    const bool inTransfer = state_ == ServerState::AwaitingDataConnection || state_ == ServerState::Sending ||
                            state_ == ServerState::Receiving;
    if (!inTransfer) return reply(225, "No transfer to abort");
    advance("ABOR (426, 226)");
    events_.emplace_back(CloseData{true});
    transfer_.reset();
    resetDataChannel();
    reply(426, "Connection closed; transfer aborted");
    reply(226, "Abort successful");
}

void ServerSession::closeData() {
    if (dataMode_ == DataMode::None) return;
    events_.emplace_back(CloseData{});
    resetDataChannel();
}

void ServerSession::resetDataChannel() {
    dataMode_ = DataMode::None;
    dataOpen_ = false;
    dataFailed_ = false;
    passivePort_ = 0;
}

}  // namespace netstage::ftp
