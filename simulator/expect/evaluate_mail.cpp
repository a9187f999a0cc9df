// Mailboxes and the fate of messages, from the mail layer's events
// (docs/trace-events.md) and, for a message's text, the world's final state.
#include <algorithm>
#include <map>

#include "simulator/expect/evaluators.hpp"

namespace netstage::expect::detail {

namespace {

std::string folderOf(const trace::Event& e) {
    std::string folder = e.text("folder");
    return folder.empty() ? "INBOX" : folder;
}

bool isMailboxChange(const trace::Event& e, const std::string& server, const std::string& mailbox, const std::string& folder) {
    return e.layer == "mail" && (e.type == "stored" || e.type == "deleted") && e.node == server &&
           equalsIgnoringCase(e.text("mailbox"), mailbox) && folderOf(e) == folder;
}

// The header section ends at the first empty line; a line starting with
// white space continues the field above it (RFC 5322 §2.2.3).
std::optional<std::string> headerValue(std::string_view content, std::string_view name) {
    std::optional<std::string> value;
    bool inField = false;
    std::size_t start = 0;
    while (start < content.size()) {
        std::size_t end = content.find('\n', start);
        if (end == std::string_view::npos) end = content.size();
        std::string_view line = content.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.empty()) break;
        if (line.front() == ' ' || line.front() == '\t') {
            if (inField) *value += std::string{line};
        } else if (value && inField) {
            break;  // the first such field is the one read
        } else {
            const std::size_t colon = line.find(':');
            inField = colon != std::string_view::npos && equalsIgnoringCase(line.substr(0, colon), name);
            if (inField) {
                std::string_view rest = line.substr(colon + 1);
                while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
                value = std::string{rest};
            }
        }
        start = end + 1;
    }
    return value;
}

std::string_view bodyOf(std::string_view content) {
    if (const std::size_t crlf = content.find("\r\n\r\n"); crlf != std::string_view::npos) return content.substr(crlf + 4);
    if (const std::size_t lf = content.find("\n\n"); lf != std::string_view::npos) return content.substr(lf + 2);
    return {};
}

// "bob@hamburger.edu, carol@hamburger.edu" holds `address`.
bool listHolds(const std::string& list, const std::string& address) {
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        std::string_view item = std::string_view{list}.substr(start, comma - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (item.starts_with('<') && item.ends_with('>')) item = item.substr(1, item.size() - 2);
        if (equalsIgnoringCase(item, address)) return true;
        start = comma + 1;
    }
    return false;
}

}  // namespace

ExpectationResult evaluateMailboxCount(const MailboxCount& what, RunView& run) {
    std::optional<Moment> last;
    std::uint64_t traced = 0;
    forEachEvent(run.log(), [&](const trace::Event& e, std::size_t i) {
        if (!isMailboxChange(e, what.server, what.mailbox, what.folder)) return;
        last = Moment{e.time, i};
        traced = static_cast<std::uint64_t>(std::max<std::int64_t>(0, e.integer("count").value_or(0)));
    });
    std::uint64_t held = traced;
    if (run.world() != nullptr) {
        const std::string user = what.mailbox.substr(0, what.mailbox.find('@'));
        const auto messages = run.world()->mailbox(what.server, user, what.folder);
        held = messages ? messages->size() : 0;
    }
    ExpectationResult result;
    result.passed = held == what.count;
    result.actual = "at the end it holds " + plural(held, "message");
    if (last) {
        result.actual += " (last change at " + formatTime(last->time) + ")";
        result.time = last->time;
        result.record = last->record;
    }
    return result;
}

ExpectationResult evaluateMailboxMessage(const MailboxMessage& what, const TimeBounds& time, RunView& run) {
    ExpectationResult result;
    if (run.world() == nullptr) {
        result.actual = "the mailbox's messages are not known without running the scenario";
        return result;
    }
    const auto messages = run.world()->mailbox(what.server, what.user, what.folder);
    if (!messages || messages->empty()) {
        result.actual = "the mailbox is empty at the end";
        return result;
    }
    // When each message was stored, from the trace, for the time bound and the jump to the event.
    std::map<std::string, Moment> storedAt;
    forEachEvent(run.log(), [&](const trace::Event& e, std::size_t i) {
        if (e.is("mail", "stored") && isMailboxChange(e, what.server, what.mailbox, what.folder)) storedAt[e.text("message")] = Moment{e.time, i};
    });
    std::vector<Moment> candidates;
    std::vector<std::string> seen;
    for (const StoredMessage& message : *messages) {
        bool matched = false;
        if (what.header) {
            const auto value = headerValue(message.content, *what.header);
            if (seen.size() < 3) seen.push_back(value ? "'" + *value + "'" : "none");
            matched = value && what.match.test(*value);
        } else {
            matched = what.match.testLines(bodyOf(message.content));
        }
        if (!matched) continue;
        const auto at = storedAt.find(message.id);
        candidates.push_back(at != storedAt.end() ? at->second : Moment{run.end(), run.log().records.size()});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Moment& a, const Moment& b) { return a.record < b.record; });
    std::string none = "none of its " + plural(messages->size(), "message") + " does";
    if (what.header) {
        none += " (" + *what.header + ": ";
        for (std::size_t i = 0; i < seen.size(); ++i) none += (i ? ", " : "") + seen[i];
        none += messages->size() > seen.size() ? ", ...)" : ")";
    }
    result = firstWithin(candidates, time, "such a message was stored", none);
    if (result.record && *result.record >= run.log().records.size()) result.record.reset();
    return result;
}

ExpectationResult evaluateMailOutcome(const MailOutcome& what, const TimeBounds& time, RunView& run) {
    std::vector<Moment> candidates;
    std::size_t ofKind = 0;
    forEachEvent(run.log(), [&](const trace::Event& e, std::size_t i) {
        if (e.layer != "mail") return;
        if (what.fate == MailFate::Delivered) {
            // A delivery is a message stored into an INBOX during the run; those at time 0 were there before it.
            if (e.type != "stored" || e.time == Time::zero() || folderOf(e) != "INBOX") return;
        } else if (e.type != toString(what.fate)) {
            return;
        }
        ++ofKind;
        if (what.at && e.node != *what.at) return;
        if (what.to) {
            const std::string list = what.fate == MailFate::Delivered ? e.text("mailbox") : e.text("to");
            if (!listHolds(list, *what.to)) return;
        }
        if (what.via && !equalsIgnoringCase(e.text("exchange"), *what.via)) return;
        candidates.push_back({e.time, i});
    });
    const std::string kind{toString(what.fate)};
    const std::string none = ofKind == 0 ? "no message was " + kind
                                         : plural(ofKind, "message") + " " + (ofKind == 1 ? "was " : "were ") + kind + ", none such";
    return firstWithin(candidates, time, "it was " + kind, none);
}

}  // namespace netstage::expect::detail
