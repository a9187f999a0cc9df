#include "simulator/scenario/ftp_loader.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "protocols/fs/path.hpp"
#include "simulator/scenario/scenario_limits.hpp"
#include "simulator/scenario/scenario_text.hpp"

namespace netstage::scenario {

namespace {

constexpr std::uint64_t kMaxFileSize = 1ULL << 30;

std::string requireHost(const YamlValue& v, const ScenarioSpec& spec) {
    const std::string name = v.asString();
    if (!spec.findHost(name)) v.fail("unknown host '" + name + "'");
    return name;
}

// One of text / size / binary; `what` names the owner in errors.
std::optional<FtpContentSpec> readContent(const YamlValue& v) {
    const auto text = v.find("text");
    const auto size = v.find("size");
    const auto binary = v.find("binary");
    if (text && (size || binary)) v.fail("give the contents either as 'text' or as 'size'/'binary', not both");
    FtpContentSpec content;
    if (text) {
        content.kind = FtpContentSpec::Kind::Text;
        content.text = text->asString();
        text->declareContent(content.text.size());
        return content;
    }
    if (binary) {
        if (binary->asString() != "all-byte-values") binary->fail("expected binary: all-byte-values");
        content.kind = FtpContentSpec::Kind::AllByteValues;
        content.size = size ? static_cast<std::size_t>(size->asUnsigned(kMaxFileSize)) : 256;
        (size ? *size : *binary).declareContent(content.size);
        return content;
    }
    if (size) {
        content.kind = FtpContentSpec::Kind::GeneratedText;
        content.size = static_cast<std::size_t>(size->asUnsigned(kMaxFileSize));
        size->declareContent(content.size);
        return content;
    }
    return std::nullopt;
}

// What the world's tree of one user will hold, so a clash between two files,
// or a file where a directory must be, is refused here with its location.
class UserTree {
public:
    // A directory (includeLast) or the parent directories of a file.
    vfs::ResolvedPath add(const YamlValue& v, bool isFile) {
        const std::string path = readLineText(v, isFile ? "an FTP file path" : "an FTP directory");
        if (path.empty()) v.fail("expected a non-empty path");
        const vfs::ResolvedPath resolved = vfs::resolvePath("/", path);
        if (!resolved.ok()) {
            v.fail("the path '" + path + "' is not a valid " + (isFile ? "file" : "directory") +
                   " name: " + std::string{vfs::toString(resolved.error)});
        }
        if (isFile && resolved.isRoot()) v.fail("the path '" + path + "' names the root directory, not a file");
        const std::size_t parents = resolved.components.size() - (isFile ? 1 : 0);
        std::string prefix;
        for (std::size_t i = 0; i < parents; ++i) {
            prefix += "/" + resolved.components[i];
            if (const auto file = files_.find(prefix); file != files_.end()) {
                v.fail("'" + prefix + "' is a file (line " + std::to_string(file->second) + "), so it cannot hold '" + path + "'");
            }
            directories_.emplace(prefix, v.where().line);
        }
        if (isFile) {
            const std::string text = resolved.text();
            if (const auto dir = directories_.find(text); dir != directories_.end()) {
                v.fail("'" + text + "' is already a directory (line " + std::to_string(dir->second) + ")");
            }
            if (const auto [at, fresh] = files_.emplace(text, v.where().line); !fresh) {
                v.fail("the file '" + text + "' is already defined (line " + std::to_string(at->second) + ")");
            }
        }
        return resolved;
    }

private:
    std::map<std::string, int> files_;
    std::map<std::string, int> directories_;
};

FtpUserSpec readUser(const YamlValue& v) {
    v.requireMap("an FTP user");
    v.allowOnly({"name", "password", "quota", "directories", "files"});
    FtpUserSpec user;
    user.where = v.where();
    user.name = readLineText(v.get("name"), "the user name");
    if (user.name.empty()) v.get("name").fail("expected a non-empty user name");
    if (auto p = v.find("password")) user.password = readLineText(*p, "the password");
    if (auto q = v.find("quota")) user.quota = q->asUnsigned();
    UserTree tree;
    if (auto d = v.find("directories")) {
        for (const auto& item : d->isScalar() ? std::vector<YamlValue>{*d} : d->items("directories")) {
            tree.add(item, false);
            user.directories.push_back(item.asString());
        }
    }
    if (auto f = v.find("files")) {
        for (const auto& item : f->items("files")) {
            item.requireMap("a file ({path: ..., text: ...} or {path: ..., size: ...} or {path: ..., binary: all-byte-values})");
            item.allowOnly({"path", "text", "size", "binary"});
            FtpFileSpec file;
            file.where = item.where();
            tree.add(item.get("path"), true);
            file.path = item.get("path").asString();
            auto content = readContent(item);
            if (!content) item.fail("a file needs its contents: 'text', 'size' or 'binary'");
            file.content = std::move(*content);
            user.files.push_back(std::move(file));
        }
    }
    return user;
}

FtpCommandSpec readCommand(const YamlValue& v) {
    v.requireMap("an FTP command ({at: ..., do: login|cd|ls|get|put, ...})");
    v.allowOnly({"at", "do", "dir", "file", "text", "size", "binary"});
    FtpCommandSpec command;
    command.where = v.where();
    command.at = v.get("at").asDuration();
    const auto verb = v.get("do");
    const std::string what = verb.asString();
    auto forbid = [&](std::initializer_list<std::string_view> keys) {
        for (auto key : keys) {
            if (auto x = v.find(key)) x->fail("'" + std::string{key} + "' does not apply to '" + what + "'");
        }
    };
    if (what == "login") {
        command.kind = FtpCommandSpec::Kind::Login;
        forbid({"dir", "file", "text", "size", "binary"});
    } else if (what == "cd") {
        command.kind = FtpCommandSpec::Kind::Cd;
        forbid({"file", "text", "size", "binary"});
        command.argument = readLineText(v.get("dir"), "an FTP directory");
    } else if (what == "ls") {
        command.kind = FtpCommandSpec::Kind::Ls;
        forbid({"dir", "file", "text", "size", "binary"});
    } else if (what == "get") {
        command.kind = FtpCommandSpec::Kind::Get;
        forbid({"dir", "text", "size", "binary"});
        command.argument = readLineText(v.get("file"), "an FTP file name");
    } else if (what == "put") {
        command.kind = FtpCommandSpec::Kind::Put;
        forbid({"dir"});
        command.argument = readLineText(v.get("file"), "an FTP file name");
        auto content = readContent(v);
        if (!content) v.fail("'put' needs the file's contents: 'text', 'size' or 'binary'");
        command.content = std::move(*content);
    } else {
        verb.fail("expected an FTP command: login, cd, ls, get or put, found '" + what + "'");
    }
    if ((command.kind == FtpCommandSpec::Kind::Get || command.kind == FtpCommandSpec::Kind::Put) && command.argument.empty()) {
        v.get("file").fail("expected a file name");
    }
    return command;
}

}  // namespace

std::string ftpContentBytes(const FtpContentSpec& content) {
    switch (content.kind) {
        case FtpContentSpec::Kind::Text: return content.text;
        case FtpContentSpec::Kind::AllByteValues: {
            std::string bytes(content.size, '\0');
            const std::size_t head = std::min<std::size_t>(bytes.size(), 256);
            for (std::size_t i = 0; i < head; ++i) bytes[i] = static_cast<char>(i);
            // A 100 MB file is made by doubling the pattern, not octet by octet.
            for (std::size_t done = head; done < bytes.size(); done *= 2) {
                const std::size_t n = std::min(done, bytes.size() - done);
                std::copy_n(bytes.begin(), n, bytes.begin() + static_cast<std::ptrdiff_t>(done));
            }
            return bytes;
        }
        case FtpContentSpec::Kind::GeneratedText: {
            // Numbered lines, so a reordered or lost piece shows in a capture.
            std::string text;
            text.reserve(content.size + 64);
            for (std::size_t line = 1; text.size() < content.size; ++line) {
                text.append("line ").append(std::to_string(line)).append(" of the generated file\n");
            }
            text.resize(content.size);
            return text;
        }
    }
    return {};
}

void readFtpServers(const YamlValue& list, ScenarioSpec& spec) {
    std::set<std::string> hosts;
    for (const auto& v : list.items("FTP servers")) {
        v.requireMap("an FTP server");
        v.allowOnly({"host", "greeting", "users"});
        FtpServerSpec server;
        server.where = v.where();
        const auto host = v.get("host");
        server.host = requireHost(host, spec);
        if (!hosts.insert(server.host).second) host.fail("'" + server.host + "' already runs an FTP server");
        if (auto g = v.find("greeting")) {
            server.greeting = readLineText(*g, "the FTP greeting");
            if (server.greeting->size() > limits::kReplyTextOctets) {
                g->fail("the FTP greeting must be at most " + std::to_string(limits::kReplyTextOctets) + " octets");
            }
        }
        std::set<std::string> names;
        if (auto u = v.find("users")) {
            for (const auto& item : u->items("users")) {
                FtpUserSpec user = readUser(item);
                if (!names.insert(user.name).second) item.get("name").fail("the user '" + user.name + "' is already defined");
                server.users.push_back(std::move(user));
            }
        }
        spec.ftpServers.push_back(std::move(server));
    }
}

void readFtpClients(const YamlValue& list, ScenarioSpec& spec) {
    for (const auto& v : list.items("FTP clients")) {
        v.requireMap("an FTP client");
        v.allowOnly({"name", "host", "server", "user", "password", "mode", "extended", "commands"});
        FtpClientSpec client;
        client.where = v.where();
        client.host = requireHost(v.get("host"), spec);
        client.name = client.host;
        if (auto n = v.find("name")) client.name = n->asString();
        const auto server = v.get("server");
        client.server = requireHost(server, spec);
        bool known = false;
        for (const auto& s : spec.ftpServers) known = known || s.host == client.server;
        if (!known) server.fail("'" + client.server + "' runs no FTP server (list it under ftp_servers)");
        client.user = readLineText(v.get("user"), "the user name");
        if (auto p = v.find("password")) client.password = readLineText(*p, "the password");
        if (auto m = v.find("mode")) {
            const std::string mode = m->asString();
            if (mode == "active") client.passive = false;
            else if (mode != "passive") m->fail("expected a mode: active or passive, found '" + mode + "'");
        }
        if (auto e = v.find("extended")) client.extended = e->asBool();
        for (const auto& item : v.get("commands").items("commands")) client.commands.push_back(readCommand(item));
        if (client.commands.empty()) v.get("commands").fail("expected at least one command");
        for (std::size_t i = 1; i < client.commands.size(); ++i) {
            if (client.commands[i].at < client.commands[i - 1].at) {
                v.get("commands").at(i).fail("commands must be in time order");
            }
        }
        spec.ftpClients.push_back(std::move(client));
    }
}

}  // namespace netstage::scenario
