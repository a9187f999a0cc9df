#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "protocols/pop3/state.hpp"
#include "protocols/pop3/state_diagram.hpp"

using namespace netstage::pop3;

TEST(Pop3StateTable, theDocumentedDiagramsAreTheOnesPrintedFromTheTables) {
    const char* root = std::getenv("NETSTAGE_SOURCE_DIR");
    ASSERT_NE(root, nullptr) << "NETSTAGE_SOURCE_DIR is set by ctest";
    std::ifstream file{std::string{root} + "/docs/pop3.md"};
    ASSERT_TRUE(file) << "docs/pop3.md";
    std::stringstream text;
    text << file.rdbuf();
    EXPECT_NE(text.str().find("```mermaid\n" + serverStateDiagramMermaid() + "```"), std::string::npos)
        << "regenerate the server diagram in docs/pop3.md from serverStateDiagramMermaid()";
    EXPECT_NE(text.str().find("```mermaid\n" + clientStateDiagramMermaid() + "```"), std::string::npos)
        << "regenerate the client diagram in docs/pop3.md from clientStateDiagramMermaid()";
}

TEST(Pop3StateTable, onlyQuitFromTransactionReachesUpdate) {
    EXPECT_TRUE(serverTransitionAllowed(ServerState::Transaction, ServerState::Update));
    EXPECT_FALSE(serverTransitionAllowed(ServerState::Authorization, ServerState::Update));
    EXPECT_TRUE(serverTransitionAllowed(ServerState::Authorization, ServerState::Transaction));
    EXPECT_FALSE(serverTransitionAllowed(ServerState::Update, ServerState::Transaction));
}

TEST(Pop3StateTable, capaAndQuitWorkInBothStatesAndUserPassOnlyBeforeLogin) {
    for (const auto& rule : commandTable) {
        const bool anyState = rule.command == Command::Capa || rule.command == Command::Quit;
        const bool loginOnly = rule.command == Command::User || rule.command == Command::Pass;
        EXPECT_EQ(rule.inAuthorization, anyState || loginOnly) << rule.verb;
        EXPECT_EQ(rule.inTransaction, !loginOnly) << rule.verb;
    }
}

TEST(Pop3StateTable, aFinishedClientGoesNowhere) {
    EXPECT_FALSE(clientTransitionAllowed(ClientState::Done, ClientState::Failed));
    EXPECT_FALSE(clientTransitionAllowed(ClientState::Failed, ClientState::AwaitUser));
    EXPECT_TRUE(clientTransitionAllowed(ClientState::ReadingMessage, ClientState::Failed));
}
