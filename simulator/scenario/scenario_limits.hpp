#pragma once
// The limits a scenario file must stay within, so that a small file cannot
// make the loader or the run take unbounded time or memory, and no time in a
// run can pass the end of the Time range. docs/scenario-format.md, section
// "Limits", lists them for teachers.

#include <cstdint>

#include "simulator/core/time.hpp"

namespace netstage::scenario::limits {

// Every text value read from the file, counted each time it is read: a YAML
// alias repeated 300 times counts 300 times.
inline constexpr std::uint64_t kTextBytes = 64ULL << 20;
// Everything a scenario declares as content: stored messages (their text or
// their `size`), FTP files and uploads (their text or their `size`).
inline constexpr std::uint64_t kDeclaredContentBytes = 1ULL << 30;
// Every time and duration (at, stop_at, retry_interval, give_up_after, idle).
inline constexpr Time kLongestDuration = Time::fromSeconds(366LL * 24 * 3600);
// A link's one-way delay.
inline constexpr Time kLongestLinkDelay = Time::fromSeconds(3600);
// Coordinates of a position on the picture.
inline constexpr double kLargestCoordinate = 1'000'000.0;
// A protocol reply text (what follows the code): SMTP and POP3 reply lines
// are at most 512 octets with their code and CRLF.
inline constexpr std::size_t kReplyTextOctets = 500;

}  // namespace netstage::scenario::limits
