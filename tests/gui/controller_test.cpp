#include <QSignalSpy>
#include <gtest/gtest.h>

#include "gui/player/player_controller.hpp"
#include "tests/gui/sample_trace.hpp"

namespace netstage::gui {
namespace {

using namespace netstage::time_literals;

// The controller reads this instead of the wall clock: tests move time by
// hand, so nothing sleeps and every result is exact.
struct FakeWall {
    std::int64_t now = 0;
};

class PlayerControllerTest : public ::testing::Test {
protected:
    FakeWall wall;
    PlayerController player;

    void SetUp() override {
        player.setWallClock([this] { return wall.now; });
        player.setDocument(std::make_unique<Playback>(testing::smtpSampleTrace()));
    }
};

TEST_F(PlayerControllerTest, theTimerRunsOnlyWhilePlaying) {
    QSignalSpy playing{&player, &PlayerController::playingChanged};
    EXPECT_FALSE(player.isPlaying());
    player.play();
    EXPECT_TRUE(player.isPlaying());
    player.togglePlay();
    EXPECT_FALSE(player.isPlaying());
    ASSERT_EQ(playing.count(), 2);
    EXPECT_TRUE(playing[0][0].toBool());
    EXPECT_FALSE(playing[1][0].toBool());
}

TEST_F(PlayerControllerTest, playingMapsWallTimeToSimulatedTimeAtTheChosenSpeed) {
    player.setSkipIdleTime(false);
    player.setSpeed(0.01);
    player.play();
    wall.now += 500'000'000;  // half a wall second
    player.tick();
    EXPECT_EQ(player.playback()->time(), 5_ms);
    player.setSpeed(1.0);
    wall.now += 10'000'000;
    player.tick();
    EXPECT_EQ(player.playback()->time(), 15_ms);
}

TEST_F(PlayerControllerTest, idleTimeIsSkippedWhenNothingIsOnTheWire) {
    player.setSpeed(0.01);
    player.play();
    player.tick();  // nothing moves at t=0 until the DNS query leaves at 1 ms
    EXPECT_EQ(player.playback()->time(), 1_ms);
    EXPECT_EQ(player.playback()->hopsInFlight().size(), 1u);
}

TEST_F(PlayerControllerTest, playingToTheEndStopsTheTimer) {
    QSignalSpy cursor{&player, &PlayerController::cursorChanged};
    player.setSpeed(1.0);
    player.play();
    for (int frame = 0; frame < 1000 && player.isPlaying(); ++frame) {
        wall.now += PlayerController::frameMilliseconds * 1'000'000;
        player.tick();
    }
    EXPECT_FALSE(player.isPlaying());
    EXPECT_TRUE(player.playback()->atEnd());
    EXPECT_GT(cursor.count(), 10) << "at 1x the half-second run takes many frames";
}

TEST_F(PlayerControllerTest, steppingPausesAndMovesByApplicationMessage) {
    QSignalSpy cursor{&player, &PlayerController::cursorChanged};
    player.play();
    player.nextMessage();
    EXPECT_FALSE(player.isPlaying());
    EXPECT_EQ(player.playback()->currentMessage(), 0u);
    player.nextMessage();
    player.previousMessage();
    EXPECT_EQ(player.playback()->currentMessage(), 0u);
    EXPECT_GE(cursor.count(), 4);
}

TEST_F(PlayerControllerTest, playingFromTheEndStartsAgain) {
    player.end();
    player.play();
    EXPECT_EQ(player.playback()->position(), 0u);
    EXPECT_TRUE(player.isPlaying());
}

TEST_F(PlayerControllerTest, aNewDocumentStartsAtHomeAndPaused) {
    QSignalSpy document{&player, &PlayerController::documentChanged};
    player.play();
    player.setDocument(std::make_unique<Playback>(testing::smtpSampleTrace()));
    EXPECT_EQ(document.count(), 1);
    EXPECT_FALSE(player.isPlaying());
    EXPECT_EQ(player.playback()->position(), 0u);
}

}  // namespace
}  // namespace netstage::gui
