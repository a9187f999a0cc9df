#include <gtest/gtest.h>


#include "protocols/imap/state.hpp"
#include "protocols/imap/state_diagram.hpp"
#include "tests/protocols/imap/imap_test_support.hpp"
#include "tests/support/source_files.hpp"

using namespace netstage;
using namespace netstage::imap;

TEST(ImapState, commandsAreAcceptedOnlyInTheirStates) {
    ASSERT_NE(findRule("LOGIN"), nullptr);
    EXPECT_TRUE(allowedIn(*findRule("LOGIN"), ServerState::NotAuthenticated));
    EXPECT_FALSE(allowedIn(*findRule("LOGIN"), ServerState::Authenticated));
    EXPECT_TRUE(allowedIn(*findRule("SELECT"), ServerState::Selected));
    EXPECT_FALSE(allowedIn(*findRule("FETCH"), ServerState::Authenticated));
    EXPECT_TRUE(allowedIn(*findRule("NOOP"), ServerState::NotAuthenticated));
    EXPECT_FALSE(allowedIn(*findRule("NOOP"), ServerState::Logout));
    EXPECT_EQ(findRule("FROB"), nullptr);
}

TEST(ImapState, theTableDecidesWhereEachTriggerLeads) {
    EXPECT_EQ(serverTransition(ServerState::NotAuthenticated, Trigger::LoggedIn), ServerState::Authenticated);
    EXPECT_EQ(serverTransition(ServerState::Selected, Trigger::MailboxSelected), ServerState::Selected);
    EXPECT_EQ(serverTransition(ServerState::Selected, Trigger::MailboxClosed), ServerState::Authenticated);
    for (const ServerState state :
         {ServerState::NotAuthenticated, ServerState::Authenticated, ServerState::Selected}) {
        EXPECT_EQ(serverTransition(state, Trigger::SessionEnded), ServerState::Logout);
    }
    EXPECT_EQ(serverTransition(ServerState::Authenticated, Trigger::LoggedIn), std::nullopt);
    EXPECT_EQ(serverTransition(ServerState::NotAuthenticated, Trigger::MailboxSelected), std::nullopt);
    EXPECT_EQ(serverTransition(ServerState::Logout, Trigger::SessionEnded), std::nullopt);
}

// The session's state after each command is the one the table gives.
TEST(ImapState, theSessionFollowsTheTable) {
    mail::MailStore store;
    store.addUser("bob");
    imap::test::Server server{store};
    EXPECT_EQ(server.session.state(), ServerState::NotAuthenticated);
    server.login();
    EXPECT_EQ(server.session.state(), ServerState::Authenticated);
    server.send("s1 SELECT INBOX\r\n");
    EXPECT_EQ(server.session.state(), ServerState::Selected);
    server.send("s2 EXAMINE INBOX\r\n");
    EXPECT_EQ(server.session.state(), ServerState::Selected);
    server.send("s3 SELECT Nowhere\r\n");
    EXPECT_EQ(server.session.state(), ServerState::Authenticated);
    server.send("s4 SELECT Nowhere\r\n");
    EXPECT_EQ(server.session.state(), ServerState::Authenticated);
    server.send("s5 SELECT INBOX\r\ns6 UNSELECT\r\n");
    EXPECT_EQ(server.session.state(), ServerState::Authenticated);
    server.send("s7 LOGOUT\r\n");
    EXPECT_EQ(server.session.state(), ServerState::Logout);
    EXPECT_TRUE(server.session.closed());
}

TEST(ImapState, theDiagramInTheDocsIsTheOneTheTableGives) {
    const std::string doc = netstage::test_support::readSourceFile("docs/imap.md");
    const std::string diagram = serverStateDiagramMermaid();
    for (const auto& t : kServerTransitions) EXPECT_NE(diagram.find(t.label), std::string::npos) << t.label;
    EXPECT_NE(doc.find("```mermaid\n" + diagram + "```\n"), std::string::npos)
        << "regenerate the diagram in docs/imap.md from serverStateDiagramMermaid():\n"
        << diagram;
}
