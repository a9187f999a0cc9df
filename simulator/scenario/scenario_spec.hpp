#pragma once
// A validated scenario, as plain data: what the loader produces from a YAML
// file and what the world builder turns into hosts, links and applications.
// docs/scenario-format.md documents every key.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "simulator/core/time.hpp"
#include "simulator/expect/expectation.hpp"
#include "simulator/scenario/quiz_spec.hpp"
#include "simulator/packet/ipv4_address.hpp"
#include "simulator/packet/ipv4_network.hpp"
#include "simulator/scenario/ftp_spec.hpp"
#include "simulator/scenario/scenario_error.hpp"

namespace netstage::scenario {

enum class HostRole { Pc, Laptop, Phone, MailServer, DnsServer, FtpServer, Server };
std::string_view toString(HostRole role);

struct Position {
    double x = 0;
    double y = 0;
};

struct HostSpec {
    std::string name;
    HostRole role = HostRole::Pc;
    Ipv4Address address;
    std::optional<Position> position;
    bool acceptsIncoming = true;  // false: a firewall (or NAT) refuses every inbound connection
    SourceLocation where;
};

struct RouterSpec {
    std::string name;
    std::optional<Position> position;
    SourceLocation where;
};

struct LinkSpec {
    std::string a;
    std::string b;
    std::int64_t bitsPerSecond = 10'000'000;
    Time delay = Time::fromMilliseconds(10);
    double loss = 0.0;
    std::size_t queue = 100;
    // Interface addresses on routers; hosts use their own address.
    std::optional<Ipv4Address> addressA;
    std::optional<Ipv4Address> addressB;
    SourceLocation where;
};

struct DnsRecordSpec {
    enum class Type { A, Mx } type = Type::A;
    std::string name;
    Ipv4Address address;       // A
    std::uint16_t preference = 10;  // MX
    std::string exchange;      // MX
    SourceLocation where;
};

struct DnsSpec {
    std::string server;  // the host that answers on UDP port 53
    std::vector<DnsRecordSpec> records;
};

// A message already in a mailbox when the scenario starts.
struct StoredMessageSpec {
    std::string from;
    std::string to;
    std::string subject;
    std::string body;
    std::optional<std::string> raw;          // the exact RFC 5322 text instead of from/to/subject/body
    std::optional<std::size_t> size;         // pad the body so the message is exactly this many octets
    std::vector<std::string> flags;          // IMAP flags, e.g. "\\Seen"
    SourceLocation where;
};

struct MailUserSpec {
    std::string name;
    std::string password;
    std::vector<StoredMessageSpec> messages;
    std::vector<std::string> folders;        // extra IMAP folders
    SourceLocation where;
};

struct SmtpStyleSpec {
    bool ehlo = true;              // false: HELO, as the lecture's sample
    bool spaceAfterColon = false;  // "MAIL FROM: <x>" as the lecture writes it
    std::optional<std::string> heloDomain;
};

struct MailServerSpec {
    std::string host;
    std::string domain;
    std::vector<MailUserSpec> users;
    std::map<std::string, std::string> smtpReplies;  // key -> text, e.g. greeting, helo, mail, rcpt, data, accepted, quit
    std::map<std::string, std::string> pop3Replies;
    bool addReceived = true;                 // add a Received: header when accepting a message
    bool addMessageId = true;                // give a submitted message without one a Message-ID
    bool offer8BitMime = true;               // offer 8BITMIME in the EHLO reply (RFC 6152)
    SmtpStyleSpec relay;                     // how the server talks SMTP when it relays
    std::string postmaster;                  // the user who reads postmaster@; empty: a mailbox of its own
    bool caseSensitiveLocalParts = false;    // Bob@ and bob@ are two mailboxes
    std::optional<std::vector<Ipv4Network>> relayNetworks;  // clients relayed for without AUTH; none given: the server's own /24s
    bool openRelay = false;                  // relay for anyone (the old, abused behaviour)
    Time retryInterval = Time::fromSeconds(60);
    Time giveUpAfter = Time::fromSeconds(3600);
    std::uint16_t webmailPort = 0;           // webmail over HTTP on this port; 0: none
    SourceLocation where;
};


// A file attached to a sent message: its octets come from the scenario
// (text, base64 or generated), never from the host's disk.
struct AttachmentSpec {
    std::string name;                                    // the file name the recipient sees (UTF-8)
    std::string contentType = "application/octet-stream";
    std::string data;                                    // the octets
    SourceLocation where;
};

struct SendSpec {
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::vector<std::string> bcc;  // envelope recipients only: no Bcc field is sent (RFC 5322 §3.6.3)
    std::string subject;
    std::string body;
    bool headers = true;  // false: send only the body lines, as typed in the lecture's telnet sample
    // `headers:` given as a map: these fields as written (From, To, Cc,
    // Subject, Reply-To, Date, any other), in file order; they replace what
    // the user agent would write for the same field. Empty: none given.
    std::vector<std::pair<std::string, std::string>> headerFields;
    // `envelope:`: MAIL FROM and RCPT TO when they differ from the header
    // fields; by default the agent's address and every To, Cc and Bcc address.
    std::optional<std::string> envelopeFrom;
    std::vector<std::string> envelopeTo;
    std::vector<AttachmentSpec> attachments;
    bool eightBit = false;  // `8bit: true`: non-ASCII text goes as 8bit, not quoted-printable (needs 8BITMIME)
    // The message needs MIME (attachments, non-ASCII text or header fields)
    // or names its own fields; otherwise the plain RFC 5322 composer writes it.
    bool usesMime() const;
};

struct Pop3ReadSpec {
    bool keep = false;   // download-and-keep instead of download-and-delete
    bool lowerCase = true;
};

struct ImapActionSpec {
    std::string kind;         // list, select, fetch-headers, fetch, fetch-structure, fetch-part, move, create, idle, logout
    std::string folder;
    std::uint32_t message = 0;
    std::string section;      // fetch-part: "2", "1.2", "2.MIME"
    Time idleFor = Time::zero();
};

// One thing a user does in a browser at the webmail (docs/scenario-format.md, "Webmail").
struct WebmailActionSpec {
    enum class Kind { Login, OpenInbox, Read, Send, Logout } kind = Kind::OpenInbox;
    std::string user;      // Login: defaults to the user agent's user
    std::optional<std::string> password;  // Login: defaults to the user agent's password
    std::size_t number = 0;  // Read
    SendSpec send;           // Send: to and subject and body
};

struct UserAgentActionSpec {
    enum class Kind { Send, Pop3, Imap, Webmail } kind = Kind::Send;
    Time at;
    SendSpec send;
    Pop3ReadSpec pop3;
    std::vector<ImapActionSpec> imap;
    WebmailActionSpec webmail;
    SourceLocation where;
};

struct UserAgentSpec {
    std::string name;      // label in transcripts ("Alice's user agent"); defaults to host
    std::string host;
    std::string address;   // alice@crepes.fr
    std::string user;      // login name on the server; defaults to the local part
    std::string password;
    std::string server;    // host name of the user's own mail server
    SmtpStyleSpec smtp;
    std::vector<UserAgentActionSpec> actions;
    SourceLocation where;
};

struct FaultSpec {
    enum class Kind { LinkDown, LinkUp } kind = Kind::LinkDown;
    Time at;
    std::string a;
    std::string b;
    SourceLocation where;
};

struct CaptionSpec {
    std::optional<Time> at;
    // Attach to the first trace event of this layer/type (and, if given,
    // node) instead of a fixed time: e.g. {layer: mail, type: stored, node: hamburger.edu}.
    std::optional<std::string> layer;
    std::optional<std::string> type;
    std::optional<std::string> node;
    std::optional<std::string> lineText;  // for application lines: the line must be exactly this
    std::string text;
    SourceLocation where;
};

// What came into the world from outside during a live session (a real
// client through `netstage serve`, a program typed at on a simulated host),
// written down so the session replays exactly: each input happens at its
// time, after every event due by then, as it did live.
struct BridgeInputSpec {
    enum class Kind { Open, Listen, Send, Close, PauseReading, ResumeReading, Query } kind = Kind::Send;
    Time at;
    // The host the input happens on; empty: the section's `from` host.
    std::string host;
    std::uint32_t id = 0;   // the outside connection's (or query's) number, unique on its host
    std::string server;     // Open: a host name of the scenario
    std::uint16_t port = 0; // Open; Listen: the port on the input's host
    std::string bytes;      // Send
    std::string queryName;  // Query: the name asked for
    std::string queryType = "A";  // Query: "A" or "MX"
    SourceLocation where;
};

struct BridgeSpec {
    std::string from;  // the host the outside connections start from, unless an input names its own
    // `from` is not a host of the scenario but the visitor's host, added as
    // `netstage serve` adds it (visitor.hpp).
    bool visitor = false;
    std::vector<BridgeInputSpec> inputs;  // in time order
    // When the live session stopped: the replay stops there too, so its
    // trace ends where the live one did.
    std::optional<Time> end;
    SourceLocation where;
};

struct ScenarioSpec {
    std::string file;
    std::string title;
    std::string description;
    std::uint64_t seed = 1;
    Time stopAt = Time::fromSeconds(3600);
    std::vector<HostSpec> hosts;
    std::vector<RouterSpec> routers;
    std::vector<LinkSpec> links;
    std::optional<DnsSpec> dns;
    std::vector<MailServerSpec> mailServers;
    std::vector<UserAgentSpec> userAgents;
    std::vector<FaultSpec> faults;
    std::vector<CaptionSpec> captions;
    std::vector<FtpServerSpec> ftpServers;
    std::vector<FtpClientSpec> ftpClients;
    std::optional<BridgeSpec> bridge;
    // What the run must show (docs/expectations.md); checked by `netstage check`, never by a plain run.
    std::vector<expect::Expectation> expectations;
    // Questions that pause the run before an event (docs/quizzes.md); asked by `netstage quiz` and the GUI, never by a plain run.
    std::vector<QuizQuestion> quiz;

    const HostSpec* findHost(std::string_view name) const;
    bool hasNode(std::string_view name) const;
};

}  // namespace netstage::scenario
