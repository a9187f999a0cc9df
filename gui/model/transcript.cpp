#include "gui/model/transcript.hpp"

#include <utility>

namespace netstage::gui {

std::optional<std::size_t> Transcript::rowOfMessage(std::size_t message) const {
    for (std::size_t row = 0; row < rows.size(); ++row) {
        if (rows[row].message == message) return row;
    }
    return std::nullopt;
}

Transcript readTranscript(const trace::TraceLog& log) { return readTranscript(trace::buildTranscript(log)); }

Transcript readTranscript(trace::Transcript built) {
    Transcript transcript;
    transcript.messages = std::move(built.messages);
    transcript.conversations = std::move(built.blocks);
    for (std::size_t c = 0; c < transcript.conversations.size(); ++c) {
        const Conversation& conversation = transcript.conversations[c];
        if (!conversation.note.empty()) {
            transcript.rows.push_back({TranscriptRow::Kind::Note, c, std::nullopt, conversation.note});
            continue;
        }
        transcript.rows.push_back({TranscriptRow::Kind::Header, c, std::nullopt, conversation.header()});
        for (std::size_t m : conversation.messages) {
            transcript.rows.push_back({TranscriptRow::Kind::Line, c, m, transcript.messages[m].display()});
        }
    }
    return transcript;
}

}  // namespace netstage::gui
