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
    SmtpStyleSpec relay;                     // how the server talks SMTP when it relays
    std::string postmaster;                  // the user who reads postmaster@; empty: a mailbox of its own
    bool caseSensitiveLocalParts = false;    // Bob@ and bob@ are two mailboxes
    std::optional<std::vector<Ipv4Network>> relayNetworks;  // clients relayed for without AUTH; none given: the server's own /24s
    bool openRelay = false;                  // relay for anyone (the old, abused behaviour)
    Time retryInterval = Time::fromSeconds(60);
    Time giveUpAfter = Time::fromSeconds(3600);
    SourceLocation where;
};


struct SendSpec {
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::string subject;
    std::string body;
    bool headers = true;  // false: send only the body lines, as typed in the lecture's telnet sample
};

struct Pop3ReadSpec {
    bool keep = false;   // download-and-keep instead of download-and-delete
    bool lowerCase = true;
};

struct ImapActionSpec {
    std::string kind;         // list, select, fetch-headers, fetch, move, create, idle, logout
    std::string folder;
    std::uint32_t message = 0;
    Time idleFor = Time::zero();
};

struct UserAgentActionSpec {
    enum class Kind { Send, Pop3, Imap } kind = Kind::Send;
    Time at;
    SendSpec send;
    Pop3ReadSpec pop3;
    std::vector<ImapActionSpec> imap;
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
    enum class Kind { Open, Listen, Send, Close, PauseReading, ResumeReading } kind = Kind::Send;
    Time at;
    std::uint32_t id = 0;   // the outside connection's number
    std::string server;     // Open: a host name of the scenario
    std::uint16_t port = 0; // Open; Listen: the port on the `from` host
    std::string bytes;      // Send
    SourceLocation where;
};

struct BridgeSpec {
    std::string from;  // the host the outside connections start from
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

    const HostSpec* findHost(std::string_view name) const;
    bool hasNode(std::string_view name) const;
};

}  // namespace netstage::scenario
