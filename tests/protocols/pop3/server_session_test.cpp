#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "protocols/common/engine.hpp"
#include "tests/protocols/pop3/memory_maildrop.hpp"

using namespace netstage::pop3;
using namespace netstage::pop3::testing;
using namespace std::chrono_literals;

static_assert(netstage::proto::Engine<ServerSession>, "the POP3 server meets the one engine API");

namespace {

class Pop3Server : public ::testing::Test {
protected:
    void SetUp() override {
        bob = &provider.add("bob", "hungry",
                            {"Subject: one\r\n\r\nfirst body\r\n", "Subject: two\r\n\r\n.dot line\r\nsecond\r\nthird\r\n",
                             "Subject: three\r\nX: y\r\n\r\nonly\r\n"});
        session = std::make_unique<ServerSession>(provider);
        session->start(0ns);
        collect();
    }

    // Sends `bytes` and returns the events they caused.
    std::vector<std::string> send(const std::string& bytes, std::chrono::nanoseconds now = 1s) {
        session->receive(bytes, now);
        return collect();
    }

    std::vector<std::string> collect() {
        auto events = drainEvents(*session);
        output += session->takeOutput();
        all.insert(all.end(), events.begin(), events.end());
        return events;
    }

    void login() {
        send("USER bob\r\nPASS hungry\r\n");
        ASSERT_EQ(session->state(), ServerState::Transaction);
    }

    static std::vector<std::string> replies(const std::vector<std::string>& events) {
        std::vector<std::string> out;
        for (const auto& e : events) {
            if (e.rfind("S: ", 0) == 0) out.push_back(e.substr(3));
        }
        return out;
    }
    static bool has(const std::vector<std::string>& events, const std::string& what) {
        return std::find(events.begin(), events.end(), what) != events.end();
    }

    MemoryProvider provider;
    MemoryMaildrop* bob = nullptr;
    std::unique_ptr<ServerSession> session;
    std::vector<std::string> all;
    std::string output;
};

}  // namespace

TEST_F(Pop3Server, greetsWithoutAnApopTimestamp) {
    EXPECT_EQ(output, "+OK POP3 server ready\r\n");
    EXPECT_EQ(session->state(), ServerState::Authorization);
}

TEST_F(Pop3Server, logsInWithUserAndPassAndLocksTheMaildrop) {
    const auto events = send("user bob\r\npass hungry\r\n");
    EXPECT_EQ(replies(events), (std::vector<std::string>{"+OK", "+OK user successfully logged on"}));
    EXPECT_TRUE(has(events, "C: user bob"));
    EXPECT_TRUE(has(events, "login bob"));
    EXPECT_TRUE(bob->locked);
}

TEST_F(Pop3Server, rejectsAWrongPasswordAndAllowsAnotherTry) {
    auto events = send("USER bob\r\nPASS wrong\r\n");
    EXPECT_EQ(replies(events).back(), "-ERR [AUTH] invalid user name or password");
    EXPECT_TRUE(has(events, "login failed bob: bad credentials"));
    EXPECT_EQ(session->state(), ServerState::Authorization);
    EXPECT_EQ(replies(send("PASS hungry\r\n")).back(), "-ERR USER first");
    login();
}

TEST_F(Pop3Server, rejectsASecondSessionWhileTheMaildropIsLocked) {
    login();
    ServerSession second{provider};
    second.start(0ns);
    second.receive("USER bob\r\nPASS hungry\r\n", 1s);
    const auto events = drainEvents(second);
    EXPECT_EQ(replies(events).back(), "-ERR [IN-USE] maildrop already locked");
    EXPECT_TRUE(has(events, "login failed bob: maildrop locked"));
    EXPECT_EQ(second.state(), ServerState::Authorization);
    EXPECT_TRUE(bob->locked);
}

TEST_F(Pop3Server, refusesTransactionCommandsBeforeLogin) {
    for (const std::string verb : {"STAT", "LIST", "RETR 1", "DELE 1", "NOOP", "RSET", "TOP 1 0", "UIDL"}) {
        const auto events = send(verb + "\r\n");
        EXPECT_EQ(replies(events), (std::vector<std::string>{"-ERR not logged in"})) << verb;
        EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const auto& e) { return e.rfind("error:", 0) == 0; }));
    }
    EXPECT_EQ(session->state(), ServerState::Authorization);
}

