#include "simulator/apps/mail/outgoing_queue.hpp"

#include <algorithm>

#include "protocols/mail/message_compose.hpp"
#include "simulator/apps/mail/mail_server.hpp"
#include "simulator/apps/mail/smtp_client_connection.hpp"
#include "simulator/apps/world_clock.hpp"

namespace netstage::apps {

namespace {
std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// "63 s", "2 min", "1 min 30 s": how long, to the nearest second, as a person says it.
std::string roundedSeconds(Time t) {
    const std::int64_t seconds = (t.nanoseconds() + 500'000'000) / 1'000'000'000;
    if (seconds < 120) return std::to_string(seconds) + " s";
    const std::int64_t minutes = seconds / 60;
    return std::to_string(minutes) + " min" + (seconds % 60 != 0 ? " " + std::to_string(seconds % 60) + " s" : "");
}
}  // namespace

OutgoingQueue::OutgoingQueue(MailServer& server) : server_{server} {}

OutgoingQueue::~OutgoingQueue() {
    for (auto& [id, entry] : entries_) server_.host().simulator().cancel(entry->retryTimer);
    batches_.clear();  // the sessions go with sessions_, never after it
}

void OutgoingQueue::enqueue(const std::string& reversePath, const std::vector<std::string>& recipients,
                            const std::string& data) {
    // One entry per destination domain: each has its own mail exchangers and fate.
    std::map<std::string, std::vector<std::string>> byDomain;
    for (const auto& r : recipients) byDomain[splitAddress(r).second].push_back(r);
    for (auto& [domain, list] : byDomain) {
        auto entry = std::make_unique<Entry>();
        entry->id = server_.nextMessageId();
        entry->reversePath = reversePath;
        entry->domain = domain;
        entry->recipients = list;
        entry->data = data;
        entry->queuedAt = server_.host().simulator().now();
        const std::string id = entry->id;
        server_.traceMail("queued", {{"message", id},
                                     {"queue", server_.config().domain},
                                     {"from", reversePath.empty() ? std::string{"<>"} : reversePath},
                                     {"to", joined(list)},
                                     {"size", static_cast<std::int64_t>(data.size())},
                                     {"count", static_cast<std::int64_t>(entries_.size() + 1)}});
        entries_[id] = std::move(entry);
        server_.host().simulator().schedule(Time::zero(), [this, id] { attempt(id); });
    }
}

std::vector<OutgoingQueue::Snapshot> OutgoingQueue::snapshot() const {
    std::vector<Snapshot> out;
    for (const auto& [id, entry] : entries_) out.push_back({id, entry->domain, entry->recipients, entry->attempts});
    return out;
}

OutgoingQueue::Entry* OutgoingQueue::find(const std::string& id) {
    auto it = entries_.find(id);
    return it == entries_.end() ? nullptr : it->second.get();
}

void OutgoingQueue::attempt(const std::string& id) {
    Entry* entry = find(id);
    if (!entry) return;
    // A message's first attempt joins the first attempts under way for its domain. A retry
    // goes on its own, as before batching: one session that fails (a lossy path timing out)
    // fails every message it carries, and retrying them all together would fail them together again.
    const bool first = entry->attempts == 0;
    if (auto running = batches_.find(entry->domain); first && running != batches_.end()) {
        Batch& batch = running->second;
        if (batch.connection && !batch.connection->add(smtp::MailItem{entry->reversePath, entry->recipients, entry->data})) {
            batch.waiting.push_back(id);  // after that session's QUIT
            return;
        }
        ++entry->attempts;
        batch.ids.push_back(id);
        if (batch.connection) batch.items->push_back(id);
        return;
    }
    ++entry->attempts;
    const std::string key = first ? entry->domain : "retry " + id;
    Batch& batch = batches_[key];
    batch.domain = entry->domain;
    batch.ids.push_back(id);
    ResolverClient* resolver = server_.resolver();
    if (!resolver) {
        endBatch(key);
        attemptFailed(id, "no DNS resolver configured");
        return;
    }
    resolver->findMailRoute(entry->domain, [this, key](const MailRouteResult& result) { resolved(key, result); });
}

void OutgoingQueue::resolved(const std::string& key, const MailRouteResult& result) {
    auto running = batches_.find(key);
    if (running == batches_.end()) return;
    Batch& batch = running->second;
    std::erase_if(batch.ids, [this](const std::string& id) { return find(id) == nullptr; });
    if (result.status != MailRouteResult::Status::Found || batch.ids.empty()) {
        const std::vector<std::string> ids = batch.ids;
        endBatch(key);
        for (const auto& id : ids) {
            if (result.status == MailRouteResult::Status::Permanent) bounce(id, "DNS: " + result.reason, true);
            else attemptFailed(id, result.reason);
        }
        return;
    }
    batch.exchanges.clear();
    const std::uint32_t self = server_.host().node().primaryAddress().value();
    for (const auto& exchange : result.route.exchanges) {
        // RFC 5321 §5.1: if we are an MX of the domain, only better ones are candidates.
        if (std::find(exchange.addresses.begin(), exchange.addresses.end(), self) != exchange.addresses.end()) break;
        batch.exchanges.insert(batch.exchanges.end(), exchange.addresses.begin(), exchange.addresses.end());
    }
    if (batch.exchanges.empty()) {
        const std::vector<std::string> ids = batch.ids;
        const std::string destination = batch.domain;
        endBatch(key);
        for (const auto& id : ids) attemptFailed(id, "no usable mail exchanger for " + destination);
        return;
    }
    tryNextExchange(key);
}

void OutgoingQueue::tryNextExchange(const std::string& key) {
    auto running = batches_.find(key);
    if (running == batches_.end()) return;
    Batch& batch = running->second;
    batch.connection.reset();
    std::erase_if(batch.ids, [this](const std::string& id) { return find(id) == nullptr; });
    if (batch.ids.empty() || batch.exchanges.empty()) {
        const std::vector<std::string> ids = batch.ids;
        endBatch(key);
        for (const auto& id : ids) {
            const Entry* entry = find(id);
            attemptFailed(id, entry->lastError.empty() ? "every mail exchanger failed" : entry->lastError);
        }
        return;
    }
    const Ipv4Address target{batch.exchanges.front()};
    batch.exchanges.erase(batch.exchanges.begin());
    const std::string via = server_.nameOf(target);
    std::vector<smtp::MailItem> items;
    for (const auto& id : batch.ids) {
        const Entry* entry = find(id);
        server_.traceMail("relaying", {{"message", id},
                                       {"to", joined(entry->recipients)},
                                       {"exchange", via},
                                       {"attempt", std::int64_t{entry->attempts}}});
        items.push_back(smtp::MailItem{entry->reversePath, entry->recipients, entry->data});
    }
    smtp::ClientConfig config = server_.config().relayClient;
    if (config.heloDomain.empty() || config.heloDomain == "localhost") config.heloDomain = server_.config().domain;
    // The session's item numbers, in the order its items were handed over (more may join).
    auto itemIds = std::make_shared<std::vector<std::string>>(batch.ids);
    SmtpClientConnection::Handlers handlers;
    handlers.onItemResult = [this, itemIds, via](const smtp::ItemResult& result) {
        if (result.item < itemIds->size()) itemResult((*itemIds)[result.item], via, result);
    };
    const Time started = server_.host().simulator().now();
    handlers.onFinished = [this, key, itemIds, via, target, started](bool reached, const std::string& reason) {
        auto current = batches_.find(key);
        if (current == batches_.end() || current->second.items != itemIds) return;
        Batch& b = current->second;
        b.connection.reset();
        if (!reached) {
            for (const auto& id : b.ids) {
                if (Entry* e = find(id)) e->lastError = via + ": " + reason;
            }
            std::erase_if(b.ids, [this](const std::string& id) { return find(id) == nullptr; });
            if (!b.ids.empty()) connectFailed(b, target, reason, started);
        }
        tryNextExchange(key);
    };
    batch.items = itemIds;
    batch.connection = SmtpClientConnection::start(server_.host(), Endpoint{target, 25}, config, std::move(items),
                                                   std::move(handlers));
    sessions_.keep(batch.connection);
}

void OutgoingQueue::itemResult(const std::string& id, const std::string& via, const smtp::ItemResult& result) {
    Entry* e = find(id);
    if (!e) return;
    if (result.outcome == smtp::Outcome::Accepted) {
        std::vector<std::string> refused;
        for (const auto& r : e->recipients) {
            if (std::find(result.acceptedRecipients.begin(), result.acceptedRecipients.end(), r) ==
                result.acceptedRecipients.end()) {
                refused.push_back(r);
            }
        }
        // Recipients refused by the server that took the others are traced as the accepted ones.
        if (!refused.empty()) e->recipients = refused;
        delivered(id, via);
    } else if (result.outcome == smtp::Outcome::PermanentFailure) {
        // No reply line: our own client refused to send it (8-bit text to a server without 8BITMIME).
        bounce(id, result.lines.empty() ? "not sent to " + via + ": " + result.reason : via + " said: " + result.lines.back(),
               true);
    } else if (result.outcome == smtp::Outcome::Unknown) {
        // RFC 5321 §4.1.1.4: the server may have taken it; sending it again may deliver it twice.
        ++server_.counters().sentInDoubt;
        e->lastError = via + ": no reply after the end of the message (" + result.reason +
                       "); it may have arrived, and sending it again may deliver it twice";
        server_.noteIncident(id + " to " + joined(e->recipients) + ": " + e->lastError);
    } else {
        e->lastError = via + ": " + (result.lines.empty() ? result.reason : result.lines.back());
    }
}

// The attempt is over: entries that became ready after its QUIT start the next one.
void OutgoingQueue::endBatch(const std::string& key) {
    auto running = batches_.find(key);
    if (running == batches_.end()) return;
    const std::vector<std::string> waiting = std::move(running->second.waiting);
    batches_.erase(running);
    for (const auto& id : waiting) attempt(id);
}

std::optional<Time> OutgoingQueue::nextWait(const Entry& entry) const {
    const Time age = server_.host().simulator().now() - entry.queuedAt;
    if (age >= server_.config().giveUpAfter) return std::nullopt;
    const int doublings = std::min(entry.attempts - 1, 3);
    const Time wait = server_.config().retryInterval * (std::int64_t{1} << doublings);
    // Never wait past the give-up time: the last try happens exactly then.
    return std::min(wait, server_.config().giveUpAfter - age);
}

void OutgoingQueue::connectFailed(const Batch& batch, Ipv4Address target, const std::string& reason, Time started) {
    const Entry* entry = find(batch.ids.front());
    std::string next;
    if (!batch.exchanges.empty()) {
        next = "trying " + server_.nameOf(Ipv4Address{batch.exchanges.front()});
    } else if (const auto wait = nextWait(*entry)) {
        next = "next attempt in " + roundedSeconds(*wait);
    } else {
        next = "giving up";
    }
    const std::string exchange = server_.nameOf(target);
    const std::string address = target.toString() + ":25";
    const std::string elapsed = roundedSeconds(server_.host().simulator().now() - started);
    server_.traceMail("connect-failed", {{"message", joined(batch.ids)},
                                         {"exchange", exchange},
                                         {"address", address},
                                         {"reason", reason},
                                         {"elapsed", elapsed},
                                         {"next", next}});
    server_.noteIncident("connection to " + exchange + " (" + address + ") failed after " + elapsed + ": " + reason + "; " +
                         next);
}

void OutgoingQueue::attemptFailed(const std::string& id, const std::string& reason) {
    Entry* entry = find(id);
    if (!entry) return;
    Simulator& simulator = server_.host().simulator();
    const Time age = simulator.now() - entry->queuedAt;
    const std::optional<Time> next = nextWait(*entry);
    if (!next) {
        bounce(id, "gave up after " + age.toSecondsString() + ": " + reason, false);
        return;
    }
    const Time wait = *next;
    server_.traceMail("retry-scheduled", {{"message", id},
                                          {"attempt", std::int64_t{entry->attempts}},
                                          {"reason", reason},
                                          {"next_attempt_ns", (simulator.now() + wait).nanoseconds()}});
    entry->retryTimer = simulator.schedule(wait, [this, id] { attempt(id); });
}

void OutgoingQueue::delivered(const std::string& id, const std::string& via) {
    auto it = entries_.find(id);
    if (it == entries_.end()) return;
    ++server_.counters().relayed;
    server_.traceMail("relayed", {{"message", id},
                                  {"to", joined(it->second->recipients)},
                                  {"exchange", via},
                                  {"attempt", std::int64_t{it->second->attempts}},
                                  {"count", static_cast<std::int64_t>(entries_.size() - 1)}});
    entries_.erase(it);
}

void OutgoingQueue::bounce(const std::string& id, const std::string& reason, bool permanent) {
    auto it = entries_.find(id);
    if (it == entries_.end()) return;
    std::unique_ptr<Entry> entry = std::move(it->second);
    entries_.erase(it);
    server_.host().simulator().cancel(entry->retryTimer);
    ++server_.counters().bounced;
    server_.noteIncident(id + " to " + joined(entry->recipients) + " bounced: " + reason);
    server_.traceMail("bounced", {{"message", id},
                                  {"to", joined(entry->recipients)},
                                  {"reason", reason},
                                  {"permanent", std::int64_t{permanent ? 1 : 0}},
                                  {"count", static_cast<std::int64_t>(entries_.size())}});
    if (entry->reversePath.empty()) return;  // never bounce a bounce (RFC 5321 §6.1)

    const std::string domain = server_.config().domain;
    mail::ComposeOptions notice;
    notice.from = "Mail Delivery System <MAILER-DAEMON@" + domain + ">";
    notice.to = {entry->reversePath};
    notice.subject = "Undelivered Mail Returned to Sender";
    notice.date = mail::formatRfc5322Date(unixSecondsAt(server_.host().simulator().now()));
    notice.messageId = "<" + id + ".bounce@" + domain + ">";
    notice.body = "This is the mail system at " + domain + ".\r\n\r\nYour message could not be delivered to:\r\n\r\n    " +
                  joined(entry->recipients) + "\r\n\r\nReason: " + reason + "\r\n";
    const std::string original = rawHeader(entry->data, "Message-ID");
    if (!original.empty()) notice.body += "Original-Message-ID: " + original + "\r\n";
    const auto composed = mail::composeMessage(notice);
    if (!composed.ok()) return;
    const std::string text = mail::serialize(composed.value());
    const auto [user, senderDomain] = splitAddress(entry->reversePath);
    if (server_.isLocalDomain(senderDomain)) {
        server_.deliverLocally(user, "", text);
    } else {
        enqueue("", {entry->reversePath}, text);
    }
}

}  // namespace netstage::apps
