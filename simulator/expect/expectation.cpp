#include "simulator/expect/expectation.hpp"

#include "simulator/expect/run_view.hpp"

namespace netstage::expect {

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};

std::string count(std::uint64_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string inFolder(const std::string& folder) { return folder == "INBOX" ? "" : " (folder " + folder + ")"; }

std::string dialogueName(const DialogueFilter& d) {
    std::string out;
    for (char c : d.protocol) out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    out += " dialogue";
    if (d.client) out += " from " + *d.client;
    if (d.server) out += " with " + *d.server;
    return out;
}

// As the names are said: "an SMTP", "an FTP", "an IMAP", but "a POP3".
std::string article(const DialogueFilter& d) { return d.protocol == "pop3" ? "a " : "an "; }

}  // namespace

std::string Origin::toString() const {
    if (line <= 0) return file;
    return file + ':' + std::to_string(line) + ':' + std::to_string(column);
}

std::string TimeBounds::describe() const {
    std::string out;
    if (after) out += " at or after " + formatTime(*after);
    if (before) out += std::string{after ? " and" : ""} + " before " + formatTime(*before);
    return out;
}

std::string_view toString(MailFate fate) {
    switch (fate) {
        case MailFate::Delivered: return "delivered";
        case MailFate::Queued: return "queued";
        case MailFate::Relayed: return "relayed";
        case MailFate::Bounced: return "bounced";
    }
    return "delivered";
}

std::string LinePattern::describe() const {
    std::string out{from};
    out += ": ";
    if (text.mode() == TextMatch::Mode::Equals) return out + text.text();
    return out + text.describe();
}

std::string ChartStep::describe() const {
    return from + " -> " + to + ": " + (label.mode() == TextMatch::Mode::Equals ? label.text() : label.describe());
}

std::string Expectation::describe() const {
    std::string out = std::visit(
        Overloaded{
            [](const MailboxCount& w) { return w.mailbox + inFolder(w.folder) + " holds " + count(w.count, "message"); },
            [](const MailboxMessage& w) {
                return w.mailbox + inFolder(w.folder) + " holds a message whose " +
                       (w.header ? *w.header + " header" : std::string{"body"}) +
                       (w.match.mode() == TextMatch::Mode::Matches ? " matches " : w.match.mode() == TextMatch::Mode::Equals ? " is " : " contains ") +
                       w.match.describe();
            },
            [](const MailOutcome& w) {
                std::string s = "a message " + std::string{toString(w.fate)};
                if (w.to) s += (w.fate == MailFate::Delivered ? " into " : " for ") + *w.to;
                if (w.at) s += " at " + *w.at;
                if (w.via) s += " via " + *w.via;
                return s;
            },
            [](const DialogueLines& w) {
                std::string s = article(w.dialogue) + dialogueName(w.dialogue) + " with the lines";
                for (std::size_t i = 0; i < w.lines.size(); ++i) s += (i ? ", " : " ") + std::string{"'"} + w.lines[i].describe() + "'";
                return s + " in this order";
            },
            [](const DialogueReply& w) {
                return article(w.dialogue) + dialogueName(w.dialogue) + " where " + w.command + " is answered " + std::to_string(w.code);
            },
            [](const FtpFile& w) {
                std::string s = w.server + ": " + w.user + "'s file " + w.path;
                if (!w.exists) return s + " does not exist";
                s += " exists";
                if (w.size) s += ", " + count(*w.size, "octet");
                if (w.sha256) s += ", SHA-256 " + *w.sha256;
                return s;
            },
            [](const FtpTransferMode& w) {
                std::string s = "an FTP transfer";
                if (w.file) s += " of " + *w.file;
                if (w.client) s += " by " + *w.client;
                if (w.server) s += " with " + *w.server;
                return s + " completed in " + (w.passive ? "passive" : "active") + " mode";
            },
            [](const TcpConnection& w) {
                std::string s = w.by + (w.event == TcpEvent::Opened ? " opened a TCP connection" : " closed a TCP connection");
                if (w.peer) s += (w.event == TcpEvent::Opened ? " to " : " with ") + *w.peer;
                if (w.port) s += " (port " + std::to_string(*w.port) + ")";
                return s;
            },
            [](const TcpRetransmissions& w) {
                return "at least " + count(w.atLeast, "TCP retransmission") + (w.host ? " by " + *w.host : std::string{});
            },
            [](const SegmentLost& w) {
                std::string s = "a TCP segment lost";
                if (w.host) s += " to or from " + *w.host;
                if (w.port) s += " (port " + std::to_string(*w.port) + ")";
                if (w.reason) s += " (" + *w.reason + ")";
                return s;
            },
            [](const ChartSequence& w) {
                std::string s = "the sequence chart shows";
                for (std::size_t i = 0; i < w.steps.size(); ++i) s += (i ? ", " : " ") + w.steps[i].describe();
                return s + (w.steps.size() > 1 ? " in this order" : "");
            },
        },
        what);
    return out + time.describe();
}

}  // namespace netstage::expect
