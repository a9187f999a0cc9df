#include "simulator/trace/trace_files.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace netstage::trace {

namespace {
std::ofstream openForWriting(const std::string& path) {
    std::ofstream out{path, std::ios::binary};
    if (!out) throw std::runtime_error{path + ": cannot open for writing"};
    return out;
}

// `earlierErrno`: the reason of a write that already failed during the run.
void closeChecked(std::ofstream& file, const std::string& path, int earlierErrno = 0) {
    if (!file.is_open()) return;
    errno = 0;
    file.flush();
    file.close();
    if (file.fail()) {
        const int reason = earlierErrno != 0 ? earlierErrno : errno;
        const std::string why = reason != 0 ? std::strerror(reason) : "write failed";
        throw std::runtime_error{path + ": cannot write: " + why};
    }
}
}  // namespace

TraceFiles::TraceFiles(Tracer& tracer, const std::optional<std::string>& jsonLinesPath,
                       const std::optional<std::string>& pcapPath,
                       PcapCapture capture) {
    if (jsonLinesPath) {
        jsonLinesPath_ = *jsonLinesPath;
        jsonLinesFile_ = openForWriting(*jsonLinesPath);
        jsonLines_ = std::make_unique<JsonLinesWriter>(jsonLinesFile_);
        tracer.addSink(*jsonLines_);
    }
    if (pcapPath) {
        pcapPath_ = *pcapPath;
        pcapFile_ = openForWriting(*pcapPath);
        pcap_ = std::make_unique<PcapWriter>(pcapFile_, std::move(capture));
        tracer.addSink(*pcap_, /*wantsEvents=*/false);
    }
}

void TraceFiles::flush() {
    if (jsonLines_) jsonLines_->flush();
    if (jsonLinesFile_.is_open()) jsonLinesFile_.flush();
    if (pcapFile_.is_open()) pcapFile_.flush();
}

void TraceFiles::close() {
    closeChecked(jsonLinesFile_, jsonLinesPath_, jsonLines_ ? jsonLines_->writeErrno() : 0);
    closeChecked(pcapFile_, pcapPath_);
}

}  // namespace netstage::trace
