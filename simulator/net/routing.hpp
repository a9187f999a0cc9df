#pragma once
// Static shortest-path routing. Cost of a path = (total link delay, hops),
// compared in that order; among equal-cost next hops the lowest NodeId wins,
// then the lowest LinkId, so routes never depend on container order.
// Only routers are transit nodes: a path never passes through a host.
//
// Routes towards a destination are computed the first time any node needs
// one (one shortest-path search from that destination) and kept: a network of
// 10,000 hosts that talk to a handful of servers never builds 10^8 entries.
// The result is the same whenever it is computed, because the table works on
// the snapshot of links taken when it was made.

#include <memory>
#include <vector>

#include "simulator/core/time.hpp"
#include "simulator/net/ids.hpp"
#include "simulator/net/route.hpp"

namespace netstage::net {

struct RoutingLink {
    LinkId id = 0;
    NodeId a = 0;
    NodeId b = 0;
    Time delay;
};

class RoutingTable {
public:
    // No routes at all (before Network::computeRoutes).
    RoutingTable();
    // `isRouter[n]` tells whether node n may forward. Links are bidirectional.
    RoutingTable(std::vector<bool> isRouter, const std::vector<RoutingLink>& links);
    ~RoutingTable();
    RoutingTable(RoutingTable&&) noexcept;
    RoutingTable& operator=(RoutingTable&&) noexcept;

    // The route from `from` towards `to`; !exists() for from == to, an
    // unknown node, or no path.
    Route route(NodeId from, NodeId to) const;

private:
    struct Graph;
    const std::vector<Route>& towards(NodeId to) const;

    std::unique_ptr<Graph> graph_;
    // Per destination, every node's route towards it; empty until first asked.
    mutable std::vector<std::vector<Route>> towards_;
};

}  // namespace netstage::net
