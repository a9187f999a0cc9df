#pragma once
// The mailbox store that SMTP delivery, POP3 and IMAP share: per user a set
// of folders (INBOX always exists), messages with flags and ascending UIDs,
// and subscriptions. It is plain in-memory state; nothing here reads a clock.
//
// Readers that must notice each other's changes (two IMAP sessions on one
// mailbox, an IDLE waiting for new mail) either register an observer, which is
// called after every change, or compare a folder's modSeq()/expungeCount()
// with the values they saw last.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/mail/mail_store_folder.hpp"
#include "protocols/mail/mail_store_types.hpp"

namespace netstage::mail {

inline constexpr char hierarchyDelimiter = '/';

class MailStore {
public:
    using Observer = std::function<void(const FolderChange&)>;
    using ObserverId = std::uint64_t;

    MailStore() = default;
    MailStore(const MailStore&) = delete;
    MailStore& operator=(const MailStore&) = delete;

    // --- users ---------------------------------------------------------
    // Creates the user's mailbox with an empty INBOX; a no-op if it exists.
    void addUser(std::string_view user);
    bool hasUser(std::string_view user) const;
    std::vector<std::string> users() const;  // sorted

    // --- folders -------------------------------------------------------
    // "inbox" in any case names INBOX; everything else is case-sensitive.
    static std::string canonicalName(std::string_view name);
    static bool isValidName(std::string_view name);

    StoreResult createFolder(std::string_view user, std::string_view name);
    StoreResult deleteFolder(std::string_view user, std::string_view name);
    // Renaming INBOX moves its messages into a new folder and leaves INBOX empty (RFC 3501 §6.3.5).
    StoreResult renameFolder(std::string_view user, std::string_view from, std::string_view to);

    const Folder* folder(std::string_view user, std::string_view name) const;
    const Folder* folder(std::string_view user, FolderId id) const;
    std::vector<std::string> folderNames(std::string_view user) const;  // sorted by name
    bool hasChildren(std::string_view user, std::string_view name) const;

    // --- messages ------------------------------------------------------
    // Final delivery: into the user's INBOX (the user is created if needed).
    Uid deliver(std::string_view user, std::string content, std::int64_t internalDate);
    std::optional<Uid> append(std::string_view user, std::string_view folderName, std::string content,
                              std::int64_t internalDate, Flags flags = {});

    // Returns whether the flags actually changed.
    bool setFlags(std::string_view user, FolderId folder, Uid uid, FlagOperation op, const Flags& flags);

    struct CopyResult {
        StoreResult result = StoreResult::Ok;
        std::uint32_t uidValidity = 0;
        std::vector<std::pair<Uid, Uid>> uids;  // (source, destination), ascending
    };
    // Copies share content with their source; flags are copied too.
    CopyResult copy(std::string_view user, FolderId from, const std::vector<Uid>& uids, std::string_view to);

    // Removes \Deleted messages (only those in `onlyThese`, if given); returns their UIDs, ascending.
    std::vector<Uid> expunge(std::string_view user, FolderId folder,
                             const std::optional<std::vector<Uid>>& onlyThese = std::nullopt);

    // --- subscriptions ---------------------------------------------------
    StoreResult subscribe(std::string_view user, std::string_view name);
    StoreResult unsubscribe(std::string_view user, std::string_view name);
    std::vector<std::string> subscriptions(std::string_view user) const;  // sorted

    // --- the POP3 view of INBOX ----------------------------------------
    std::vector<MaildropMessage> maildrop(std::string_view user) const;  // ascending UID
    // Removes these INBOX messages at once (POP3's UPDATE state); IMAP readers see EXPUNGE.
    void removeFromInbox(std::string_view user, std::vector<Uid> uids);
    void markSeen(std::string_view user, Uid inboxUid);

    // --- change notification ---------------------------------------------
    ObserverId addObserver(Observer observer);
    void removeObserver(ObserverId id);

private:
    struct Mailbox {
        std::map<std::string, std::unique_ptr<Folder>> byName;
        std::map<FolderId, Folder*> byId;
        std::set<std::string> subscriptions;
    };

    Mailbox* mailbox(std::string_view user);
    const Mailbox* mailbox(std::string_view user) const;
    Folder* folderMut(std::string_view user, FolderId id);
    Folder& makeFolder(Mailbox& box, const std::string& name);
    void notify(std::string_view user, FolderId folder, ChangeKind kind);

    std::map<std::string, Mailbox, std::less<>> mailboxes_;
    std::map<ObserverId, Observer> observers_;
    ObserverId nextObserver_ = 1;
    FolderId nextFolderId_ = 1;
    // Every folder ever created gets a new UIDVALIDITY, so a folder deleted
    // and created again can never be mistaken for the old one.
    std::uint32_t nextUidValidity_ = 1;
};

}  // namespace netstage::mail
