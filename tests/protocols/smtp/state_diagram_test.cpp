#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "protocols/smtp/state.hpp"
#include "protocols/smtp/state_diagram.hpp"

using namespace netstage::smtp;

TEST(SmtpStateTable, theDocumentedDiagramIsTheOnePrintedFromTheTable) {
    const char* root = std::getenv("NETSTAGE_SOURCE_DIR");
    ASSERT_NE(root, nullptr) << "NETSTAGE_SOURCE_DIR is set by ctest";
    std::ifstream file{std::string{root} + "/docs/smtp.md"};
    ASSERT_TRUE(file) << "docs/smtp.md";
    std::stringstream text;
    text << file.rdbuf();
    EXPECT_NE(text.str().find("```mermaid\n" + serverStateDiagramMermaid() + "```"), std::string::npos)
        << "regenerate the diagram in docs/smtp.md from serverStateDiagramMermaid()";
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

TEST(SmtpStateTable, everyClientWaitHasAStepWithATimer) {
    for (const ClientState state :
         {ClientState::AwaitGreeting, ClientState::AwaitHelo, ClientState::AwaitMail, ClientState::AwaitRcpt,
          ClientState::AwaitData, ClientState::AwaitDataEnd, ClientState::AwaitRset, ClientState::AwaitQuit}) {
        ASSERT_NE(clientStep(state), nullptr);
        EXPECT_FALSE(clientStep(state)->timeoutName.empty());
    }
    EXPECT_EQ(clientStep(ClientState::Finished), nullptr);
}
