#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "protocols/ftp/state.hpp"
#include "protocols/ftp/state_diagram.hpp"

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
    const char* root = std::getenv("NETSTAGE_SOURCE_DIR");
    ASSERT_NE(root, nullptr);
    std::ifstream file{std::string{root} + "/docs/ftp.md"};
    ASSERT_TRUE(file.good());
    const std::string doc{std::istreambuf_iterator<char>{file}, std::istreambuf_iterator<char>{}};
    const std::string block = "```mermaid\n" + serverStateDiagramMermaid() + "```\n";
    EXPECT_NE(doc.find(block), std::string::npos) << "docs/ftp.md should contain:\n" << block;
}

TEST(FtpStateTable, theClientDiagramInTheDocsIsGeneratedFromTheTable) {
    const char* root = std::getenv("NETSTAGE_SOURCE_DIR");
    ASSERT_NE(root, nullptr);
    std::ifstream file{std::string{root} + "/docs/ftp.md"};
    ASSERT_TRUE(file.good());
    const std::string doc{std::istreambuf_iterator<char>{file}, std::istreambuf_iterator<char>{}};
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
