#pragma once
// Identifiers of the simulated topology. A NodeId or LinkId is an index in
// the order the node or link was added, so it is stable for one scenario and
// can index a vector.

#include <cstdint>

namespace netstage::net {

using NodeId = std::uint32_t;
using LinkId = std::uint32_t;

// "No link": the link field of a Route that does not exist.
inline constexpr LinkId noLink = ~LinkId{0};

}  // namespace netstage::net
