// The selected-state half of ServerSession: SELECT/EXAMINE, FETCH, STORE,
// SEARCH, COPY, EXPUNGE, CLOSE, and keeping the client's view of the mailbox
// in step with the store.

#include <algorithm>

#include "protocols/imap/fetch.hpp"
#include "protocols/imap/search.hpp"
#include "protocols/imap/server_session.hpp"

namespace netstage::imap {

namespace {
constexpr std::string_view systemFlags = "(\\Answered \\Flagged \\Deleted \\Seen \\Draft)";

}  // namespace

const mail::Folder* ServerSession::selectedFolder() const {
    return selection_ ? config_.store.folder(user_, selection_->folder) : nullptr;
}

void ServerSession::deselect() {
    if (!selection_) return;
    selection_.reset();
    advance(Trigger::MailboxClosed);
}

void ServerSession::syncMailbox(bool allowExpunge) {
    Selection& s = *selection_;
    const mail::Folder* f = selectedFolder();
    if (!f) {
        untagged("BYE The selected mailbox has been deleted");
        close();
        return;
    }
    const bool expunged = allowExpunge && f->expungeCount() != s.seenExpunges;
    if (f->modSeq() == s.seenModSeq && !expunged) return;
    const auto& messages = f->messages();
    if (expunged) {
        // Walk both ascending lists; every UID the client knows that is gone is
        // reported, numbered as the client sees them after the earlier ones went.
        std::vector<mail::Uid> kept;
        kept.reserve(s.uids.size());
        std::size_t j = 0;
        std::uint32_t removed = 0;
        for (std::size_t i = 0; i < s.uids.size(); ++i) {
            while (j < messages.size() && messages[j].uid < s.uids[i]) ++j;
            if (j < messages.size() && messages[j].uid == s.uids[i]) {
                kept.push_back(s.uids[i]);
            } else {
                untagged(std::to_string(i + 1 - removed) + " EXPUNGE");
                ++removed;
            }
        }
        s.uids = std::move(kept);
        s.seenExpunges = f->expungeCount();
    }
    for (const auto& m : messages) {
        if (m.modSeq <= s.seenModSeq || m.uid >= s.seenUidNext) continue;
        auto it = std::lower_bound(s.uids.begin(), s.uids.end(), m.uid);
        if (it == s.uids.end() || *it != m.uid) continue;
        untagged(std::to_string(it - s.uids.begin() + 1) + " FETCH (UID " + std::to_string(m.uid) + " FLAGS " +
                 renderFlags(m.flags) + ")");
    }
    if (f->uidNext() > s.seenUidNext) {
        auto it = std::lower_bound(messages.begin(), messages.end(), s.seenUidNext,
                                   [](const mail::Message& m, mail::Uid u) { return m.uid < u; });
        const std::size_t before = s.uids.size();
        for (; it != messages.end(); ++it) s.uids.push_back(it->uid);
        if (s.uids.size() != before) untagged(std::to_string(s.uids.size()) + " EXISTS");
        s.seenUidNext = f->uidNext();
    }
    s.seenModSeq = f->modSeq();
}

void ServerSession::cmdSelect(const std::string& tag, Cursor& args, bool readOnly) {
    auto name = args.astring();
    if (!name || !args.atEnd()) {
        bad(tag, "SELECT needs a mailbox name");
        return;
    }
    const mail::Folder* f = config_.store.folder(user_, *name);
    if (!f) {
        deselect();  // a failed SELECT leaves no mailbox selected (RFC 3501 §6.3.1)
        tagged(tag, Status::No, "[NONEXISTENT] No such mailbox");
        return;
    }
    selection_.reset();  // SELECT of another mailbox replaces this one: Selected stays Selected
    Selection s;
    s.folder = f->id();
    s.name = f->name();
    s.readOnly = readOnly;
    s.uids.reserve(f->size());
    std::optional<std::size_t> firstUnseen;
    for (const auto& m : f->messages()) {
        s.uids.push_back(m.uid);
        if (!firstUnseen && !m.flags.has(mail::SystemFlag::Seen)) firstUnseen = s.uids.size();
    }
    s.seenModSeq = f->modSeq();
    s.seenExpunges = f->expungeCount();
    s.seenUidNext = f->uidNext();
    untagged("FLAGS " + std::string{systemFlags});
    untagged(std::to_string(f->size()) + " EXISTS");
    untagged("0 RECENT");
    if (firstUnseen) untagged("OK [UNSEEN " + std::to_string(*firstUnseen) + "] First unseen message");
    untagged(readOnly ? std::string{"OK [PERMANENTFLAGS ()] Read-only mailbox"}
                      : "OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted");
    untagged("OK [UIDVALIDITY " + std::to_string(f->uidValidity()) + "] UIDs valid");
    untagged("OK [UIDNEXT " + std::to_string(f->uidNext()) + "] Predicted next UID");
    selection_ = std::move(s);
    advance(Trigger::MailboxSelected);
    emit(server::MailboxSelected{f->name(), readOnly});
    tagged(tag, Status::Ok, readOnly ? "[READ-ONLY] EXAMINE completed" : "[READ-WRITE] SELECT completed");
}

void ServerSession::cmdClose(const std::string& tag, bool expunge) {
    if (expunge && !selection_->readOnly) {
        // CLOSE expunges silently (RFC 3501 §6.4.2).
        auto removed = config_.store.expunge(user_, selection_->folder);
        if (!removed.empty()) emit(server::MessagesExpunged{selection_->name, std::move(removed)});
    }
    deselect();
    tagged(tag, Status::Ok, expunge ? "CLOSE completed" : "UNSELECT completed");
}

void ServerSession::cmdExpunge(const std::string& tag, Cursor& args, bool uid) {
    std::optional<std::vector<mail::Uid>> only;
    if (uid) {
        auto set = SequenceSet::parse(args);
        if (!set || !args.atEnd()) {
            bad(tag, "UID EXPUNGE needs a UID set");
            return;
        }
        std::string error;
        auto targets = resolve(*set, true, error);
        only.emplace();
        for (const auto& t : *targets) only->push_back(t.uid);
    } else if (!args.atEnd()) {
        bad(tag, "EXPUNGE takes no arguments");
        return;
    }
    if (selection_->readOnly) {
        tagged(tag, Status::No, "Mailbox is read-only");
        return;
    }
    auto removed = config_.store.expunge(user_, selection_->folder, only);
    if (!removed.empty()) emit(server::MessagesExpunged{selection_->name, std::move(removed)});
    syncMailbox(true);
    if (state_ != ServerState::Logout) tagged(tag, Status::Ok, "EXPUNGE completed");
}

std::optional<std::vector<ServerSession::Target>> ServerSession::resolve(const SequenceSet& set, bool uid,
                                                                        std::string& error) const {
    const auto& uids = selection_->uids;
    std::vector<Target> out;
    const std::uint32_t largest =
        uid ? (uids.empty() ? 0 : uids.back()) : static_cast<std::uint32_t>(uids.size());
    auto ranges = set.resolved(largest);
    std::sort(ranges.begin(), ranges.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::uint32_t next = 1;  // lowest number not yet emitted, so overlapping ranges do not repeat
    for (const auto& r : ranges) {
        if (!uid && (r.last > uids.size())) {
            error = "No such message " + std::to_string(r.last);
            return std::nullopt;
        }
        const std::uint32_t from = std::max(r.first, next);
        if (from > r.last) continue;
        if (uid) {
            auto it = std::lower_bound(uids.begin(), uids.end(), from);
            for (; it != uids.end() && *it <= r.last; ++it) {
                out.push_back({static_cast<std::uint32_t>(it - uids.begin() + 1), *it});
            }
        } else {
            for (std::uint32_t n = from; n <= r.last; ++n) out.push_back({n, uids[n - 1]});
        }
        next = r.last == 0xffffffffu ? r.last : r.last + 1;
    }
    return out;
}

void ServerSession::cmdSearch(const std::string& tag, Cursor& args, bool uid) {
    SearchParse parsed = parseSearch(args);
    if (parsed.badCharset) {
        tagged(tag, Status::No, "[BADCHARSET (US-ASCII UTF-8)] Unsupported charset");
        return;
    }
    if (!parsed.key) {
        bad(tag, "SEARCH: " + parsed.error);
        return;
    }
    const Selection& s = *selection_;
    SearchKey& key = *parsed.key;
    prepare(key, static_cast<std::uint32_t>(s.uids.size()), s.uids.empty() ? 0 : s.uids.back());
    const auto& messages = selectedFolder()->messages();
    std::string line = "SEARCH";
    std::size_t j = 0;
    for (std::size_t i = 0; i < s.uids.size(); ++i) {
        while (j < messages.size() && messages[j].uid < s.uids[i]) ++j;
        if (j == messages.size() || messages[j].uid != s.uids[i]) continue;  // expunged, not yet reported
        const auto sequence = static_cast<std::uint32_t>(i + 1);
        if (matches(key, messages[j], sequence)) {
            line += ' ';
            line += std::to_string(uid ? s.uids[i] : sequence);
        }
    }
    untagged(line);
    tagged(tag, Status::Ok, uid ? "UID SEARCH completed" : "SEARCH completed");
}

void ServerSession::cmdFetch(const std::string& tag, Cursor& args, bool uid) {
    auto set = SequenceSet::parse(args);
    if (!set || !args.space()) {
        bad(tag, "FETCH needs a message set and data items");
        return;
    }
    FetchParse request = parseFetchItems(args);
    if (!request.error.empty()) {
        bad(tag, "FETCH: " + request.error);
        return;
    }
    std::string error;
    auto targets = resolve(*set, uid, error);
    if (!targets) {
        bad(tag, error);
        return;
    }
    auto& items = request.items;
    const bool hasUid = std::any_of(items.begin(), items.end(), [](auto& i) { return i.kind == FetchItem::Kind::Uid; });
    const bool hasFlags = std::any_of(items.begin(), items.end(), [](auto& i) { return i.kind == FetchItem::Kind::Flags; });
    const bool marksSeen = !selection_->readOnly &&
                           std::any_of(items.begin(), items.end(), [](auto& i) { return i.setsSeen(); });
    // UID FETCH always reports UIDs (RFC 3501 §6.4.8); put it first so the message literal stays last.
    if (uid && !hasUid) {
        FetchItem uidItem;
        uidItem.kind = FetchItem::Kind::Uid;
        items.insert(items.begin(), uidItem);
    }
    const mail::Folder* f = selectedFolder();
    const mail::Flags seen = mail::Flags::of({mail::SystemFlag::Seen});
    for (const auto& t : *targets) {
        const mail::Message* m = f->find(t.uid);
        if (!m) continue;  // expunged by another session, not yet reported
        bool flagsChanged = false;
        if (marksSeen && !m->flags.has(mail::SystemFlag::Seen)) {
            flagsChanged = config_.store.setFlags(user_, f->id(), t.uid, mail::FlagOperation::Add, seen);
            m = f->find(t.uid);
        }
        std::string line = std::to_string(t.sequence) + " FETCH (";
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) line += ' ';
            line += renderFetchItem(items[i], *m);
        }
        if (flagsChanged && !hasFlags) line += " FLAGS " + renderFlags(m->flags);
        line += ')';
        untagged(line);
    }
    selection_->seenModSeq = f->modSeq();  // our own \Seen changes were reported above
    tagged(tag, Status::Ok, uid ? "UID FETCH completed" : "FETCH completed");
}

