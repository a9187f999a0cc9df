#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "protocols/mail/mail_store.hpp"

using namespace netstage::mail;

namespace {
const std::string ketchup = "From: alice@crepes.fr\r\nSubject: ketchup\r\n\r\nDo you like ketchup?\r\n";
}

TEST(MailStore, deliveryCreatesTheUserWithAnInbox) {
    MailStore store;
    EXPECT_FALSE(store.hasUser("bob"));
    const Uid uid = store.deliver("bob", ketchup, 1000);
    EXPECT_EQ(uid, 1u);
    ASSERT_NE(store.folder("bob", "INBOX"), nullptr);
    EXPECT_EQ(store.folder("bob", "INBOX")->size(), 1u);
    EXPECT_EQ(store.folderNames("bob"), std::vector<std::string>{"INBOX"});
}

TEST(MailStore, inboxIsCaseInsensitiveButOtherFoldersAreNot) {
    MailStore store;
    store.addUser("bob");
    EXPECT_EQ(store.folder("bob", "inbox"), store.folder("bob", "INBOX"));
    EXPECT_EQ(store.folder("bob", "InBoX"), store.folder("bob", "INBOX"));
    ASSERT_EQ(store.createFolder("bob", "Recipes"), StoreResult::Ok);
    EXPECT_NE(store.folder("bob", "Recipes"), nullptr);
    EXPECT_EQ(store.folder("bob", "recipes"), nullptr);
    EXPECT_EQ(store.createFolder("bob", "inbox"), StoreResult::AlreadyExists);
}

TEST(MailStore, uidsAscendAndAreNeverReused) {
    MailStore store;
    store.deliver("bob", "a", 1);
    store.deliver("bob", "b", 2);
    const Folder* inbox = store.folder("bob", "INBOX");
    store.setFlags("bob", inbox->id(), 2, FlagOperation::Add, Flags::of({SystemFlag::Deleted}));
    EXPECT_EQ(store.expunge("bob", inbox->id()), std::vector<Uid>{2});
    EXPECT_EQ(store.deliver("bob", "c", 3), 3u);
    EXPECT_EQ(inbox->uidNext(), 4u);
    ASSERT_EQ(inbox->size(), 2u);
    EXPECT_EQ(inbox->messages()[0].uid, 1u);
    EXPECT_EQ(inbox->messages()[1].uid, 3u);
}

TEST(MailStore, keepsTheUnseenCountInStepWithFlags) {
    MailStore store;
    store.deliver("bob", "a", 1);
    store.deliver("bob", "b", 2);
    const Folder* inbox = store.folder("bob", "INBOX");
    EXPECT_EQ(inbox->unseenCount(), 2u);
    EXPECT_TRUE(store.setFlags("bob", inbox->id(), 1, FlagOperation::Add, Flags::of({SystemFlag::Seen})));
    EXPECT_FALSE(store.setFlags("bob", inbox->id(), 1, FlagOperation::Add, Flags::of({SystemFlag::Seen})));
    EXPECT_EQ(inbox->unseenCount(), 1u);
    store.setFlags("bob", inbox->id(), 1, FlagOperation::Replace, Flags{});
    EXPECT_EQ(inbox->unseenCount(), 2u);
}

TEST(MailStore, keywordsAreSortedAndCaseInsensitive) {
    Flags flags;
    flags.addKeyword("$Work");
    flags.addKeyword("$important");
    flags.addKeyword("$WORK");
    EXPECT_EQ(flags.keywords, (std::vector<std::string>{"$important", "$Work"}));
    flags.removeKeyword("$work");
    EXPECT_EQ(flags.keywords, std::vector<std::string>{"$important"});
}

