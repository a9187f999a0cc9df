#include "gui/model/host_summary.hpp"

#include <gtest/gtest.h>

#include <string>

namespace netstage::gui {
namespace {

// A mail server whose mailboxes `boxes` hold `perBox` messages each.
trace::TraceLog busyMailServer(int boxes, int perBox) {
    trace::TraceLog log;
    log.header = trace::TraceHeader{"busy", 1};
    const auto event = [&log](std::string layer, std::string type, trace::Fields fields) {
        log.records.emplace_back(trace::Event{Time::zero(), "mail.example", std::move(layer), std::move(type), std::move(fields)});
    };
    event("scenario", "host", {{"name", std::string{"mail.example"}}, {"role", std::string{"mail-server"}},
                               {"x", std::int64_t{0}}, {"y", std::int64_t{0}}});
    event("topology", "node", {{"id", std::int64_t{0}}, {"name", std::string{"mail.example"}},
                               {"kind", std::string{"host"}}, {"addresses", std::string{"10.0.0.10"}}});
    for (int b = 0; b < boxes; ++b) {
        for (int m = 0; m < perBox; ++m) {
            event("mail", "stored", {{"message", "m" + std::to_string(b) + "-" + std::to_string(m)},
                                     {"from", std::string{"alice@crepes.fr"}}, {"subject", std::string{"hi"}},
                                     {"mailbox", "user" + std::to_string(1000 + b)}});
        }
    }
    log.end = Time::fromMilliseconds(1);
    return log;
}

int countKind(const std::vector<HostRow>& rows, HostRow::Kind kind) {
    int n = 0;
    for (const auto& row : rows) n += row.kind == kind ? 1 : 0;
    return n;
}

TEST(HostSummary, listsEveryMessageOfASmallServer) {
    Playback playback{busyMailServer(2, 3)};
    playback.end();
    const auto rows = describeHost(playback, "mail.example");
    EXPECT_EQ(countKind(rows, HostRow::Kind::Detail), 6);
    for (const auto& row : rows) EXPECT_EQ(row.text.find("more"), std::string::npos) << row.text;
}

TEST(HostSummary, cutsLongListsAndSaysHowManyMoreThereAre) {
    Playback playback{busyMailServer(40, 25)};
    playback.end();
    HostRowLimits limits;
    limits.mailboxes = 30;
    limits.messagesPerBox = 20;
    const auto rows = describeHost(playback, "mail.example", limits);
    // The section still counts all 1,000 messages.
    bool counted = false;
    for (const auto& row : rows) {
        if (row.kind == HostRow::Kind::Section && row.text == "Mailboxes") counted = row.value == "40 mailboxes, 1000 messages";
    }
    EXPECT_TRUE(counted);
    EXPECT_EQ(countKind(rows, HostRow::Kind::Detail), 30 * 20);
    int cutBoxes = 0;
    bool moreMailboxes = false;
    for (const auto& row : rows) {
        if (row.text == "\u2026 and 5 more messages") ++cutBoxes;
        if (row.text == "\u2026 and 10 more mailboxes") moreMailboxes = true;
    }
    EXPECT_EQ(cutBoxes, 30);
    EXPECT_TRUE(moreMailboxes);
    EXPECT_LT(rows.size(), 30u * 22 + 20);
}

TEST(HostSummary, namesAFolderBesideInboxByItsOwnerAndName) {
    trace::TraceLog log = busyMailServer(1, 1);
    log.records.emplace_back(trace::Event{Time::zero(), "mail.example", "mail", "stored",
                                          {{"message", std::string{"m0-0"}}, {"mailbox", std::string{"user1000@example"}},
                                           {"folder", std::string{"Recipes"}}, {"subject", std::string{"hi"}}}});
    Playback playback{std::move(log)};
    playback.end();
    bool inbox = false;
    bool folder = false;
    for (const auto& row : describeHost(playback, "mail.example")) {
        if (row.kind != HostRow::Kind::Item) continue;
        inbox = inbox || row.text == "user1000";
        folder = folder || row.text == "user1000 \u203a Recipes";
    }
    EXPECT_TRUE(inbox);
    EXPECT_TRUE(folder);
}


std::string sectionValue(const std::vector<HostRow>& rows, const std::string& title) {
    for (const auto& row : rows) {
        if (row.kind == HostRow::Kind::Section && row.text == title) return row.value;
    }
    return "(no section " + title + ")";
}

TEST(HostSummary, theMailboxesSectionCountsMailboxesAndMessagesAndSaysWhichIsWhich) {
    Playback two{busyMailServer(2, 3)};
    two.end();
    EXPECT_EQ(sectionValue(describeHost(two, "mail.example"), "Mailboxes"), "2 mailboxes, 6 messages");
    Playback one{busyMailServer(1, 1)};
    one.end();
    const auto rows = describeHost(one, "mail.example");
    EXPECT_EQ(sectionValue(rows, "Mailboxes"), "1 mailbox, 1 message");
    EXPECT_EQ(sectionValue(rows, "Mail queue"), "0 messages");
    EXPECT_EQ(sectionValue(rows, "TCP connections"), "0 connections");
}

TEST(HostSummary, aMailClientListsTheCopiesItDownloaded) {
    trace::TraceLog log = busyMailServer(1, 1);
    log.records.emplace_back(trace::Event{Time::zero(), "", "scenario", "host",
                                          {{"name", std::string{"phone"}}, {"role", std::string{"phone"}}}});
    for (std::int64_t n = 1; n <= 2; ++n) {
        log.records.emplace_back(trace::Event{Time::fromMilliseconds(n), "phone", "mail", "downloaded",
                                              {{"number", n}, {"size", std::int64_t{188}}, {"count", n},
                                               {"from", std::string{"alice@crepes.fr"}},
                                               {"subject", "note " + std::to_string(n)}}});
    }
    Playback playback{std::move(log)};
    playback.end();
    const auto rows = describeHost(playback, "phone");
    EXPECT_EQ(sectionValue(rows, "Downloaded (kept here)"), "2 messages");
    int listed = 0;
    for (const auto& row : rows) {
        if (row.kind == HostRow::Kind::Detail && row.text == "alice@crepes.fr: note " + std::to_string(listed + 1)) ++listed;
    }
    EXPECT_EQ(listed, 2);
    EXPECT_EQ(playback.state().host("phone")->mailHeld(), 2u);
}

}  // namespace
}  // namespace netstage::gui
