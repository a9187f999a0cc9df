#pragma once
// The simulated IPv4 network: nodes, point-to-point links, static routes.
// It is a plain object over one Simulator and one Tracer; everything that
// happens to a packet is reported to the tracer as a PacketEvent (see
// docs/network.md for when each action is emitted).

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "simulator/core/random.hpp"
#include "simulator/core/simulator.hpp"
#include "simulator/net/ids.hpp"
#include "simulator/net/link.hpp"
#include "simulator/net/link_config.hpp"
#include "simulator/net/node.hpp"
#include "simulator/net/route.hpp"
#include "simulator/net/routing.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::net {

class Network {
public:
    Network(Simulator& simulator, trace::Tracer& tracer, const RandomStreams& streams);
    ~Network();
    Network(const Network&) = delete;
    Network& operator=(const Network&) = delete;

    // Names are unique; throws std::invalid_argument on a duplicate or empty name.
    NodeId addHost(std::string name);
    NodeId addRouter(std::string name);
    // Adds an interface with `addressA` to a and one with `addressB` to b.
    // Throws std::invalid_argument on a self-link, a used or 0.0.0.0 address,
    // a non-positive rate, a negative delay or a loss outside [0, 1].
    LinkId addLink(NodeId a, Ipv4Address addressA, NodeId b, Ipv4Address addressB, LinkConfig config = {});

    // Fills every node's routing table with static shortest paths over the
    // links that are up now. Call after the topology is built; until then every
    // send is "no-route". Routes do not change when a link later goes down.
    void computeRoutes();
    // The route from `from` to `to` (the first hop of the path).
    std::optional<Route> route(NodeId from, NodeId to) const;
    // The links a packet from `from` to `to` takes; empty if unreachable.
    std::vector<LinkId> path(NodeId from, NodeId to) const;

    void setLinkUp(LinkId link, bool up);
    void scheduleLinkState(LinkId link, Time at, bool up);

    // Emits one "topology"/"node" Event per node, then one "topology"/"link"
    // Event per link, so a replay can rebuild the picture.
    void announceTopology();

    Node& node(NodeId id);
    const Node& node(NodeId id) const;
    const Link& link(LinkId id) const;
    std::optional<NodeId> findNode(std::string_view name) const;
    std::optional<NodeId> nodeByAddress(Ipv4Address address) const;
    std::size_t nodeCount() const { return nodes_.size(); }
    std::size_t linkCount() const { return links_.size(); }

    Simulator& simulator() { return simulator_; }
    trace::Tracer& tracer() { return tracer_; }

private:
    friend class Node;

    NodeId addNode(std::string name, NodeKind kind);
    Link& mutableLink(LinkId id) { return *links_[id]; }
    std::uint64_t nextUid() { return ++lastUid_; }

    Simulator& simulator_;
    trace::Tracer& tracer_;
    RandomStreams streams_;
    std::vector<std::unique_ptr<Node>> nodes_;
    std::vector<std::unique_ptr<Link>> links_;
    // Looked up only, never iterated, so its order cannot leak into a trace.
    std::unordered_map<std::uint32_t, NodeId> nodeByAddress_;
    std::map<std::string, NodeId, std::less<>> nodeByName_;
    RoutingTable routes_;
    std::uint64_t lastUid_ = 0;
};

}  // namespace netstage::net
