#pragma once
// `netstage serve`'s engine room, shared with the GUI's live mode: loopback
// listeners for the scenario's servers, and for each real client that
// connects, a bridged connection into the live world (live_world.hpp) from
// the visitor's host (or `--from`) to the simulated server. Bytes move both
// ways through bounded buffers: a socket is not read while the simulated TCP
// has a backlog from it, and the simulated TCP stops reading (its window
// closes) while the real client is slow to take what it sent.
//
// The front end calls poll() in a loop (the CLI) or from a timer (the GUI).
// Only this library reads the wall clock and touches real sockets; the world
// sees inputs at simulated times and writes them to the trace.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "live/ftp_gateway.hpp"
#include "live/serve_plan.hpp"
#include "live/socket.hpp"
#include "simulator/scenario/live_world.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::live {

// Wall time as a Time from a fixed origin (the steady clock's).
Time steadyWallClock();

// The listening sockets for a plan, bound before the world is built, so a
// port in use is reported before anything runs or any file is written.
class PortListeners {
public:
    // Throws ServeError (a port in use, an address that is not IPv4).
    PortListeners(std::vector<ServedPort> plan, const std::string& listenAddress);
    // The plan with the local ports actually bound (0 in a request becomes a real port).
    const std::vector<ServedPort>& ports() const { return ports_; }
    const std::string& address() const { return address_; }

private:
    friend class LiveServer;
    std::vector<ServedPort> ports_;
    std::vector<Socket> sockets_;
    std::string address_;
};

class LiveServer {
public:
    using WallClock = std::function<Time()>;
    // A socket is not read while this many bytes from it wait for the simulated TCP.
    static constexpr std::size_t inputBacklogLimit = 256 * 1024;
    // The simulated side stops reading while this many bytes wait for the real client, and reads again below a quarter of it.
    static constexpr std::size_t outputBacklogLimit = 256 * 1024;

    // Builds the live world (throws ScenarioError) writing to `tracer`, and
    // serves the listeners' ports from now on.
    LiveServer(scenario::ScenarioSpec spec, trace::Tracer& tracer, PortListeners listeners,
               const scenario::LiveOptions& options, WallClock clock = steadyWallClock);
    ~LiveServer();
    LiveServer(const LiveServer&) = delete;
    LiveServer& operator=(const LiveServer&) = delete;

    const std::vector<ServedPort>& ports() const { return listeners_.ports(); }
    scenario::LiveWorld& world() { return *world_; }
    const scenario::LiveWorld& world() const { return *world_; }

    // One round: runs what is due, moves bytes between the sockets and the
    // world, and waits at most `maxWait` (less when an event is due sooner)
    // for a socket to be ready.
    void poll(Time maxWait);
    // Real client connections open now.
    std::size_t clientCount() const { return clients_.size(); }
    std::uint64_t connectionsAccepted() const { return accepted_; }

    // Freezes the world (sockets are not read meanwhile: what clients send
    // waits in the kernel and enters the world when it runs again).
    void pause();
    void resume();
    void setSpeed(Speed speed);

    // Closes every socket and finishes the trace at the current simulated
    // time; returns it. Called once; poll() does nothing afterwards.
    Time stop();

    // The simulated ports on the connecting host that active-mode FTP data
    // connections are led through (below the host's ephemeral ports).
    static constexpr std::uint16_t firstActivePort = 40000;
    static constexpr std::uint16_t lastActivePort = 49151;
    // A passive-mode data port not connected to within this long is closed.
    static constexpr Time dataListenerLifetime = Time::fromSeconds(120);

private:
    struct Client;
    // A loopback port opened for one passive-mode FTP data connection.
    struct DataListener {
        Socket socket;
        Endpoint target;  // the simulated server's data port
        Time openedAt;    // wall clock
    };
    void onConnected(apps::BridgeId id);
    void onReceived(apps::BridgeId id, std::string_view bytes);
    void onPeerClosed(apps::BridgeId id);
    void onEnded(apps::BridgeId id, const std::string& outcome);
    void acceptClients(std::size_t listener);
    void acceptData(std::size_t listener);
    std::unique_ptr<FtpGateway> gatewayFor(apps::BridgeId control, const ServedPort& served, const Socket& socket);
    void readClient(apps::BridgeId id, Client& client);
    void writeClient(Client& client);
    void balanceReading();
    void sweep();

    PortListeners listeners_;
    WallClock clock_;
    std::map<apps::BridgeId, Client> clients_;
    std::vector<DataListener> dataListeners_;
    std::map<apps::BridgeId, Endpoint> activeTargets_;  // listening id -> where the real client listens
    std::uint16_t nextActivePort_ = firstActivePort;
    std::unique_ptr<scenario::LiveWorld> world_;
    apps::BridgeId nextId_ = 1;
    std::uint64_t accepted_ = 0;
    bool stopped_ = false;
};

}  // namespace netstage::live
