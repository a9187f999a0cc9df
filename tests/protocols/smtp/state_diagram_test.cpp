#include <gtest/gtest.h>


#include "protocols/smtp/state.hpp"
#include "protocols/smtp/state_diagram.hpp"
#include "tests/support/source_files.hpp"

using namespace netstage::smtp;

TEST(SmtpStateTable, theDocumentedDiagramsAreTheOnesPrintedFromTheTables) {
    const std::string text = netstage::test_support::readSourceFile("docs/smtp.md");
    EXPECT_NE(text.find("```mermaid\n" + serverStateDiagramMermaid() + "```"), std::string::npos)
        << "regenerate the diagram in docs/smtp.md from serverStateDiagramMermaid()";
    EXPECT_NE(text.find("```mermaid\n" + clientStateDiagramMermaid() + "```"), std::string::npos)
        << "regenerate the client diagram in docs/smtp.md from clientStateDiagramMermaid()";
}

TEST(SmtpStateTable, everyStateWithAConversationAllowsQuitAndNoop) {
    for (const ServerState state :
         {ServerState::Greeted, ServerState::Identified, ServerState::MailGiven, ServerState::RcptGiven}) {
        EXPECT_EQ(serverTransition(state, Verb::Quit), ServerState::Closed);
        EXPECT_EQ(serverTransition(state, Verb::Noop), state);
    }
    EXPECT_EQ(serverTransition(ServerState::Data, Verb::Quit), std::nullopt);
    EXPECT_EQ(serverTransition(ServerState::Identified, Verb::Data), std::nullopt);
}

TEST(SmtpStateTable, rsetReturnsToTheStageBeforeAnyTransaction) {
    EXPECT_EQ(serverTransition(ServerState::Greeted, Verb::Rset), ServerState::Greeted);
    for (const ServerState state : {ServerState::Identified, ServerState::MailGiven, ServerState::RcptGiven}) {
        EXPECT_EQ(serverTransition(state, Verb::Rset), ServerState::Identified);
    }
}

TEST(SmtpStateTable, theMomentsThatAreNotCommandsAreInTheTableToo) {
    EXPECT_EQ(serverTransition(ServerState::Connected, Moment::GreetingSent), ServerState::Greeted);
    EXPECT_EQ(serverTransition(ServerState::Greeted, Moment::GreetingSent), std::nullopt);
    EXPECT_EQ(serverTransition(ServerState::Data, Moment::DataEnded), ServerState::Identified);
    EXPECT_EQ(serverTransition(ServerState::RcptGiven, Moment::DataEnded), std::nullopt);
    for (const ServerState state : {ServerState::Connected, ServerState::Greeted, ServerState::Identified,
                                    ServerState::MailGiven, ServerState::RcptGiven, ServerState::Data}) {
        EXPECT_EQ(serverTransition(state, Moment::Closing), ServerState::Closed);
    }
    EXPECT_EQ(serverTransition(ServerState::Closed, Moment::Closing), std::nullopt);
}

TEST(SmtpStateTable, everyClientWaitHasAStepWithATimer) {
    for (const ClientState state :
         {ClientState::AwaitGreeting, ClientState::AwaitHelo, ClientState::AwaitMail, ClientState::AwaitRcpt,
          ClientState::AwaitData, ClientState::AwaitDataEnd, ClientState::AwaitRset, ClientState::AwaitQuit}) {
        ASSERT_NE(clientStep(state), nullptr);
        EXPECT_FALSE(clientStep(state)->timeoutName.empty());
    }
    EXPECT_EQ(clientStep(ClientState::Finished), nullptr);
}

TEST(SmtpStateTable, theClientWaitsForTheReplyToWhatItSentLast) {
    EXPECT_EQ(clientTransition(ClientState::AwaitGreeting, ClientTrigger::Hello), ClientState::AwaitHelo);
    EXPECT_EQ(clientTransition(ClientState::AwaitHelo, ClientTrigger::Hello), ClientState::AwaitHelo);
    EXPECT_EQ(clientTransition(ClientState::AwaitData, ClientTrigger::Message), ClientState::AwaitDataEnd);
    EXPECT_EQ(clientTransition(ClientState::AwaitRset, ClientTrigger::Mail), ClientState::AwaitMail);
    // No RSET after a transaction that reached its end, and no DATA before a RCPT.
    EXPECT_EQ(clientTransition(ClientState::AwaitDataEnd, ClientTrigger::Rset), std::nullopt);
    EXPECT_EQ(clientTransition(ClientState::AwaitMail, ClientTrigger::Data), std::nullopt);
}

TEST(SmtpStateTable, aClientSessionCanEndFromAnyStateButOnlyOnce) {
    for (const ClientState state :
         {ClientState::AwaitGreeting, ClientState::AwaitHelo, ClientState::AwaitMail, ClientState::AwaitRcpt,
          ClientState::AwaitData, ClientState::AwaitDataEnd, ClientState::AwaitRset, ClientState::AwaitQuit}) {
        EXPECT_EQ(clientTransition(state, ClientTrigger::Over), ClientState::Finished);
    }
    EXPECT_EQ(clientTransition(ClientState::Finished, ClientTrigger::Over), std::nullopt);
}
