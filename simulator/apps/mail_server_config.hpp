#pragma once

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
    Time retryInterval = Time::fromSeconds(60);  // first retry; doubles, up to 8x
    Time giveUpAfter = Time::fromSeconds(3600);  // then the message bounces
};

}  // namespace netstage::apps
