#pragma once
// The application dialogues of a run in the lecture's form: one block per
// connection, a "#" header naming client, server and protocol, then its
// "C: " and "S: " lines in order. Built from the trace's open/line/close
// events (docs/trace-events.md), never by re-reading packet bytes. A relay
// connection that never opened (mail/connect-failed) and a user agent's
// message not sent (mail/submit-failed) are each a one-line note in its
// place, so a failed delivery attempt or submission is not silent.
//
// This is the one transcript: `netstage run --transcript` prints it, and the
// GUI's transcript panel shows the same blocks (gui/model/transcript.hpp).

#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "simulator/packet/ipv4_address.hpp"
#include "simulator/trace/record.hpp"
#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

// One application line of the transcript.
struct TranscriptMessage {
    std::size_t recordIndex = 0;  // its `line` event's index among the records (packets count too)
    Time time;
    std::string node;        // where the line was seen (the server)
    std::string protocol;    // "SMTP", "POP3", "IMAP", "FTP"
    std::string connection;  // client end first
    char from = 'C';         // 'C' client or 'S' server
    std::string text;  // the line without CRLF
    std::size_t block = 0;

    std::string display() const { return std::string(1, from) + ": " + text; }  // "C: HELO crepes.fr"
};

struct TranscriptBlock {
    std::string protocol;    // "SMTP", "POP3", ...
    std::string connection;  // "10.0.1.10:49152-10.0.2.10:25", client end first
    std::string client;
    std::string server;
    std::string role;
    Time opened;
    std::vector<std::string> lines;     // "C: HELO crepes.fr"
    std::vector<std::size_t> messages;  // the same lines, as indices into Transcript::messages
    // A block without a dialogue: one sentence about a connection that never
    // opened ("crepes.fr: connection to mx1.pasta.it (10.0.3.10:25) failed ...")
    // or a message not sent ("alice-pc: message alice@crepes.fr#1 not sent: ...").
    std::string note;

    std::string header() const;  // "# alice-pc (10.0.1.2:49152) -> crepes.fr (10.0.1.10:25) SMTP"
    // The block as printed: the header and its lines, or the note; each line ends in "\n".
    std::string text() const;
};

struct Transcript {
    std::vector<TranscriptBlock> blocks;        // in the order their connections opened
    std::vector<TranscriptMessage> messages;    // every line, in trace order
    std::string text() const;                   // the blocks as printed, a blank line between two
};

// Fed the records of a run one by one.
class TranscriptBuilder {
public:
    void add(const Event& event, std::size_t recordIndex);
    const Transcript& transcript() const { return transcript_; }
    Transcript take() && { return std::move(transcript_); }

private:
    TranscriptBlock& blockFor(const Event& event, const std::string& key);

    Transcript transcript_;
    std::map<std::string, std::size_t> open_;  // "protocol connection" -> block index
    // From topology/node events: a line whose open event is missing (a
    // hand-written trace) still names its hosts.
    std::map<Ipv4Address, std::string> hosts_;
};

Transcript buildTranscript(const TraceLog& log);

class TranscriptSink : public TraceSink {
public:
    void onPacket(const PacketEvent& /*event*/) override { ++records_; }
    void onEvent(const Event& event) override { builder_.add(event, records_++); }

    const Transcript& transcript() const { return builder_.transcript(); }
    // Blocks in the order their connections opened.
    const std::vector<TranscriptBlock>& blocks() const { return builder_.transcript().blocks; }
    void print(std::ostream& out) const;

private:
    TranscriptBuilder builder_;
    std::size_t records_ = 0;
};

}  // namespace netstage::trace
