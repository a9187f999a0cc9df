#pragma once
// The `imap:` action of a user agent: a list of steps read from the scenario
// (with file:line:column errors) and turned into the IMAP client's script.
// docs/scenario-format.md, section "IMAP", describes the syntax.

#include <vector>

#include "protocols/imap/client_session.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/scenario/yaml_reader.hpp"

namespace netstage::scenario {

// Throws ScenarioError for an unknown step, a bad argument, or a step that
// needs a selected folder before any `select`.
std::vector<ImapActionSpec> readImapActions(const YamlValue& v);

std::vector<imap::ClientAction> imapScript(const std::vector<ImapActionSpec>& steps);

}  // namespace netstage::scenario
