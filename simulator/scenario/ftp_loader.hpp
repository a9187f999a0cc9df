#pragma once
// Reads the FTP keys of a scenario (ftp_servers, ftp_clients) into the spec.
// Called by the scenario loader after the hosts are known.

#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/scenario/yaml_reader.hpp"

namespace netstage::scenario {

void readFtpServers(const YamlValue& list, ScenarioSpec& spec);
// Needs the servers: every client names one of them.
void readFtpClients(const YamlValue& list, ScenarioSpec& spec);

}  // namespace netstage::scenario
