#include "protocols/ftp/server_session.hpp"

#include <array>
#include <stdexcept>
#include <utility>

#include "protocols/common/one_line.hpp"
#include "protocols/ftp/reply.hpp"
#include "protocols/ftp/transfer_format.hpp"

namespace netstage::ftp {

namespace {

// Only what this engine implements (real-clients finding 9): lftp switches
// to MLSD as soon as MLST is listed. The MLST line is made from the facts
// selected (RFC 3659 §7.8), so it is not in this list.
const auto kFeatures = std::to_array<std::string_view>({" EPRT", " EPSV", " MDTM", " PASV", " REST STREAM", " SIZE", " UTF8"});

const auto kImplemented = std::to_array<std::string_view>({
    "ABOR", "ACCT", "ALLO", "APPE", "AUTH", "CDUP", "CWD",  "DELE", "EPRT", "EPSV", "FEAT", "HELP",
    "LIST", "MDTM", "MKD",  "MLSD", "MLST", "MODE", "NLST", "NOOP", "OPTS", "PASS", "PASV", "PORT",
    "PWD",  "QUIT", "REST", "RETR", "RMD",  "RNFR", "RNTO", "SIZE", "STAT", "STOR", "STRU", "SYST",
    "TYPE"});

// Known verbs this server does not implement: 502, not 500 (RFC 959 §4.2).
const auto kNotImplemented = std::to_array<std::string_view>({"ADAT", "CCC",  "CONF", "ENC",  "LPRT", "LPSV", "MIC",
                                                       "PBSZ", "PROT", "REIN", "SITE", "SMNT", "STOU", "XRCP"});

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& verbs, std::string_view verb) {
    for (auto v : verbs) {
        if (v == verb) return true;
    }
    return false;
}

// The pre-RFC 959 X-commands (RFC 775) that some clients still send.
std::string canonicalVerb(const std::string& verb) {
    if (verb == "XPWD") return "PWD";
    if (verb == "XCWD") return "CWD";
    if (verb == "XCUP") return "CDUP";
    if (verb == "XMKD") return "MKD";
    if (verb == "XRMD") return "RMD";
    return verb;
}

}  // namespace

ServerSession::ServerSession(ServerConfig config) : config_{std::move(config)}, lines_{config_.maxLineLength} {
    if (config_.users == nullptr) throw std::invalid_argument("ftp::ServerSession needs a UserDirectory");
    proto::requireOneLine(config_.greeting, "FTP greeting");
}

void ServerSession::start(std::chrono::nanoseconds now) {
    if (started_) throw std::logic_error("ftp::ServerSession::start called twice");
    started_ = true;
    lastActivity_ = now;
    lastNow_ = now;
    reply(220, config_.greeting);
}

ServerEvent ServerSession::nextEvent() {
    if (events_.empty()) return NeedData{};
    ServerEvent event = std::move(events_.front());
    events_.pop_front();
    if (std::holds_alternative<ReplySent>(event)) {
        output_ += replyBytes_.front();
        replyBytes_.pop_front();
    }
    return event;
}

std::string ServerSession::takeOutput() { return std::exchange(output_, {}); }

void ServerSession::receive(std::string_view bytes, std::chrono::nanoseconds now) {
    if (!started_) throw std::logic_error("ftp::ServerSession::receive before start");
    if (state_ == ServerState::Closed) return;
    lastActivity_ = now;
    lastNow_ = now;
    lines_.feed(bytes);
    pump();
}

void ServerSession::receiveEof(std::chrono::nanoseconds now) {
    if (state_ == ServerState::Closed) return;
    lastNow_ = now;
    advance("control closed");
    if (dataMode_ != DataMode::None || transfer_) events_.emplace_back(CloseData{true});
    transfer_.reset();
    resetDataChannel();
    events_.emplace_back(CloseRequested{});
}

std::optional<std::chrono::nanoseconds> ServerSession::nextTimeout() const {
    if (!started_ || state_ == ServerState::Closed || busy() || config_.idleTimeout.count() <= 0) return std::nullopt;
    return lastActivity_ + config_.idleTimeout;
}

void ServerSession::handleTimeout(std::chrono::nanoseconds now) {
    const auto deadline = nextTimeout();
    if (!deadline || now < *deadline) return;
    lastNow_ = now;
    reply(421, "Timeout: closing control connection");
    advance("idle timeout (421)");
    closeData();
    events_.emplace_back(CloseRequested{});
}

bool ServerSession::busy() const {
    return state_ == ServerState::AwaitingListener || state_ == ServerState::AwaitingDataConnection ||
           state_ == ServerState::Sending || state_ == ServerState::Receiving;
}

