#include "simulator/net/network.hpp"

#include <charconv>
#include <stdexcept>

#include "simulator/net/routing.hpp"

namespace netstage::net {

namespace {

std::string joinAddresses(const std::vector<Interface>& interfaces) {
    std::string out;
    for (const Interface& i : interfaces) {
        if (!out.empty()) out += ',';
        out += i.address.toString();
    }
    return out;
}

// Shortest round-trip text ("0.01", "0"), identical on every platform.
std::string formatProbability(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace

Network::Network(Simulator& simulator, trace::Tracer& tracer, const RandomStreams& streams)
    : simulator_{simulator}, tracer_{tracer}, streams_{streams} {}

Network::~Network() = default;

NodeId Network::addHost(std::string name) {
    return addNode(std::move(name), NodeKind::Host);
}

NodeId Network::addRouter(std::string name) {
    return addNode(std::move(name), NodeKind::Router);
}

NodeId Network::addNode(std::string name, NodeKind kind) {
    if (name.empty()) throw std::invalid_argument("a node needs a name");
    const auto id = static_cast<NodeId>(nodes_.size());
    if (!nodeByName_.emplace(name, id).second) throw std::invalid_argument("duplicate node name '" + name + "'");
    nodes_.push_back(std::make_unique<Node>(*this, id, std::move(name), kind));
    return id;
}

LinkId Network::addLink(NodeId a, Ipv4Address addressA, NodeId b, Ipv4Address addressB, LinkConfig config) {
    if (a >= nodes_.size() || b >= nodes_.size()) throw std::out_of_range("addLink: unknown node");
    if (a == b) throw std::invalid_argument("addLink: a link needs two different nodes");
    for (const Ipv4Address address : {addressA, addressB}) {
        if (address == Ipv4Address{}) throw std::invalid_argument("addLink: 0.0.0.0 is not an interface address");
        if (nodeByAddress_.contains(address.value())) {
            throw std::invalid_argument("addLink: address " + address.toString() + " is already in use");
        }
    }
    if (addressA == addressB) throw std::invalid_argument("addLink: both ends have the same address");
    if (config.bitsPerSecond <= 0) throw std::invalid_argument("addLink: the rate must be positive");
    if (config.delay < Time::zero()) throw std::invalid_argument("addLink: the delay must not be negative");
    if (!(config.lossProbability >= 0.0 && config.lossProbability <= 1.0)) {
        throw std::invalid_argument("addLink: the loss probability must be within [0, 1]");
    }
    const auto id = static_cast<LinkId>(links_.size());
    links_.push_back(std::make_unique<Link>(id, *nodes_[a], addressA, *nodes_[b], addressB, config, simulator_,
                                            tracer_, streams_));
    nodes_[a]->addInterface(id, addressA);
    nodes_[b]->addInterface(id, addressB);
    nodeByAddress_.emplace(addressA.value(), a);
    nodeByAddress_.emplace(addressB.value(), b);
    return id;
}

void Network::computeRoutes() {
    std::vector<bool> isRouter;
    isRouter.reserve(nodes_.size());
    for (const auto& n : nodes_) isRouter.push_back(n->isRouter());
    std::vector<RoutingLink> up;
    for (const auto& l : links_) {
        if (l->isUp()) up.push_back({l->id(), l->nodeA(), l->nodeB(), l->config().delay});
    }
    routes_ = RoutingTable{std::move(isRouter), up};
}

std::optional<Route> Network::route(NodeId from, NodeId to) const {
    const Route r = node(from).routeTo(to);
    if (!r.exists()) return std::nullopt;
    return r;
}

std::vector<LinkId> Network::path(NodeId from, NodeId to) const {
    std::vector<LinkId> links;
    NodeId at = from;
    while (at != to) {
        const Route r = node(at).routeTo(to);
        // A path longer than the node count would be a loop; routes are
        // loop-free by construction, so this only guards against misuse.
        if (!r.exists() || links.size() > nodes_.size()) return {};
        links.push_back(r.link);
        at = r.nextHop;
    }
    return links;
}

void Network::setLinkUp(LinkId id, bool up) {
    Link& l = *links_.at(id);
    if (l.isUp() == up) return;
    if (tracer_.wantsEvents()) {
        tracer_.event(trace::Event{simulator_.now(), "", "link", up ? "up" : "down",
                                   {{"link", std::int64_t{id}},
                                    {"a", std::int64_t{l.nodeA()}},
                                    {"b", std::int64_t{l.nodeB()}}}});
    }
    l.setUp(up);
}

void Network::scheduleLinkState(LinkId id, Time at, bool up) {
    (void)links_.at(id);
    simulator_.scheduleAt(at, [this, id, up] { setLinkUp(id, up); });
}

void Network::announceTopology() {
    if (!tracer_.wantsEvents()) return;
    for (const auto& n : nodes_) {
        tracer_.event(trace::Event{simulator_.now(), "", "topology", "node",
                                   {{"id", std::int64_t{n->id()}},
                                    {"name", n->name()},
                                    {"kind", std::string{toString(n->kind())}},
                                    {"addresses", joinAddresses(n->interfaces())}}});
    }
    for (const auto& l : links_) {
        const LinkConfig& c = l->config();
        tracer_.event(trace::Event{simulator_.now(), "", "topology", "link",
                                   {{"id", std::int64_t{l->id()}},
                                    {"a", std::int64_t{l->nodeA()}},
                                    {"b", std::int64_t{l->nodeB()}},
                                    {"addressA", l->addressA().toString()},
                                    {"addressB", l->addressB().toString()},
                                    {"rate_bps", c.bitsPerSecond},
                                    {"delay_ns", c.delay.nanoseconds()},
                                    {"loss", formatProbability(c.lossProbability)},
                                    {"queue", static_cast<std::int64_t>(c.queueLimitPackets)}}});
    }
}

Node& Network::node(NodeId id) {
    return *nodes_.at(id);
}

const Node& Network::node(NodeId id) const {
    return *nodes_.at(id);
}

const Link& Network::link(LinkId id) const {
    return *links_.at(id);
}

std::optional<NodeId> Network::findNode(std::string_view name) const {
    const auto found = nodeByName_.find(name);
    if (found == nodeByName_.end()) return std::nullopt;
    return found->second;
}

std::optional<NodeId> Network::nodeByAddress(Ipv4Address address) const {
    const auto found = nodeByAddress_.find(address.value());
    if (found == nodeByAddress_.end()) return std::nullopt;
    return found->second;
}

}  // namespace netstage::net
