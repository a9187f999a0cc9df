#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocols/pop3/server_session.hpp"
#include "protocols/smtp/client_config.hpp"
#include "protocols/smtp/server_config.hpp"
#include "simulator/core/time.hpp"
#include "simulator/packet/ipv4_network.hpp"

namespace netstage::apps {

struct MailAccount {
    std::string name;  // the local part: "bob" for bob@hamburger.edu
    std::string password;
};

struct MailServerConfig {
    std::string domain;                  // "hamburger.edu"
    std::vector<MailAccount> accounts;
    smtp::ReplyTexts smtpTexts;
    pop3::ServerConfig pop3;             // greeting and reply texts
    smtp::ClientConfig relayClient;      // how this server talks when it relays
    bool addReceived = true;             // trace header when accepting a message for relay
    // A message submitted by one of our users without a Message-ID gets one,
    // as real submission servers do (RFC 5322 §3.6.4, RFC 6409 §8.3), so a
    // copy sent again after a lost reply is recognised downstream. Off for
    // the lecture's exact dialogue, where the message is only the typed lines.
    bool addMessageId = true;
    bool offer8BitMime = true;           // offer 8BITMIME after EHLO (RFC 6152)
    // Who postmaster@domain (RFC 5321 §4.5.1) is: one of the accounts, or
    // empty for a mailbox of its own named "postmaster".
    std::string postmaster;
    // RFC 5321 §2.4 lets a server treat local parts as case-sensitive; most
    // match Bob@ and bob@ to one mailbox, and so does this one unless told.
    // "postmaster" matches in any case either way.
    bool caseSensitiveLocalParts = false;
    // Clients allowed to relay to other domains without AUTH. Nothing given:
    // the /24 of each of the server's own addresses (its own LAN), which is
    // what Postfix's mynetworks_style = subnet does.
    std::optional<std::vector<Ipv4Network>> relayNetworks;
    // Relay for anyone, as servers did before spam: the old behaviour, on
    // purpose.
    bool openRelay = false;
    Time retryInterval = Time::fromSeconds(60);  // first retry; doubles, up to 8x
    Time giveUpAfter = Time::fromSeconds(3600);  // then the message bounces
    // Webmail over HTTP on this TCP port (0: none); session tokens are drawn
    // from a random stream of this seed, so a run is repeatable and a token
    // is still not to be guessed from the others.
    std::uint16_t webmailPort = 0;
    std::uint64_t webmailSeed = 0;
};

}  // namespace netstage::apps
