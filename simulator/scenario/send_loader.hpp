#pragma once
// Reads a user agent's `send:` action: recipients, subject and body; header
// fields as the scenario writes them (`headers:`); an envelope that may
// differ from them (`envelope:`); attachments whose octets the scenario gives
// (`attachments:`, never read from the host's disk); and `8bit:`. What the
// run would refuse is refused here, at the value's line and column.

#include <optional>
#include <string>

#include "simulator/scenario/mail_loader.hpp"
#include "simulator/scenario/scenario_spec.hpp"
#include "simulator/scenario/yaml_reader.hpp"

namespace netstage::scenario {

// `helo` is where the user agent's `smtp: {ehlo: false}` is, if it has one.
SendSpec readSend(const YamlValue& v, const UserAgentSpec& ua, const std::optional<SourceLocation>& helo,
                  const ScenarioSpec& spec, const HeloRelays& heloRelays);

// What the plain RFC 5322 composer refuses in this one header field or body
// (8-bit text, a line over 998 octets), refused at `v`.
void requireComposable(const YamlValue& v, const std::string& text, bool isBody);

// "200KB", "1.5MB", "2KiB", "512" (octets): 1 KB is 1000 octets, 1 KiB 1024.
std::optional<std::uint64_t> parseOctetCount(std::string_view text);

}  // namespace netstage::scenario
