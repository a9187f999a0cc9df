#include "protocols/mail/mail_store_folder.hpp"

#include <algorithm>

#include "protocols/common/line_reader.hpp"

namespace netstage::mail {

void Flags::set(SystemFlag flag, bool on) {
    const auto bit = static_cast<std::uint8_t>(flag);
    system = on ? static_cast<std::uint8_t>(system | bit) : static_cast<std::uint8_t>(system & ~bit);
}

namespace {
bool keywordLess(const std::string& a, const std::string& b) {
    return proto::asciiUpper(a) < proto::asciiUpper(b);
}
}  // namespace

void Flags::addKeyword(std::string_view keyword) {
    if (hasKeyword(keyword)) return;
    std::string k{keyword};
    keywords.insert(std::upper_bound(keywords.begin(), keywords.end(), k, keywordLess), std::move(k));
}

void Flags::removeKeyword(std::string_view keyword) {
    std::erase_if(keywords, [&](const std::string& k) { return proto::iequals(k, keyword); });
}

bool Flags::hasKeyword(std::string_view keyword) const {
    return std::any_of(keywords.begin(), keywords.end(),
                       [&](const std::string& k) { return proto::iequals(k, keyword); });
}

Flags Flags::of(std::initializer_list<SystemFlag> flags) {
    Flags out;
    for (auto f : flags) out.set(f, true);
    return out;
}

std::string_view describe(StoreResult result) {
    switch (result) {
        case StoreResult::Ok: return "ok";
        case StoreResult::NoSuchUser: return "no such user";
        case StoreResult::NoSuchFolder: return "no such mailbox";
        case StoreResult::AlreadyExists: return "mailbox already exists";
        case StoreResult::InvalidName: return "invalid mailbox name";
        case StoreResult::InboxCannotBeDeleted: return "INBOX cannot be deleted";
        case StoreResult::HasChildren: return "mailbox has child mailboxes";
    }
    return "unknown";
}

std::optional<std::size_t> Folder::indexOf(Uid uid) const {
    auto it = std::lower_bound(messages_.begin(), messages_.end(), uid,
                               [](const Message& m, Uid u) { return m.uid < u; });
    if (it == messages_.end() || it->uid != uid) return std::nullopt;
    return static_cast<std::size_t>(it - messages_.begin());
}

const Message* Folder::find(Uid uid) const {
    auto index = indexOf(uid);
    return index ? &messages_[*index] : nullptr;
}

void Folder::account(const Message& message, int sign) {
    if (!message.flags.has(SystemFlag::Seen)) {
        unseen_ = sign > 0 ? unseen_ + 1 : unseen_ - 1;
    }
    bytes_ = sign > 0 ? bytes_ + message.size() : bytes_ - message.size();
}

Uid Folder::add(std::shared_ptr<const std::string> content, std::int64_t internalDate, Flags flags) {
    Message m;
    m.uid = uidNext_++;
    m.content = std::move(content);
    m.internalDate = internalDate;
    m.flags = std::move(flags);
    m.modSeq = ++modSeq_;
    account(m, +1);
    messages_.push_back(std::move(m));
    return messages_.back().uid;
}

bool Folder::changeFlags(Uid uid, FlagOperation op, const Flags& flags) {
    auto index = indexOf(uid);
    if (!index) return false;
    Message& m = messages_[*index];
    Flags next = m.flags;
    switch (op) {
        case FlagOperation::Replace: next = flags; break;
        case FlagOperation::Add:
            next.system = static_cast<std::uint8_t>(next.system | flags.system);
            for (const auto& k : flags.keywords) next.addKeyword(k);
            break;
        case FlagOperation::Remove:
            next.system = static_cast<std::uint8_t>(next.system & ~flags.system);
            for (const auto& k : flags.keywords) next.removeKeyword(k);
            break;
    }
    if (next == m.flags) return false;
    account(m, -1);
    m.flags = std::move(next);
    account(m, +1);
    m.modSeq = ++modSeq_;
    return true;
}

std::vector<Uid> Folder::expunge(const std::vector<Uid>* onlyThese) {
    std::vector<Uid> removed;
    for (const auto& m : messages_) {
        if (!m.flags.has(SystemFlag::Deleted)) continue;
        if (onlyThese && !std::binary_search(onlyThese->begin(), onlyThese->end(), m.uid)) continue;
        removed.push_back(m.uid);
    }
    return remove(removed);
}

std::vector<Uid> Folder::remove(const std::vector<Uid>& sortedUids) {
    std::vector<Uid> removed;
    std::size_t out = 0;
    for (std::size_t i = 0; i < messages_.size(); ++i) {
        if (std::binary_search(sortedUids.begin(), sortedUids.end(), messages_[i].uid)) {
            removed.push_back(messages_[i].uid);
            account(messages_[i], -1);
            continue;
        }
        if (out != i) messages_[out] = std::move(messages_[i]);
        ++out;
    }
    messages_.resize(out);
    if (!removed.empty()) {
        ++modSeq_;
        ++expunges_;
    }
    return removed;
}

}  // namespace netstage::mail
