#pragma once
// Text the views show for numbers: link rates, delays and the playback clock.
// Integer arithmetic only, so the same trace always reads the same.

#include <cstdint>
#include <string>

#include "simulator/core/time.hpp"

namespace netstage::gui {

std::string formatRate(std::int64_t bitsPerSecond);  // "10 Mbit/s", "1.5 Mbit/s", "56 kbit/s"
std::string formatDelay(Time delay);                 // "10 ms", "1.5 ms", "250 µs", "2 s"
std::string formatLinkLabel(std::int64_t bitsPerSecond, Time delay);  // "10 Mbit/s · 10 ms"
std::string formatClock(Time t);                     // "t = 1234.567 ms"
std::string formatBytes(std::int64_t bytes);         // "498 B", "12.3 kB"
// A connection as seen from its host, whose address the panel already shows:
// "10.0.1.10:49152-10.0.2.10:25" -> ":49152 → 10.0.2.10:25",
// "10.0.1.10:25-0.0.0.0:0" -> "listening on :25". Anything else unchanged.
std::string formatConnection(const std::string& connection);
// A connection in a filter's list, client first, ends named by their hosts:
// ("smtp", "", "10.0.1.2:49152-10.0.1.10:25", "alice-pc", "crepes.fr") ->
// "SMTP  alice-pc:49152 → crepes.fr:25"; an FTP "control" or "data" role is
// added after the protocol. An empty host name leaves its address.
std::string formatConnectionChoice(const std::string& protocol, const std::string& role, const std::string& key,
                                   const std::string& clientHost, const std::string& serverHost);

}  // namespace netstage::gui
