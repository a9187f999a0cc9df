#include "simulator/net/routing.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <cstdint>
#include <functional>
#include <limits>
#include <utility>

namespace netstage::net {

namespace {

// (delay in ns, hops): compared lexicographically, so delay decides and hop
// count breaks ties.
using Cost = std::pair<std::int64_t, std::int64_t>;
constexpr Cost infinite{std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max()};

struct EdgeData {
    Cost cost;
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, EdgeData>;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

struct CombineCost {
    Cost operator()(const Cost& a, const Cost& b) const {
        if (a == infinite || b == infinite) return infinite;
        return {a.first + b.first, a.second + b.second};
    }
};

// Cost of every node's best path *to* `destination`. The search runs outward
// from the destination over reversed hops; an edge x->y stands for the hop
// y->x, so expanding x means a packet passes through x: only allowed for
// routers and for the destination itself.
std::vector<Cost> costsTo(const Graph& graph, NodeId destination, const std::vector<bool>& isRouter) {
    std::vector<Cost> cost(boost::num_vertices(graph), infinite);
    auto weight = boost::make_function_property_map<Edge, Cost>([&](const Edge& e) {
        const auto via = static_cast<NodeId>(boost::source(e, graph));
        return (via == destination || isRouter[via]) ? graph[e].cost : infinite;
    });
    boost::dijkstra_shortest_paths(
        graph, destination,
        boost::weight_map(weight)
            .distance_map(boost::make_iterator_property_map(cost.begin(), boost::get(boost::vertex_index, graph)))
            .distance_compare(std::less<Cost>{})
            .distance_combine(CombineCost{})
            .distance_inf(infinite)
            .distance_zero(Cost{0, 0}));
    return cost;
}

}  // namespace

std::vector<std::vector<Route>> computeShortestPathRoutes(const std::vector<bool>& isRouter,
                                                          const std::vector<RoutingLink>& links) {
    const std::size_t nodeCount = isRouter.size();
    Graph graph(nodeCount);
    // Per node, its links as (neighbour, link id, delay), for picking next hops.
    struct Adjacent {
        NodeId neighbour;
        LinkId link;
        std::int64_t delay;
    };
    std::vector<std::vector<Adjacent>> adjacent(nodeCount);
    for (const RoutingLink& link : links) {
        const Cost cost{link.delay.nanoseconds(), 1};
        boost::add_edge(link.a, link.b, EdgeData{cost}, graph);
        boost::add_edge(link.b, link.a, EdgeData{cost}, graph);
        adjacent[link.a].push_back({link.b, link.id, link.delay.nanoseconds()});
        adjacent[link.b].push_back({link.a, link.id, link.delay.nanoseconds()});
    }

    std::vector<std::vector<Route>> table(nodeCount);
    for (NodeId from = 0; from < nodeCount; ++from) {
        table[from].resize(nodeCount);
        for (NodeId to = 0; to < nodeCount; ++to) table[from][to].destination = to;
    }
    for (NodeId to = 0; to < nodeCount; ++to) {
        const std::vector<Cost> cost = costsTo(graph, to, isRouter);
        for (NodeId from = 0; from < nodeCount; ++from) {
            if (from == to || cost[from] == infinite) continue;
            Route& best = table[from][to];
            for (const Adjacent& hop : adjacent[from]) {
                const NodeId next = hop.neighbour;
                if (next != to && !isRouter[next]) continue;
                if (cost[next] == infinite) continue;
                if (Cost{hop.delay + cost[next].first, 1 + cost[next].second} != cost[from]) continue;
                const bool better = !best.exists() || next < best.nextHop || (next == best.nextHop && hop.link < best.link);
                if (better) {
                    best.link = hop.link;
                    best.nextHop = next;
                }
            }
            best.delay = Time::fromNanoseconds(cost[from].first);
            best.hops = static_cast<std::uint32_t>(cost[from].second);
        }
    }
    return table;
}

}  // namespace netstage::net
