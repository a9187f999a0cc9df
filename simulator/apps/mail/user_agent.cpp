#include "simulator/apps/mail/user_agent.hpp"

#include <algorithm>

#include "protocols/mail/header_fields.hpp"
#include "protocols/mail/message.hpp"
#include "protocols/mail/message_compose.hpp"
#include "simulator/apps/mail/imap_client_connection.hpp"
#include "simulator/apps/mail/mail_server.hpp"
#include "simulator/apps/mail/pop3_client_connection.hpp"
#include "simulator/apps/mail/smtp_client_connection.hpp"
#include "simulator/apps/mail/web_browser_connection.hpp"
#include "simulator/apps/world_clock.hpp"

namespace netstage::apps {

namespace {
std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string withCrlf(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
        out += text[i];
    }
    if (!out.empty() && out.back() != '\n') out += "\r\n";
    return out;
}
// How the summary names a message: by its subject, or by its recipients when it has none.
std::string describe(const OutgoingMessage& message) {
    if (!message.subject.empty()) return "message \"" + message.subject + "\"";
    std::vector<std::string> recipients = message.to;
    recipients.insert(recipients.end(), message.cc.begin(), message.cc.end());
    return "message to " + joined(recipients);
}
}  // namespace

UserAgent::UserAgent(HostStack& host, UserAgentConfig config) : host_{host}, config_{std::move(config)} {
    if (config_.label.empty()) config_.label = host_.node().name();
}

UserAgent::~UserAgent() = default;

std::vector<std::string> OutgoingMessage::recipients() const {
    if (!envelopeTo.empty()) return envelopeTo;
    std::vector<std::string> out = to;
    out.insert(out.end(), cc.begin(), cc.end());
    out.insert(out.end(), bcc.begin(), bcc.end());
    return out;
}

// The agent's own fields, each replaced by the scenario's field of the same
// name; the scenario's other fields follow. Bcc is left out (RFC 5322
// §3.6.3: its recipients must not see one another), so is an empty field.
std::string UserAgent::composeMime(const OutgoingMessage& message, const std::string& date, const std::string& messageId) {
    std::vector<std::pair<std::string, std::string>> fields{{"From", config_.address},
                                                            {"To", joined(message.to)},
                                                            {"Cc", joined(message.cc)},
                                                            {"Subject", message.subject},
                                                            {"Date", date},
                                                            {"Message-ID", messageId}};
    for (const auto& [name, value] : message.headerFields) {
        const auto same = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return mime::equalsIgnoreCase(f.first, name); });
        if (same != fields.end()) same->second = value;
        else fields.emplace_back(name, value);
    }
    mime::MimeMessageSpec spec;
    for (auto& field : fields) {
        if (field.second.empty() || mime::equalsIgnoreCase(field.first, "Bcc")) continue;
        spec.headers.push_back(std::move(field));
    }
    spec.text = message.body;
    spec.attachments = message.attachments;
    spec.eightBitText = message.eightBit;
    return mime::composeMimeMessage(spec);
}

std::string UserAgent::compose(const OutgoingMessage& message) {
    if (!message.headers) return withCrlf(message.body);
    mail::ComposeOptions options;
    options.from = config_.address;
    options.to = message.to;
    options.cc = message.cc;
    options.subject = message.subject;
    options.date = mail::formatRfc5322Date(unixSecondsAt(host_.simulator().now()));
    const auto at = config_.address.find('@');
    options.messageId = "<" + std::to_string(host_.simulator().now().nanoseconds()) + "." + std::to_string(sent_) + "." +
                        config_.address.substr(0, at) + "@" + config_.address.substr(at + 1) + ">";
    if (message.mime) return composeMime(message, options.date, options.messageId);
    options.body = message.body;
    const auto composed = mail::composeMessage(options);
    if (!composed.ok()) {
        traceMail("compose-failed", {{"reason", composed.error().message}});
        failures_.push_back({describe(message) + " not sent", "cannot compose it: " + composed.error().message});
        return {};
    }
    return mail::serialize(composed.value());
}

void UserAgent::send(const OutgoingMessage& message) {
    ++sent_;
    const std::string data = compose(message);
    if (data.empty()) return;
    const std::vector<std::string> recipients = message.recipients();
    const std::string reversePath = message.envelopeFrom.value_or(config_.address);
    const std::string id = config_.address + "#" + std::to_string(sent_);
    traceMail("composed", {{"message", id},
                           {"from", reversePath},
                           {"to", joined(recipients)},
                           {"subject", message.subject},
                           {"size", static_cast<std::int64_t>(data.size())}});
    SmtpClientConnection::Handlers handlers;
    const std::string what = describe(message) + " not sent";
    handlers.onItemResult = [this, id, what](const smtp::ItemResult& result) {
        const std::string reply = result.lines.empty() ? result.reason : result.lines.back();
        const bool accepted = result.outcome == smtp::Outcome::Accepted;
        traceMail(accepted ? "submitted" : "submit-failed", {{"message", id}, {"reply", reply}});
        if (!accepted) failures_.push_back({what, reply});
    };
    // A server never reached gives no item result: the message was not sent either.
    handlers.onFinished = [this, id, what](bool reached, const std::string& outcome) {
        if (reached) return;
        const auto& network = host_.node().network();
        const auto node = network.nodeByAddress(config_.server);
        const std::string server = node ? network.node(*node).name() : config_.server.toString();
        const std::string reason = "connection to " + server + " failed: " + outcome;
        traceMail("submit-failed", {{"message", id}, {"reply", reason}});
        failures_.push_back({what, reason});
    };
    sessions_.keep(SmtpClientConnection::start(host_, Endpoint{config_.server, 25}, config_.smtp,
                                               {smtp::MailItem{reversePath, recipients, data}}, std::move(handlers)));
}

