#pragma once
// Where each node sits in the scene. Scenario positions are used as given;
// the other nodes are laid out in columns by hop distance from one end of
// the network (so a chain reads left to right), each column as wide as its
// widest label plus a gap, each row as tall as a node: labels cannot overlap.
// Deterministic: same topology, same picture.

#include <cstdint>
#include <functional>
#include <map>

#include "gui/model/topology.hpp"

namespace netstage::gui {

struct LayoutMetrics {
    std::function<double(const NodeInfo&)> nodeWidth;  // icon and label, whichever is wider
    double nodeHeight = 160;  // icon plus label lines
    double columnGap = 120;
    double rowGap = 60;
    double minimumGap = 40;  // between nodes placed by the scenario
};

std::map<std::uint32_t, ScenePoint> layoutTopology(const Topology& topology, const LayoutMetrics& metrics);

}  // namespace netstage::gui
