#pragma once

#include <cstdint>

#include "simulator/core/time.hpp"
#include "simulator/net/ids.hpp"

namespace netstage::net {

// One entry of a node's routing table: to reach `destination`, transmit on
// `link` towards `nextHop`. `delay` and `hops` describe the whole path.
struct Route {
    NodeId destination = 0;
    LinkId link = noLink;
    NodeId nextHop = 0;
    Time delay;
    std::uint32_t hops = 0;

    bool exists() const { return link != noLink; }
};

}  // namespace netstage::net
