#include "protocols/ftp/client_session.hpp"

#include <stdexcept>
#include <utility>

#include "protocols/common/one_line.hpp"
#include "protocols/ftp/address.hpp"

namespace netstage::ftp {

std::string_view toString(ClientStep::Kind kind) {
    switch (kind) {
        case ClientStep::Kind::Login: return "login";
        case ClientStep::Kind::Cd: return "cd";
        case ClientStep::Kind::Ls: return "ls";
        case ClientStep::Kind::Get: return "get";
        case ClientStep::Kind::Put: return "put";
    }
    return "?";
}

ClientSession::ClientSession(ClientConfig config) : config_{std::move(config)} {
    proto::requireOneLine(config_.user, "FTP user name");
    proto::requireOneLine(config_.password, "FTP password");
    for (const ClientStep& step : config_.script) proto::requireOneLine(step.argument, "FTP file or directory name");
}

void ClientSession::start(std::chrono::nanoseconds) {}

void ClientSession::handleTimeout(std::chrono::nanoseconds) {}

ClientEvent ClientSession::nextEvent() {
    if (events_.empty()) return NeedData{};
    ClientEvent event = std::move(events_.front());
    events_.pop_front();
    if (std::holds_alternative<CommandSent>(event)) {
        output_ += commandBytes_.front();
        commandBytes_.pop_front();
    }
    return event;
}

std::string ClientSession::takeOutput() { return std::exchange(output_, {}); }

void ClientSession::receive(std::string_view bytes, std::chrono::nanoseconds) {
    replies_.feed(bytes);
    for (;;) {
        auto result = replies_.next();
        if (result.error) {
            events_.emplace_back(ProtocolError{*result.error});
            continue;
        }
        if (!result.reply) return;
        onReply(*result.reply);
    }
}

void ClientSession::receiveEof(std::chrono::nanoseconds) {
    if (state_ == ClientState::Done) return;
    if (state_ != ClientState::AwaitingQuitReply) events_.emplace_back(ProtocolError{"the server closed the control connection"});
    if (step_ && step_->kind != ClientStep::Kind::Login && step_->kind != ClientStep::Kind::Cd) {
        events_.emplace_back(CloseData{});
    }
    serverGone();
}

void ClientSession::serverGone() {
    advance(kServerGone);
    events_.emplace_back(CloseRequested{});
    events_.emplace_back(ScriptFinished{});
}

void ClientSession::advance(std::string_view trigger) {
    const ClientTransition* row = findTransition(state_, trigger);
    if (row == nullptr) {
        throw std::logic_error("ftp::ClientSession: no transition from " + std::string{toString(state_)} + " on " +
                               std::string{trigger});
    }
    state_ = row->to;
}

void ClientSession::send(std::string verb, std::string argument) {
    proto::requireOneLine(argument, "FTP command argument");
    commandBytes_.push_back(verb + (argument.empty() ? "" : " " + argument) + "\r\n");
    events_.emplace_back(CommandSent{std::move(verb), std::move(argument)});
}

void ClientSession::onReply(const Reply& reply) {
    events_.emplace_back(ReplyReceived{reply.code, reply.lines});
    if (state_ == ClientState::Done) return;
    if (reply.code == 421 && state_ != ClientState::AwaitingQuitReply) {
        // The server is closing the control connection (RFC 959 §4.2).
        if (step_) events_.emplace_back(StepFinished{step_->kind, step_->argument, false, reply.code, {}});
        events_.emplace_back(CloseData{});
        serverGone();
        return;
    }
    switch (state_) {
        case ClientState::AwaitingGreeting:
            if (reply.code == 220) {
                advance("220");
                nextStep();
            }
            else if (!reply.preliminary()) events_.emplace_back(ProtocolError{"unexpected greeting " + std::to_string(reply.code)});
            return;
        case ClientState::AwaitingUserReply:
            if (reply.code == 331) {
                send("PASS", config_.password);
                advance("331 (PASS)");
            } else if (reply.code == 230) {
                send("TYPE", "I");
                advance("230 (TYPE I)");
            } else {
                finishStep(false, reply.code);
            }
            return;
        case ClientState::AwaitingPassReply:
            if (reply.code == 230 || reply.code == 202) {
                send("TYPE", "I");
                advance("230/202 (TYPE I)");
            } else {
                finishStep(false, reply.code);
            }
            return;
        case ClientState::AwaitingTypeReply:
            finishStep(reply.positive(), reply.code);
            return;
        case ClientState::AwaitingCwdReply:
            finishStep(reply.positive(), reply.code);
            return;
        case ClientState::AwaitingPortReply:
            if (reply.positive()) {
                sendTransferCommand("accepted (LIST/RETR/STOR)");
            } else if (usingExtended_) {
                usingExtended_ = false;
                sendPort("EPRT refused (PORT)");
            } else {
                failDataStep(reply.code);
            }
            return;
        case ClientState::AwaitingPassiveReply: {
            std::optional<HostPort> target;
            if (reply.code == 229 && usingExtended_) {
                if (const auto port = parse229(reply.text())) target = HostPort{{}, *port};
            } else if (reply.code == 227 && !usingExtended_) {
                target = parse227(reply.text());
            }
            if (reply.positive() && !target) events_.emplace_back(ProtocolError{"unreadable passive reply: " + reply.text()});
            if (target) {
                const std::string address = usingExtended_ ? std::string{} : target->addressText();
                advance("227/229 (connect)");
                events_.emplace_back(DataConnection{DataChange::Connect, DataRole::Passive, address, target->port});
                events_.emplace_back(ConnectRequested{address, target->port});
            } else if (usingExtended_) {
                usingExtended_ = false;
                sendPassive("EPSV refused (PASV)");
            } else {
                finishStep(false, reply.code);
            }
            return;
        }
        case ClientState::AwaitingPreliminary:
            if (reply.preliminary()) {
                advance("1xx, or 2xx at once");
                sendUploadIfReady();
                maybeFinishTransfer();
            } else if (reply.positive()) {
                // A server may answer at once when nothing needs sending.
                advance("1xx, or 2xx at once");
                finalReply_ = reply;
                dataDone_ = true;
                maybeFinishTransfer();
            } else {
                failDataStep(reply.code);
            }
            return;
        case ClientState::Transferring:
            if (reply.preliminary()) return;
            finalReply_ = reply;
            if (!reply.positive()) {
                failDataStep(reply.code);
            } else {
                maybeFinishTransfer();
            }
            return;
        case ClientState::AwaitingQuitReply:
            advance("reply");
            events_.emplace_back(CloseRequested{});
            events_.emplace_back(ScriptFinished{});
            return;
        case ClientState::BetweenSteps:
        case ClientState::AwaitingListener:
        case ClientState::AwaitingConnect:
        case ClientState::Done:
            events_.emplace_back(ProtocolError{"unexpected reply " + std::to_string(reply.code)});
            return;
    }
}

void ClientSession::nextStep() {
    if (nextStep_ >= config_.script.size()) {
        step_.reset();
        send("QUIT");
        advance("script done (QUIT)");
        return;
    }
    step_ = config_.script[nextStep_++];
    switch (step_->kind) {
        case ClientStep::Kind::Login:
            send("USER", config_.user);
            advance("login (USER)");
            return;
        case ClientStep::Kind::Cd:
            send("CWD", step_->argument);
            advance("cd (CWD)");
            return;
        case ClientStep::Kind::Ls:
        case ClientStep::Kind::Get:
        case ClientStep::Kind::Put:
            beginDataSetup();
            return;
    }
}

void ClientSession::beginDataSetup() {
    dataOpen_ = false;
    dataDone_ = false;
    uploadSent_ = false;
    finalReply_.reset();
    received_ = vfs::FileContents::Builder{};
    usingExtended_ = config_.extended;
    if (config_.passive) {
        sendPassive("ls/get/put passive (PASV/EPSV)");
    } else {
        advance("ls/get/put active (listen)");
        events_.emplace_back(ListenRequested{config_.activePort});
    }
}

void ClientSession::sendPassive(std::string_view trigger) {
    send(usingExtended_ ? "EPSV" : "PASV");
    advance(trigger);
}

void ClientSession::sendPort(std::string_view trigger) {
    const HostPort here{config_.activeAddress, listenPort_};
    if (usingExtended_) {
        send("EPRT", formatEprt(here));
    } else {
        send("PORT", formatHostPort(here));
    }
    advance(trigger);
}

void ClientSession::sendTransferCommand(std::string_view trigger) {
    switch (step_->kind) {
        case ClientStep::Kind::Ls: send("LIST"); break;
        case ClientStep::Kind::Get: send("RETR", step_->argument); break;
        case ClientStep::Kind::Put: send("STOR", step_->argument); break;
        case ClientStep::Kind::Login:
        case ClientStep::Kind::Cd: throw std::logic_error("ftp: transfer command for a step without data");
    }
    advance(trigger);
}

void ClientSession::dataListening(std::uint16_t port) {
    if (state_ == ClientState::Done) return;  // the control connection closed meanwhile
    if (state_ != ClientState::AwaitingListener) throw std::logic_error("ftp: dataListening without ListenRequested");
    listenPort_ = port;
    events_.emplace_back(
        DataConnection{DataChange::Listen, DataRole::Active, HostPort{config_.activeAddress, port}.addressText(), port});
    sendPort("host listening (PORT/EPRT)");
}

void ClientSession::dataListenFailed() {
    if (state_ == ClientState::Done) return;
    if (state_ != ClientState::AwaitingListener) throw std::logic_error("ftp: dataListenFailed without ListenRequested");
    failDataStep(0);
}

void ClientSession::dataConnectionOpened() {
    if (!step_ || state_ == ClientState::Done) {
        events_.emplace_back(ProtocolError{"a data connection opened when none was expected"});
        return;
    }
    dataOpen_ = true;
    events_.emplace_back(DataConnection{DataChange::Opened, config_.passive ? DataRole::Passive : DataRole::Active, {}, 0});
    if (state_ == ClientState::AwaitingConnect) {
        sendTransferCommand("data opened (LIST/RETR/STOR)");
    } else {
        sendUploadIfReady();
    }
}

void ClientSession::dataConnectionFailed() {
    if (state_ == ClientState::AwaitingConnect) failDataStep(0);
    // Otherwise the server reports the failure on the control connection (425/426).
}

void ClientSession::dataReceived(std::string_view bytes) {
    const bool downloading = step_ && (step_->kind == ClientStep::Kind::Get || step_->kind == ClientStep::Kind::Ls) &&
                             (state_ == ClientState::AwaitingPreliminary || state_ == ClientState::Transferring);
    if (!downloading) {
        if (!bytes.empty()) events_.emplace_back(ProtocolError{"data received when no download is in progress"});
        return;
    }
    received_.append(bytes);
}

void ClientSession::dataEof() {
    if (!step_ || step_->kind == ClientStep::Kind::Put || dataDone_) return;
    dataDone_ = true;
    events_.emplace_back(DataConnection{DataChange::Closed, config_.passive ? DataRole::Passive : DataRole::Active, {}, 0});
    maybeFinishTransfer();
}

void ClientSession::sendUploadIfReady() {
    if (!step_ || step_->kind != ClientStep::Kind::Put || state_ != ClientState::Transferring || !dataOpen_ || uploadSent_) return;
    uploadSent_ = true;
    // The file's own chunks, shared: the data connection holds them until they are sent.
    const vfs::FileContents& content = step_->content;
    for (std::uint64_t offset = 0; offset < content.size();) {
        vfs::FileSlice piece = content.slice(offset, std::string_view::npos);
        offset += piece.length;
        events_.emplace_back(DataToSend{std::move(piece.bytes), piece.offset, piece.length});
    }
    step_->content = vfs::FileContents{};
    // Stream mode: closing the connection is the end of the file.
    events_.emplace_back(CloseData{});
    dataDone_ = true;
}

void ClientSession::maybeFinishTransfer() {
    if (state_ != ClientState::Transferring || !finalReply_ || !dataDone_) return;
    const int code = finalReply_->code;
    finishStep(true, code, step_->kind == ClientStep::Kind::Put ? vfs::FileContents{} : received_.finish());
}

void ClientSession::failDataStep(int code) {
    events_.emplace_back(CloseData{});
    finishStep(false, code);
}

void ClientSession::finishStep(bool ok, int code, vfs::FileContents data) {
    events_.emplace_back(StepFinished{step_->kind, step_->argument, ok, code, std::move(data)});
    step_.reset();
    advance(kStepOver);
    nextStep();
}

}  // namespace netstage::ftp
