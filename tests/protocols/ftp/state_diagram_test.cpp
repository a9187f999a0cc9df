#include <gtest/gtest.h>

#include <string>

#include "protocols/ftp/state.hpp"
#include "protocols/ftp/state_diagram.hpp"
#include "tests/support/source_files.hpp"

using namespace netstage::ftp;

TEST(FtpStateTable, everyStateButTheFirstIsReachableAndClosedIsFinal) {
    for (ServerState state : {ServerState::AwaitingPassword, ServerState::LoggedIn, ServerState::AwaitingListener,
                              ServerState::AwaitingDataConnection, ServerState::Sending, ServerState::Receiving,
                              ServerState::Closed}) {
        bool reachable = false;
        for (const auto& row : kServerTransitions) reachable = reachable || (row.to == state && row.from != state);
        EXPECT_TRUE(reachable) << toString(state);
    }
    for (const auto& row : kServerTransitions) EXPECT_NE(row.from, ServerState::Closed);
    EXPECT_EQ(findTransition(ServerState::AwaitingUser, "USER")->to, ServerState::AwaitingPassword);
    EXPECT_EQ(findTransition(ServerState::AwaitingUser, "PASV/EPSV"), nullptr);
}

TEST(FtpStateTable, theDiagramInTheDocsIsGeneratedFromTheTable) {
    const std::string doc = netstage::test_support::readSourceFile("docs/ftp.md");
    const std::string block = "```mermaid\n" + serverStateDiagramMermaid() + "```\n";
    EXPECT_NE(doc.find(block), std::string::npos) << "docs/ftp.md should contain:\n" << block;
}

TEST(FtpStateTable, theClientDiagramInTheDocsIsGeneratedFromTheTable) {
    const std::string doc = netstage::test_support::readSourceFile("docs/ftp.md");
    const std::string block = "```mermaid\n" + clientStateDiagramMermaid() + "```\n";
    EXPECT_NE(doc.find(block), std::string::npos) << "docs/ftp.md should contain:\n" << block;
}

TEST(FtpStateTable, everyClientStateIsReachableAndEveryWaitEndsWhenTheServerGoes) {
    for (const ClientState state :
         {ClientState::BetweenSteps, ClientState::AwaitingUserReply, ClientState::AwaitingPassReply,
          ClientState::AwaitingTypeReply, ClientState::AwaitingCwdReply, ClientState::AwaitingListener,
          ClientState::AwaitingPortReply, ClientState::AwaitingPassiveReply, ClientState::AwaitingConnect,
          ClientState::AwaitingPreliminary, ClientState::Transferring, ClientState::AwaitingQuitReply,
          ClientState::Done}) {
        bool reachable = false;
        for (const auto& row : kClientTransitions) reachable = reachable || (row.to == state && row.from != state);
        EXPECT_TRUE(reachable) << toString(state);
        if (state == ClientState::BetweenSteps || state == ClientState::Done) continue;
        ASSERT_NE(findTransition(state, kServerGone), nullptr) << toString(state);
        EXPECT_EQ(findTransition(state, kServerGone)->to, ClientState::Done);
    }
    for (const auto& row : kClientTransitions) EXPECT_NE(row.from, ClientState::Done);
    EXPECT_EQ(findTransition(ClientState::BetweenSteps, kServerGone), nullptr) << "never waited in";
}
