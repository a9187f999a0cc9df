#include "simulator/trace/trace_files.hpp"

#include <stdexcept>

namespace netstage::trace {

namespace {
std::ofstream openForWriting(const std::string& path) {
    std::ofstream out{path, std::ios::binary};
    if (!out) throw std::runtime_error{path + ": cannot open for writing"};
    return out;
}
}  // namespace

TraceFiles::TraceFiles(Tracer& tracer, const std::optional<std::string>& jsonLinesPath,
                       const std::optional<std::string>& pcapPath,
                       PcapCapture capture) {
    if (jsonLinesPath) {
        jsonLinesFile_ = openForWriting(*jsonLinesPath);
        jsonLines_ = std::make_unique<JsonLinesWriter>(jsonLinesFile_);
        tracer.addSink(*jsonLines_);
    }
    if (pcapPath) {
        pcapFile_ = openForWriting(*pcapPath);
        pcap_ = std::make_unique<PcapWriter>(pcapFile_, std::move(capture));
        tracer.addSink(*pcap_, /*wantsEvents=*/false);
    }
}

}  // namespace netstage::trace
