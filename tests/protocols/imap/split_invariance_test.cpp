// Every fixture fed whole, byte by byte, and split at every index gives the
// same bytes and the same events.

#include <gtest/gtest.h>

#include "tests/protocols/imap/imap_test_support.hpp"

using namespace netstage;
using namespace netstage::imap;
using namespace netstage::imap::test;
using Lines = std::vector<std::string>;

namespace {
const std::string appended = "Subject: split\r\n\r\nline one\r\nline two\r\n";

const std::string clientBytes = "a1 LOGIN {3}\r\nbob \"hungry\"\r\n"
                                "a2 SELECT INBOX\r\n"
                                "a3 APPEND INBOX (\\Flagged) {" + std::to_string(appended.size()) + "}\r\n" +
                                appended + "\r\n"
                                "a4 FETCH 1:* (UID FLAGS BODY.PEEK[])\r\n"
                                "a5 SEARCH FLAGGED\r\n"
                                "a6 LOGOUT\r\n";

std::string describe(const ServerEvent& e) {
    if (auto* c = std::get_if<server::CommandReceived>(&e)) {
        std::string out = "command " + c->tag + " " + c->command;
        for (const auto& l : c->lines) out += " | " + l;
        return out;
    }
    if (auto* r = std::get_if<server::ResponseSent>(&e)) return "sent " + r->line;
    if (auto* p = std::get_if<server::ProtocolError>(&e)) return "error " + p->detail;
    if (auto* l = std::get_if<server::LoggedIn>(&e)) return "login " + l->user;
    if (auto* s = std::get_if<server::MailboxSelected>(&e)) return "selected " + s->mailbox;
    if (auto* a = std::get_if<server::MessageAppended>(&e)) return "appended " + std::to_string(a->uid);
    if (std::holds_alternative<server::Closed>(e)) return "closed";
    return "other";
}

struct Outcome {
    std::string output;
    Lines events;
};

Outcome runServer(const std::vector<std::string_view>& chunks) {
    mail::MailStore store;
    store.deliver("bob", message("one"), 100);
    ServerSession session{configFor(store)};
    session.start(0ns);
    Outcome run;
    for (auto chunk : chunks) session.receive(chunk, 0ns);
    run.output = session.takeOutput();
    for (auto e = session.nextEvent(); !std::holds_alternative<server::NeedData>(e); e = session.nextEvent()) {
        run.events.push_back(describe(e));
    }
    return run;
}

std::string describe(const ClientEvent& e) {
    if (auto* s = std::get_if<client::CommandSent>(&e)) return "C " + s->line;
    if (auto* r = std::get_if<client::ResponseLine>(&e)) return "S " + r->line;
    if (auto* m = std::get_if<client::MessageFetched>(&e)) return "message " + std::to_string(m->uid) + " " + m->content;
    if (auto* h = std::get_if<client::HeadersFetched>(&e)) return "header " + std::to_string(h->uid) + " " + h->header;
    if (auto* f = std::get_if<client::FolderList>(&e)) return "folders " + std::to_string(f->folders.size());
    if (auto* n = std::get_if<client::NewMessage>(&e)) return "new " + std::to_string(n->exists);
    if (std::holds_alternative<client::Done>(e)) return "done";
    if (auto* f = std::get_if<client::Failed>(&e)) return "failed " + f->reason;
    return "other";
}

const std::string serverBytes = "* OK ready\r\n"
                                "A001 OK logged in\r\n"
                                "* 1 EXISTS\r\n"
                                "A002 OK [READ-WRITE] done\r\n"
                                "* 1 FETCH (UID 7 FLAGS (\\Seen) BODY[] {" + std::to_string(appended.size()) + "}\r\n" +
                                appended + ")\r\n"
                                "A003 OK done\r\n"
                                "* BYE bye\r\n"
                                "A004 OK bye\r\n";

Outcome runClient(const std::vector<std::string_view>& chunks) {
    ClientSession session{ClientConfig{"bob", "hungry", {action::Select{"INBOX"}, action::FetchMessage{1}}}};
    Outcome run;
    for (auto chunk : chunks) session.receive(chunk, 0ns);
    run.output = session.takeOutput();
    for (auto e = session.nextEvent(); !std::holds_alternative<client::NeedData>(e); e = session.nextEvent()) {
        run.events.push_back(describe(e));
    }
    return run;
}

std::vector<std::string_view> bytewise(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < text.size(); ++i) out.push_back(text.substr(i, 1));
    return out;
}
}  // namespace

TEST(ImapSplitInvariance, serverGivesTheSameResultWhateverTheSplit) {
    const Outcome whole = runServer({clientBytes});
    ASSERT_NE(whole.output.find("a3 OK [APPENDUID 1 2] APPEND completed"), std::string::npos);
    ASSERT_NE(whole.output.find("* SEARCH 2\r\n"), std::string::npos);
    ASSERT_NE(whole.output.find("a6 OK LOGOUT completed"), std::string::npos);
    const Outcome bytes = runServer(bytewise(clientBytes));
    EXPECT_EQ(bytes.output, whole.output);
    EXPECT_EQ(bytes.events, whole.events);
    for (std::size_t i = 1; i < clientBytes.size(); ++i) {
        std::string_view all{clientBytes};
        const Outcome split = runServer({all.substr(0, i), all.substr(i)});
        ASSERT_EQ(split.output, whole.output) << "split at " << i;
        ASSERT_EQ(split.events, whole.events) << "split at " << i;
    }
}

TEST(ImapSplitInvariance, clientGivesTheSameResultWhateverTheSplit) {
    const Outcome whole = runClient({serverBytes});
    ASSERT_NE(std::find(whole.events.begin(), whole.events.end(), "message 7 " + appended), whole.events.end());
    ASSERT_EQ(whole.events.back(), "done");
    EXPECT_EQ(whole.output, "A001 LOGIN bob hungry\r\nA002 SELECT INBOX\r\nA003 FETCH 1 (UID FLAGS BODY[])\r\nA004 LOGOUT\r\n");
    const Outcome bytes = runClient(bytewise(serverBytes));
    EXPECT_EQ(bytes.output, whole.output);
    EXPECT_EQ(bytes.events, whole.events);
    for (std::size_t i = 1; i < serverBytes.size(); ++i) {
        std::string_view all{serverBytes};
        const Outcome split = runClient({all.substr(0, i), all.substr(i)});
        ASSERT_EQ(split.output, whole.output) << "split at " << i;
        ASSERT_EQ(split.events, whole.events) << "split at " << i;
    }
}

TEST(ImapSplitInvariance, aWholeSessionPumpedByteByByteMatchesOnePumpedWhole) {
    auto run = [](std::size_t chunk) {
        mail::MailStore store;
        store.deliver("bob", message("one"), 100);
        store.deliver("bob", message("two"), 200);
        Pair pair{store, ClientConfig{"bob", "hungry",
                                      {action::ListFolders{}, action::Select{"INBOX"}, action::FetchHeaders{},
                                       action::FetchMessage{1}, action::CreateFolder{"Recipes"},
                                       action::Move{2, "Recipes"}}}};
        pair.pump(chunk);
        return pair.transcript;
    };
    const Lines whole = run(0);
    ASSERT_TRUE(contains(whole, "S: A010 OK LOGOUT completed"));
    EXPECT_EQ(run(1), whole);
    EXPECT_EQ(run(7), whole);
}
