#include "gui/model/world_state.hpp"

#include <gtest/gtest.h>

#include <map>

namespace netstage::gui {
namespace {

trace::Event mail(const char* node, const char* type, const char* id, trace::Fields extra = {}) {
    trace::Fields fields{{"message", std::string{id}}, {"from", std::string{"alice@crepes.fr"}},
                         {"subject", std::string{"hi"}}};
    for (auto& f : extra) fields.push_back(std::move(f));
    return trace::Event{Time::zero(), node, "mail", type, std::move(fields)};
}

TEST(WorldState, queuedMailLeavesTheQueueWhenRelayedOrBounced) {
    WorldState s;
    s.apply(mail("crepes.fr", "queued", "m1", {{"queue", std::string{"outgoing"}}}));
    s.apply(mail("crepes.fr", "queued", "m2", {{"queue", std::string{"outgoing"}}}));
    EXPECT_EQ(s.host("crepes.fr")->queueCount(), 2u);
    s.apply(mail("crepes.fr", "retry-scheduled", "m2", {{"attempt", std::int64_t{2}}}));
    EXPECT_EQ(s.host("crepes.fr")->queues.at("outgoing")[1].attempt, 2);
    s.apply(mail("crepes.fr", "relayed", "m1"));
    s.apply(mail("crepes.fr", "bounced", "m2"));
    EXPECT_EQ(s.host("crepes.fr")->queueCount(), 0u);
}

TEST(WorldState, storedMailStaysUntilDeleted) {
    WorldState s;
    s.apply(mail("hamburger.edu", "stored", "m1", {{"mailbox", std::string{"bob"}}}));
    s.apply(mail("hamburger.edu", "stored", "m2", {{"mailbox", std::string{"bob"}}}));
    s.apply(mail("hamburger.edu", "downloaded", "m1", {{"mailbox", std::string{"bob"}}}));
    EXPECT_EQ(s.host("hamburger.edu")->mailboxCount(), 2u);
    s.apply(mail("hamburger.edu", "deleted", "m1", {{"mailbox", std::string{"bob"}}}));
    ASSERT_EQ(s.host("hamburger.edu")->mailboxCount(), 1u);
    EXPECT_EQ(s.host("hamburger.edu")->mailboxes.at("bob").front().message, "m2");
}

TEST(WorldState, anFtpServersFilesFollowUploadsRenamesAndDeletions) {
    WorldState s;
    const auto ftp = [&s](const char* type, trace::Fields fields) {
        s.apply(trace::Event{Time::zero(), "ftp.school.edu", "ftp", type, std::move(fields)});
    };
    ftp("file", {{"user", std::string{"student"}}, {"path", std::string{"/readme.txt"}}, {"size", std::int64_t{34}}});
    ftp("transfer-end", {{"verb", std::string{"RETR"}}, {"file", std::string{"/readme.txt"}}, {"bytes", std::int64_t{34}}});
    ftp("transfer-end", {{"verb", std::string{"STOR"}}, {"file", std::string{"/up.bin"}}, {"bytes", std::int64_t{2000}}});
    ftp("transfer-end", {{"verb", std::string{"APPE"}}, {"file", std::string{"/up.bin"}}, {"bytes", std::int64_t{10}}});
    const auto* host = s.host("ftp.school.edu");
    ASSERT_NE(host, nullptr);
    EXPECT_EQ(host->ftpFiles, (std::map<std::string, std::int64_t>{{"/readme.txt", 34}, {"/up.bin", 2010}}));
    ftp("file-changed", {{"action", std::string{"rename"}}, {"path", std::string{"/up.bin"}}, {"new_path", std::string{"/done.bin"}}});
    ftp("file-changed", {{"action", std::string{"delete"}}, {"path", std::string{"/readme.txt"}}});
    EXPECT_EQ(s.host("ftp.school.edu")->ftpFiles, (std::map<std::string, std::int64_t>{{"/done.bin", 2010}}));
}

TEST(WorldState, tcpStateFollowsTheLatestTransition) {
    WorldState s;
    const auto state = [&s](const char* from, const char* to) {
        s.apply(trace::Event{Time::zero(), "a", "tcp", "state",
                             {{"connection", std::string{"1.1.1.1:1-2.2.2.2:2"}},
                              {"from", std::string{from}},
                              {"to", std::string{to}}}});
    };
    state("CLOSED", "SYN-SENT");
    state("SYN-SENT", "ESTABLISHED");
    EXPECT_EQ(s.host("a")->connections.at("1.1.1.1:1-2.2.2.2:2"), "ESTABLISHED");
}

TEST(WorldState, linksGoDownAndComeBackUp) {
    WorldState s;
    s.apply(trace::Event{Time::zero(), "", "link", "down", {{"link", std::int64_t{3}}}});
    EXPECT_TRUE(s.isLinkDown(3));
    s.apply(trace::Event{Time::zero(), "", "link", "up", {{"link", std::int64_t{3}}}});
    EXPECT_FALSE(s.isLinkDown(3));
}

TEST(WorldState, eventsWithMissingFieldsAreIgnoredRatherThanTrusted) {
    WorldState s;
    s.apply(trace::Event{Time::zero(), "x", "mail", "stored", {}});
    s.apply(trace::Event{Time::zero(), "x", "tcp", "state", {{"to", std::int64_t{5}}}});
    s.apply(trace::Event{Time::zero(), "", "link", "down", {{"link", std::string{"not a number"}}}});
    EXPECT_EQ(s.host("x"), nullptr);
    EXPECT_FALSE(s.isLinkDown(0));
}

}  // namespace
}  // namespace netstage::gui

namespace netstage::gui {
namespace {

TEST(WorldState, aMessageFiledInAnotherFolderIsListedUnderThatFolder) {
    WorldState s;
    const auto bob = [](const char* folder) {
        return trace::Fields{{"mailbox", std::string{"bob@hamburger.edu"}}, {"folder", std::string{folder}}};
    };
    s.apply(mail("hamburger.edu", "stored", "m1", bob("INBOX")));
    s.apply(mail("hamburger.edu", "stored", "m2", bob("INBOX")));
    // IMAP COPY then EXPUNGE: the same message, moved.
    s.apply(mail("hamburger.edu", "stored", "m2", bob("Recipes")));
    s.apply(mail("hamburger.edu", "deleted", "m2", bob("INBOX")));
    const auto& boxes = s.host("hamburger.edu")->mailboxes;
    ASSERT_EQ(boxes.size(), 2u);
    ASSERT_EQ(boxes.at("bob@hamburger.edu").size(), 1u);
    EXPECT_EQ(boxes.at("bob@hamburger.edu").front().message, "m1");
    ASSERT_EQ(boxes.at("bob@hamburger.edu/Recipes").size(), 1u);
    EXPECT_EQ(boxes.at("bob@hamburger.edu/Recipes").front().message, "m2");
    EXPECT_EQ(s.host("hamburger.edu")->mailboxCount(), 2u);
}

}  // namespace
}  // namespace netstage::gui
