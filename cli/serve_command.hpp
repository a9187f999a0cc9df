#pragma once
// `netstage serve SCENARIO`: the scenario's servers on loopback ports, for
// real clients (telnet, curl, Python's smtplib, a desktop mail program). It
// prints a table of what it serves, then each dialogue line as it happens,
// and stops cleanly when asked (Ctrl+C), closing every file completely.

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace netstage::cli {

struct ServeCommandOptions {
    std::string path;
    std::vector<std::string> ports;  // --port HOST:PORT=LOCALPORT, repeatable
    std::optional<std::string> from;
    std::string speed = "1";
    std::string listen = "127.0.0.1";
    std::optional<std::uint64_t> seed;
    std::optional<std::string> tracePath;
    std::optional<std::string> pcapPath;
    std::optional<std::string> recordPath;
    bool quiet = false;  // no dialogue lines, only the table and the end
};

// Serves until `stopRequested()` is true (checked at least every 100 ms).
// `ready`, if given, is called once the ports are bound and the table is
// printed, with the local ports as "host:port=localport" (for tests, which
// ask for port 0). Returns the process exit status.
int runServeCommand(const ServeCommandOptions& options, std::ostream& out, std::ostream& err,
                    const std::function<bool()>& stopRequested,
                    const std::function<void(const std::vector<std::string>&)>& ready = {});

// Installs SIGINT and SIGTERM handlers that make `serveStopRequested()` true.
void installServeSignalHandlers();
bool serveStopRequested();

}  // namespace netstage::cli
