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

}  // namespace netstage::bench
