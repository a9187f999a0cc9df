// ServerSession: the commands that act on the user's file tree.

#include "protocols/ftp/server_session.hpp"
#include "protocols/ftp/transfer_format.hpp"

namespace netstage::ftp {

namespace {

std::string quotePath(std::string_view path) {
    std::string out = "\"";
    for (char c : path) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

bool isDigits(std::string_view text) {
    if (text.empty() || text.size() > 18) return false;  // 18 digits always fit in uint64
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

}  // namespace

void ServerSession::replyFsError(vfs::FsError error, int code) {
    std::string text{vfs::toString(error)};
    if (!text.empty()) text.front() = proto::asciiUpper(text.front());
    reply(code, text);
}

void ServerSession::handlePwd() { reply(257, quotePath(cwd_) + " is the current directory"); }

void ServerSession::handleCwd(std::string_view argument) {
    const auto path = resolve(argument);
    if (!path.ok()) return replyFsError(path.error, 550);
    if (!files_->isDirectory(path.text())) return reply(550, "Failed to change directory");
    cwd_ = path.text();
    reply(250, "Directory successfully changed");
}

void ServerSession::handleMkd(std::string_view argument) {
    if (argument.empty()) return reply(501, "MKD needs a directory name");
    const auto path = resolve(argument);
    if (!path.ok()) return replyFsError(path.error, 550);
    const auto error = files_->mkdir(path.text(), unixNow());
    if (error != vfs::FsError::None) return replyFsError(error, 550);
    events_.emplace_back(FileChanged{"mkdir", path.text(), {}});
    reply(257, quotePath(path.text()) + " created");
}

void ServerSession::handleRmd(std::string_view argument) {
    if (argument.empty()) return reply(501, "RMD needs a directory name");
    const auto path = resolve(argument);
    if (!path.ok()) return replyFsError(path.error, 550);
    // Removing the current directory (or one above it) would leave the session nowhere.
    const std::string target = path.text();
    if (cwd_ == target || cwd_.starts_with(target + "/")) return reply(550, "Directory is in use");
    const auto error = files_->rmdir(target);
    if (error != vfs::FsError::None) return replyFsError(error, 550);
    events_.emplace_back(FileChanged{"rmdir", target, {}});
    reply(250, "Directory removed");
}

void ServerSession::handleDele(std::string_view argument) {
    if (argument.empty()) return reply(501, "DELE needs a file name");
    const auto path = resolve(argument);
    if (!path.ok()) return replyFsError(path.error, 550);
    const auto error = files_->remove(path.text());
    if (error != vfs::FsError::None) return replyFsError(error, 550);
    events_.emplace_back(FileChanged{"delete", path.text(), {}});
    reply(250, "File deleted");
}

void ServerSession::handleRnfr(std::string_view argument) {
    if (argument.empty()) return reply(501, "RNFR needs a name");
    const auto path = resolve(argument);
    if (!path.ok()) return replyFsError(path.error, 550);
    if (path.isRoot() || !files_->stat(path.text())) return reply(550, "No such file or directory");
    renameFrom_ = path.text();
    reply(350, "Ready for RNTO");
}

void ServerSession::handleRnto(std::string_view argument) {
    if (!renameFrom_) return reply(503, "RNFR required first");
    const std::string from = *renameFrom_;
    renameFrom_.reset();
    if (argument.empty()) return reply(501, "RNTO needs a name");
    const auto path = resolve(argument);
    if (!path.ok()) return replyFsError(path.error, 553);
    const auto error = files_->rename(from, path.text());
    if (error != vfs::FsError::None) return replyFsError(error, 553);
    events_.emplace_back(FileChanged{"rename", from, path.text()});
    reply(250, "Rename successful");
}

void ServerSession::handleSize(std::string_view argument) {
    const auto path = resolve(argument);
    // curl reads 550 as "no such file" and stops before RETR (finding 8).
    if (!path.ok() || argument.empty()) return reply(550, "Could not get file size");
    const auto entry = files_->stat(path.text());
    if (!entry || entry->isDirectory) return reply(550, "Could not get file size");
    // RFC 3659 §4: the size is what RETR would send in the current TYPE. In
    // TYPE I that is the stored size, so a described file is not made for it.
    const std::uint64_t size = asciiType_ ? toNetworkAscii(files_->readFile(path.text()).text()).size() : entry->size;
    reply(213, std::to_string(size));
}

void ServerSession::handleMdtm(std::string_view argument) {
    const auto path = resolve(argument);
    if (!path.ok() || argument.empty()) return reply(550, "Could not get file modification time");
    const auto entry = files_->stat(path.text());
    if (!entry || entry->isDirectory) return reply(550, "Could not get file modification time");
    reply(213, formatMdtm(entry->modified));
}

void ServerSession::handleType(std::string_view argument) {
    const std::string type = proto::asciiUpper(proto::trimSpaces(argument));
    if (type == "A" || type == "A N") {
        asciiType_ = true;
        reply(200, "Switching to ASCII mode");
    } else if (type == "I" || type == "L 8") {
        asciiType_ = false;
        reply(200, "Switching to Binary mode");
    } else if (!type.empty() && (type.front() == 'A' || type.front() == 'E' || type.front() == 'L')) {
        reply(504, "Type not supported");
    } else {
        reply(501, "Unrecognised TYPE");
    }
}

void ServerSession::handleRest(std::string_view argument) {
    const std::string_view offset = proto::trimSpaces(argument);
    if (!isDigits(offset)) return reply(501, "REST needs a byte offset");
    restartAt_ = std::stoull(std::string{offset});
    reply(350, "Restart position accepted (" + std::string{offset} + ")");
}

}  // namespace netstage::ftp