TEST_F(Pop3Server, answersStatListAndListOne) {
    login();
    EXPECT_EQ(replies(send("STAT\r\n")), (std::vector<std::string>{"+OK 3 " + std::to_string(
                                                                       bob->messages[0].size() + bob->messages[1].size() +
                                                                       bob->messages[2].size())}));
    const auto list = replies(send("list\r\n"));
    ASSERT_EQ(list.size(), 5u);
    EXPECT_EQ(list[1], "1 " + std::to_string(bob->messages[0].size()));
    EXPECT_EQ(list[3], "3 " + std::to_string(bob->messages[2].size()));
    EXPECT_EQ(list[4], ".");
    EXPECT_EQ(replies(send("LIST 2\r\n")), (std::vector<std::string>{"+OK 2 " + std::to_string(bob->messages[1].size())}));
    EXPECT_EQ(replies(send("LIST 4\r\n")), (std::vector<std::string>{"-ERR no such message"}));
}

TEST_F(Pop3Server, retrievesAMessageDotStuffingALeadingDot) {
    login();
    const std::string before = output;
    const auto events = send("RETR 2\r\n");
    EXPECT_EQ(output.substr(before.size()),
              "+OK " + std::to_string(bob->messages[1].size()) +
                  " octets\r\nSubject: two\r\n\r\n..dot line\r\nsecond\r\nthird\r\n.\r\n");
    EXPECT_TRUE(has(events, "retrieved 2"));
}

TEST_F(Pop3Server, marksDeletedMessagesAndHidesThem) {
    login();
    EXPECT_EQ(replies(send("DELE 1\r\n")), (std::vector<std::string>{"+OK message 1 deleted"}));
    EXPECT_EQ(replies(send("RETR 1\r\n")), (std::vector<std::string>{"-ERR message 1 already deleted"}));
    EXPECT_EQ(replies(send("DELE 1\r\n")), (std::vector<std::string>{"-ERR message 1 already deleted"}));
    EXPECT_EQ(replies(send("LIST 1\r\n")), (std::vector<std::string>{"-ERR message 1 already deleted"}));
    EXPECT_EQ(replies(send("TOP 1 0\r\n")), (std::vector<std::string>{"-ERR message 1 already deleted"}));
    const auto list = replies(send("LIST\r\n"));
    EXPECT_EQ(list.front().rfind("+OK 2 messages", 0), 0u);
    EXPECT_EQ(list.size(), 4u);
    EXPECT_EQ(list[1].rfind("2 ", 0), 0u);
    const auto uidl = replies(send("UIDL\r\n"));
    EXPECT_EQ(uidl, (std::vector<std::string>{"+OK unique-id listing follows", "2 uid-bob-2", "3 uid-bob-3", "."}));
    EXPECT_EQ(replies(send("STAT\r\n")).front().rfind("+OK 2 ", 0), 0u);
    EXPECT_EQ(bob->messages.size(), 3u);  // nothing is removed before QUIT
}

TEST_F(Pop3Server, rsetUnmarksEveryDeletion) {
    login();
    send("DELE 1\r\nDELE 3\r\n");
    EXPECT_EQ(replies(send("RSET\r\n")).front().rfind("+OK maildrop has 3 messages", 0), 0u);
    send("QUIT\r\n");
    EXPECT_EQ(bob->messages.size(), 3u);
    EXPECT_EQ(bob->commits, 1);
}

TEST_F(Pop3Server, quitCommitsDeletionsInTheUpdateState) {
    login();
    send("DELE 1\r\nDELE 3\r\n");
    const auto events = send("QUIT\r\n");
    EXPECT_EQ(replies(events), (std::vector<std::string>{"+OK POP3 server signing off"}));
    EXPECT_TRUE(has(events, "committed 1 3"));
    EXPECT_TRUE(has(events, "released after quit"));
    EXPECT_EQ(events.back(), "S: +OK POP3 server signing off");
    EXPECT_TRUE(session->closed());
    EXPECT_EQ(bob->messages, (std::vector<std::string>{"Subject: two\r\n\r\n.dot line\r\nsecond\r\nthird\r\n"}));
    EXPECT_FALSE(bob->locked);
    EXPECT_EQ(session->state(), ServerState::Closed);
    EXPECT_TRUE(send("NOOP\r\n").empty());  // nothing is read after QUIT
}

