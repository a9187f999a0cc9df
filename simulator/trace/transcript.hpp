#pragma once
// The application dialogues of a run in the lecture's form: one block per
// connection, a "#" header naming client, server and protocol, then its
// "C: " and "S: " lines in order. Built from the trace's open/line/close
// events (docs/trace-events.md), never by re-reading packet bytes. A relay
// connection that never opened (mail/connect-failed) and a user agent's
// message not sent (mail/submit-failed) are each a one-line note in its
// place, so a failed delivery attempt or submission is not silent.

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "simulator/trace/trace_sink.hpp"

namespace netstage::trace {

struct TranscriptBlock {
    std::string protocol;    // "SMTP", "POP3", ...
    std::string connection;  // "10.0.1.10:49152-10.0.2.10:25"
    std::string client;
    std::string server;
    std::string role;
    Time opened;
    std::vector<std::string> lines;  // "C: HELO crepes.fr"
    // A block without a dialogue: one sentence about a connection that never
    // opened ("crepes.fr: connection to mx1.pasta.it (10.0.3.10:25) failed ...")
    // or a message not sent ("alice-pc: message alice@crepes.fr#1 not sent: ...").
    std::string note;

    std::string header() const;
    // The block as printed: the header and its lines, or the note; each line ends in "\n".
    std::string text() const;
};

class TranscriptSink : public TraceSink {
public:
    void onPacket(const PacketEvent& /*event*/) override {}
    void onEvent(const Event& event) override;

    // Blocks in the order their connections opened.
    const std::vector<TranscriptBlock>& blocks() const { return blocks_; }
    void print(std::ostream& out) const;

private:
    std::vector<TranscriptBlock> blocks_;
    std::map<std::string, std::size_t> open_;  // "protocol connection" -> block index
};

}  // namespace netstage::trace
