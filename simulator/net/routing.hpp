#pragma once
// Static shortest-path routing. Cost of a path = (total link delay, hops),
// compared in that order; among equal-cost next hops the lowest NodeId wins,
// then the lowest LinkId, so routes never depend on container order.
// Only routers are transit nodes: a path never passes through a host.

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

// Returns table[from][to]; table[n][n] and unreachable entries do not exist().
// `isRouter[n]` tells whether node n may forward. Links are bidirectional.
std::vector<std::vector<Route>> computeShortestPathRoutes(const std::vector<bool>& isRouter,
                                                          const std::vector<RoutingLink>& links);

}  // namespace netstage::net