TEST_F(Pop3Server, aDroppedConnectionDeletesNothingAndReleasesTheLock) {
    login();
    send("DELE 1\r\nDELE 2\r\n");
    EXPECT_FALSE(session->closed());
    session->receiveEof(2s);
    const auto events = collect();
    EXPECT_EQ(events, (std::vector<std::string>{"released without quit"}));
    EXPECT_TRUE(session->closed());
    EXPECT_EQ(bob->messages.size(), 3u);
    EXPECT_EQ(bob->commits, 0);
    EXPECT_FALSE(bob->locked);
}

TEST_F(Pop3Server, quitBeforeLoginSignsOffWithoutTouchingTheMaildrop) {
    const auto events = send("QUIT\r\n");
    EXPECT_EQ(replies(events), (std::vector<std::string>{"+OK POP3 server signing off"}));
    EXPECT_EQ(bob->commits, 0);
    EXPECT_EQ(session->state(), ServerState::Closed);
}

TEST_F(Pop3Server, topSendsTheHeaderTheBlankLineAndNBodyLines) {
    login();
    EXPECT_EQ(replies(send("TOP 2 1\r\n")),
              (std::vector<std::string>{"+OK top of message follows", "Subject: two", "", "..dot line", "."}));
    EXPECT_EQ(replies(send("top 3 0\r\n")),
              (std::vector<std::string>{"+OK top of message follows", "Subject: three", "X: y", "", "."}));
    EXPECT_EQ(replies(send("TOP 3 99\r\n")).size(), 6u);
    EXPECT_EQ(replies(send("TOP 3 x\r\n")), (std::vector<std::string>{"-ERR invalid line count"}));
    EXPECT_EQ(replies(send("TOP 3\r\n")), (std::vector<std::string>{"-ERR syntax error"}));
}

TEST_F(Pop3Server, uidlListsOneOrAll) {
    login();
    EXPECT_EQ(replies(send("UIDL 2\r\n")), (std::vector<std::string>{"+OK 2 uid-bob-2"}));
    EXPECT_EQ(replies(send("UIDL\r\n")).size(), 5u);
}

TEST_F(Pop3Server, noopAnswersOk) {
    login();
    EXPECT_EQ(replies(send("NOOP\r\n")), (std::vector<std::string>{"+OK"}));
}

TEST_F(Pop3Server, capaListsUserSoCurlLogsIn) {
    EXPECT_EQ(replies(send("CAPA\r\n")),
              (std::vector<std::string>{"+OK Capability list follows", "TOP", "UIDL", "USER", "RESP-CODES", "PIPELINING",
                                        "IMPLEMENTATION NetStage", "."}));
    login();
    EXPECT_EQ(replies(send("capa\r\n")).size(), 8u);
}

TEST(Pop3ServerConfig, capaLeavesOutPipeliningWhenToldTo) {
    MemoryProvider provider;
    ServerConfig config;
    config.advertisePipelining = false;
    ServerSession session{provider, config};
    session.start(0ns);
    (void)session.takeOutput();  // the greeting
    session.receive("CAPA\r\n", 0ns);
    const std::string capabilities = session.takeOutput();
    EXPECT_EQ(capabilities.rfind("+OK", 0), 0u) << capabilities;
    EXPECT_NE(capabilities.find("\r\nUIDL\r\n"), std::string::npos) << capabilities;
    EXPECT_EQ(capabilities.find("PIPELINING"), std::string::npos) << capabilities;
}

TEST(Pop3ServerConfig, repliesWithTheConfiguredTexts) {
    MemoryProvider provider;
    provider.add("bob", "hungry", {});
    ServerConfig config;
    config.greeting = "+OK hello";
    config.userAccepted = "+OK who?";
    config.loggedOn = "+OK in";
    config.signingOff = "+OK bye";
    ServerSession session{provider, config};
    session.start(0ns);
    session.receive("USER bob\r\nPASS hungry\r\nQUIT\r\n", 0ns);
    EXPECT_EQ(session.takeOutput(), "+OK hello\r\n+OK who?\r\n+OK in\r\n+OK bye\r\n");
    config.greeting = "hello";
    EXPECT_THROW((ServerSession{provider, config}), std::invalid_argument);
}

