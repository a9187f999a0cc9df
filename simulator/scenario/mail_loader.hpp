#pragma once
// Reads the mail keys of a scenario (mail_servers, user_agents) into the spec,
// refusing at load time everything the run would refuse: a message that
// cannot be composed, a stored message larger than its size, a POP3 reply
// that does not start with +OK, a user agent whose server runs no mail server,
// 8-bit text that a client on its way would refuse after HELO (RFC 6152).

#include <map>
#include <string>

#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/scenario/yaml_reader.hpp"

namespace netstage::scenario {

// Where each mail server that relays with HELO says so (its relay_smtp's
// `ehlo: false`), by host: 8-bit text submitted there cannot leave its domain.
using HeloRelays = std::map<std::string, SourceLocation>;

// Needs the hosts.
HeloRelays readMailServers(const YamlValue& list, ScenarioSpec& spec);
// Needs the mail servers: every user agent names one of them.
void readUserAgents(const YamlValue& list, ScenarioSpec& spec, const HeloRelays& heloRelays);

}  // namespace netstage::scenario