void ServerSession::cmdStore(const std::string& tag, Cursor& args, bool uid) {
    auto set = SequenceSet::parse(args);
    auto item = set && args.space() ? args.atom(".") : std::nullopt;
    if (!item || !args.space()) {
        bad(tag, "STORE needs a message set, a data item and flags");
        return;
    }
    std::string name = proto::asciiUpper(*item);
    mail::FlagOperation op = mail::FlagOperation::Replace;
    if (!name.empty() && (name[0] == '+' || name[0] == '-')) {
        op = name[0] == '+' ? mail::FlagOperation::Add : mail::FlagOperation::Remove;
        name.erase(0, 1);
    }
    const bool silent = name == "FLAGS.SILENT";
    if (name != "FLAGS" && !silent) {
        bad(tag, "STORE data item must be FLAGS, +FLAGS or -FLAGS");
        return;
    }
    std::string error;
    auto flags = parseFlags(args, false, error);
    if (!flags || !args.atEnd()) {
        bad(tag, "STORE: " + (error.empty() ? std::string{"unexpected text after flags"} : error));
        return;
    }
    auto targets = resolve(*set, uid, error);
    if (!targets) {
        bad(tag, error);
        return;
    }
    if (selection_->readOnly) {
        tagged(tag, Status::No, "Mailbox is read-only");
        return;
    }
    const mail::Folder* f = selectedFolder();
    for (const auto& t : *targets) {
        if (!f->find(t.uid)) continue;
        config_.store.setFlags(user_, f->id(), t.uid, op, *flags);
        if (silent) continue;
        const mail::Message* m = f->find(t.uid);
        untagged(std::to_string(t.sequence) + " FETCH (" + (uid ? "UID " + std::to_string(t.uid) + " " : std::string{}) +
                 "FLAGS " + renderFlags(m->flags) + ")");
    }
    selection_->seenModSeq = f->modSeq();
    tagged(tag, Status::Ok, uid ? "UID STORE completed" : "STORE completed");
}

