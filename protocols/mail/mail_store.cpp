#include "protocols/mail/mail_store.hpp"

#include <algorithm>

#include "protocols/common/line_reader.hpp"

namespace netstage::mail {

namespace {
constexpr std::string_view inboxName = "INBOX";

bool isUnder(std::string_view name, std::string_view parent) {
    return name.size() > parent.size() && name.substr(0, parent.size()) == parent &&
           name[parent.size()] == hierarchyDelimiter;
}
}  // namespace

std::string MailStore::canonicalName(std::string_view name) {
    if (proto::iequals(name, inboxName)) return std::string{inboxName};
    if (name.size() > inboxName.size() && proto::istartsWith(name, inboxName) &&
        name[inboxName.size()] == hierarchyDelimiter) {
        return std::string{inboxName} + std::string{name.substr(inboxName.size())};
    }
    return std::string{name};
}

bool MailStore::isValidName(std::string_view name) {
    if (name.empty() || name.front() == hierarchyDelimiter || name.back() == hierarchyDelimiter) return false;
    char previous = '\0';
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f || c == '*' || c == '%') return false;
        if (c == hierarchyDelimiter && previous == hierarchyDelimiter) return false;
        previous = c;
    }
    return true;
}

void MailStore::addUser(std::string_view user) {
    if (mailboxes_.find(user) != mailboxes_.end()) return;
    auto& box = mailboxes_[std::string{user}];
    makeFolder(box, std::string{inboxName});
}

bool MailStore::hasUser(std::string_view user) const { return mailboxes_.find(user) != mailboxes_.end(); }

std::vector<std::string> MailStore::users() const {
    std::vector<std::string> out;
    for (const auto& [name, box] : mailboxes_) out.push_back(name);
    return out;
}

MailStore::Mailbox* MailStore::mailbox(std::string_view user) {
    auto it = mailboxes_.find(user);
    return it == mailboxes_.end() ? nullptr : &it->second;
}

const MailStore::Mailbox* MailStore::mailbox(std::string_view user) const {
    auto it = mailboxes_.find(user);
    return it == mailboxes_.end() ? nullptr : &it->second;
}

Folder& MailStore::makeFolder(Mailbox& box, const std::string& name) {
    auto folder = std::make_unique<Folder>(nextFolderId_++, name, nextUidValidity_++);
    Folder& ref = *folder;
    box.byId[ref.id()] = &ref;
    box.byName[name] = std::move(folder);
    return ref;
}

StoreResult MailStore::createFolder(std::string_view user, std::string_view rawName) {
    Mailbox* box = mailbox(user);
    if (!box) return StoreResult::NoSuchUser;
    std::string name = canonicalName(rawName);
    if (!isValidName(name)) return StoreResult::InvalidName;
    if (box->byName.count(name)) return StoreResult::AlreadyExists;
    // Superior folders are created as needed (RFC 3501 §6.3.3).
    for (std::size_t pos = name.find(hierarchyDelimiter); pos != std::string::npos;
         pos = name.find(hierarchyDelimiter, pos + 1)) {
        std::string parent = name.substr(0, pos);
        if (!box->byName.count(parent)) {
            Folder& f = makeFolder(*box, parent);
            notify(user, f.id(), ChangeKind::FolderCreated);
        }
    }
    Folder& f = makeFolder(*box, name);
    notify(user, f.id(), ChangeKind::FolderCreated);
    return StoreResult::Ok;
}

StoreResult MailStore::deleteFolder(std::string_view user, std::string_view rawName) {
    Mailbox* box = mailbox(user);
    if (!box) return StoreResult::NoSuchUser;
    std::string name = canonicalName(rawName);
    if (name == inboxName) return StoreResult::InboxCannotBeDeleted;
    auto it = box->byName.find(name);
    if (it == box->byName.end()) return StoreResult::NoSuchFolder;
    if (hasChildren(user, name)) return StoreResult::HasChildren;
    const FolderId id = it->second->id();
    box->byId.erase(id);
    box->byName.erase(it);
    notify(user, id, ChangeKind::FolderDeleted);
    return StoreResult::Ok;
}