void UserAgent::readPop3(bool keep, bool lowerCase) {
    pop3::ClientConfig config;
    config.user = config_.user;
    config.password = config_.password;
    config.mode = keep ? pop3::DownloadMode::DownloadAndKeep : pop3::DownloadMode::DownloadAndDelete;
    config.style = lowerCase ? pop3::CommandStyle::LowerCase : pop3::CommandStyle::UpperCase;
    Pop3ClientConnection::Handlers handlers;
    handlers.onMessage = [this](std::size_t number, const std::string& content) {
        keepDownloaded(content);
        traceMail("downloaded", {{"number", static_cast<std::int64_t>(number)},
                                 {"size", static_cast<std::int64_t>(content.size())},
                                 {"count", static_cast<std::int64_t>(localStore_.size())},
                                 {"from", rawHeader(content, "From")},
                                 {"subject", rawHeader(content, "Subject")}});
    };
    handlers.onFinished = [this](bool ok, const std::string& outcome) {
        traceMail(ok ? "pop3-done" : "pop3-failed", {{"outcome", outcome}});
        if (!ok) failures_.push_back({"POP3 download failed", outcome});
    };
    sessions_.keep(Pop3ClientConnection::start(host_, Endpoint{config_.server, 110}, std::move(config), std::move(handlers)));
}

void UserAgent::readImap(std::vector<imap::ClientAction> script) {
    imap::ClientConfig config{config_.user, config_.password, std::move(script)};
    ImapClientConnection::Handlers handlers;
    handlers.onFolders = [this](const std::vector<std::string>& folders) {
        traceMail("imap-folders", {{"folders", joined(folders)}});
    };
    handlers.onHeaders = [this](std::uint32_t sequence, std::uint32_t uid, const std::string& header) {
        traceMail("imap-headers", {{"number", static_cast<std::int64_t>(sequence)},
                                   {"uid", static_cast<std::int64_t>(uid)},
                                   {"subject", rawHeader(header, "Subject")}});
    };
    handlers.onMessage = [this](std::uint32_t sequence, std::uint32_t uid, const std::string& content) {
        traceMail("imap-read", {{"number", static_cast<std::int64_t>(sequence)},
                                {"uid", static_cast<std::int64_t>(uid)},
                                {"subject", rawHeader(content, "Subject")},
                                {"size", static_cast<std::int64_t>(content.size())}});
    };
    handlers.onNewMessage = [this](std::uint32_t exists) {
        traceMail("imap-new-mail", {{"exists", static_cast<std::int64_t>(exists)}});
    };
    handlers.onFinished = [this](bool ok, const std::string& outcome) {
        traceMail(ok ? "imap-done" : "imap-failed", {{"outcome", outcome}});
        if (!ok) failures_.push_back({"IMAP session failed", outcome});
    };
    sessions_.keep(ImapClientConnection::start(host_, Endpoint{config_.server, 143}, std::move(config), std::move(handlers)));
}

void UserAgent::webmail(const webmail::BrowserAction& action, std::uint16_t port) {
    const auto& network = host_.node().network();
    const auto node = network.nodeByAddress(config_.server);
    const std::string server = node ? network.node(*node).name() : config_.server.toString();
    const std::string what = webmail::describe(action);
    auto onFinished = [this, what, server](const webmail::BrowserVisit& visit, bool reached, const std::string& outcome) {
        webmailCookie_ = visit.cookie();
        const bool ok = visit.succeeded();
        const std::string text = reached ? outcome : "connection to " + server + " failed: " + outcome;
        traceMail(ok ? "webmail-done" : "webmail-failed", {{"action", what}, {"outcome", text}});
        if (!ok) failures_.push_back({"webmail " + what + " failed", text});
    };
    sessions_.keep(WebBrowserConnection::start(host_, Endpoint{config_.server, port}, server,
                                               webmail::BrowserVisit{action, webmailCookie_}, std::move(onFinished)));
}

void UserAgent::keepDownloaded(std::string content) {
    localStore_.push_back(std::move(content));
}

void UserAgent::traceMail(const std::string& type, trace::Fields fields) {
    trace::Tracer& tracer = host_.node().network().tracer();
    if (!tracer.wantsEvents()) return;
    tracer.event(trace::Event{host_.simulator().now(), host_.node().name(), "mail", type, std::move(fields)});
}

}  // namespace netstage::apps
