#include "simulator/apps/mail/webmail_app.hpp"

#include <cstdio>

#include "protocols/mail/message_compose.hpp"
#include "simulator/apps/mail/mail_server.hpp"
#include "simulator/apps/mail/webmail_server_connection.hpp"
#include "simulator/apps/world_clock.hpp"

namespace netstage::apps {

WebmailApp::WebmailApp(MailServer& server, std::uint16_t port, std::uint64_t seed)
    : server_{server},
      tokens_{seed, "webmail/sessions/" + server.host().node().name()},
      site_{server.store(), server.config().domain,
            webmail::SiteHooks{[&server](std::string_view user, std::string_view password) {
                                   for (const auto& account : server.config().accounts) {
                                       if (account.name == user && account.password == password) return true;
                                   }
                                   return false;
                               },
                               [this] { return newToken(); },
                               [this](const webmail::Submission& submission) { return submit(submission); }}} {
    server_.host().tcp().listen(port, [this](std::shared_ptr<tcp::TcpConnection> connection) {
        auto session = std::make_shared<WebmailServerConnection>(server_, site_, std::move(connection));
        sessions_.keep(session);
        session->start();
    });
}

WebmailApp::~WebmailApp() = default;

std::string WebmailApp::newToken() {
    // 128 random bits: the run's seed decides them, but no token says anything about the next.
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(tokens_.nextU64()),
                  static_cast<unsigned long long>(tokens_.nextU64()));
    return text;
}

std::string WebmailApp::submit(const webmail::Submission& submission) {
    const std::string& domain = server_.config().domain;
    const std::string from = submission.user + "@" + domain;
    for (const auto& recipient : submission.to) {
        // A webmail user has logged in: as an authenticated submission, so
        // the server relays for them (the address only matters without a user).
        const smtp::Decision decision = server_.checkRecipient(recipient, Ipv4Address{}, submission.user);
        if (decision.code != 250) return recipient + ": " + decision.text;
    }
    const std::int64_t now = unixSecondsAt(server_.host().simulator().now());
    mail::ComposeOptions options;
    options.from = from;
    options.to = submission.to;
    options.subject = submission.subject;
    options.body = submission.body;
    options.date = mail::formatRfc5322Date(now);
    options.messageId = "<" + std::to_string(server_.host().simulator().now().nanoseconds()) + "." +
                        std::to_string(++composed_) + ".webmail@" + domain + ">";
    const auto composed = mail::composeMessage(options);
    if (!composed.ok()) return "cannot compose it: " + composed.error().message;
    const std::string data = mail::serialize(composed.value());
    std::string recipients;
    for (const auto& recipient : submission.to) recipients += (recipients.empty() ? "" : ", ") + recipient;
    server_.traceMail("webmail-submitted", {{"from", from},
                                            {"to", recipients},
                                            {"subject", submission.subject},
                                            {"message_id", options.messageId},
                                            {"size", static_cast<std::int64_t>(data.size())}});
    // RFC 5321 §4.4: whoever takes the message in writes a Received field; here it came in over HTTP.
    std::vector<std::string> remote;
    const std::string date = mail::formatRfc5322Date(now);
    const std::string client = submission.client.empty() ? std::string{"webmail"} : submission.client;
    for (const auto& recipient : submission.to) {
        const auto [user, recipientDomain] = splitAddress(recipient);
        if (!server_.isLocalDomain(recipientDomain)) {
            remote.push_back(recipient);
            continue;
        }
        server_.deliverLocally(user, from, mail::prependReceived(data, {client, domain, "HTTP", {}, recipient, date}));
    }
    if (!remote.empty()) {
        const std::string relayed = server_.config().addReceived
                                        ? mail::prependReceived(data, {client, domain, "HTTP", {}, {}, date})
                                        : data;
        server_.queue().enqueue(from, remote, relayed);
    }
    return {};
}

}  // namespace netstage::apps
