#include "simulator/apps/mail/mail_server.hpp"

#include <algorithm>

#include "protocols/common/line_reader.hpp"
#include "protocols/mail/message.hpp"
#include "protocols/mail/message_compose.hpp"
#include "simulator/apps/mail/imap_server_connection.hpp"
#include "simulator/apps/mail/pop3_server_connection.hpp"
#include "simulator/apps/mail/smtp_server_connection.hpp"
#include "simulator/apps/world_clock.hpp"

namespace netstage::apps {

namespace {

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The message as its sender wrote it: without the trace fields (Received:,
// Return-Path:) each hop puts on top, which differ between two copies.
std::string_view withoutTraceFields(std::string_view content) {
    auto startsWith = [&](std::string_view name) {
        return content.size() > name.size() && proto::iequals(content.substr(0, name.size()), name);
    };
    while (startsWith("Received:") || startsWith("Return-Path:")) {
        // Skip the field and its folded continuation lines.
        std::size_t end = content.find('\n');
        while (end != std::string_view::npos && end + 1 < content.size() &&
               (content[end + 1] == ' ' || content[end + 1] == '\t')) {
            end = content.find('\n', end + 1);
        }
        if (end == std::string_view::npos) return {};
        content.remove_prefix(end + 1);
    }
    return content;
}

// FNV-1a: the same on every platform and run, unlike std::hash.
std::uint64_t textDigest(std::string_view content) {
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : withoutTraceFields(content)) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace

std::string rawHeader(const std::string& content, std::string_view name) {
    std::size_t pos = 0;
    while (pos < content.size()) {
        const std::size_t end = content.find('\n', pos);
        std::string_view line{content.data() + pos, (end == std::string::npos ? content.size() : end) - pos};
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) break;  // end of the header section
        if (line.size() > name.size() && line[name.size()] == ':' && proto::iequals(line.substr(0, name.size()), name)) {
            return std::string{proto::trimSpaces(line.substr(name.size() + 1))};
        }
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    return {};
}

std::string withHeaderSection(const std::string& content) {
    // A first line of the form "Name: value" (RFC 5322 §2.2: printable name, no spaces) starts a header section.
    const std::size_t colon = content.find(':');
    const std::size_t lineEnd = content.find('\n');
    bool header = colon != std::string::npos && colon > 0 && (lineEnd == std::string::npos || colon < lineEnd);
    for (std::size_t i = 0; header && i < colon; ++i) header = content[i] > 32 && content[i] < 127;
    return header ? content : "\r\n" + content;
}

std::pair<std::string, std::string> splitAddress(const std::string& address) {
    const auto at = address.rfind('@');
    if (at == std::string::npos) return {address, {}};
    return {address.substr(0, at), lower(address.substr(at + 1))};
}

MailServer::MailServer(HostStack& host, MailServerConfig config, ResolverClient* resolver)
    : host_{host}, config_{std::move(config)}, resolver_{resolver}, queue_{std::make_unique<OutgoingQueue>(*this)} {
    config_.domain = lower(config_.domain);
    if (config_.postmaster.empty()) store_.addUser("postmaster");  // RFC 5321 §4.5.1: every domain has one
    for (const auto& account : config_.accounts) store_.addUser(account.name);
    host_.tcp().listen(25, [this](std::shared_ptr<tcp::TcpConnection> connection) {
        auto session = std::make_shared<SmtpServerConnection>(*this, std::move(connection), false);
        sessions_.keep(session);
        session->start();
    });
    host_.tcp().listen(587, [this](std::shared_ptr<tcp::TcpConnection> connection) {
        auto session = std::make_shared<SmtpServerConnection>(*this, std::move(connection), true);
        sessions_.keep(session);
        session->start();
    });
    host_.tcp().listen(110, [this](std::shared_ptr<tcp::TcpConnection> connection) {
        auto session = std::make_shared<Pop3ServerConnection>(*this, maildrops_, std::move(connection));
        sessions_.keep(session);
        session->start();
    });
    host_.tcp().listen(143, [this](std::shared_ptr<tcp::TcpConnection> connection) {
        auto session = std::make_shared<ImapServerConnection>(*this, std::move(connection));
        sessions_.keep(session);
        session->start();
    });
    if (config_.webmailPort != 0) webmail_ = std::make_unique<WebmailApp>(*this, config_.webmailPort, config_.webmailSeed);
}

MailServer::~MailServer() = default;

smtp::ServerConfig MailServer::smtpServerConfig(bool submission) const {
    smtp::ServerConfig config;
    config.domain = config_.domain;
    config.texts = config_.smtpTexts;
    config.advertise8BitMime = config_.offer8BitMime;
    // Port 25 is for other servers and the server's own networks: no AUTH
    // there, so its EHLO stays what it always was (RFC 6409 §1 moves users to 587).
    config.offerAuth = submission && !config_.accounts.empty();
    config.requireAuth = submission;
    return config;
}

std::string MailServer::nameOf(Ipv4Address address) const {
    const auto& network = host_.node().network();
    if (auto id = network.nodeByAddress(address)) return network.node(*id).name();
    return address.toString();
}

bool MailServer::isLocalDomain(const std::string& domain) const { return lower(domain) == config_.domain; }

bool MailServer::isLocalUser(const std::string& user) const { return store_.hasUser(user); }

std::optional<std::string> MailServer::mailboxOf(const std::string& localPart) const {
    if (proto::iequals(localPart, "postmaster")) return config_.postmaster.empty() ? "postmaster" : config_.postmaster;
    if (store_.hasUser(localPart)) return localPart;
    if (config_.caseSensitiveLocalParts) return std::nullopt;
    for (const auto& account : config_.accounts) {
        if (proto::iequals(account.name, localPart)) return account.name;
    }
    return std::nullopt;
}

smtp::Decision MailServer::checkSender(const std::string& /*reversePath*/) { return {250, {}}; }

smtp::Decision MailServer::authenticate(const std::string& user, const std::string& password) const {
    for (const auto& account : config_.accounts) {
        if (account.name == user && account.password == password) return {235, {}};
    }
    return {535, {}};
}

std::vector<Ipv4Network> MailServer::relayNetworks() const {
    if (config_.relayNetworks) return *config_.relayNetworks;
    std::vector<Ipv4Network> own;
    for (const Ipv4Address address : host_.node().addresses()) {
        const Ipv4Network lan = Ipv4Network::containing(address, 24);
        if (std::find(own.begin(), own.end(), lan) == own.end()) own.push_back(lan);
    }
    return own;
}

bool MailServer::mayRelay(Ipv4Address client, const std::string& authenticatedUser) const {
    if (config_.openRelay || !authenticatedUser.empty()) return true;
    const auto networks = relayNetworks();
    return std::any_of(networks.begin(), networks.end(), [&](const Ipv4Network& n) { return n.contains(client); });
}

smtp::Decision MailServer::checkRecipient(const std::string& address, Ipv4Address client,
                                          const std::string& authenticatedUser) const {
    const auto [user, domain] = splitAddress(address);
    if (domain.empty() || isLocalDomain(domain)) {
        // Without a domain, only <postmaster> gets past the engine (RFC 5321 §4.1.1.3).
        if (mailboxOf(user)) return {250, {}};
        return {550, "No such user here"};
    }
    if (mayRelay(client, authenticatedUser)) return {250, {}};
    return {550, "Relaying denied"};
}

std::string MailServer::withMessageId(const std::string& data, const std::string& reversePath) {
    const auto [senderUser, senderDomain] = splitAddress(reversePath);
    const bool submission = !reversePath.empty() && isLocalDomain(senderDomain) && isLocalUser(senderUser);
    if (!config_.addMessageId || !submission || !rawHeader(data, "Message-ID").empty()) return data;
    const std::string id = "<" + std::to_string(unixSecondsAt(host_.simulator().now())) + "." +
                           std::to_string(++addedIdCounter_) + "@" + config_.domain + ">";
    traceMail("message-id-added", {{"from", reversePath}, {"message_id", id}});
    return "Message-ID: " + id + "\r\n" + withHeaderSection(data);
}

smtp::Decision MailServer::acceptMessage(const smtp::Envelope& envelope, const std::string& submitted, Ipv4Address client) {
    const std::string data = withMessageId(submitted, envelope.reversePath);
    std::vector<std::string> remote;
    const std::string date = mail::formatRfc5322Date(unixSecondsAt(host_.simulator().now()));
    for (const auto& recipient : envelope.recipients) {
        const auto [user, domain] = splitAddress(recipient);
        const auto mailbox = domain.empty() || isLocalDomain(domain) ? mailboxOf(user) : std::nullopt;
        if (!mailbox) {
            remote.push_back(recipient);
            continue;
        }
        mail::ReceivedInfo received{envelope.clientDomain.empty() ? nameOf(client) : envelope.clientDomain,
                                    config_.domain, envelope.esmtp ? "ESMTP" : "SMTP", {}, recipient, date};
        deliverLocally(*mailbox, envelope.reversePath, mail::prependReceived(withHeaderSection(data), received));
    }
    if (!remote.empty()) {
        std::string relayed = data;
        if (config_.addReceived) {
            mail::ReceivedInfo received{envelope.clientDomain.empty() ? nameOf(client) : envelope.clientDomain,
                                        config_.domain, envelope.esmtp ? "ESMTP" : "SMTP", {}, {}, date};
            relayed = mail::prependReceived(withHeaderSection(data), received);
        }
        queue_->enqueue(envelope.reversePath, remote, relayed);
    }
    return {250, {}};
}

bool MailServer::deliverLocally(const std::string& user, const std::string& reversePath, const std::string& content) {
    // An SMTP client that lost our 250 sends the message again (RFC 5321
    // §4.1.1.4 warns of it); a mailbox keeps one copy per Message-ID.
    const std::string mailbox = user + "@" + config_.domain;
    const std::string messageId = rawHeader(content, "Message-ID");
    if (!messageId.empty()) {
        const auto known = deliveredIds_[user].find(messageId);
        if (known != deliveredIds_[user].end()) {
            ++counters_.duplicatesDropped;
            const std::string reason = "the same Message-ID " + messageId + " as " + known->second +
                                       ", already in the mailbox: the sender sent it again";
            traceMail("duplicate", {{"mailbox", mailbox}, {"message_id", messageId}, {"first", known->second},
                                    {"kept", std::int64_t{0}}, {"reason", reason}});
            noteIncident(mailbox + ": a second copy of " + known->second + " was not stored (" + reason + ")");
            return false;
        }
    }
    const std::uint64_t text = textDigest(content);
    const auto sameText = deliveredTexts_[user].find(text);
    const std::string stored = mail::prependField(content, mail::makeReturnPath(reversePath));
    const mail::Uid uid = store_.deliver(user, stored, unixSecondsAt(host_.simulator().now()));
    ++counters_.stored;
    const std::string id = nextMessageId();
    if (!messageId.empty()) deliveredIds_[user][messageId] = id;
    if (sameText != deliveredTexts_[user].end() && messageId.empty()) {
        ++counters_.duplicatesStored;
        const std::string reason = "the same text as " + sameText->second +
                                   ", and no Message-ID to tell a copy sent again from a new message";
        traceMail("duplicate", {{"mailbox", mailbox}, {"message", id}, {"first", sameText->second},
                                {"kept", std::int64_t{1}}, {"reason", reason}});
        noteIncident(mailbox + ": " + id + " is stored as a second copy of " + sameText->second + " (" + reason + ")");
    } else {
        deliveredTexts_[user].emplace(text, id);
    }
    shortIds_[{user, uid}] = id;
    traceStored(user, id, reversePath.empty() ? std::string{"<>"} : reversePath, stored);
    return true;
}

void MailServer::preload(const std::string& user, const std::string& content) {
    const mail::Uid uid = store_.deliver(user, content, unixSecondsAt(host_.simulator().now()));
    const std::string id = nextMessageId();
    shortIds_[{user, uid}] = id;
    traceStored(user, id, rawHeader(content, "From"), content);
}

std::string MailServer::shortIdOf(const std::string& user, mail::Uid uid) const {
    const auto it = shortIds_.find({user, uid});
    return it == shortIds_.end() ? std::string{} : it->second;
}

std::string MailServer::shortIdIn(const std::string& user, const std::string& folder, mail::Uid uid) const {
    if (folder == "INBOX") return shortIdOf(user, uid);
    const auto it = folderIds_.find({user, folder, uid});
    return it == folderIds_.end() ? std::string{} : it->second;
}

void MailServer::traceStoredIn(const std::string& user, const std::string& folder, mail::Uid uid, const std::string& id) {
    if (folder == "INBOX") shortIds_[{user, uid}] = id;
    else folderIds_[{user, folder, uid}] = id;
    if (!host_.node().network().tracer().wantsEvents()) return;
    const mail::Folder* f = store_.folder(user, folder);
    const mail::Message* message = f != nullptr ? f->find(uid) : nullptr;
    const std::string content = message != nullptr && message->content ? *message->content : std::string{};
    traceMail("stored", {{"message", id},
                         {"mailbox", user + "@" + config_.domain},
                         {"folder", folder},
                         {"from", rawHeader(content, "From")},
                         {"subject", rawHeader(content, "Subject")},
                         {"message_id", rawHeader(content, "Message-ID")},
                         {"size", static_cast<std::int64_t>(content.size())},
                         {"count", static_cast<std::int64_t>(f != nullptr ? f->size() : 0)}});
}

void MailServer::traceCopied(const std::string& user, const std::string& from, const std::string& to,
                             const std::vector<std::pair<mail::Uid, mail::Uid>>& uids) {
    for (const auto& [source, copy] : uids) {
        std::string id = shortIdIn(user, from, source);
        if (id.empty()) id = nextMessageId();
        traceStoredIn(user, to, copy, id);
    }
}

void MailServer::traceAppended(const std::string& user, const std::string& folder, mail::Uid uid) {
    traceStoredIn(user, folder, uid, nextMessageId());
}

void MailServer::traceExpunged(const std::string& user, const std::string& folder, const std::vector<mail::Uid>& uids) {
    const mail::Folder* f = store_.folder(user, folder);
    const auto left = static_cast<std::int64_t>(f != nullptr ? f->size() : 0);
    for (const mail::Uid uid : uids) {
        const std::string id = shortIdIn(user, folder, uid);
        if (folder == "INBOX") shortIds_.erase({user, uid});
        else folderIds_.erase({user, folder, uid});
        if (id.empty()) continue;
        traceMail("deleted", {{"message", id}, {"mailbox", user + "@" + config_.domain}, {"folder", folder}, {"count", left}});
    }
}

void MailServer::traceStored(const std::string& user, const std::string& id, const std::string& from,
                             const std::string& content) {
    if (!host_.node().network().tracer().wantsEvents()) return;
    const mail::Folder* inbox = store_.folder(user, "INBOX");
    traceMail("stored", {{"message", id},
                         {"mailbox", user + "@" + config_.domain},
                         {"folder", std::string{"INBOX"}},
                         {"from", from},
                         {"subject", rawHeader(content, "Subject")},
                         {"message_id", rawHeader(content, "Message-ID")},
                         {"size", static_cast<std::int64_t>(content.size())},
                         {"count", static_cast<std::int64_t>(inbox ? inbox->size() : 0)}});
}

std::string MailServer::nextMessageId() { return config_.domain + "#" + std::to_string(++messageCounter_); }

void MailServer::traceMail(const std::string& type, trace::Fields fields) {
    trace::Tracer& tracer = host_.node().network().tracer();
    if (!tracer.wantsEvents()) return;
    tracer.event(trace::Event{host_.simulator().now(), host_.node().name(), "mail", type, std::move(fields)});
}

}  // namespace netstage::apps
