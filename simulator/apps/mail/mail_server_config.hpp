#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "protocols/pop3/server_session.hpp"
#include "protocols/smtp/client_config.hpp"
#include "protocols/smtp/server_config.hpp"
#include "simulator/core/time.hpp"

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
    Time retryInterval = Time::fromSeconds(60);  // first retry; doubles, up to 8x
    Time giveUpAfter = Time::fromSeconds(3600);  // then the message bounces
    // Webmail over HTTP on this TCP port (0: none); session tokens are drawn
    // from a random stream of this seed, so a run is repeatable and a token
    // is still not to be guessed from the others.
    std::uint16_t webmailPort = 0;
    std::uint64_t webmailSeed = 0;
};

}  // namespace netstage::apps
