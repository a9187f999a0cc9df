#include "live/live_server.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <ctime>

namespace netstage::live {

namespace {

// How much one round reads from one socket, so every client gets its turn.
constexpr std::size_t kReadPerRound = 64 * 1024;
// Connections served at once; more wait in the listen queue until some close.
constexpr std::size_t kMaxClients = 4000;

}  // namespace

Time steadyWallClock() {
    const auto since = std::chrono::steady_clock::now().time_since_epoch();
    return Time::fromNanoseconds(std::chrono::duration_cast<std::chrono::nanoseconds>(since).count());
}

PortListeners::PortListeners(std::vector<ServedPort> plan, const std::string& listenAddress)
    : ports_{std::move(plan)}, address_{listenAddress} {
    for (auto& port : ports_) {
        sockets_.push_back(listenOn(listenAddress, port.localPort));
        port.localPort = localPort(sockets_.back());
    }
}

struct LiveServer::Client {
    Socket socket;
    std::string toClient;       // from the world, not yet written to the socket
    std::size_t written = 0;    // of toClient
    bool readEnded = false;     // the real client closed its side; the world was told
    bool worldClosed = false;   // the server closed its side; shut ours once toClient is written
    bool shutDown = false;
    bool ended = false;         // the simulated connection is over
    bool endedByReset = false;
    bool readingPaused = false; // the simulated side was told to stop reading
    bool connecting = false;    // a connect to the real client (active FTP data) not yet complete
    std::unique_ptr<FtpGateway> gateway;  // on an FTP control connection

