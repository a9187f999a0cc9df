#pragma once
// The mail program a student runs on a simulated host: compose and send,
// read the inbox. It is a user agent driven by hand instead of by the
// scenario's timeline, and it speaks through the host's ProgramHost, so
// every action is a traced input of the live world: the A query for the
// server, the TCP connection, each command line (and a saved session
// replays it exactly).
//
// Sending submits to the user's own server over SMTP (smtp::ClientSession;
// Bcc recipients go only into the envelope, never into the header). The
// inbox reads over POP3 (download-and-delete, or download-and-keep) or IMAP
// (folders, flags, move), with the protocols' client engines. Each action is
// one connection: log in, do it, log out, as the scenario's user agents do.
//
// No protocol logic lives here: the engines speak; this class feeds them the
// connection's bytes and keeps what they report (messages, folders, the
// lines of the dialogue for the program's status view).

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "programs/program_host.hpp"
#include "protocols/imap/client_session.hpp"
#include "simulator/scenario/scenario_spec.hpp"

namespace netstage::programs {

struct MailAccount {
    enum class Inbox { Imap, Pop3 };
    std::string address;   // alice@crepes.fr
    std::string user;      // login name; defaults to the address's local part
    std::string password;
    std::string server;    // the user's own mail server: a host name or an address
    Inbox inbox = Inbox::Imap;
    bool keepOnServer = false;  // POP3: download-and-keep instead of download-and-delete
    bool lectureSmtp = false;   // HELO and "MAIL FROM: <...>", as the lecture's dialogue writes them
    std::uint16_t smtpPort = 25;
    std::uint16_t pop3Port = 110;
    std::uint16_t imapPort = 143;

    // The login name actually used.
    std::string login() const;
};

// The account of the user agent the scenario puts on `host` (the first one),
// with the inbox protocol its actions read with; nullopt if there is none.
std::optional<MailAccount> accountOnHost(const scenario::ScenarioSpec& spec, const std::string& host);

struct Draft {
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<std::string> bcc;
    std::string subject;
    std::string body;
};

// "bob@hamburger.edu, carol@x.org; dave@y" -> three addresses.
std::vector<std::string> splitAddresses(const std::string& text);

struct InboxMessage {
    std::uint32_t number = 0;  // IMAP: sequence number in its folder; POP3: position in the local inbox
    std::uint32_t uid = 0;     // IMAP only
    std::string from;
    std::string subject;
    std::string date;
    std::string header;   // the header section as fetched
    std::string content;  // the whole message, once fetched (POP3: always)
    bool seen = false;
    bool flagged = false;
};

class MailProgram {
public:
    struct Callbacks {
        // A line of what happened, for the program's status view:
        // "C: MAIL FROM:<alice@crepes.fr>", "S: 250 ok", "Sent to bob@hamburger.edu".
        std::function<void(const std::string& line)> log;
        // Messages, folders or the busy state changed.
        std::function<void()> changed;
    };

    // Throws std::invalid_argument for an account without address or server.
    MailProgram(ProgramHost& host, MailAccount account, Callbacks callbacks);
    ~MailProgram();
    MailProgram(const MailProgram&) = delete;
    MailProgram& operator=(const MailProgram&) = delete;

    const MailAccount& account() const { return account_; }
    ProgramHost& host() { return host_; }

    // Composes the message (From is the account's address; Date and
    // Message-ID from the simulated clock) and submits it to the account's
    // server. Throws std::invalid_argument with a message for the student if
    // there is no recipient or the message cannot be composed (non-ASCII text
    // without MIME, a line over 998 octets).
    void send(const Draft& draft);

    // Reads the inbox: POP3 downloads (and deletes, unless keepOnServer);
    // IMAP lists the folders and fetches the headers of the current folder.
    void refresh();
    // IMAP: the folder whose messages are shown (refreshes it).
    void selectFolder(const std::string& folder);
    // IMAP: fetches the whole message (the server sets \Seen). POP3: already here.
    void open(std::uint32_t number);
    // IMAP: sets or clears a flag ("\\Flagged", "\\Seen") on a message of the current folder.
    void setFlag(std::uint32_t number, const std::string& flag, bool on);
    // IMAP: moves a message of the current folder to another folder.
    void move(std::uint32_t number, const std::string& folder);
    // IMAP: creates a folder.
    void createFolder(const std::string& folder);

    const std::vector<InboxMessage>& messages() const { return messages_; }
    const InboxMessage* message(std::uint32_t number) const;
    const std::vector<std::string>& folders() const { return folders_; }
    const std::string& folder() const { return folder_; }
    // Actions not finished yet (a connection in TIME-WAIT after its action no longer counts).
    std::size_t busy() const;
    // How many messages sending has finished with (accepted or not), and the last outcome.
    std::size_t sentCount() const { return sent_; }
    const std::string& lastOutcome() const { return lastOutcome_; }

private:
    class Run;
    template <typename Engine>
    class EngineRun;
    friend class Run;

    void start(std::unique_ptr<Run> run, std::uint16_t port);
    void finished(Run* run);
    // One IMAP session: log in, `script`, log out. `listsHeaders`: its
    // FetchHeaders gives the current folder's list anew.
    void runImap(const std::string& what, std::vector<imap::ClientAction> script, bool listsHeaders);
    void log(const std::string& line);
    void changed();

    ProgramHost& host_;
    MailAccount account_;
    Callbacks callbacks_;
    std::vector<std::unique_ptr<Run>> runs_;
    // Runs whose connection ended, kept until no callback of theirs can be on the stack.
    std::vector<std::unique_ptr<Run>> finished_;
    std::map<std::uint32_t, std::pair<bool, bool>> pendingFlags_;  // sequence -> seen, flagged, from FETCH lines
    std::vector<InboxMessage> messages_;
    std::vector<std::string> folders_;
    std::string folder_ = "INBOX";
    std::size_t sent_ = 0;
    std::size_t composed_ = 0;
    std::string lastOutcome_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace netstage::programs
