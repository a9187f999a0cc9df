#include <gtest/gtest.h>

#include "protocols/http/state.hpp"
#include "protocols/http/state_diagram.hpp"
#include "tests/support/source_files.hpp"

using namespace netstage::http;

TEST(HttpStateTable, theDocumentedDiagramsAreTheOnesPrintedFromTheTables) {
    const std::string text = netstage::test_support::readSourceFile("docs/http.md");
    EXPECT_NE(text.find("```mermaid\n" + serverStateDiagramMermaid() + "```"), std::string::npos)
        << "regenerate the server diagram in docs/http.md from serverStateDiagramMermaid()";
    EXPECT_NE(text.find("```mermaid\n" + clientStateDiagramMermaid() + "```"), std::string::npos)
        << "regenerate the client diagram in docs/http.md from clientStateDiagramMermaid()";
}

TEST(HttpStateTable, everyOpenStateEndsAtEofAndByTimeout) {
    for (const ServerState state : {ServerState::Idle, ServerState::ReadingHead, ServerState::ReadingBody}) {
        EXPECT_EQ(serverTransition(state, ServerTrigger::PeerClosed), ServerState::Closed);
        EXPECT_EQ(serverTransition(state, ServerTrigger::TimedOut), ServerState::Closed);
    }
    EXPECT_EQ(serverTransition(ServerState::Closed, ServerTrigger::PeerClosed), std::nullopt);
}

TEST(HttpStateTable, onlyARequestBeingReadCanBeAnsweredOrRejected) {
    EXPECT_EQ(serverTransition(ServerState::Idle, ServerTrigger::Answered), std::nullopt);
    EXPECT_EQ(serverTransition(ServerState::Idle, ServerTrigger::Rejected), std::nullopt);
    EXPECT_EQ(serverTransition(ServerState::ReadingHead, ServerTrigger::Answered), ServerState::Idle);
    EXPECT_EQ(serverTransition(ServerState::ReadingBody, ServerTrigger::AnsweredLast), ServerState::Closed);
}

TEST(HttpStateTable, theClientReadsABodyOnlyAfterAHead) {
    EXPECT_EQ(clientTransition(ClientState::Idle, ClientTrigger::BodyFollows), std::nullopt);
    EXPECT_EQ(clientTransition(ClientState::AwaitResponse, ClientTrigger::BodyFollows), ClientState::ReadingBody);
    EXPECT_EQ(clientTransition(ClientState::ReadingBody, ClientTrigger::Interim), std::nullopt);
}
