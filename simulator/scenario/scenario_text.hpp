#pragma once
// Checks on scenario text that ends up on the wire: a reply text, a user
// name, an address, a file name. A CR or LF inside such text would put a
// line of the scenario writer's choosing into the protocol dialogue, so it is
// refused at load time with the value's location.

#include <string>
#include <string_view>

#include "simulator/scenario/yaml_reader.hpp"

namespace netstage::scenario {

// The text of `v`, refused if it holds CR, LF or NUL. `what` names the value
// in the error: "the SMTP greeting".
std::string readLineText(const YamlValue& v, std::string_view what);

// A host name as RFC 1123 §2.1 allows it: labels of letters, digits and
// hyphens, 1 to 63 octets, not starting or ending with a hyphen, separated by
// dots, 253 octets at most.
bool isHostName(std::string_view name);
std::string readHostName(const YamlValue& v, std::string_view what);

// A mailbox as an SMTP envelope carries it: local@domain, printable US-ASCII
// without spaces or angle brackets (RFC 5321 §4.1.2, without quoted local parts).
bool isMailAddress(std::string_view address);
std::string readMailAddress(const YamlValue& v);

}  // namespace netstage::scenario
