// Connections own themselves until TCP closes; their application's keeper
// frees the ones still open when the application goes.
#include "simulator/apps/session_keeper.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace netstage::apps {
namespace {

// A stand-in for a connection: it holds itself, as the real ones do until TCP says CLOSED.
class Lingering : public SelfOwned, public std::enable_shared_from_this<Lingering> {
public:
    void holdItself() { self_ = shared_from_this(); }
    void letGo() override { self_.reset(); }

private:
    std::shared_ptr<Lingering> self_;
};

std::weak_ptr<Lingering> lingering(SessionKeeper& keeper) {
    auto session = std::make_shared<Lingering>();
    session->holdItself();
    keeper.keep(session);
    return session;
}

TEST(SessionKeeper, freesTheSessionsStillOpenWhenItGoes) {
    std::weak_ptr<Lingering> open;
    {
        SessionKeeper keeper;
        open = lingering(keeper);
        EXPECT_FALSE(open.expired());  // nobody but itself holds it
        EXPECT_EQ(keeper.alive(), 1u);
    }
    EXPECT_TRUE(open.expired());
}

TEST(SessionKeeper, countsOnlyTheSessionsStillOpen) {
    SessionKeeper keeper;
    for (int i = 0; i < 1000; ++i) {
        auto session = std::make_shared<Lingering>();
        keeper.keep(session);  // closes at once: nothing holds it after this scope
    }
    const auto open = lingering(keeper);
    EXPECT_EQ(keeper.alive(), 1u);
    keeper.releaseAll();
    EXPECT_TRUE(open.expired());
}

}  // namespace
}  // namespace netstage::apps