void ServerSession::pump() {
    while (state_ != ServerState::Closed) {
        if (!busy()) {
            if (!queued_.empty()) {
                proto::Line line = std::move(queued_.front());
                queued_.pop_front();
                handleLine(line);
                continue;
            }
            auto line = lines_.next();
            if (!line) return;
            handleLine(*line);
            continue;
        }
        // During a transfer commands wait their turn, except ABOR (RFC 959 §4.1.3).
        auto line = lines_.next();
        if (!line) return;
        const bool transferring = state_ != ServerState::AwaitingListener;
        if (transferring && !line->tooLong && parseCommand(line->text).command.verb == "ABOR") {
            handleLine(*line);
            continue;
        }
        if (queued_.size() >= config_.maxQueuedCommands) {
            protocolError("too many commands queued during a transfer");
            reply(500, "Too many commands; wait for the transfer to finish");
            continue;
        }
        queued_.push_back(std::move(*line));
    }
}

void ServerSession::handleLine(const proto::Line& line) {
    if (line.tooLong) {
        protocolError("command line longer than " + std::to_string(config_.maxLineLength) + " octets");
        reply(500, "Command line too long");
        return;
    }
    const ParsedCommand parsed = parseCommand(line.text);
    events_.emplace_back(CommandReceived{parsed.command.verb, parsed.command.argument, parsed.command.rawLine});
    if (parsed.error == CommandError::BadVerb) {
        protocolError("not an FTP command: " + line.text.substr(0, 40));
        reply(500, "Syntax error, command unrecognized");
        return;
    }
    if (parsed.error == CommandError::BadArgument) {
        protocolError("control octet in the argument of " + parsed.command.verb);
        reply(501, "Syntax error in parameters or arguments");
        return;
    }
    Command command = parsed.command;
    command.verb = canonicalVerb(command.verb);
    dispatch(command);
}

void ServerSession::dispatch(const Command& command) {
    if (command.verb != "RNTO") renameFrom_.reset();
    if (handleBeforeLogin(command)) return;
    // ABOR arrives here during a transfer too, so "logged in" is every state after PASS.
    if (state_ == ServerState::AwaitingUser || state_ == ServerState::AwaitingPassword) {
        if (contains(kImplemented, command.verb)) {
            reply(530, config_.texts.notLoggedIn);
        } else if (contains(kNotImplemented, command.verb)) {
            reply(502, "Command not implemented");
        } else {
            reply(500, "Unknown command");
        }
        return;
    }
    handleLoggedIn(command);
}

bool ServerSession::handleBeforeLogin(const Command& command) {
    const std::string& verb = command.verb;
    if (verb == "USER") {
        if (command.argument.empty()) {
            reply(501, "USER needs a user name");
            return true;
        }
        if (state_ == ServerState::LoggedIn) {
            closeData();
            files_ = nullptr;
            user_.clear();
            cwd_ = "/";
        }
        pendingUser_ = command.argument;
        advance("USER");
        reply(331, config_.texts.userOk);
    } else if (verb == "PASS") {
        if (state_ == ServerState::LoggedIn) {
            reply(230, "Already logged in");
        } else if (state_ != ServerState::AwaitingPassword) {
            reply(503, "Login with USER first");
        } else if (config_.users->checkPassword(pendingUser_, command.argument) &&
                   config_.users->fileSystemFor(pendingUser_) != nullptr) {
            user_ = pendingUser_;
            files_ = config_.users->fileSystemFor(user_);
            cwd_ = "/";
            advance("PASS accepted (230)");
            reply(230, config_.texts.loggedIn);
        } else {
            advance("PASS refused (530)");
            reply(530, config_.texts.loginIncorrect);
        }
    } else if (verb == "ACCT") {
        reply(502, "ACCT not implemented");
    } else if (verb == "AUTH") {
        // No TLS here; lftp sends AUTH TLS before login and must get 502/504, not 530.
        reply(502, "AUTH not supported");
    } else if (verb == "FEAT") {
        std::vector<std::string> lines{"Features:"};
        for (auto feature : kFeatures) lines.emplace_back(feature);
        // RFC 3659 §7.8: every fact offered, a '*' after each one selected.
        const MlsxFacts& f = mlsxFacts_;
        lines.push_back(std::string{" MLST type"} + (f.type ? "*" : "") + ";size" + (f.size ? "*" : "") + ";modify" +
                        (f.modify ? "*" : "") + ";perm" + (f.perm ? "*" : "") + ";");
        lines.emplace_back("End");
        reply(211, std::move(lines));
    } else if (verb == "OPTS") {
        const std::string option = proto::asciiUpper(proto::trimSpaces(command.argument));
        if (option == "UTF8 ON" || option == "UTF8" || option == "UTF8 OFF") {
            reply(200, "UTF8 mode is always on");
        } else if (option == "MLST" || option.starts_with("MLST ")) {
            handleOptsMlst(option.size() > 4 ? std::string_view{option}.substr(5) : std::string_view{});
        } else {
            reply(501, "Option not understood");
        }
    } else if (verb == "SYST") {
        reply(215, config_.systemType);
    } else if (verb == "NOOP") {
        reply(200, "NOOP ok");
    } else if (verb == "HELP") {
        std::vector<std::string> lines{"The following commands are recognized:"};
        std::string row;
        for (std::size_t i = 0; i < kImplemented.size(); ++i) {
            row += " " + std::string{kImplemented[i]};
            if (i % 12 == 11 || i + 1 == kImplemented.size()) {
                lines.push_back(row);
                row.clear();
            }
        }
        lines.emplace_back("Help OK");
        reply(214, std::move(lines));
    } else if (verb == "QUIT") {
        reply(221, config_.texts.goodbye);
        advance("QUIT (221)");
        closeData();
        events_.emplace_back(CloseRequested{});
    } else {
        return false;
    }
    return true;
}

