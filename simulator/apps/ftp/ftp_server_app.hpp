#pragma once
// An FTP server host: listens on the control port (21), runs one
// ftp::ServerSession per control connection, and opens the data connections
// the sessions ask for: passive ones on a port it picks before the 227/229
// reply is sent, active ones from port 20 to the client's PORT/EPRT address.
// The users, their passwords, quotas and file trees live here.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/ftp/server_config.hpp"
#include "simulator/apps/host_stack.hpp"
#include "simulator/apps/session_keeper.hpp"

namespace netstage::apps {

class FtpServerConnection;

struct FtpServerAppConfig {
    std::uint16_t controlPort = 21;
    std::uint16_t activeDataPort = 20;  // RFC 959 section 3.2: L-1
    // Passive listeners are opened on the next free port of this range, in order.
    std::uint16_t firstPassivePort = 50000;
    std::uint16_t lastPassivePort = 50999;
    std::string greeting = "NetStage FTP server ready";
    ftp::ReplyTexts texts;
    Time idleTimeout = Time::fromSeconds(300);
};

class FtpServerApp {
public:
    FtpServerApp(HostStack& host, FtpServerAppConfig config);
    ~FtpServerApp();
    FtpServerApp(const FtpServerApp&) = delete;
    FtpServerApp& operator=(const FtpServerApp&) = delete;

    vfs::FileSystem& addUser(std::string user, std::string password, std::uint64_t quotaBytes = vfs::kUnlimitedQuota);
    // The tree of a user; null for an unknown user.
    vfs::FileSystem* files(std::string_view user) { return users_.fileSystemFor(user); }

    HostStack& host() { return host_; }
    const FtpServerAppConfig& config() const { return config_; }
    ftp::ServerConfig sessionConfig();
    // The host name of an address in the network, or the address itself.
    std::string nameOf(Ipv4Address address) const;
    std::size_t sessionsStarted() const { return sessionsStarted_; }

private:
    class PortRange : public ftp::PassivePortChooser {
    public:
        PortRange(HostStack& host, std::uint16_t first, std::uint16_t last) : host_{host}, first_{first}, last_{last}, next_{first} {}
        std::uint16_t nextPort() override;

    private:
        HostStack& host_;
        std::uint16_t first_;
        std::uint16_t last_;
        std::uint16_t next_;
    };

    void accept(std::shared_ptr<tcp::TcpConnection> connection);

    HostStack& host_;
    FtpServerAppConfig config_;
    ftp::MapUserDirectory users_;
    PortRange passivePorts_;
    std::size_t sessionsStarted_ = 0;
    SessionKeeper sessions_;  // last: sessions still open when the server goes are freed first
};

}  // namespace netstage::apps
