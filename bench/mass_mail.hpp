#pragma once
// A scenario of many messages: N messages from `agents` user agents through
// one mail server into 1,000 mailboxes, submitted `spacing` apart (all at the
// same instant by default).
// Each message is its own SMTP session over its own TCP connection. The mail
// benchmark runs it with the trace off; the GUI benchmark records it to make
// a trace of a million events.

#include <cstddef>

#include "simulator/core/time.hpp"

#include "simulator/scenario/scenario_spec.hpp"

namespace netstage::bench {

scenario::ScenarioSpec massMail(std::size_t messages, std::size_t agents, Time spacing = Time::zero());

// Mail at scale across many servers: `servers` mail servers (mail0.example
// ... in domains s0.example ..., ten mailboxes each), each with one user
// agent of its own that submits its share of the N messages to it, one every
// `spacing`, all behind one router. Each message is again its own SMTP
// session; with a spacing the sessions overlap less, but each one still
// holds its connection through TIME-WAIT (one minute) after it ends.
scenario::ScenarioSpec massMailServers(std::size_t messages, std::size_t servers, Time spacing);

}  // namespace netstage::bench
