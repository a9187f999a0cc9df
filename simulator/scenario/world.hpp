#pragma once
// A scenario brought to life: the network, each host's TCP stack, the DNS
// server, mail servers and user agents, the scheduled faults and captions.
// The world writes everything to the tracer it is given; views read the trace.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "simulator/apps/bridge.hpp"
#include "simulator/apps/dns/dns_server_app.hpp"
#include "simulator/apps/dns/resolver_client.hpp"
#include "simulator/apps/host_stack.hpp"
#include "simulator/apps/mail/mail_server.hpp"
#include "simulator/apps/mail/user_agent.hpp"
#include "simulator/core/simulator.hpp"
#include "simulator/net/network.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::scenario {

class CaptionTrigger;
class FtpWorld;

class World {
public:
    // Builds everything; throws ScenarioError for problems only visible now
    // (an address the network refuses, a stored message that cannot be made).
    World(const ScenarioSpec& spec, trace::Tracer& tracer, std::optional<std::uint64_t> seedOverride = std::nullopt);
    ~World();
    World(const World&) = delete;
    World& operator=(const World&) = delete;

    // Runs until nothing is left to do or the scenario's stop time, then
    // finishes the trace; returns the end time.
    Time run();

    // A live world is advanced in steps instead (paced by the caller, with
    // outside inputs between steps): every event up to `limit` runs and the
    // clock moves to `limit`. The scenario's stop time does not apply.
    void advanceTo(Time limit);
    // When the next event is due, or Time::max() when none is pending.
    Time nextEventTime() const { return simulator_.nextEventTime(); }
    // Finishes the trace at the current time; returns it. Called once, after the last step.
    Time finish();

    std::uint64_t seed() const { return seed_; }
    Simulator& simulator() { return simulator_; }
    net::Network& network() { return *network_; }
    const std::vector<std::unique_ptr<apps::MailServer>>& mailServers() const { return mailServers_; }
    const std::map<std::string, std::unique_ptr<apps::UserAgent>>& userAgents() const { return userAgents_; }
    // FTP servers and clients, host firewalls (world_ftp.hpp).
    const FtpWorld& ftp() const { return *ftp_; }
    // A host's transport layer, for programs started from outside the
    // scenario (a bridge, a terminal); nullptr if there is no such host.
    apps::HostStack* hostStack(std::string_view name);
    // Where a host's programs send DNS queries: the scenario's DNS server, port 53.
    std::optional<Endpoint> dnsServer() const;
    // TCP counters summed over every host (retransmissions, timeouts, ...).
    tcp::TcpStats tcpTotals() const;

private:
    void buildTopology();
    void buildDns();
    void buildMailServers();
    void buildUserAgents();
    std::uint16_t webmailPortOf(const std::string& host) const;
    void scheduleFaults();
    void scheduleCaptions();
    void applyInput(const BridgeInputSpec& input);
    apps::Bridge& replayBridge(const std::string& host);
    void announce();
    apps::HostStack& stackOf(const std::string& host);
    Ipv4Address addressOf(const std::string& host) const;

    const ScenarioSpec& spec_;
    trace::Tracer& tracer_;
    std::uint64_t seed_;
    RandomStreams streams_;
    Simulator simulator_;
    std::unique_ptr<net::Network> network_;
    std::map<std::string, std::unique_ptr<apps::HostStack>> stacks_;
    std::unique_ptr<apps::DnsServerApp> dnsServer_;
    std::map<std::string, std::unique_ptr<apps::ResolverClient>> resolvers_;
    std::vector<std::unique_ptr<apps::MailServer>> mailServers_;
    std::map<std::string, std::unique_ptr<apps::UserAgent>> userAgents_;
    std::unique_ptr<CaptionTrigger> captions_;
    std::unique_ptr<FtpWorld> ftp_;
    // Replay a recorded live session's inputs, one bridge per host, made at its first input.
    std::map<std::string, std::unique_ptr<apps::Bridge>> bridges_;
};

// The text of a stored message from the scenario, padded to its exact size if one is given.
std::string storedMessageText(const StoredMessageSpec& message);

}  // namespace netstage::scenario
