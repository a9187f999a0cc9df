#pragma once
// The FTP part of a world, and the host firewalls: built from the scenario's
// ftp_servers, ftp_clients and hosts' accepts_incoming, after the hosts'
// TCP stacks exist. Owned by World; destroyed before the stacks.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "simulator/apps/ftp/ftp_client_app.hpp"
#include "simulator/apps/ftp/ftp_server_app.hpp"
#include "simulator/apps/host_firewall.hpp"
#include "simulator/scenario/scenario_spec.hpp"

namespace netstage::scenario {

class FtpWorld {
public:
    using StackOf = std::function<apps::HostStack&(const std::string& host)>;

    // Throws ScenarioError for a file that cannot be created (bad path, over the quota).
    FtpWorld(const ScenarioSpec& spec, const StackOf& stackOf);
    ~FtpWorld();
    FtpWorld(const FtpWorld&) = delete;
    FtpWorld& operator=(const FtpWorld&) = delete;

    // Keyed by host name.
    const std::map<std::string, std::unique_ptr<apps::FtpServerApp>>& servers() const { return servers_; }
    // In scenario order.
    const std::vector<std::unique_ptr<apps::FtpClientApp>>& clients() const { return clients_; }
    apps::FtpServerApp* server(const std::string& host) const;

private:
    std::vector<std::unique_ptr<apps::IncomingFirewall>> firewalls_;
    std::map<std::string, std::unique_ptr<apps::FtpServerApp>> servers_;
    std::vector<std::unique_ptr<apps::FtpClientApp>> clients_;
};

}  // namespace netstage::scenario
