// The line splitter every text protocol reads its peer with (SMTP, POP3,
// IMAP, FTP). Oracle: the same lines come out whether the stream arrives
// whole or in pieces, no line is longer than the limit, and the buffer never
// holds more than the limit while it waits for a line's end.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_input.hpp"
#include "protocols/common/line_reader.hpp"

namespace {

using namespace netstage;

// Small, so that over-long lines, and their CR split from their LF, are common.
constexpr std::size_t limit = 64;

bool sameLine(const proto::Line& a, const proto::Line& b) {
    return a.text == b.text && a.bareLf == b.bareLf && a.tooLong == b.tooLong;
}

void drain(proto::LineReader& reader, std::vector<proto::Line>& lines) {
    while (auto line = reader.next()) {
        const std::size_t ending = line->bareLf ? 1 : 2;
        fuzz::require(line->tooLong ? line->text.size() <= limit : line->text.size() + ending <= limit,
                      "a line is longer than the limit");
        lines.push_back(std::move(*line));
    }
    fuzz::require(reader.buffered() <= limit, "the line reader holds more than the limit");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view stream{reinterpret_cast<const char*>(data) + 1, size - 1};
    proto::LineReader whole{limit};
    std::vector<proto::Line> wholeLines;
    whole.feed(stream);
    drain(whole, wholeLines);

    fuzz::SplitInput input{data, size};
    proto::LineReader pieces{limit};
    std::vector<proto::Line> pieceLines;
    while (!input.done()) {
        pieces.feed(input.next());
        drain(pieces, pieceLines);
    }
    fuzz::require(pieceLines.size() == wholeLines.size(), "the split changed the number of lines");
    for (std::size_t i = 0; i < wholeLines.size(); ++i) {
        fuzz::require(sameLine(pieceLines[i], wholeLines[i]), "the split changed a line");
    }
    return 0;
}
