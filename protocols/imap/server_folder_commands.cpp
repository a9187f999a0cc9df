// The authenticated-state half of ServerSession: folder management, LIST,
// LSUB, STATUS and APPEND.

#include "protocols/imap/fetch.hpp"
#include "protocols/imap/server_session.hpp"

namespace netstage::imap {

namespace {
// '*' matches anything, '%' anything but the hierarchy delimiter (RFC 3501 §6.3.8).
bool wildcardMatch(std::string_view pattern, std::string_view name) {
    if (pattern.empty()) return name.empty();
    const char p = pattern.front();
    if (p == '*' || p == '%') {
        for (std::size_t i = 0; i <= name.size(); ++i) {
            if (wildcardMatch(pattern.substr(1), name.substr(i))) return true;
            if (i < name.size() && p == '%' && name[i] == mail::hierarchyDelimiter) return false;
        }
        return false;
    }
    return !name.empty() && name.front() == p && wildcardMatch(pattern.substr(1), name.substr(1));
}

std::optional<std::string> listMailbox(Cursor& c) {
    if (c.peek() == '"' || c.peek() == '{') return c.string();
    return c.atom("%*]");
}

std::string stripTrailingDelimiter(std::string name) {
    if (name.size() > 1 && name.back() == mail::hierarchyDelimiter) name.pop_back();
    return name;
}
}  // namespace

void ServerSession::storeFailure(const std::string& tag, mail::StoreResult result, std::string_view command) {
    using mail::StoreResult;
    std::string code;
    if (result == StoreResult::AlreadyExists) code = "[ALREADYEXISTS] ";
    if (result == StoreResult::NoSuchFolder) code = "[NONEXISTENT] ";
    if (result == StoreResult::InboxCannotBeDeleted || result == StoreResult::HasChildren) code = "[CANNOT] ";
    tagged(tag, Status::No, code + std::string{command} + " failed: " + std::string{mail::describe(result)});
}

void ServerSession::cmdCreate(const std::string& tag, Cursor& args) {
    auto name = args.astring();
    if (!name || !args.atEnd()) {
        bad(tag, "CREATE needs a mailbox name");
        return;
    }
    auto result = config_.store.createFolder(user_, stripTrailingDelimiter(*name));
    if (result != mail::StoreResult::Ok) return storeFailure(tag, result, "CREATE");
    tagged(tag, Status::Ok, "CREATE completed");
}

void ServerSession::cmdDelete(const std::string& tag, Cursor& args) {
    auto name = args.astring();
    if (!name || !args.atEnd()) {
        bad(tag, "DELETE needs a mailbox name");
        return;
    }
    // The folder's messages go with it: say which, before they are gone.
    std::vector<mail::Uid> held;
    if (const mail::Folder* folder = config_.store.folder(user_, *name)) {
        for (const auto& message : folder->messages()) held.push_back(message.uid);
    }
    auto result = config_.store.deleteFolder(user_, *name);
    if (result != mail::StoreResult::Ok) return storeFailure(tag, result, "DELETE");
    if (!held.empty()) emit(server::MessagesExpunged{mail::MailStore::canonicalName(*name), std::move(held)});
    tagged(tag, Status::Ok, "DELETE completed");
}

void ServerSession::cmdRename(const std::string& tag, Cursor& args) {
    auto from = args.astring();
    auto to = from && args.space() ? args.astring() : std::nullopt;
    if (!to || !args.atEnd()) {
        bad(tag, "RENAME needs two mailbox names");
        return;
    }
    auto result = config_.store.renameFolder(user_, *from, *to);
    if (result != mail::StoreResult::Ok) return storeFailure(tag, result, "RENAME");
    if (selection_) {
        if (const mail::Folder* f = selectedFolder()) selection_->name = f->name();
    }
    tagged(tag, Status::Ok, "RENAME completed");
}

void ServerSession::cmdSubscribe(const std::string& tag, Cursor& args, bool subscribe) {
    auto name = args.astring();
    if (!name || !args.atEnd()) {
        bad(tag, subscribe ? "SUBSCRIBE needs a mailbox name" : "UNSUBSCRIBE needs a mailbox name");
        return;
    }
    auto result = subscribe ? config_.store.subscribe(user_, *name) : config_.store.unsubscribe(user_, *name);
    if (result != mail::StoreResult::Ok) return storeFailure(tag, result, subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE");
    tagged(tag, Status::Ok, subscribe ? "SUBSCRIBE completed" : "UNSUBSCRIBE completed");
}

void ServerSession::cmdList(const std::string& tag, Cursor& args, bool subscribedOnly) {
    const char* command = subscribedOnly ? "LSUB" : "LIST";
    auto reference = args.astring();
    auto pattern = reference && args.space() ? listMailbox(args) : std::nullopt;
    if (!pattern || !args.atEnd()) {
        bad(tag, std::string{command} + " needs a reference and a mailbox pattern");
        return;
    }
    if (!subscribedOnly && pattern->empty()) {
        // LIST "" "" asks for the hierarchy delimiter (RFC 3501 §6.3.8).
        untagged("LIST (\\Noselect) \"/\" \"\"");
        tagged(tag, Status::Ok, "LIST completed");
        return;
    }
    std::string full = *reference + *pattern;
    // INBOX matches case-insensitively, so a pattern spelling it in any case does too.
    if (proto::istartsWith(full, "INBOX") && (full.size() == 5 || full[5] == mail::hierarchyDelimiter)) {
        full.replace(0, 5, "INBOX");
    }
    const auto names = subscribedOnly ? config_.store.subscriptions(user_) : config_.store.folderNames(user_);
    for (const auto& name : names) {
        if (!wildcardMatch(full, name)) continue;
        std::string attributes;
        if (!config_.store.folder(user_, name)) {
            attributes = "\\Noselect";
        } else if (!subscribedOnly) {
            attributes = config_.store.hasChildren(user_, name) ? "\\HasChildren" : "\\HasNoChildren";
        }
        untagged(std::string{command} + " (" + attributes + ") \"/\" " + astringOf(name));
    }
    tagged(tag, Status::Ok, std::string{command} + " completed");
}

void ServerSession::cmdStatus(const std::string& tag, Cursor& args) {
    auto name = args.astring();
    if (!name || !args.space() || !args.consume('(')) {
        bad(tag, "STATUS needs a mailbox and a list of items");
        return;
    }
    std::vector<std::string> items;
    do {
        auto item = args.atom();
        if (!item) break;
        items.push_back(proto::asciiUpper(*item));
    } while (args.space());
    if (items.empty() || !args.consume(')') || !args.atEnd()) {
        bad(tag, "STATUS needs a list of items");
        return;
    }
    const mail::Folder* f = config_.store.folder(user_, *name);
    if (!f) {
        tagged(tag, Status::No, "[NONEXISTENT] No such mailbox");
        return;
    }
    std::string out;
    for (const auto& item : items) {
        std::string value;
        if (item == "MESSAGES") value = std::to_string(f->size());
        else if (item == "RECENT") value = "0";
        else if (item == "UIDNEXT") value = std::to_string(f->uidNext());
        else if (item == "UIDVALIDITY") value = std::to_string(f->uidValidity());
        else if (item == "UNSEEN") value = std::to_string(f->unseenCount());
        else {
            bad(tag, "Unknown STATUS item " + item);
            return;
        }
        if (!out.empty()) out += ' ';
        out += item + " " + value;
    }
    untagged("STATUS " + astringOf(f->name()) + " (" + out + ")");
    tagged(tag, Status::Ok, "STATUS completed");
}

void ServerSession::cmdAppend(const std::string& tag, Cursor& args) {
    auto name = args.astring();
    if (!name || !args.space()) {
        bad(tag, "APPEND needs a mailbox and a message literal");
        return;
    }
    mail::Flags flags;
    if (args.peek() == '(') {
        std::string error;
        auto parsed = parseFlags(args, true, error);
        if (!parsed || !args.space()) {
            bad(tag, "APPEND: " + (error.empty() ? std::string{"expected a space after flags"} : error));
            return;
        }
        flags = std::move(*parsed);
    }
    std::int64_t internalDate = config_.unixTimeAtZero + std::chrono::duration_cast<std::chrono::seconds>(now_).count();
    if (args.peek() == '"') {
        auto date = args.quoted();
        auto parsed = date ? parseDateTime(*date) : std::nullopt;
        if (!parsed || !args.space()) {
            bad(tag, "APPEND: bad date-time");
            return;
        }
        internalDate = *parsed;
    }
    auto message = args.literal();
    if (!message || !args.atEnd()) {
        bad(tag, "APPEND needs the message as a literal");
        return;
    }
    const mail::Folder* f = config_.store.folder(user_, *name);
    if (!f) {
        tagged(tag, Status::No, "[TRYCREATE] No such mailbox");
        return;
    }
    const auto uidValidity = f->uidValidity();
    const std::string folderName = f->name();
    auto uid = config_.store.append(user_, *name, std::move(*message), internalDate, std::move(flags));
    emit(server::MessageAppended{folderName, *uid});
    tagged(tag, Status::Ok,
           "[APPENDUID " + std::to_string(uidValidity) + " " + std::to_string(*uid) + "] APPEND completed");
}

}  // namespace netstage::imap
