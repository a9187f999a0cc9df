#pragma once
// A host for someone outside the scenario: the student whose real client
// talks to the simulated servers (`netstage serve`), or who types at a
// terminal in the GUI. It joins the network by a link of its own, so what it
// sends crosses routers visibly, like anyone else's packets.

#include <string>

#include "simulator/scenario/scenario_spec.hpp"

namespace netstage::scenario {

struct VisitorPlan {
    std::string attachedTo;  // the router (or, without routers, the server host) its link goes to
    Ipv4Address address;
};

// Adds host `name` (a PC) and its link to `spec`:
//  - to the core router: the one with the most routers as neighbours (then
//    the most links, then the first listed); without routers, to the first
//    mail or FTP server's host (else the first host), which gets a second
//    interface, .1 on the visitor's network;
//  - on the first /24 from 10.0.99.0 upward that nothing in the scenario
//    uses, as .2 (the router's end takes .1);
//  - 100 Mbit/s, 1 ms, no loss.
// Throws ScenarioError if the name is taken or the scenario has no host.
VisitorPlan addVisitor(ScenarioSpec& spec, const std::string& name);

}  // namespace netstage::scenario