TEST(MailStore, copySharesContentAndKeepsFlags) {
    MailStore store;
    store.deliver("bob", ketchup, 5);
    store.createFolder("bob", "Recipes");
    const Folder* inbox = store.folder("bob", "INBOX");
    store.setFlags("bob", inbox->id(), 1, FlagOperation::Add, Flags::of({SystemFlag::Flagged}));
    auto result = store.copy("bob", inbox->id(), {1}, "Recipes");
    ASSERT_EQ(result.result, StoreResult::Ok);
    ASSERT_EQ(result.uids.size(), 1u);
    const Folder* recipes = store.folder("bob", "Recipes");
    EXPECT_EQ(result.uidValidity, recipes->uidValidity());
    const Message& copy = recipes->messages()[0];
    EXPECT_EQ(copy.content.get(), inbox->messages()[0].content.get());
    EXPECT_TRUE(copy.flags.has(SystemFlag::Flagged));
    EXPECT_EQ(copy.internalDate, 5);
    EXPECT_EQ(store.copy("bob", inbox->id(), {1}, "Nowhere").result, StoreResult::NoSuchFolder);
}

TEST(MailStore, createMakesSuperiorsAndDeleteRefusesParents) {
    MailStore store;
    store.addUser("bob");
    ASSERT_EQ(store.createFolder("bob", "Food/Recipes"), StoreResult::Ok);
    EXPECT_EQ(store.folderNames("bob"), (std::vector<std::string>{"Food", "Food/Recipes", "INBOX"}));
    EXPECT_TRUE(store.hasChildren("bob", "Food"));
    EXPECT_EQ(store.deleteFolder("bob", "Food"), StoreResult::HasChildren);
    EXPECT_EQ(store.deleteFolder("bob", "INBOX"), StoreResult::InboxCannotBeDeleted);
    EXPECT_EQ(store.deleteFolder("bob", "Food/Recipes"), StoreResult::Ok);
    EXPECT_EQ(store.deleteFolder("bob", "Food"), StoreResult::Ok);
    EXPECT_EQ(store.deleteFolder("bob", "Food"), StoreResult::NoSuchFolder);
    EXPECT_EQ(store.createFolder("bob", "bad//name"), StoreResult::InvalidName);
    EXPECT_EQ(store.createFolder("bob", "star*"), StoreResult::InvalidName);
}

TEST(MailStore, recreatedFolderGetsANewUidValidity) {
    MailStore store;
    store.addUser("bob");
    store.createFolder("bob", "Tmp");
    const auto first = store.folder("bob", "Tmp")->uidValidity();
    store.deleteFolder("bob", "Tmp");
    store.createFolder("bob", "Tmp");
    EXPECT_NE(store.folder("bob", "Tmp")->uidValidity(), first);
}

TEST(MailStore, renameMovesChildrenAndSubscriptions) {
    MailStore store;
    store.addUser("bob");
    store.createFolder("bob", "Food/Recipes");
    store.subscribe("bob", "Food/Recipes");
    const FolderId id = store.folder("bob", "Food/Recipes")->id();
    ASSERT_EQ(store.renameFolder("bob", "Food", "Cooking"), StoreResult::Ok);
    EXPECT_EQ(store.folderNames("bob"), (std::vector<std::string>{"Cooking", "Cooking/Recipes", "INBOX"}));
    EXPECT_EQ(store.folder("bob", id)->name(), "Cooking/Recipes");
    EXPECT_EQ(store.subscriptions("bob"), std::vector<std::string>{"Cooking/Recipes"});
    EXPECT_EQ(store.renameFolder("bob", "Cooking", "INBOX"), StoreResult::AlreadyExists);
}

TEST(MailStore, renamingInboxMovesItsMessagesAndLeavesItEmpty) {
    MailStore store;
    store.deliver("bob", "a", 1);
    store.deliver("bob", "b", 2);
    ASSERT_EQ(store.renameFolder("bob", "inbox", "Old"), StoreResult::Ok);
    EXPECT_EQ(store.folder("bob", "INBOX")->size(), 0u);
    EXPECT_EQ(store.folder("bob", "Old")->size(), 2u);
}