void ServerSession::cmdCopy(const std::string& tag, Cursor& args, bool uid) {
    auto set = SequenceSet::parse(args);
    auto target = set && args.space() ? args.astring() : std::nullopt;
    if (!target || !args.atEnd()) {
        bad(tag, "COPY needs a message set and a mailbox");
        return;
    }
    std::string error;
    auto targets = resolve(*set, uid, error);
    if (!targets) {
        bad(tag, error);
        return;
    }
    if (!config_.store.folder(user_, *target)) {
        tagged(tag, Status::No, "[TRYCREATE] No such mailbox");
        return;
    }
    std::vector<mail::Uid> uids;
    for (const auto& t : *targets) uids.push_back(t.uid);
    auto result = config_.store.copy(user_, selection_->folder, uids, *target);
    if (result.uids.empty()) {
        tagged(tag, Status::Ok, "COPY completed");
        return;
    }
    emit(server::MessagesCopied{selection_->name, mail::MailStore::canonicalName(*target), result.uids});
    std::vector<mail::Uid> from, to;
    for (const auto& [a, b] : result.uids) {
        from.push_back(a);
        to.push_back(b);
    }
    // COPYUID lists source and destination UIDs in matching order (RFC 4315 §3).
    std::string src, dst;
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (i) {
            src += ',';
            dst += ',';
        }
        src += std::to_string(from[i]);
        dst += std::to_string(to[i]);
    }
    if (from.size() > 1 && to.back() - to.front() + 1 == to.size()) {
        src = SequenceSet::format(from);
        dst = std::to_string(to.front()) + ":" + std::to_string(to.back());
    }
    tagged(tag, Status::Ok,
           "[COPYUID " + std::to_string(result.uidValidity) + " " + src + " " + dst + "] COPY completed");
}

}  // namespace netstage::imap
