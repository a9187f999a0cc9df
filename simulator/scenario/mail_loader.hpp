#pragma once
// Reads the mail keys of a scenario (mail_servers, user_agents) into the spec,
// refusing at load time everything the run would refuse: a message that
// cannot be composed, a stored message larger than its size, a POP3 reply
// that does not start with +OK, a user agent whose server runs no mail server.

#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/scenario/yaml_reader.hpp"

namespace netstage::scenario {

// Needs the hosts.
void readMailServers(const YamlValue& list, ScenarioSpec& spec);
// Needs the mail servers: every user agent names one of them.
void readUserAgents(const YamlValue& list, ScenarioSpec& spec);

}  // namespace netstage::scenario
