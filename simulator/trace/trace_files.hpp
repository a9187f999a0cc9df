#pragma once
// The files a run can be saved to: a JSON Lines trace and a pcap capture,
// each attached to the tracer when its path is given. One place for what
// `netstage demo`, `netstage run` and the GUI's exports all need.

#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "simulator/trace/json_lines_writer.hpp"
#include "simulator/trace/pcap_writer.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

class TraceFiles {
public:
    // Throws std::runtime_error naming the path if a file cannot be opened for writing.
    TraceFiles(Tracer& tracer, const std::optional<std::string>& jsonLinesPath, const std::optional<std::string>& pcapPath,
               PcapCapture capture = {});

    // Hands what was written so far to the system, so a live run's files
    // grow while it runs (another program can read them meanwhile).
    void flush();

    // Flushes and closes both files after the run. Throws std::runtime_error
    // naming the path if any write failed (a full disk, /dev/full): a trace
    // that was not written is an error, not a quiet success.
    void close();

private:
    std::string jsonLinesPath_;
    std::string pcapPath_;
    std::ofstream jsonLinesFile_;
    std::ofstream pcapFile_;
    std::unique_ptr<JsonLinesWriter> jsonLines_;
    std::unique_ptr<PcapWriter> pcap_;
};

}  // namespace netstage::trace
