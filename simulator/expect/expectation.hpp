#pragma once
// What a scenario's `expect:` list says a run must show, as plain data: one
// assertion model for `netstage check`, the grader and the GUI's checklist.
// The scenario loader builds these (simulator/scenario/expect_loader.hpp) and
// has already checked every name against the scenario, so evaluation
// (evaluate.hpp) only reads the trace and the world as the run left it.
// docs/expectations.md documents every kind.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "simulator/core/time.hpp"
#include "simulator/expect/text_match.hpp"

namespace netstage::expect {

// Where an expectation is written; line and column count from 1.
struct Origin {
    std::string file;
    int line = 0;
    int column = 0;
    std::string toString() const;  // "scenarios/01.yaml:12:5"
};

// `before: 2s` (strictly earlier) and `after: 1s` (at or later).
struct TimeBounds {
    std::optional<Time> before;
    std::optional<Time> after;
    bool admits(Time t) const { return (!before || t < *before) && (!after || t >= *after); }
    bool any() const { return before || after; }
    std::string describe() const;  // " before 2 s", "" without bounds
};

// A mailbox (user@domain on the server `server`) holds exactly `count` messages at the end.
struct MailboxCount {
    std::string server;
    std::string mailbox;  // bob@hamburger.edu
    std::string folder = "INBOX";
    std::uint64_t count = 0;
};

// A mailbox holds, at the end, a message whose header field (or, without
// one, whose body) matches.
struct MailboxMessage {
    std::string server;
    std::string mailbox;
    std::string user;
    std::string folder = "INBOX";
    std::optional<std::string> header;
    TextMatch match;
};

enum class MailFate { Delivered, Queued, Relayed, Bounced };
std::string_view toString(MailFate fate);

// A message was delivered into a mailbox, queued, relayed or bounced.
struct MailOutcome {
    MailFate fate = MailFate::Delivered;
    std::optional<std::string> to;    // a recipient address
    std::optional<std::string> at;    // the mail server where it happened
    std::optional<std::string> via;   // relayed: the exchange that took it
};

// Which conversations of the transcript an expectation reads.
struct DialogueFilter {
    std::string protocol;  // "smtp", "pop3", "imap", "ftp" (lower case)
    std::optional<std::string> client;
    std::optional<std::string> server;
};

struct LinePattern {
    char from = 'C';  // 'C' client, 'S' server
    TextMatch text;
    std::string describe() const;  // "C: HELO crepes.fr"
};

// One conversation holds these lines in this order (others may come between).
struct DialogueLines {
    DialogueFilter dialogue;
    std::vector<LinePattern> lines;
};

// A command (its verb, any case) was answered with this reply code; a
// preliminary 1xx reply does not end the wait for the final one.
struct DialogueReply {
    DialogueFilter dialogue;
    std::string command;  // upper case: "RCPT", "RETR"
    int code = 0;
};

// An FTP user's file at the end of the run.
struct FtpFile {
    std::string server;
    std::string user;
    std::string path;  // absolute, "/uploads/report.pdf"
    bool exists = true;
    std::optional<std::uint64_t> size;
    std::optional<std::string> sha256;  // lower-case hex
};

// A completed FTP transfer used passive (the client opened the data
// connection) or active mode (the server did).
struct FtpTransferMode {
    std::optional<std::string> server;
    std::optional<std::string> client;
    std::optional<std::string> file;  // its path or its last name
    bool passive = true;
};

enum class TcpEvent { Opened, Closed };

// A connection was opened (the side that sent the SYN) or closed (the side
// that sent the first FIN) by `by`, optionally towards `peer` and a port.
struct TcpConnection {
    TcpEvent event = TcpEvent::Opened;
    std::string by;
    std::optional<std::string> peer;
    std::optional<std::uint16_t> port;  // the server's port
};

struct TcpRetransmissions {
    std::optional<std::string> host;  // only this host's retransmissions
    std::uint64_t atLeast = 1;
};

// A TCP segment was dropped on its way.
struct SegmentLost {
    std::optional<std::string> host;    // it was sent by or to this host
    std::optional<std::string> reason;  // loss, queue-full, link-down, ...
    std::optional<std::uint16_t> port;  // either end's port
};

struct ChartStep {
    std::string from;  // lifeline (host) names
    std::string to;
    TextMatch label;
    std::string describe() const;  // "crepes.fr -> hamburger.edu: /^250/"
};

// The sequence chart (one lifeline per host) holds these arrows in this order.
struct ChartSequence {
    std::vector<ChartStep> steps;
    bool tcp = false;  // also TCP segments without data
};

using Assertion = std::variant<MailboxCount, MailboxMessage, MailOutcome, DialogueLines, DialogueReply, FtpFile,
                               FtpTransferMode, TcpConnection, TcpRetransmissions, SegmentLost, ChartSequence>;

struct Expectation {
    Assertion what;
    TimeBounds time;
    std::uint64_t points = 1;  // weight when graded
    std::string note;          // the author's own words, shown beside the result
    Origin where;

    // One line saying what is expected: "bob@hamburger.edu holds 1 message".
    std::string describe() const;
};

}  // namespace netstage::expect
