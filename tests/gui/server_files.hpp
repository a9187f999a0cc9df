#pragma once
// A file on a simulated FTP server, read for a test. Out of line: the FTP
// application's headers use a name Qt defines as a macro (emit).

#include <optional>
#include <string>

namespace netstage::scenario {
class LiveWorld;
}

namespace netstage::gui::testing {

// The file `path` of `user` on the FTP server on `host`; nullopt if there is no such server, user or file.
std::optional<std::string> ftpServerFile(scenario::LiveWorld& world, const std::string& host, const std::string& user,
                                         const std::string& path);

}  // namespace netstage::gui::testing
