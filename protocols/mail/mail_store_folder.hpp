#pragma once
// One mail folder: messages in ascending UID order plus the counters that let
// a reader notice what changed without rescanning (modSeq, expunge count,
// unseen count).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocols/mail/mail_store_types.hpp"

namespace netstage::mail {

class Folder {
public:
    Folder(FolderId id, std::string name, std::uint32_t uidValidity)
        : id_{id}, name_{std::move(name)}, uidValidity_{uidValidity} {}

    FolderId id() const { return id_; }
    const std::string& name() const { return name_; }
    std::uint32_t uidValidity() const { return uidValidity_; }
    Uid uidNext() const { return uidNext_; }
    std::size_t size() const { return messages_.size(); }
    std::size_t unseenCount() const { return unseen_; }
    std::uint64_t totalBytes() const { return bytes_; }

    // Bumped by every change to this folder; a message's modSeq records when it last changed.
    std::uint64_t modSeq() const { return modSeq_; }
    // Bumped by every expunge, so readers know when to diff their UID lists.
    std::uint64_t expungeCount() const { return expunges_; }

    const std::vector<Message>& messages() const { return messages_; }
    // Index of the message with this UID in messages(), if present. O(log n).
    std::optional<std::size_t> indexOf(Uid uid) const;
    const Message* find(Uid uid) const;

private:
    friend class MailStore;

    Uid add(std::shared_ptr<const std::string> content, std::int64_t internalDate, Flags flags);
    bool changeFlags(Uid uid, FlagOperation op, const Flags& flags);
    std::vector<Uid> expunge(const std::vector<Uid>* onlyThese);
    std::vector<Uid> remove(const std::vector<Uid>& uids);
    void account(const Message& message, int sign);

    FolderId id_;
    std::string name_;
    std::uint32_t uidValidity_;
    Uid uidNext_ = 1;
    std::vector<Message> messages_;
    std::size_t unseen_ = 0;
    std::uint64_t bytes_ = 0;
    std::uint64_t modSeq_ = 0;
    std::uint64_t expunges_ = 0;
};

}  // namespace netstage::mail
