#include "gui/model/topology_layout.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <unordered_map>
#include <vector>

namespace netstage::gui {

namespace {
// Everything here is linear or n log n in nodes and links: a network of
// thousands of hosts opens in a moment. Nodes are addressed by their index in
// topology.nodes (the order they were announced), never searched by id.
struct Graph {
    std::vector<std::vector<std::size_t>> neighbours;
    std::unordered_map<std::uint32_t, std::size_t> indexOf;
};

Graph graphOf(const Topology& topology) {
    Graph graph;
    graph.neighbours.resize(topology.nodes.size());
    graph.indexOf.reserve(topology.nodes.size());
    for (std::size_t i = 0; i < topology.nodes.size(); ++i) graph.indexOf.emplace(topology.nodes[i].id, i);
    for (const auto& link : topology.links) {
        const auto a = graph.indexOf.find(link.a);
        const auto b = graph.indexOf.find(link.b);
        if (link.a == link.b || a == graph.indexOf.end() || b == graph.indexOf.end()) continue;
        graph.neighbours[a->second].push_back(b->second);
        graph.neighbours[b->second].push_back(a->second);
    }
    return graph;
}

// Hop distances from `root` to every node of its component, visiting
// neighbours in link order; `reached` lists those nodes in visiting order.
void distances(const Graph& graph, std::size_t root, std::vector<int>& dist, std::vector<std::size_t>& reached) {
    for (std::size_t i : reached) dist[i] = -1;
    reached.clear();
    dist[root] = 0;
    reached.push_back(root);
    for (std::size_t head = 0; head < reached.size(); ++head) {
        const std::size_t at = reached[head];
        for (std::size_t next : graph.neighbours[at]) {
            if (dist[next] >= 0) continue;
            dist[next] = dist[at] + 1;
            reached.push_back(next);
        }
    }
}

// One connected component as columns of node indices, left to right.
std::vector<std::vector<std::size_t>> columnsOf(const Graph& graph, std::size_t start, std::vector<int>& dist) {
    std::vector<std::size_t> reached;
    // Root the columns at one end of a longest path (two sweeps of BFS find
    // its two ends); of the two ends, the one announced first goes left, so
    // the client a scenario names first reads left to right. Among nodes
    // equally far, the one announced first.
    const auto farthestFrom = [&](std::size_t from) {
        distances(graph, from, dist, reached);
        std::size_t best = from;
        for (std::size_t i : reached) {
            if (dist[i] > dist[best] || (dist[i] == dist[best] && i < best)) best = i;
        }
        return best;
    };
    const std::size_t endA = farthestFrom(start);
    const std::size_t endB = farthestFrom(endA);
    distances(graph, std::min(endA, endB), dist, reached);
    std::sort(reached.begin(), reached.end());  // announcement order within a column
    std::vector<std::vector<std::size_t>> columns;
    for (std::size_t i : reached) {
        const auto d = static_cast<std::size_t>(dist[i]);
        if (columns.size() <= d) columns.resize(d + 1);
        columns[d].push_back(i);
    }
    for (std::size_t i : reached) dist[i] = -1;
    return columns;
}

// Scenario positions are a sketch of the network, not a promise of room:
// stretch them (each axis on its own, keeping the sketch's order) until no
// two nodes' boxes overlap. Only pairs closer in x than the widest node can
// overlap, so a sweep over the nodes sorted by x meets each node's few
// neighbours, not every other node.
void spreadApart(const Topology& topology, const LayoutMetrics& metrics, const std::vector<double>& widths,
                 std::map<std::uint32_t, ScenePoint>& positions) {
    std::vector<std::size_t> placed;
    double widest = 0;
    for (std::size_t i = 0; i < topology.nodes.size(); ++i) {
        if (!topology.nodes[i].position) continue;
        placed.push_back(i);
        widest = std::max(widest, widths[i]);
    }
    const auto xOf = [&topology](std::size_t i) { return topology.nodes[i].position->x; };
    std::stable_sort(placed.begin(), placed.end(), [&xOf](std::size_t a, std::size_t b) { return xOf(a) < xOf(b); });
    double stretchX = 1;
    double stretchY = 1;
    const double needY = metrics.nodeHeight + metrics.minimumGap;
    for (std::size_t m = 0; m < placed.size(); ++m) {
        const std::size_t a = placed[m];
        const ScenePoint pa = *topology.nodes[a].position;
        for (std::size_t n = m + 1; n < placed.size(); ++n) {
            const std::size_t b = placed[n];
            const ScenePoint pb = *topology.nodes[b].position;
            const double dx = pb.x - pa.x;  // >= 0: sorted
            if (dx >= (widths[a] + widest) / 2 + metrics.minimumGap) break;  // nor any node further right
            const double dy = std::abs(pb.y - pa.y);
            const double needX = (widths[a] + widths[b]) / 2 + metrics.minimumGap;
            if (dx >= needX || dy >= needY) continue;
            const double byX = dx > 0 ? needX / dx : std::numeric_limits<double>::infinity();
            const double byY = dy > 0 ? needY / dy : std::numeric_limits<double>::infinity();
            if (byX <= byY) stretchX = std::max(stretchX, byX);
            else stretchY = std::max(stretchY, byY);
        }
    }
    if (!std::isfinite(stretchX) || !std::isfinite(stretchY)) return;  // two nodes on one spot: leave it
    for (auto& [id, p] : positions) p = ScenePoint{p.x * stretchX, p.y * stretchY};
}
}  // namespace

std::map<std::uint32_t, ScenePoint> layoutTopology(const Topology& topology, const LayoutMetrics& metrics) {
    std::map<std::uint32_t, ScenePoint> positions;
    double placedBottom = 0;
    bool anyPlaced = false;
    for (const auto& node : topology.nodes) {
        if (!node.position) continue;
        positions[node.id] = *node.position;
        placedBottom = anyPlaced ? std::max(placedBottom, node.position->y) : node.position->y;
        anyPlaced = true;
    }

    // Measured once each: measuring a label costs more than all the rest.
    std::vector<double> widths;
    widths.reserve(topology.nodes.size());
    for (const auto& node : topology.nodes) widths.push_back(metrics.nodeWidth ? metrics.nodeWidth(node) : 100.0);
    spreadApart(topology, metrics, widths, positions);
    for (const auto& [id, p] : positions) placedBottom = std::max(placedBottom, p.y);
    const Graph graph = graphOf(topology);
    std::vector<bool> done(topology.nodes.size(), false);
    for (std::size_t i = 0; i < topology.nodes.size(); ++i) done[i] = positions.count(topology.nodes[i].id) > 0;
    std::vector<int> dist(topology.nodes.size(), -1);
    double top = anyPlaced ? placedBottom + metrics.nodeHeight + metrics.rowGap : 0;

    for (std::size_t start = 0; start < topology.nodes.size(); ++start) {
        if (done[start]) continue;
        const auto columns = columnsOf(graph, start, dist);
        std::size_t tallest = 0;
        for (const auto& column : columns) tallest = std::max(tallest, column.size());
        const double rowPitch = metrics.nodeHeight + metrics.rowGap;
        const double middle = top + rowPitch * static_cast<double>(tallest - 1) / 2;
        double x = 0;
        for (const auto& column : columns) {
            double width = 0;
            for (std::size_t i : column) width = std::max(width, widths[i]);
            const double firstY = middle - rowPitch * static_cast<double>(column.size() - 1) / 2;
            for (std::size_t row = 0; row < column.size(); ++row) {
                const std::size_t i = column[row];
                if (done[i]) continue;  // placed by the scenario
                positions[topology.nodes[i].id] = ScenePoint{x + width / 2, firstY + rowPitch * static_cast<double>(row)};
                done[i] = true;
            }
            x += width + metrics.columnGap;
        }
        top += rowPitch * static_cast<double>(tallest);
    }
    return positions;
}

}  // namespace netstage::gui
