#pragma once
// Value types of the mailbox store: flags, stored messages, change notices.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace netstage::mail {

using Uid = std::uint32_t;
using FolderId = std::uint64_t;

// The five RFC 3501 system flags, as bits. \Recent is session state, not
// stored state, and is deliberately absent.
enum class SystemFlag : std::uint8_t {
    Seen = 1u << 0,
    Answered = 1u << 1,
    Flagged = 1u << 2,
    Deleted = 1u << 3,
    Draft = 1u << 4,
};

struct Flags {
    std::uint8_t system = 0;
    std::vector<std::string> keywords;  // sorted and unique, so printing order is stable

    bool has(SystemFlag flag) const { return (system & static_cast<std::uint8_t>(flag)) != 0; }
    void set(SystemFlag flag, bool on);
    void addKeyword(std::string_view keyword);
    void removeKeyword(std::string_view keyword);
    bool hasKeyword(std::string_view keyword) const;  // keywords compare case-insensitively
    bool operator==(const Flags&) const = default;

    static Flags of(std::initializer_list<SystemFlag> flags);
};

enum class FlagOperation { Replace, Add, Remove };

struct Message {
    Uid uid = 0;
    std::shared_ptr<const std::string> content;  // the raw RFC 5322 text, shared by copies
    std::int64_t internalDate = 0;                // unix seconds, given by whoever stored it
    Flags flags;
    std::uint64_t modSeq = 0;  // folder change counter at this message's last change

    std::size_t size() const { return content ? content->size() : 0; }
};

enum class StoreResult {
    Ok,
    NoSuchUser,
    NoSuchFolder,
    AlreadyExists,
    InvalidName,
    InboxCannotBeDeleted,
    HasChildren,
};

std::string_view describe(StoreResult result);

enum class ChangeKind { Appended, FlagsChanged, Expunged, FolderCreated, FolderDeleted, FolderRenamed };

struct FolderChange {
    std::string user;
    FolderId folder = 0;
    ChangeKind kind = ChangeKind::Appended;
};

// What a POP3 maildrop needs of one INBOX message.
struct MaildropMessage {
    Uid uid = 0;
    std::size_t size = 0;
    std::shared_ptr<const std::string> content;
    std::string uniqueId;  // "<uidvalidity>.<uid>": stable across sessions, as UIDL requires
};

}  // namespace netstage::mail