StoreResult MailStore::renameFolder(std::string_view user, std::string_view rawFrom, std::string_view rawTo) {
    Mailbox* box = mailbox(user);
    if (!box) return StoreResult::NoSuchUser;
    const std::string from = canonicalName(rawFrom);
    const std::string to = canonicalName(rawTo);
    if (!isValidName(to)) return StoreResult::InvalidName;
    auto it = box->byName.find(from);
    if (it == box->byName.end()) return StoreResult::NoSuchFolder;
    if (box->byName.count(to)) return StoreResult::AlreadyExists;
    if (isUnder(to, from)) return StoreResult::InvalidName;

    if (from == inboxName) {
        if (createFolder(user, to) != StoreResult::Ok) return StoreResult::InvalidName;
        Folder& inbox = *box->byName.at(from);
        Folder& target = *box->byName.at(to);
        std::vector<Uid> uids;
        for (const auto& m : inbox.messages()) {
            target.add(m.content, m.internalDate, m.flags);
            uids.push_back(m.uid);
        }
        inbox.remove(uids);
        notify(user, target.id(), ChangeKind::Appended);
        if (!uids.empty()) notify(user, inbox.id(), ChangeKind::Expunged);
        return StoreResult::Ok;
    }

    // Collect the folder and its inferiors first: renaming while iterating the map would skip entries.
    std::vector<std::string> moving;
    for (const auto& [name, folder] : box->byName) {
        if (name == from || isUnder(name, from)) moving.push_back(name);
    }
    for (const auto& oldName : moving) {
        std::string newName = to + oldName.substr(from.size());
        if (box->byName.count(newName)) return StoreResult::AlreadyExists;
    }
    // Superiors of the new name are created as for CREATE.
    for (std::size_t pos = to.find(hierarchyDelimiter); pos != std::string::npos;
         pos = to.find(hierarchyDelimiter, pos + 1)) {
        std::string parent = to.substr(0, pos);
        if (!box->byName.count(parent)) makeFolder(*box, parent);
    }
    for (const auto& oldName : moving) {
        auto node = box->byName.extract(oldName);
        node.key() = to + oldName.substr(from.size());
        node.mapped()->name_ = node.key();
        const FolderId id = node.mapped()->id();
        box->byName.insert(std::move(node));
        notify(user, id, ChangeKind::FolderRenamed);
    }
    std::vector<std::string> subs;
    for (const auto& s : box->subscriptions) {
        subs.push_back(s == from || isUnder(s, from) ? to + s.substr(from.size()) : s);
    }
    box->subscriptions = std::set<std::string>(subs.begin(), subs.end());
    return StoreResult::Ok;
}

const Folder* MailStore::folder(std::string_view user, std::string_view name) const {
    const Mailbox* box = mailbox(user);
    if (!box) return nullptr;
    auto it = box->byName.find(canonicalName(name));
    return it == box->byName.end() ? nullptr : it->second.get();
}

const Folder* MailStore::folder(std::string_view user, FolderId id) const {
    const Mailbox* box = mailbox(user);
    if (!box) return nullptr;
    auto it = box->byId.find(id);
    return it == box->byId.end() ? nullptr : it->second;
}

Folder* MailStore::folderMut(std::string_view user, FolderId id) {
    Mailbox* box = mailbox(user);
    if (!box) return nullptr;
    auto it = box->byId.find(id);
    return it == box->byId.end() ? nullptr : it->second;
}

std::vector<std::string> MailStore::folderNames(std::string_view user) const {
    std::vector<std::string> out;
    if (const Mailbox* box = mailbox(user)) {
        for (const auto& [name, folder] : box->byName) out.push_back(name);
    }
    return out;
}

bool MailStore::hasChildren(std::string_view user, std::string_view rawName) const {
    const Mailbox* box = mailbox(user);
    if (!box) return false;
    const std::string name = canonicalName(rawName);
    auto it = box->byName.upper_bound(name);
    for (; it != box->byName.end(); ++it) {
        if (isUnder(it->first, name)) return true;
        // Names under `name` sort right after "name/"; anything past that prefix ends the search.
        if (it->first.substr(0, name.size()) != name) break;
    }
    return false;
}

Uid MailStore::deliver(std::string_view user, std::string content, std::int64_t internalDate) {
    addUser(user);
    return *append(user, inboxName, std::move(content), internalDate);
}

std::optional<Uid> MailStore::append(std::string_view user, std::string_view folderName, std::string content,
                                     std::int64_t internalDate, Flags flags) {
    Mailbox* box = mailbox(user);
    if (!box) return std::nullopt;
    auto it = box->byName.find(canonicalName(folderName));
    if (it == box->byName.end()) return std::nullopt;
    Folder& f = *it->second;
    const Uid uid = f.add(std::make_shared<const std::string>(std::move(content)), internalDate, std::move(flags));
    notify(user, f.id(), ChangeKind::Appended);
    return uid;
}

bool MailStore::setFlags(std::string_view user, FolderId id, Uid uid, FlagOperation op, const Flags& flags) {
    Folder* f = folderMut(user, id);
    if (!f || !f->changeFlags(uid, op, flags)) return false;
    notify(user, id, ChangeKind::FlagsChanged);
    return true;
}

