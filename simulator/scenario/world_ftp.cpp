#include "simulator/scenario/world_ftp.hpp"

#include <algorithm>
#include <array>

#include "protocols/fs/path.hpp"
#include "simulator/apps/world_clock.hpp"

namespace netstage::scenario {

namespace {

// Text is stored as given; a size-described file is made only when first
// read. Binary octets are made a window at a time as they are sent (octet i
// is i mod 256), so a large file costs only its description.
vfs::FileContents contentsOf(const FtpContentSpec& content) {
    if (content.kind == FtpContentSpec::Kind::Text) return vfs::FileContents{content.text};
    if (content.kind == FtpContentSpec::Kind::AllByteValues) {
        return vfs::FileContents::ofRanges(content.size, [](std::uint64_t offset, std::size_t length) {
            std::string bytes;
            bytes.reserve(length);
            std::array<char, 256> cycle{};
            for (std::size_t i = 0; i < cycle.size(); ++i) cycle[i] = static_cast<char>(i);
            // From octet offset mod 256 to the end of the cycle, then whole cycles.
            std::size_t at = static_cast<std::size_t>(offset & 0xff);
            while (bytes.size() < length) {
                const std::size_t n = std::min(cycle.size() - at, length - bytes.size());
                bytes.append(cycle.data() + at, n);
                at = 0;
            }
            return bytes;
        });
    }
    return vfs::FileContents{content.size, [content] { return ftpContentBytes(content); }};
}

ftp::ClientStep clientStep(const FtpCommandSpec& command) {
    switch (command.kind) {
        case FtpCommandSpec::Kind::Login: return ftp::ClientStep::login();
        case FtpCommandSpec::Kind::Cd: return ftp::ClientStep::cd(command.argument);
        case FtpCommandSpec::Kind::Ls: return ftp::ClientStep::ls();
        case FtpCommandSpec::Kind::Get: return ftp::ClientStep::get(command.argument);
        case FtpCommandSpec::Kind::Put: return ftp::ClientStep::put(command.argument, contentsOf(command.content));
    }
    return ftp::ClientStep::login();
}

// Creates every missing directory of the first `depth` components of
// `path` (all but the last for a file), as `mkdir -p` would.
void makeDirectories(vfs::FileSystem& files, const std::string& path, bool includeLast, const SourceLocation& where) {
    const vfs::ResolvedPath resolved = vfs::resolvePath("/", path);
    if (!resolved.ok() || (!includeLast && resolved.isRoot())) {
        throw ScenarioError{where, "the path '" + path + "' is not a valid file name"};
    }
    const std::size_t depth = resolved.components.size() - (includeLast ? 0 : 1);
    std::string prefix;
    for (std::size_t i = 0; i < depth; ++i) {
        prefix += "/" + resolved.components[i];
        if (files.isDirectory(prefix)) continue;
        const vfs::FsError error = files.mkdir(prefix, apps::worldEpochUnixSeconds);
        if (error != vfs::FsError::None) {
            throw ScenarioError{where, "cannot create the directory '" + prefix + "': " + std::string{vfs::toString(error)}};
        }
    }
}

void populate(vfs::FileSystem& files, const FtpUserSpec& user) {
    for (const auto& directory : user.directories) {
        makeDirectories(files, directory, true, user.where);
    }
    for (const auto& file : user.files) {
        makeDirectories(files, file.path, false, file.where);
        const vfs::FsError error = files.writeFile(file.path, contentsOf(file.content), apps::worldEpochUnixSeconds);
        if (error != vfs::FsError::None) {
            throw ScenarioError{file.where, "cannot create the file '" + file.path + "': " + std::string{vfs::toString(error)}};
        }
    }
}

// The files a user starts with, so a viewer can show the server's files as of
// any moment (later changes arrive as ftp transfer-end / file-changed events).
void announceFiles(apps::HostStack& host, const FtpUserSpec& user, const vfs::FileSystem& files) {
    trace::Tracer& tracer = host.node().network().tracer();
    if (!tracer.wantsEvents()) return;
    for (const auto& file : user.files) {
        const auto entry = files.stat(file.path);
        if (!entry) continue;
        tracer.event(trace::Event{host.simulator().now(), host.node().name(), "ftp", "file",
                                  {{"user", user.name},
                                   // Absolute, as the server's transfer events name files.
                                   {"path", file.path.starts_with('/') ? file.path : "/" + file.path},
                                   {"size", static_cast<std::int64_t>(entry->size)}}});
    }
}

}  // namespace

FtpWorld::FtpWorld(const ScenarioSpec& spec, const StackOf& stackOf) {
    for (const auto& host : spec.hosts) {
        if (!host.acceptsIncoming) firewalls_.push_back(std::make_unique<apps::IncomingFirewall>(stackOf(host.name)));
    }
    for (const auto& server : spec.ftpServers) {
        apps::FtpServerAppConfig config;
        if (server.greeting) config.greeting = *server.greeting;
        auto app = std::make_unique<apps::FtpServerApp>(stackOf(server.host), std::move(config));
        for (const auto& user : server.users) {
            vfs::FileSystem& files = app->addUser(user.name, user.password, vfs::kUnlimitedQuota);
            populate(files, user);
            announceFiles(stackOf(server.host), user, files);
            // The quota applies to what users add; the scenario's own files may fill it.
            if (user.quota) files.setQuotaBytes(*user.quota);
        }
        servers_[server.host] = std::move(app);
    }
    std::map<std::string, std::uint16_t> clientsOnHost;
    for (const auto& client : spec.ftpClients) {
        apps::FtpClientAppConfig config;
        // Clients on one host take active-mode ports from separate ranges, so
        // one client's PORT never names a port another used a moment ago.
        const std::uint16_t index = clientsOnHost[client.host]++;
        config.firstActivePort = static_cast<std::uint16_t>(55000 + 500 * (index % 20));
        config.label = client.name;
        config.server = Endpoint{spec.findHost(client.server)->address, 21};
        config.session.user = client.user;
        config.session.password = client.password;
        config.session.passive = client.passive;
        config.session.extended = client.extended;
        for (const auto& command : client.commands) {
            config.session.script.push_back(clientStep(command));
            config.stepTimes.push_back(command.at);
        }
        auto app = std::make_unique<apps::FtpClientApp>(stackOf(client.host), std::move(config));
        app->schedule();
        clients_.push_back(std::move(app));
    }
}

FtpWorld::~FtpWorld() = default;

apps::FtpServerApp* FtpWorld::server(const std::string& host) const {
    auto it = servers_.find(host);
    return it == servers_.end() ? nullptr : it->second.get();
}

}  // namespace netstage::scenario
