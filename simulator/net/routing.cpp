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
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, EdgeData>;
using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;

struct CombineCost {
    Cost operator()(const Cost& a, const Cost& b) const {
        if (a == infinite || b == infinite) return infinite;
        return {a.first + b.first, a.second + b.second};
    }
};

// A node's link as seen from the node: for picking next hops.
struct Adjacent {
    NodeId neighbour;
    LinkId link;
    std::int64_t delay;
};

}  // namespace

struct RoutingTable::Graph {
    explicit Graph(std::size_t nodeCount) : graph(nodeCount), adjacent(nodeCount) {}

    BoostGraph graph;
    std::vector<bool> isRouter;
    std::vector<std::vector<Adjacent>> adjacent;

    // Cost of every node's best path *to* `destination`. The search runs
    // outward from the destination over reversed hops; an edge x->y stands
    // for the hop y->x, so expanding x means a packet passes through x: only
    // allowed for routers and for the destination itself.
    std::vector<Cost> costsTo(NodeId destination) const {
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
};

RoutingTable::RoutingTable() = default;
RoutingTable::~RoutingTable() = default;
RoutingTable::RoutingTable(RoutingTable&&) noexcept = default;
RoutingTable& RoutingTable::operator=(RoutingTable&&) noexcept = default;

RoutingTable::RoutingTable(std::vector<bool> isRouter, const std::vector<RoutingLink>& links)
    : graph_{std::make_unique<Graph>(isRouter.size())} {
    const std::size_t nodeCount = isRouter.size();
    graph_->isRouter = std::move(isRouter);
    for (const RoutingLink& link : links) {
        const Cost cost{link.delay.nanoseconds(), 1};
        boost::add_edge(link.a, link.b, EdgeData{cost}, graph_->graph);
        boost::add_edge(link.b, link.a, EdgeData{cost}, graph_->graph);
        graph_->adjacent[link.a].push_back({link.b, link.id, link.delay.nanoseconds()});
        graph_->adjacent[link.b].push_back({link.a, link.id, link.delay.nanoseconds()});
    }
    towards_.resize(nodeCount);
}

Route RoutingTable::route(NodeId from, NodeId to) const {
    if (!graph_ || from >= towards_.size() || to >= towards_.size()) return Route{to, noLink, 0, Time::zero(), 0};
    return towards(to)[from];
}

const std::vector<Route>& RoutingTable::towards(NodeId to) const {
    std::vector<Route>& table = towards_[to];
    if (!table.empty()) return table;
    const Graph& g = *graph_;
    const std::size_t nodeCount = towards_.size();
    table.resize(nodeCount);
    const std::vector<Cost> cost = g.costsTo(to);
    for (NodeId from = 0; from < nodeCount; ++from) {
        Route& best = table[from];
        best.destination = to;
        if (from == to || cost[from] == infinite) continue;
        for (const Adjacent& hop : g.adjacent[from]) {
            const NodeId next = hop.neighbour;
            if (next != to && !g.isRouter[next]) continue;
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
    return table;
}

}  // namespace netstage::net
