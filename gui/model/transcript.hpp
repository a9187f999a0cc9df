#pragma once
// The transcript panel's rows: the one transcript of the run
// (simulator/trace/transcript.hpp), line for line as `netstage run
// --transcript` prints it, without the blank line between two blocks:
//
//   # alice-pc (10.0.1.2:49152) -> crepes.fr (10.0.1.10:25) SMTP
//   S: 220 crepes.fr
//   C: HELO crepes.fr
//
// A note (a relay connection that never opened, a message not sent) is one
// row of its own.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "simulator/trace/record.hpp"
#include "simulator/trace/transcript.hpp"

namespace netstage::gui {

using AppMessage = trace::TranscriptMessage;
using Conversation = trace::TranscriptBlock;

struct TranscriptRow {
    enum class Kind { Header, Line, Note };
    Kind kind = Kind::Line;
    std::size_t conversation = 0;
    std::optional<std::size_t> message;  // for lines
    std::string text;
};

struct Transcript {
    std::vector<AppMessage> messages;        // in trace order
    std::vector<Conversation> conversations; // the transcript's blocks, notes included, in its order
    std::vector<TranscriptRow> rows;         // conversations one after the other

    std::optional<std::size_t> rowOfMessage(std::size_t message) const;
};

Transcript readTranscript(const trace::TraceLog& log);
// The rows of a transcript built elsewhere (a live run's, record by record).
Transcript readTranscript(trace::Transcript built);

}  // namespace netstage::gui
