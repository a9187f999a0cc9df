#include "simulator/apps/ftp/ftp_server_app.hpp"

#include <stdexcept>

#include "simulator/apps/ftp/ftp_server_connection.hpp"
#include "simulator/apps/world_clock.hpp"

namespace netstage::apps {

FtpServerApp::FtpServerApp(HostStack& host, FtpServerAppConfig config)
    : host_{host}, config_{std::move(config)}, passivePorts_{host, config_.firstPassivePort, config_.lastPassivePort} {
    if (config_.firstPassivePort == 0 || config_.firstPassivePort > config_.lastPassivePort) {
        throw std::invalid_argument{"FtpServerApp: empty passive port range"};
    }
    if (!host_.tcp().listen(config_.controlPort, [this](std::shared_ptr<tcp::TcpConnection> c) { accept(std::move(c)); })) {
        throw std::invalid_argument{"FtpServerApp: port " + std::to_string(config_.controlPort) + " is already in use on " +
                                    host_.node().name()};
    }
}

FtpServerApp::~FtpServerApp() { host_.tcp().stopListening(config_.controlPort); }

vfs::FileSystem& FtpServerApp::addUser(std::string user, std::string password, std::uint64_t quotaBytes) {
    return users_.addUser(std::move(user), std::move(password), quotaBytes);
}

ftp::ServerConfig FtpServerApp::sessionConfig() {
    ftp::ServerConfig config;
    config.greeting = config_.greeting;
    config.texts = config_.texts;
    config.users = &users_;
    config.passivePorts = &passivePorts_;
    const std::uint32_t address = host_.node().primaryAddress().value();
    config.passiveAddress = {static_cast<std::uint8_t>(address >> 24), static_cast<std::uint8_t>(address >> 16),
                             static_cast<std::uint8_t>(address >> 8), static_cast<std::uint8_t>(address)};
    config.idleTimeout = engineTime(config_.idleTimeout);
    config.unixEpochAtZero = worldEpochUnixSeconds;
    return config;
}

std::string FtpServerApp::nameOf(Ipv4Address address) const {
    const auto& network = host_.node().network();
    if (auto id = network.nodeByAddress(address)) return network.node(*id).name();
    return address.toString();
}

void FtpServerApp::accept(std::shared_ptr<tcp::TcpConnection> connection) {
    ++sessionsStarted_;
    auto session = std::make_shared<FtpServerConnection>(*this, std::move(connection));
    sessions_.keep(session);
    session->start();
}

// Ports are handed out in order and wrap, so a listener is not reused while
// a recent data connection on it may still be in TIME-WAIT.
std::uint16_t FtpServerApp::PortRange::nextPort() {
    const std::uint32_t span = static_cast<std::uint32_t>(last_) - first_ + 1;
    for (std::uint32_t tried = 0; tried < span; ++tried) {
        const std::uint16_t port = next_;
        next_ = port == last_ ? first_ : static_cast<std::uint16_t>(port + 1);
        if (!host_.tcp().isListening(port)) return port;
    }
    return first_;  // all busy: the listen fails and the client gets 425
}

}  // namespace netstage::apps