void ServerSession::handleLoggedIn(const Command& command) {
    const std::string& verb = command.verb;
    const std::string& arg = command.argument;
    if (verb == "PWD") {
        handlePwd();
    } else if (verb == "CWD") {
        handleCwd(arg);
    } else if (verb == "CDUP") {
        handleCwd("..");
    } else if (verb == "MKD") {
        handleMkd(arg);
    } else if (verb == "RMD") {
        handleRmd(arg);
    } else if (verb == "DELE") {
        handleDele(arg);
    } else if (verb == "RNFR") {
        handleRnfr(arg);
    } else if (verb == "RNTO") {
        handleRnto(arg);
    } else if (verb == "SIZE") {
        handleSize(arg);
    } else if (verb == "MDTM") {
        handleMdtm(arg);
    } else if (verb == "TYPE") {
        handleType(arg);
    } else if (verb == "MODE") {
        const std::string mode = proto::asciiUpper(proto::trimSpaces(arg));
        if (mode == "S") {
            reply(200, "Mode set to S");
        } else if (mode == "B" || mode == "C") {
            reply(504, "Only stream mode is supported");
        } else {
            reply(501, "Unknown mode");
        }
    } else if (verb == "STRU") {
        const std::string structure = proto::asciiUpper(proto::trimSpaces(arg));
        if (structure == "F") {
            reply(200, "Structure set to F");
        } else if (structure == "R" || structure == "P") {
            reply(504, "Only file structure is supported");
        } else {
            reply(501, "Unknown structure");
        }
    } else if (verb == "ALLO") {
        reply(202, "ALLO not needed");
    } else if (verb == "REST") {
        handleRest(arg);
    } else if (verb == "STAT") {
        handleStat(arg);
    } else if (verb == "MLST") {
        handleMlst(arg);
    } else if (verb == "MLSD") {
        handleTransfer(TransferKind::Mlsd, command);
    } else if (verb == "PORT") {
        handlePort(arg);
    } else if (verb == "EPRT") {
        handleEprt(arg);
    } else if (verb == "PASV") {
        handlePassive(false, arg);
    } else if (verb == "EPSV") {
        handlePassive(true, arg);
    } else if (verb == "RETR") {
        handleTransfer(TransferKind::Retr, command);
    } else if (verb == "LIST") {
        handleTransfer(TransferKind::List, command);
    } else if (verb == "NLST") {
        handleTransfer(TransferKind::Nlst, command);
    } else if (verb == "STOR") {
        handleTransfer(TransferKind::Stor, command);
    } else if (verb == "APPE") {
        handleTransfer(TransferKind::Appe, command);
    } else if (verb == "ABOR") {
        handleAbor();
    } else if (contains(kNotImplemented, verb)) {
        reply(502, "Command not implemented");
    } else {
        reply(500, "Unknown command");
    }
}

void ServerSession::reply(int code, std::string text) { reply(code, std::vector<std::string>{std::move(text)}); }

void ServerSession::reply(int code, std::vector<std::string> lines) {
    Reply r{code, std::move(lines)};
    replyBytes_.push_back(formatReply(r));
    events_.emplace_back(ReplySent{code, std::move(r.lines)});
}

void ServerSession::protocolError(std::string message) { events_.emplace_back(ProtocolError{std::move(message)}); }

void ServerSession::advance(std::string_view trigger) {
    const ServerTransition* row = findTransition(state_, trigger);
    if (row == nullptr) {
        throw std::logic_error("ftp::ServerSession: no transition from " + std::string{toString(state_)} + " on " +
                               std::string{trigger});
    }
    state_ = row->to;
}

std::int64_t ServerSession::unixNow() const {
    return config_.unixEpochAtZero + std::chrono::duration_cast<std::chrono::seconds>(lastNow_).count();
}

vfs::ResolvedPath ServerSession::resolve(std::string_view argument) const { return vfs::resolvePath(cwd_, argument); }

}  // namespace netstage::ftp
