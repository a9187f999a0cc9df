#include "gui/model/topology_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <deque>
#include <vector>

namespace netstage::gui {

namespace {
using Neighbours = std::map<std::uint32_t, std::vector<std::uint32_t>>;

Neighbours neighboursOf(const Topology& topology) {
    Neighbours out;
    for (const auto& node : topology.nodes) out[node.id];
    for (const auto& link : topology.links) {
        if (link.a == link.b || !out.count(link.a) || !out.count(link.b)) continue;
        out[link.a].push_back(link.b);
        out[link.b].push_back(link.a);
    }
    return out;
}

// Hop distances from `root`, visiting neighbours in link order.
std::map<std::uint32_t, int> distances(const Neighbours& graph, std::uint32_t root) {
    std::map<std::uint32_t, int> dist{{root, 0}};
    std::deque<std::uint32_t> queue{root};
    while (!queue.empty()) {
        const std::uint32_t at = queue.front();
        queue.pop_front();
        for (std::uint32_t next : graph.at(at)) {
            if (dist.emplace(next, dist[at] + 1).second) queue.push_back(next);
        }
    }
    return dist;
}

// One connected component as columns of node ids, left to right.
std::vector<std::vector<std::uint32_t>> columnsOf(const Topology& topology, const Neighbours& graph,
                                                  std::uint32_t start) {
    // Root the columns at one end of a longest path (two sweeps of BFS find
    // its two ends); of the two ends, the one announced first goes left, so
    // the client a scenario names first reads left to right.
    const auto farthestFrom = [&](std::uint32_t from) {
        const auto dist = distances(graph, from);
        std::uint32_t best = from;
        int farthest = -1;
        for (const auto& node : topology.nodes) {
            const auto d = dist.find(node.id);
            if (d != dist.end() && d->second > farthest) {
                farthest = d->second;
                best = node.id;
            }
        }
        return best;
    };
    const std::uint32_t endA = farthestFrom(start);
    const std::uint32_t endB = farthestFrom(endA);
    std::uint32_t root = endA;
    for (const auto& node : topology.nodes) {
        if (node.id == endA || node.id == endB) {
            root = node.id;
            break;
        }
    }
    const auto dist = distances(graph, root);
    std::vector<std::vector<std::uint32_t>> columns;
    for (const auto& node : topology.nodes) {
        const auto d = dist.find(node.id);
        if (d == dist.end()) continue;
        if (columns.size() <= static_cast<std::size_t>(d->second)) columns.resize(static_cast<std::size_t>(d->second) + 1);
        columns[static_cast<std::size_t>(d->second)].push_back(node.id);
    }
    return columns;
}
// Scenario positions are a sketch of the network, not a promise of room:
// stretch them (each axis on its own, keeping the sketch's order) until no
// two nodes' boxes overlap.
void spreadApart(const Topology& topology, const LayoutMetrics& metrics,
                 const std::function<double(const NodeInfo&)>& widthOf, std::map<std::uint32_t, ScenePoint>& positions) {
    double stretchX = 1;
    double stretchY = 1;
    for (const auto& a : topology.nodes) {
        for (const auto& b : topology.nodes) {
            if (a.id >= b.id || !a.position || !b.position) continue;
            const double dx = std::abs(a.position->x - b.position->x);
            const double dy = std::abs(a.position->y - b.position->y);
            const double needX = (widthOf(a) + widthOf(b)) / 2 + metrics.minimumGap;
            const double needY = metrics.nodeHeight + metrics.minimumGap;
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

    const std::function<double(const NodeInfo&)> widthOf = [&metrics](const NodeInfo& node) {
        return metrics.nodeWidth ? metrics.nodeWidth(node) : 100.0;
    };
    spreadApart(topology, metrics, widthOf, positions);
    for (const auto& [id, p] : positions) placedBottom = std::max(placedBottom, p.y);
    const Neighbours graph = neighboursOf(topology);
    std::map<std::uint32_t, bool> done;
    for (const auto& [id, p] : positions) done[id] = true;
    double top = anyPlaced ? placedBottom + metrics.nodeHeight + metrics.rowGap : 0;

    for (const auto& start : topology.nodes) {
        if (done[start.id]) continue;
        const auto columns = columnsOf(topology, graph, start.id);
        std::size_t tallest = 0;
        for (const auto& column : columns) tallest = std::max(tallest, column.size());
        const double rowPitch = metrics.nodeHeight + metrics.rowGap;
        const double middle = top + rowPitch * static_cast<double>(tallest - 1) / 2;
        double x = 0;
        for (const auto& column : columns) {
            double width = 0;
            for (std::uint32_t id : column) width = std::max(width, widthOf(*topology.findNode(id)));
            const double firstY = middle - rowPitch * static_cast<double>(column.size() - 1) / 2;
            for (std::size_t row = 0; row < column.size(); ++row) {
                const std::uint32_t id = column[row];
                if (done[id]) continue;  // placed by the scenario
                positions[id] = ScenePoint{x + width / 2, firstY + rowPitch * static_cast<double>(row)};
                done[id] = true;
            }
            x += width + metrics.columnGap;
        }
        top += rowPitch * static_cast<double>(tallest);
    }
    return positions;
}

}  // namespace netstage::gui
