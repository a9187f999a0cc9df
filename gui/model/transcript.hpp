#pragma once
// The application dialogue of a trace: every `line` event (smtp, pop3, imap,
// ftp), in order, grouped by connection as the lecture prints it:
//
//   # crepes.fr -> hamburger.edu SMTP
//   S: 220 hamburger.edu
//   C: HELO crepes.fr

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gui/model/topology.hpp"
#include "simulator/core/time.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::gui {

struct AppMessage {
    std::size_t recordIndex = 0;
    Time time;
    std::string node;        // where the line was seen (the server)
    std::string protocol;    // "SMTP", "POP3", "IMAP", "FTP"
    std::string connection;  // "10.0.1.2:49152-10.0.2.10:25"
    char from = 'C';         // 'C' client or 'S' server
    std::string text;        // the line without CRLF
    std::size_t conversation = 0;

    std::string display() const { return std::string(1, from) + ": " + text; }
};

struct Conversation {
    std::string protocol;
    std::string connection;
    std::string client;  // host names when the trace names them, else addresses
    std::string server;
    std::string role;    // "session", or FTP "control" / "data"
    std::vector<std::size_t> messages;  // indices into Transcript::messages

    std::string header() const;  // "# crepes.fr -> hamburger.edu SMTP"
};

struct TranscriptRow {
    enum class Kind { Header, Line };
    Kind kind = Kind::Line;
    std::size_t conversation = 0;
    std::optional<std::size_t> message;  // for lines
    std::string text;
};

struct Transcript {
    std::vector<AppMessage> messages;        // in trace order
    std::vector<Conversation> conversations; // in order of first appearance
    std::vector<TranscriptRow> rows;         // conversations one after the other

    std::optional<std::size_t> rowOfMessage(std::size_t message) const;
};

Transcript readTranscript(const trace::TraceLog& log, const Topology& topology);

}  // namespace netstage::gui
