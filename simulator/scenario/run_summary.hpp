#pragma once
// What `netstage run` tells the user at the end of a run: the mail, the FTP
// transfers and the network the scenario contains (each part only if the
// scenario has it), and everything that did not go as asked (a message not
// sent, a failed connection, a bounce, a duplicate) in plain words.
// Collected from the world after the run, not from text events, so it is the
// same whether or not the run records a trace.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "simulator/core/time.hpp"

namespace netstage::scenario {

class World;

struct FolderCount {
    std::string folder;  // "INBOX", "Recipes"
    std::size_t messages = 0;
};

struct MailboxCount {
    std::string server;
    std::string mailbox;        // "bob@hamburger.edu"
    std::size_t messages = 0;   // in every folder
    std::vector<FolderCount> folders;  // INBOX first, then the others by name
};

struct AgentDownloads {
    std::string agent;
    std::vector<std::string> messages;  // what the user agent downloaded, in order
};

// Something the scenario asked for that did not happen, and why.
struct Problem {
    std::string who;   // "Alice's user agent", "crepes.fr"
    std::string what;  // "message \"Grüße\" not sent: ..." or an incident
};

struct FtpTransfer {
    std::string client;
    bool passive = true;
    std::string step;      // "ls", "get", "put"
    std::string argument;  // the file or directory as the script gave it
    std::uint64_t bytes = 0;
    bool ok = false;
    int code = 0;          // the deciding reply, 0 if the data connection could not be opened
};

struct FtpClientSummary {
    std::string client;
    std::size_t steps = 0;     // in the script
    std::size_t finished = 0;  // steps that came to an end (ok or failed)
};  // steps not run are also a Problem, with the reason

struct RunSummary {
    std::uint64_t seed = 0;
    Time end;
    std::uint64_t events = 0;

    bool hasMail = false;        // mail servers or user agents in the scenario
    std::size_t delivered = 0;   // messages stored in a mailbox during the run
    std::size_t queued = 0;      // still waiting in an outgoing queue at the end
    std::size_t bounced = 0;
    std::size_t relayed = 0;
    std::size_t duplicatesDropped = 0;  // a copy sent again, recognised by its Message-ID
    std::size_t duplicatesStored = 0;   // a copy sent again, with no Message-ID to recognise it
    std::vector<MailboxCount> mailboxes;
    std::vector<AgentDownloads> downloads;

    bool hasFtp = false;
    std::vector<FtpTransfer> transfers;
    std::vector<FtpClientSummary> ftpClients;

    std::uint64_t retransmissions = 0;   // TCP segments sent again, SYNs included
    std::uint64_t timeouts = 0;          // TCP retransmission timer expiries
    std::map<std::string, std::uint64_t> packetsLost;  // reason -> packets

    std::vector<Problem> problems;  // in the order of the scenario's parts, each part in time order
    std::string fingerprint;
};

// Fills in everything but seed, end, events and fingerprint.
void collectSummary(World& world, RunSummary& summary);

std::string formatSummary(const std::string& title, const RunSummary& summary);

// "1 message", "2 messages"; `plural` defaults to the noun with an "s".
std::string countOf(std::uint64_t n, const std::string& singular, const std::string& plural = {});

}  // namespace netstage::scenario