MailStore::CopyResult MailStore::copy(std::string_view user, FolderId from, const std::vector<Uid>& uids,
                                      std::string_view to) {
    CopyResult result;
    Folder* source = folderMut(user, from);
    Mailbox* box = mailbox(user);
    if (!source || !box) {
        result.result = StoreResult::NoSuchFolder;
        return result;
    }
    auto it = box->byName.find(canonicalName(to));
    if (it == box->byName.end()) {
        result.result = StoreResult::NoSuchFolder;
        return result;
    }
    Folder& target = *it->second;
    std::vector<Uid> sorted = uids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    // Read the sources before writing: copying a folder into itself grows the vector being read.
    std::vector<Message> sources;
    for (Uid uid : sorted) {
        if (const Message* m = source->find(uid)) sources.push_back(*m);
    }
    for (const auto& m : sources) {
        result.uids.emplace_back(m.uid, target.add(m.content, m.internalDate, m.flags));
    }
    result.uidValidity = target.uidValidity();
    if (!result.uids.empty()) notify(user, target.id(), ChangeKind::Appended);
    return result;
}

std::vector<Uid> MailStore::expunge(std::string_view user, FolderId id,
                                    const std::optional<std::vector<Uid>>& onlyThese) {
    Folder* f = folderMut(user, id);
    if (!f) return {};
    std::vector<Uid> filter;
    if (onlyThese) {
        filter = *onlyThese;
        std::sort(filter.begin(), filter.end());
    }
    auto removed = f->expunge(onlyThese ? &filter : nullptr);
    if (!removed.empty()) notify(user, id, ChangeKind::Expunged);
    return removed;
}

StoreResult MailStore::subscribe(std::string_view user, std::string_view name) {
    Mailbox* box = mailbox(user);
    if (!box) return StoreResult::NoSuchUser;
    const std::string canonical = canonicalName(name);
    if (!box->byName.count(canonical)) return StoreResult::NoSuchFolder;
    box->subscriptions.insert(canonical);
    return StoreResult::Ok;
}

StoreResult MailStore::unsubscribe(std::string_view user, std::string_view name) {
    Mailbox* box = mailbox(user);
    if (!box) return StoreResult::NoSuchUser;
    // Unsubscribing from a folder that no longer exists must still work (RFC 3501 §6.3.7).
    if (box->subscriptions.erase(canonicalName(name)) == 0) return StoreResult::NoSuchFolder;
    return StoreResult::Ok;
}

std::vector<std::string> MailStore::subscriptions(std::string_view user) const {
    const Mailbox* box = mailbox(user);
    if (!box) return {};
    return {box->subscriptions.begin(), box->subscriptions.end()};
}

std::vector<MaildropMessage> MailStore::maildrop(std::string_view user) const {
    std::vector<MaildropMessage> out;
    const Folder* inbox = folder(user, inboxName);
    if (!inbox) return out;
    out.reserve(inbox->size());
    for (const auto& m : inbox->messages()) {
        out.push_back({m.uid, m.size(), m.content,
                       std::to_string(inbox->uidValidity()) + "." + std::to_string(m.uid)});
    }
    return out;
}

void MailStore::removeFromInbox(std::string_view user, std::vector<Uid> uids) {
    Mailbox* box = mailbox(user);
    if (!box) return;
    Folder& inbox = *box->byName.at(std::string{inboxName});
    std::sort(uids.begin(), uids.end());
    if (!inbox.remove(uids).empty()) notify(user, inbox.id(), ChangeKind::Expunged);
}

void MailStore::markSeen(std::string_view user, Uid inboxUid) {
    const Folder* inbox = folder(user, inboxName);
    if (!inbox) return;
    setFlags(user, inbox->id(), inboxUid, FlagOperation::Add, Flags::of({SystemFlag::Seen}));
}

MailStore::ObserverId MailStore::addObserver(Observer observer) {
    const ObserverId id = nextObserver_++;
    observers_.emplace(id, std::move(observer));
    return id;
}

void MailStore::removeObserver(ObserverId id) { observers_.erase(id); }

void MailStore::notify(std::string_view user, FolderId folder, ChangeKind kind) {
    const FolderChange change{std::string{user}, folder, kind};
    // An observer may add or remove observers; walk a snapshot of the ids, in registration order.
    std::vector<ObserverId> ids;
    for (const auto& [id, fn] : observers_) ids.push_back(id);
    for (ObserverId id : ids) {
        auto it = observers_.find(id);
        if (it != observers_.end()) it->second(change);
    }
}

}  // namespace netstage::mail
