#include <gtest/gtest.h>


#include "protocols/pop3/state.hpp"
#include "protocols/pop3/state_diagram.hpp"
#include "tests/support/source_files.hpp"

using namespace netstage::pop3;

TEST(Pop3StateTable, theDocumentedDiagramsAreTheOnesPrintedFromTheTables) {
    const std::string text = netstage::test_support::readSourceFile("docs/pop3.md");
    EXPECT_NE(text.find("```mermaid\n" + serverStateDiagramMermaid() + "```"), std::string::npos)
        << "regenerate the server diagram in docs/pop3.md from serverStateDiagramMermaid()";
    EXPECT_NE(text.find("```mermaid\n" + clientStateDiagramMermaid() + "```"), std::string::npos)
        << "regenerate the client diagram in docs/pop3.md from clientStateDiagramMermaid()";
}

TEST(Pop3StateTable, onlyQuitFromTransactionReachesUpdate) {
    EXPECT_EQ(serverTransition(ServerState::Transaction, ServerTrigger::Quit), ServerState::Update);
    EXPECT_EQ(serverTransition(ServerState::Authorization, ServerTrigger::Quit), ServerState::Closed);
    EXPECT_EQ(serverTransition(ServerState::Authorization, ServerTrigger::LoggedIn), ServerState::Transaction);
    EXPECT_EQ(serverTransition(ServerState::Authorization, ServerTrigger::Updated), std::nullopt);
    EXPECT_EQ(serverTransition(ServerState::Update, ServerTrigger::LoggedIn), std::nullopt);
    EXPECT_EQ(serverTransition(ServerState::Closed, ServerTrigger::Dropped), std::nullopt);
}

TEST(Pop3StateTable, eachStateAndTriggerLeadsToOneStateOnly) {
    for (std::size_t i = 0; i < kServerTransitions.size(); ++i) {
        for (std::size_t j = i + 1; j < kServerTransitions.size(); ++j) {
            EXPECT_FALSE(kServerTransitions[i].from == kServerTransitions[j].from &&
                         kServerTransitions[i].trigger == kServerTransitions[j].trigger)
                << kServerTransitions[i].label << " / " << kServerTransitions[j].label;
        }
    }
    for (std::size_t i = 0; i < kClientTransitions.size(); ++i) {
        for (std::size_t j = i + 1; j < kClientTransitions.size(); ++j) {
            EXPECT_FALSE(kClientTransitions[i].from == kClientTransitions[j].from &&
                         kClientTransitions[i].trigger == kClientTransitions[j].trigger)
                << kClientTransitions[i].label << " / " << kClientTransitions[j].label;
        }
    }
}

TEST(Pop3StateTable, capaAndQuitWorkInBothStatesAndUserPassOnlyBeforeLogin) {
    for (const auto& rule : kCommandRules) {
        const bool anyState = rule.command == Command::Capa || rule.command == Command::Quit;
        const bool loginOnly = rule.command == Command::User || rule.command == Command::Pass;
        EXPECT_EQ(rule.inAuthorization, anyState || loginOnly) << rule.verb;
        EXPECT_EQ(rule.inTransaction, !loginOnly) << rule.verb;
    }
}

TEST(Pop3StateTable, theSameReplyLeadsOnByTheStateItComesIn) {
    EXPECT_EQ(clientTransition(ClientState::AwaitGreeting, ClientTrigger::Err), ClientState::Failed);
    EXPECT_EQ(clientTransition(ClientState::AwaitUser, ClientTrigger::Err), ClientState::AwaitQuit);
    EXPECT_EQ(clientTransition(ClientState::AwaitList, ClientTrigger::Ok), ClientState::ReadingList);
    EXPECT_EQ(clientTransition(ClientState::AwaitRetr, ClientTrigger::Ok), ClientState::ReadingMessage);
    EXPECT_EQ(clientTransition(ClientState::AwaitRetr, ClientTrigger::Err), std::nullopt);
}

TEST(Pop3StateTable, aFinishedClientGoesNowhere) {
    EXPECT_EQ(clientTransition(ClientState::Done, ClientTrigger::Lost), std::nullopt);
    EXPECT_EQ(clientTransition(ClientState::Failed, ClientTrigger::Ok), std::nullopt);
    EXPECT_EQ(clientTransition(ClientState::ReadingMessage, ClientTrigger::Lost), ClientState::Failed);
    EXPECT_EQ(clientTransition(ClientState::AwaitQuit, ClientTrigger::SignedOffAfterFailedLogin), ClientState::Failed);
}
