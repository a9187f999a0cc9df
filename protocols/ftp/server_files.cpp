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

std::string_view withoutLsOptions(std::string_view argument) {
    if (!argument.starts_with('-')) return argument;
    const std::size_t space = argument.find(' ');
    return space == std::string_view::npos ? std::string_view{} : argument.substr(space + 1);
}

// STAT with a path (RFC 959 §4.1.3): the LIST of it, on the control
// connection. 212 for a directory, 213 for a file.
void ServerSession::handleStat(std::string_view argument) {
    if (argument.empty()) {
        return reply(211, std::vector<std::string>{"NetStage FTP server status:", "Logged in as " + user_,
                                                   std::string{"TYPE: "} + (asciiType_ ? "ASCII" : "BINARY"),
                                                   "End of status"});
    }
    const auto path = resolve(withoutLsOptions(argument));
    if (!path.ok()) return replyFsError(path.error, 450);
    const auto listing = files_->list(path.text());
    if (!listing.ok()) return reply(450, "No such file or directory");
    const bool directory = files_->isDirectory(path.text());
    std::vector<std::string> lines{"Status of " + path.text() + ":"};
    const std::string text = formatLongListing(listing.entries, unixNow());
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = text.find("\r\n", start);
        lines.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    lines.emplace_back("End of status");
    reply(directory ? 212 : 213, std::move(lines));
}

// MLST (RFC 3659 §7): the facts of one file or directory, on the control
// connection, the fact line starting with a space (§7.2).
void ServerSession::handleMlst(std::string_view argument) {
    const auto path = resolve(argument);
    if (!path.ok()) return replyFsError(path.error, 550);
    const auto entry = files_->stat(path.text());
    if (!entry) return reply(550, "No such file or directory");
    const MlsxType type = !entry->isDirectory ? MlsxType::File : path.text() == cwd_ ? MlsxType::Cdir : MlsxType::Dir;
    reply(250, std::vector<std::string>{"Listing " + path.text(),
                                        " " + formatMlsxEntry(*entry, type, path.text(), mlsxFacts_), "End"});
}

// OPTS MLST fact;fact; (RFC 3659 §7.9): selects the facts MLST and MLSD
// give; unknown names are ignored. The reply names the facts now selected.
void ServerSession::handleOptsMlst(std::string_view facts) {
    MlsxFacts selected{false, false, false, false};
    while (!facts.empty()) {
        const std::size_t semicolon = facts.find(';');
        const std::string_view name = facts.substr(0, semicolon);
        if (name == "TYPE") selected.type = true;
        if (name == "SIZE") selected.size = true;
        if (name == "MODIFY") selected.modify = true;
        if (name == "PERM") selected.perm = true;
        if (semicolon == std::string_view::npos) break;
        facts.remove_prefix(semicolon + 1);
    }
    mlsxFacts_ = selected;
    std::string names;
    if (selected.type) names += "type;";
    if (selected.size) names += "size;";
    if (selected.modify) names += "modify;";
    if (selected.perm) names += "perm;";
    reply(200, "MLST OPTS " + names);
}

}  // namespace netstage::ftp
