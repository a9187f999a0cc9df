#pragma once
// A mail server host: SMTP in on port 25, message submission (SMTP with AUTH,
// RFC 6409) on port 587, POP3 on port 110, IMAP on port 143, webmail over
// HTTP if configured (port 80), mailboxes for its own domain, and
// an outgoing queue that relays everything else to the recipient domain's
// mail exchanger (resolved through DNS), retrying and finally bouncing.
// Every change to a mailbox or the queue is recorded in the trace.

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "protocols/mail/mail_store.hpp"
#include "protocols/smtp/server_config.hpp"
#include "simulator/apps/dns/resolver_client.hpp"
#include "simulator/apps/host_stack.hpp"
#include "simulator/apps/mail/mail_server_config.hpp"
#include "simulator/apps/mail/outgoing_queue.hpp"
#include "simulator/apps/mail/pop3_maildrops.hpp"
#include "simulator/apps/mail/webmail_app.hpp"
#include "simulator/apps/session_keeper.hpp"

namespace netstage::apps {

class MailServer {
public:
    MailServer(HostStack& host, MailServerConfig config, ResolverClient* resolver);
    ~MailServer();

    HostStack& host() { return host_; }
    const MailServerConfig& config() const { return config_; }
    mail::MailStore& store() { return store_; }
    const mail::MailStore& store() const { return store_; }
    OutgoingQueue& queue() { return *queue_; }
    ResolverClient* resolver() { return resolver_; }
    WebmailApp* webmail() { return webmail_.get(); }
    // Port 25, or the submission port 587 (AUTH offered and required).
    smtp::ServerConfig smtpServerConfig(bool submission = false) const;

    // The name of the host with this address, for transcripts ("crepes.fr"), or the address itself.
    std::string nameOf(Ipv4Address address) const;

    // SMTP policy, shared by every incoming session.
    smtp::Decision checkSender(const std::string& reversePath);
    smtp::Decision authenticate(const std::string& user, const std::string& password) const;
    // Local mailboxes (and postmaster) are accepted from anyone; other domains
    // only for a client that authenticated, or is in the relay networks, or
    // when the server is an open relay. What MAIL FROM claims counts for nothing.
    smtp::Decision checkRecipient(const std::string& address, Ipv4Address client, const std::string& authenticatedUser) const;
    smtp::Decision acceptMessage(const smtp::Envelope& envelope, const std::string& data, Ipv4Address client);
    bool mayRelay(Ipv4Address client, const std::string& authenticatedUser) const;
    std::vector<Ipv4Network> relayNetworks() const;

    bool isLocalDomain(const std::string& domain) const;
    bool isLocalUser(const std::string& user) const;
    // The mailbox a local part (or the bare "postmaster") is delivered to, or
    // nothing: "Bob" -> "bob" unless local parts are case-sensitive, "Postmaster" -> the postmaster's.
    std::optional<std::string> mailboxOf(const std::string& localPart) const;
    // Final delivery into a local mailbox, with Return-Path. Returns false for a duplicate (same Message-ID).
    bool deliverLocally(const std::string& user, const std::string& reversePath, const std::string& content);

    struct Counters {
        std::size_t stored = 0;   // messages put into local mailboxes (bounce notices included)
        std::size_t relayed = 0;  // queue entries another server accepted
        std::size_t bounced = 0;  // queue entries returned to their sender
        std::size_t duplicatesDropped = 0;  // a second copy with a Message-ID already in the mailbox
        std::size_t duplicatesStored = 0;   // a second copy with no Message-ID to recognise it by
        std::size_t sentInDoubt = 0;        // relay attempts whose reply to the final "." never came
    };
    const Counters& counters() const { return counters_; }
    Counters& counters() { return counters_; }

    // What went wrong, or happened twice, in plain words and in the order it
    // happened ("hamburger.edu: connection to ... failed: ..."), for the run's summary.
    const std::vector<std::string>& incidents() const { return incidents_; }
    void noteIncident(std::string text) { incidents_.push_back(std::move(text)); }

    // A message that is in the mailbox when the scenario starts (traced as stored, not counted as delivered).
    void preload(const std::string& user, const std::string& content);
    // The trace's short id of a message in a user's INBOX, or "" if unknown.
    std::string shortIdOf(const std::string& user, mail::Uid uid) const;
    // The same for any folder ("INBOX", "Recipes").
    std::string shortIdIn(const std::string& user, const std::string& folder, mail::Uid uid) const;

    // What IMAP did to a mailbox, traced as mail/stored and mail/deleted with
    // the folder, so a mailbox view can follow messages between folders. A
    // copy keeps its original's short id: it is the same message, filed twice.
    void traceCopied(const std::string& user, const std::string& from, const std::string& to,
                     const std::vector<std::pair<mail::Uid, mail::Uid>>& uids);
    void traceAppended(const std::string& user, const std::string& folder, mail::Uid uid);
    void traceExpunged(const std::string& user, const std::string& folder, const std::vector<mail::Uid>& uids);

    // A short, stable id for trace lines ("hamburger.edu#3").
    std::string nextMessageId();
    void traceMail(const std::string& type, trace::Fields fields);

private:
    HostStack& host_;
    MailServerConfig config_;
    ResolverClient* resolver_;
    mail::MailStore store_;
    std::unique_ptr<OutgoingQueue> queue_;
    Pop3Maildrops maildrops_{*this};
    std::uint64_t messageCounter_ = 0;
    Counters counters_;
    std::vector<std::string> incidents_;
    std::uint64_t addedIdCounter_ = 0;
    // Message-IDs delivered per user, with the short id of the stored copy: a
    // client that lost our 250 sends the message again (RFC 5321 §4.1.1.4,
    // §6.1); we store it once. A message without a Message-ID cannot be told
    // from a new one; its text is remembered only to say it came twice.
    std::map<std::string, std::map<std::string, std::string>> deliveredIds_;
    std::map<std::string, std::map<std::uint64_t, std::string>> deliveredTexts_;
    std::string withMessageId(const std::string& data, const std::string& reversePath);
    std::map<std::pair<std::string, mail::Uid>, std::string> shortIds_;  // INBOX
    std::map<std::tuple<std::string, std::string, mail::Uid>, std::string> folderIds_;  // other folders
    // After the store it reads: its connections go before the store does.
    std::unique_ptr<WebmailApp> webmail_;
    // Last, so the sessions still open when the server goes are freed first,
    // while the store and the maildrops they use are still here.
    SessionKeeper sessions_;
    void traceStoredIn(const std::string& user, const std::string& folder, mail::Uid uid, const std::string& id);
    void traceStored(const std::string& user, const std::string& id, const std::string& reversePath,
                     const std::string& content);
};

// A header field of raw message text, unfolded no further, without parsing the
// rest (the text may not be RFC 5322 at all: the lecture's telnet user typed
// only a body). Empty if absent.
std::string rawHeader(const std::string& content, std::string_view name);

// Trace fields go on top of the header section. A text without one (the
// lecture's telnet user typed only body lines) gets an empty line first, so
// the added fields do not swallow the body (what Postfix does too).
std::string withHeaderSection(const std::string& content);

// "bob@hamburger.edu" -> {"bob", "hamburger.edu"}; the domain is lower-cased.
std::pair<std::string, std::string> splitAddress(const std::string& address);

}  // namespace netstage::apps
