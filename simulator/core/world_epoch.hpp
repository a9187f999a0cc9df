#pragma once
// The calendar of the simulated world. Simulated time 0 is the moment of the
// lecture (Thursday 20 February 2020, 09:00:00 UTC): mail headers, FTP file
// dates and pcap timestamps all count from it, so a capture and the messages
// in it agree on the date and never depend on when the simulation runs.

#include <cstdint>

namespace netstage {

inline constexpr std::int64_t worldEpochUnixSeconds = 1'582'189'200;  // 2020-02-20T09:00:00Z

}  // namespace netstage
