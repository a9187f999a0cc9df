// Pacing a live world with a made-up wall clock: simulated time follows the
// wall clock times the speed, stands still while paused, and at unlimited
// speed runs bursts at once but passes quiet gaps at the wall clock's pace.
#include <gtest/gtest.h>

#include "simulator/scenario/live_world.hpp"
#include "simulator/scenario/scenario_error.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/trace/recorder.hpp"
#include "tests/support/source_files.hpp"

using namespace netstage;
using namespace netstage::time_literals;

namespace {

struct Paced {
    trace::Tracer tracer;
    trace::Recorder recorder;
    std::string received;
    std::vector<std::string> ended;
    std::unique_ptr<scenario::LiveWorld> world;
    Time wall = 1000_s;  // any origin

    explicit Paced(Speed speed, std::optional<std::string> from = std::nullopt) {
        tracer.addSink(recorder);
        scenario::LiveOptions options;
        options.speed = speed;
        options.from = std::move(from);
        apps::BridgeCallbacks callbacks;
        callbacks.received = [this](apps::BridgeId, std::string_view bytes) { received += bytes; };
        callbacks.ended = [this](apps::BridgeId, const std::string& outcome) { ended.push_back(outcome); };
        world = std::make_unique<scenario::LiveWorld>(
            scenario::loadScenarioFile(test_support::scenarioPath("01-smtp-alice-to-bob")), tracer, options,
            std::move(callbacks), wall);
    }
    // Moves the wall clock on in small steps, stepping the world as a front end does.
    void passWall(Time delay) {
        const Time until = wall + delay;
        while (wall < until) {
            wall = std::min(until, wall + 10_ms);
            (void)world->step(wall);
        }
    }
    Endpoint hamburger(std::uint16_t port) const { return {world->spec().findHost("hamburger.edu")->address, port}; }
};

}  // namespace

TEST(LiveWorld, simulatedTimeFollowsTheWallClockTimesTheSpeed) {
    Paced normal{Speed::realTime()};
    normal.passWall(1500_ms);
    EXPECT_EQ(normal.world->now(), 1500_ms);
    Paced slow{*Speed::parse("0.25")};
    slow.passWall(2_s);
    EXPECT_EQ(slow.world->now(), 500_ms);
    Paced fast{*Speed::parse("10")};
    fast.passWall(300_ms);
    EXPECT_EQ(fast.world->now(), 3_s);
}

TEST(LiveWorld, aPauseFreezesTheWorldAndResumingDoesNotJump) {
    Paced paced{Speed::realTime()};
    paced.passWall(1_s);
    paced.world->pause(paced.wall);
    EXPECT_EQ(paced.world->step(paced.wall + 5_s), Time::max());
    paced.passWall(5_s);
    EXPECT_EQ(paced.world->now(), 1_s);
    paced.world->resume(paced.wall);
    paced.passWall(250_ms);
    EXPECT_EQ(paced.world->now(), 1250_ms);
}

TEST(LiveWorld, tellsTheFrontEndHowLongItMayWait) {
    Paced paced{Speed::realTime()};
    const Time wait = paced.world->step(paced.wall);
    // Alice's user agent starts at 100 ms into the run; nothing is due before.
    EXPECT_GT(wait, Time::zero());
    EXPECT_LE(wait, 100_ms);
}

TEST(LiveWorld, atUnlimitedSpeedAQuietGapPassesAtTheWallClocksPace) {
    Paced paced{Speed::unlimited()};
    paced.passWall(10_ms);
    // The scripted run (Alice sends, the relay, Bob reads at 2 s) is one burst.
    EXPECT_GE(paced.world->now(), 2_s);
    paced.world->open(1, paced.hamburger(25));
    paced.passWall(10_ms);
    EXPECT_EQ(paced.received, "220 hamburger.edu\r\n");
    // The student thinks for a minute: the server's 5-minute idle timer must
    // not fire. Simulated time passes at the wall clock's pace, give or take
    // the short bursts of the scenario's own timers (each under a second).
    const Time thinking = paced.world->now();
    paced.passWall(60_s);
    EXPECT_GE(paced.world->now() - thinking, 60_s);
    EXPECT_LT(paced.world->now() - thinking, 65_s);
    EXPECT_EQ(paced.received, "220 hamburger.edu\r\n");
    paced.world->send(1, "HELO crepes.fr\r\n");
    paced.passWall(10_ms);
    EXPECT_EQ(paced.received, "220 hamburger.edu\r\n250 Hello crepes.fr, pleased to meet you\r\n");
    // Left alone for the idle time, the server says goodbye, as it would.
    paced.passWall(301_s);
    EXPECT_NE(paced.received.find("421"), std::string::npos) << paced.received;
}

TEST(LiveWorld, connectsFromAScenarioHostWhenAsked) {
    Paced paced{Speed::unlimited(), "alice-pc"};
    EXPECT_EQ(paced.world->fromHost(), "alice-pc");
    EXPECT_FALSE(paced.world->fromVisitor());
    EXPECT_EQ(paced.world->spec().findHost("you"), nullptr);
    Paced visiting{Speed::unlimited()};
    EXPECT_EQ(visiting.world->fromHost(), "you");
    EXPECT_TRUE(visiting.world->fromVisitor());
    EXPECT_NE(visiting.world->spec().findHost("you"), nullptr);
}

TEST(LiveWorld, refusesAHostThatIsNotThere) {
    EXPECT_THROW(Paced(Speed::unlimited(), "nowhere"), scenario::ScenarioError);
}