TEST(MailStore, observersHearEveryChangeInRegistrationOrder) {
    MailStore store;
    std::vector<std::string> heard;
    store.addObserver([&](const FolderChange& c) { heard.push_back("1:" + std::to_string(static_cast<int>(c.kind))); });
    auto second = store.addObserver([&](const FolderChange& c) { heard.push_back("2:" + c.user); });
    store.deliver("bob", "a", 1);
    EXPECT_EQ(heard, (std::vector<std::string>{"1:0", "2:bob"}));
    store.removeObserver(second);
    heard.clear();
    store.markSeen("bob", 1);
    EXPECT_EQ(heard, std::vector<std::string>{"1:1"});
}

TEST(MailStore, changeCountersMoveOnlyWhenSomethingChanges) {
    MailStore store;
    store.deliver("bob", "a", 1);
    const Folder* inbox = store.folder("bob", "INBOX");
    const auto modSeq = inbox->modSeq();
    store.setFlags("bob", inbox->id(), 1, FlagOperation::Remove, Flags::of({SystemFlag::Seen}));
    EXPECT_EQ(inbox->modSeq(), modSeq);
    EXPECT_TRUE(store.expunge("bob", inbox->id()).empty());
    EXPECT_EQ(inbox->expungeCount(), 0u);
    store.setFlags("bob", inbox->id(), 1, FlagOperation::Add, Flags::of({SystemFlag::Deleted}));
    EXPECT_GT(inbox->modSeq(), modSeq);
    store.expunge("bob", inbox->id());
    EXPECT_EQ(inbox->expungeCount(), 1u);
}

TEST(MailStore, givesPop3AMaildropWithStableUniqueIds) {
    MailStore store;
    store.deliver("bob", "first", 1);
    store.deliver("bob", "second!", 2);
    auto drop = store.maildrop("bob");
    ASSERT_EQ(drop.size(), 2u);
    EXPECT_EQ(drop[0].size, 5u);
    EXPECT_EQ(*drop[1].content, "second!");
    EXPECT_NE(drop[0].uniqueId, drop[1].uniqueId);
    store.removeFromInbox("bob", {drop[0].uid});
    auto after = store.maildrop("bob");
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].uniqueId, drop[1].uniqueId);
    store.markSeen("bob", after[0].uid);
    EXPECT_EQ(store.folder("bob", "INBOX")->unseenCount(), 0u);
}

TEST(MailStore, subscriptionsNeedAnExistingFolderButUnsubscribeDoesNot) {
    MailStore store;
    store.addUser("bob");
    EXPECT_EQ(store.subscribe("bob", "Nope"), StoreResult::NoSuchFolder);
    store.createFolder("bob", "Lists");
    EXPECT_EQ(store.subscribe("bob", "Lists"), StoreResult::Ok);
    store.deleteFolder("bob", "Lists");
    EXPECT_EQ(store.subscriptions("bob"), std::vector<std::string>{"Lists"});
    EXPECT_EQ(store.unsubscribe("bob", "Lists"), StoreResult::Ok);
    EXPECT_TRUE(store.subscriptions("bob").empty());
}

TEST(MailStore, expungeCanBeLimitedToSomeUids) {
    MailStore store;
    for (int i = 0; i < 3; ++i) store.deliver("bob", "m", i);
    const Folder* inbox = store.folder("bob", "INBOX");
    for (Uid uid = 1; uid <= 3; ++uid) {
        store.setFlags("bob", inbox->id(), uid, FlagOperation::Add, Flags::of({SystemFlag::Deleted}));
    }
    EXPECT_EQ(store.expunge("bob", inbox->id(), std::vector<Uid>{3, 1}), (std::vector<Uid>{1, 3}));
    ASSERT_EQ(inbox->size(), 1u);
    EXPECT_EQ(inbox->messages()[0].uid, 2u);
}