    std::size_t waiting() const { return toClient.size() - written; }
};

LiveServer::LiveServer(scenario::ScenarioSpec spec, trace::Tracer& tracer, PortListeners listeners,
                       const scenario::LiveOptions& options, WallClock clock)
    : listeners_{std::move(listeners)}, clock_{std::move(clock)} {
    apps::BridgeCallbacks callbacks;
    callbacks.connected = [this](apps::BridgeId id) { onConnected(id); };
    callbacks.received = [this](apps::BridgeId id, std::string_view bytes) { onReceived(id, bytes); };
    callbacks.peerClosed = [this](apps::BridgeId id) { onPeerClosed(id); };
    callbacks.ended = [this](apps::BridgeId id, const std::string& outcome) { onEnded(id, outcome); };
    world_ = std::make_unique<scenario::LiveWorld>(std::move(spec), tracer, options, std::move(callbacks), clock_());
}

LiveServer::~LiveServer() { stop(); }

void LiveServer::onConnected(apps::BridgeId id) {
    // An active-mode data connection from the simulated server reached the
    // visitor's host: lead it on to where the real client listens.
    const auto target = activeTargets_.find(id);
    if (target == activeTargets_.end()) return;
    Client& client = clients_[id];
    client.socket = connectTo(target->second.address.toString(), target->second.port);
    client.connecting = true;
    activeTargets_.erase(target);
}

void LiveServer::onReceived(apps::BridgeId id, std::string_view bytes) {
    const auto found = clients_.find(id);
    if (found == clients_.end() || !found->second.socket.valid()) return;
    Client& client = found->second;
    if (client.gateway) {
        client.toClient += client.gateway->fromServer(bytes);
    } else {
        client.toClient += bytes;
    }
}

std::unique_ptr<FtpGateway> LiveServer::gatewayFor(apps::BridgeId control, const ServedPort& served, const Socket& socket) {
    FtpGatewayHooks hooks;
    const std::string realAddress = localAddress(socket);
    hooks.passive = [this, realAddress](Endpoint simulated) -> std::optional<Endpoint> {
        try {
            DataListener listener{listenOn(realAddress, 0), simulated, clock_()};
            const Endpoint real{*Ipv4Address::parse(realAddress), localPort(listener.socket)};
            dataListeners_.push_back(std::move(listener));
            return real;
        } catch (const ServeError&) {
            return std::nullopt;  // the reply passes unchanged; the client's connect then fails visibly
        }
    };
    hooks.active = [this](Endpoint real) -> std::optional<Endpoint> {
        for (int tries = 0; tries <= lastActivePort - firstActivePort; ++tries) {
            const std::uint16_t port = nextActivePort_;
            nextActivePort_ = nextActivePort_ == lastActivePort ? firstActivePort : static_cast<std::uint16_t>(nextActivePort_ + 1);
            try {
                const apps::BridgeId id = nextId_;
                world_->listen(id, port);
                ++nextId_;
                activeTargets_[id] = real;
                return Endpoint{world_->fromAddress(), port};
            } catch (const std::invalid_argument&) {
                // that port is still listening for an earlier PORT; try the next
            }
        }
        return std::nullopt;
    };
    hooks.rewritten = [this, control](bool fromClient, const std::string& original, const std::string& rewritten) {
        world_->noteRewrite(control, fromClient, original, rewritten);
    };
    return std::make_unique<FtpGateway>(served.address, std::move(hooks));
}

void LiveServer::onPeerClosed(apps::BridgeId id) {
    const auto found = clients_.find(id);
    if (found != clients_.end()) found->second.worldClosed = true;
}

void LiveServer::onEnded(apps::BridgeId id, const std::string& outcome) {
    const auto found = clients_.find(id);
    if (found == clients_.end()) return;
    found->second.ended = true;
    found->second.endedByReset = outcome == "TCP reset" || outcome.starts_with("refused");
}

void LiveServer::poll(Time maxWait) {
    if (stopped_) return;
    Time delay = world_->step(clock_());
    for (auto& [id, client] : clients_) writeClient(client);
    balanceReading();
    sweep();

    std::vector<pollfd> fds;
    std::vector<apps::BridgeId> owners;  // 0 for a listener
    const bool running = !world_->paused();
    const std::size_t firstData = listeners_.sockets_.size();
    if (running && clients_.size() < kMaxClients) {
        for (const auto& socket : listeners_.sockets_) {
            fds.push_back({socket.fd(), POLLIN, 0});
            owners.push_back(0);
        }
        for (const auto& data : dataListeners_) {
            fds.push_back({data.socket.fd(), POLLIN, 0});
            owners.push_back(0);
        }
    }
    for (const auto& [id, client] : clients_) {
        if (!client.socket.valid()) continue;
        short events = 0;
        if (running && !client.readEnded && !client.connecting && world_->backlog(id) < inputBacklogLimit) events |= POLLIN;
        if (client.waiting() > 0 || client.connecting) events |= POLLOUT;
        if (events == 0) continue;
        fds.push_back({client.socket.fd(), events, 0});
        owners.push_back(id);
    }
    const Time wait = std::max(Time::zero(), std::min(maxWait, delay));
    const timespec timeout{static_cast<std::time_t>(wait.nanoseconds() / 1'000'000'000),
                           static_cast<long>(wait.nanoseconds() % 1'000'000'000)};
    const int ready = ::ppoll(fds.data(), fds.size(), &timeout, nullptr);
    // Inputs enter the world at the present: bring it up to date first.
    world_->step(clock_());
    if (ready > 0) {
        std::size_t listener = 0;
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (owners[i] == 0) {
                if ((fds[i].revents & POLLIN) && listener < firstData) acceptClients(listener);
                if ((fds[i].revents & POLLIN) && listener >= firstData) acceptData(listener - firstData);
                ++listener;
                continue;
            }
            if (fds[i].revents == 0) continue;
            const auto found = clients_.find(owners[i]);
            if (found == clients_.end()) continue;
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) readClient(owners[i], found->second);
            if (fds[i].revents & POLLOUT) writeClient(found->second);
        }
    }
    for (auto& [id, client] : clients_) writeClient(client);
    balanceReading();
    sweep();
    // Passive data ports that were used, or never were.
    const Time wallNow = clock_();
    std::erase_if(dataListeners_, [&](const DataListener& data) {
        return !data.socket.valid() || wallNow - data.openedAt > dataListenerLifetime;
    });
}

void LiveServer::acceptData(std::size_t index) {
    if (index >= dataListeners_.size()) return;
    DataListener& data = dataListeners_[index];
    auto socket = acceptFrom(data.socket);
    if (!socket) return;
    const Endpoint target = data.target;
    data.socket.reset();  // one connection per passive reply
    const apps::BridgeId id = nextId_++;
    ++accepted_;
    clients_[id].socket = std::move(*socket);
    world_->open(id, target);
}

void LiveServer::acceptClients(std::size_t listener) {
    const ServedPort& served = listeners_.ports_[listener];
    while (clients_.size() < kMaxClients) {
        auto socket = acceptFrom(listeners_.sockets_[listener]);
        if (!socket) return;
        const apps::BridgeId id = nextId_++;
        ++accepted_;
        Client& client = clients_[id];
        client.socket = std::move(*socket);
        if (served.protocol == "FTP") client.gateway = gatewayFor(id, served, client.socket);
        world_->open(id, Endpoint{served.address, served.port});
    }
}

void LiveServer::readClient(apps::BridgeId id, Client& client) {
    char buffer[16 * 1024];
    std::size_t total = 0;
    while (total < kReadPerRound && !client.readEnded && world_->backlog(id) < inputBacklogLimit) {
        const ssize_t n = ::recv(client.socket.fd(), buffer, sizeof buffer, 0);
        if (n > 0) {
            const std::string_view bytes{buffer, static_cast<std::size_t>(n)};
            if (client.gateway) {
                world_->send(id, client.gateway->fromClient(bytes));
            } else {
                world_->send(id, bytes);
            }
            total += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (n < 0 && errno == EINTR) continue;
        // End of stream, or the client reset the connection: either way it
        // sends nothing more, and the simulated side closes in turn.
        client.readEnded = true;
        world_->close(id);
        if (n < 0) {
            client.socket.reset();
            client.toClient.clear();
            client.written = 0;
        }
        return;
    }
}

void LiveServer::writeClient(Client& client) {
    if (client.connecting && client.socket.valid()) {
        pollfd ready{client.socket.fd(), POLLOUT, 0};
        if (::poll(&ready, 1, 0) <= 0) return;
        client.connecting = false;
        if (connectError(client.socket) != 0) {
            client.socket.reset();  // the real client is not listening after all
            client.toClient.clear();
            client.written = 0;
            return;
        }
    }
    while (client.socket.valid() && client.waiting() > 0) {
        const ssize_t n = ::send(client.socket.fd(), client.toClient.data() + client.written, client.waiting(), MSG_NOSIGNAL);
        if (n > 0) {
            client.written += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        client.socket.reset();  // the client is gone; what it would have been sent is moot
        client.toClient.clear();
        client.written = 0;
        return;
    }
    if (client.waiting() == 0) {
        client.toClient.clear();
        client.written = 0;
        if (client.worldClosed && !client.shutDown && client.socket.valid()) {
            ::shutdown(client.socket.fd(), SHUT_WR);
            client.shutDown = true;
        }
    } else if (client.written > 64 * 1024) {
        client.toClient.erase(0, client.written);
        client.written = 0;
    }
}

void LiveServer::balanceReading() {
    for (auto& [id, client] : clients_) {
        if (client.ended) continue;
        if (!client.readingPaused && client.waiting() > outputBacklogLimit) {
            client.readingPaused = true;
            world_->pauseReading(id);
        } else if (client.readingPaused && client.waiting() < outputBacklogLimit / 4) {
            client.readingPaused = false;
            world_->resumeReading(id);
        }
    }
}

void LiveServer::sweep() {
    for (auto it = clients_.begin(); it != clients_.end();) {
        Client& client = it->second;
        if (!client.socket.valid()) {
            // The real client vanished (reset, or a write failed): the simulated side closes too.
            if (!client.readEnded && !client.ended) world_->close(it->first);
            it = clients_.erase(it);
            continue;
        }
        if (client.waiting() == 0 && (client.ended || (client.worldClosed && client.readEnded))) {
            if (client.endedByReset) client.socket.resetConnection();
            it = clients_.erase(it);
            continue;
        }
        ++it;
    }
}

void LiveServer::pause() { world_->pause(clock_()); }

void LiveServer::resume() { world_->resume(clock_()); }

void LiveServer::setSpeed(Speed speed) { world_->setSpeed(speed, clock_()); }

Time LiveServer::stop() {
    if (stopped_) return world_->now();
    stopped_ = true;
    world_->step(clock_());
    clients_.clear();
    dataListeners_.clear();
    listeners_.sockets_.clear();
    return world_->finish();
}

}  // namespace netstage::live
