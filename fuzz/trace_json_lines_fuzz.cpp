// The JSON Lines trace reader. Oracle: it returns a trace or an error naming
// a line of the input, and never throws; a trace it accepts, written again
// and read back, is the same trace.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "fuzz/fuzz_input.hpp"
#include "simulator/trace/json_lines_reader.hpp"
#include "simulator/trace/json_lines_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace netstage;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const trace::TraceReadResult result = trace::JsonLinesReader::read(text);
    if (!result) {
        fuzz::require(result.error().line >= 1, "a trace error names no line");
        return 0;
    }
    std::ostringstream written;
    trace::JsonLinesWriter writer{written};
    trace::replay(result.log(), writer);
    const trace::TraceReadResult again = trace::JsonLinesReader::read(std::string_view{written.str()});
    fuzz::require(again.ok() && again.log() == result.log(), "a trace does not survive write and read");
    return 0;
}