TEST_F(Pop3Server, answersEveryBadCommandWithErrAndGoesOn) {
    login();
    const std::vector<std::string> hostile{
        "",
        "   ",
        "FROB",
        "RETR",
        "RETR 0",
        "RETR -1",
        "RETR 99999999999999999999",
        "RETR 1x",
        "LIST 1 2",
        "DELE",
        "STAT now",
        "USER bob",
        "PASS x",
        std::string("RETR \0 1", 8),
        "\x01\x02\xff\xfe",
        "TOP 1 99999999999999999999",
        std::string(600, 'A'),
        "\r",
    };
    for (const auto& line : hostile) {
        const auto events = send(line + "\r\n");
        const auto r = replies(events);
        ASSERT_EQ(r.size(), 1u) << line;
        EXPECT_EQ(r[0].rfind("-ERR", 0), 0u) << line;
        EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const auto& e) { return e.rfind("error:", 0) == 0; }))
            << line;
    }
    EXPECT_EQ(replies(send("NOOP\r\n")), (std::vector<std::string>{"+OK"}));
    EXPECT_EQ(session->state(), ServerState::Transaction);
}

TEST_F(Pop3Server, anOverlongLineIsRejectedWithoutBufferingItAll) {
    const auto events = send(std::string(100000, 'x'));
    EXPECT_TRUE(replies(events).empty());
    EXPECT_EQ(replies(send("\r\nNOOP\r\n")), (std::vector<std::string>{"-ERR line too long", "-ERR not logged in"}));
}

TEST_F(Pop3Server, acceptsBareLfAndPipelinedCommands) {
    const auto events = send("USER bob\nPASS hungry\nSTAT\nQUIT\n");
    const auto r = replies(events);
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(r[2].rfind("+OK 3 ", 0), 0u);
}

TEST_F(Pop3Server, logsOutAnIdleClientWithoutDeleting) {
    login();
    send("DELE 1\r\n", 5s);
    EXPECT_EQ(session->nextTimeout(), 5s + std::chrono::minutes{10});
    session->handleTimeout(5s + std::chrono::minutes{9});
    EXPECT_TRUE(collect().empty());
    session->handleTimeout(5s + std::chrono::minutes{10});
    const auto events = collect();
    EXPECT_TRUE(has(events, "released without quit"));
    EXPECT_TRUE(session->closed());
    EXPECT_EQ(bob->messages.size(), 3u);
    EXPECT_FALSE(bob->locked);
    EXPECT_FALSE(session->nextTimeout());
}

TEST(Pop3ServerSplit, givesTheSameEventsAndBytesForEverySplit) {
    const std::string script =
        "CAPA\r\nuser bob\r\npass hungry\r\nSTAT\r\nLIST\r\nRETR 2\r\nTOP 1 0\r\nDELE 1\r\nUIDL\r\nBOGUS\r\nRSET\r\n"
        "DELE 2\r\nNOOP\nQUIT\r\n";
    const auto run = [&script](const std::vector<std::size_t>& cuts) {
        MemoryProvider provider;
        auto& drop = provider.add("bob", "hungry", {"Subject: a\r\n\r\nbody\r\n", "Subject: b\r\n\r\n.x\r\n"});
        ServerSession session{provider};
        session.start(0ns);
        std::size_t from = 0;
        for (std::size_t cut : cuts) {
            session.receive(script.substr(from, cut - from), 0ns);
            from = cut;
        }
        session.receive(script.substr(from), 0ns);
        auto events = drainEvents(session);
        events.push_back(session.takeOutput());
        events.push_back(std::to_string(drop.messages.size()));
        return events;
    };
    const auto whole = run({});
    ASSERT_EQ(whole.back(), "1");
    std::vector<std::size_t> everyByte;
    for (std::size_t i = 1; i < script.size(); ++i) everyByte.push_back(i);
    EXPECT_EQ(run(everyByte), whole);
    for (std::size_t i = 1; i < script.size(); ++i) EXPECT_EQ(run({i}), whole) << "split at " << i;
}
