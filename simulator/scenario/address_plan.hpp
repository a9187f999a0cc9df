#pragma once
// The IPv4 address of each end of each link. A host end uses the host's
// address unless the link gives one; a router end facing a host takes .1 (else
// .254 downward) on the host's /24; between two routers, 10.255.<link>.1 and .2,
// or the next free address in 10.255.0.0/16 once those are taken. The loader
// plans the addresses to refuse a clash with its location; the world builds
// the links from the same plan.

#include <vector>

#include "simulator/packet/ipv4_address.hpp"
#include "simulator/scenario/scenario_spec.hpp"

namespace netstage::scenario {

struct LinkAddresses {
    Ipv4Address a;
    Ipv4Address b;
};

// One entry per link of `spec`, in order. Throws ScenarioError (at the link)
// when an address would be used twice: a host with a second link that gives
// no address of its own, or no free address left.
std::vector<LinkAddresses> planLinkAddresses(const ScenarioSpec& spec);

}  // namespace netstage::scenario
