#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "protocols/imap/state.hpp"
#include "protocols/imap/state_diagram.hpp"

using namespace netstage::imap;

TEST(ImapState, commandsAreAcceptedOnlyInTheirStates) {
    ASSERT_NE(findRule("LOGIN"), nullptr);
    EXPECT_TRUE(allowedIn(*findRule("LOGIN"), State::NotAuthenticated));
    EXPECT_FALSE(allowedIn(*findRule("LOGIN"), State::Authenticated));
    EXPECT_TRUE(allowedIn(*findRule("SELECT"), State::Selected));
    EXPECT_FALSE(allowedIn(*findRule("FETCH"), State::Authenticated));
    EXPECT_TRUE(allowedIn(*findRule("NOOP"), State::NotAuthenticated));
    EXPECT_FALSE(allowedIn(*findRule("NOOP"), State::Logout));
    EXPECT_EQ(findRule("FROB"), nullptr);
}

TEST(ImapState, theDiagramInTheDocsIsTheOneTheTableGives) {
    const char* root = std::getenv("NETSTAGE_SOURCE_DIR");
    ASSERT_NE(root, nullptr);
    std::ifstream in{std::string{root} + "/docs/imap.md"};
    ASSERT_TRUE(in.good());
    std::stringstream doc;
    doc << in.rdbuf();
    EXPECT_NE(doc.str().find("```mermaid\n" + stateDiagramMermaid() + "```\n"), std::string::npos)
        << "regenerate the diagram in docs/imap.md from stateDiagramMermaid():\n"
        << stateDiagramMermaid();
}
