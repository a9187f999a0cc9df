#include "simulator/trace/msc_connections.hpp"

#include <gtest/gtest.h>

#include <set>

#include "tests/trace/msc_fixture.hpp"

using namespace netstage;
using namespace netstage::time_literals;
using namespace netstage::trace;
using namespace netstage::trace::testing_support;

TEST(MscConnections, eachConnectionIsListedOnceInOrderOfItsFirstArrow) {
    const MscChart chart = parallelSessionsChart();
    ASSERT_EQ(chart.connections.size(), 4u);
    EXPECT_EQ(chart.connections[0].id, "10.0.1.10:49152-10.0.2.10:25");
    EXPECT_EQ(chart.connections[3].id, "10.0.1.10:49155-10.0.2.10:25");
    EXPECT_EQ(chart.connections[1].first, 1_ms);
    EXPECT_EQ(chart.connections[1].last, 23_ms);  // QUIT sent at 21 ms, arriving 2 ms later
    for (const MscArrow& arrow : chart.arrows) EXPECT_EQ(chart.connections[arrow.connectionIndex].id, arrow.connection);
}

TEST(MscConnections, connectionsOpenAtTheSameTimeBetweenTheSameHostsGetLanesOfTheirOwn) {
    const MscChart chart = parallelSessionsChart();
    std::set<std::size_t> lanes;
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_TRUE(chart.connections[i].concurrent) << i;
        lanes.insert(chart.connections[i].lane);
    }
    EXPECT_EQ(lanes, (std::set<std::size_t>{0, 1, 2}));
}

TEST(MscConnections, aConnectionAloneKeepsTheFirstLaneAndIsNotMarked) {
    const MscChart chart = parallelSessionsChart();
    EXPECT_EQ(chart.connections[3].lane, 0u);
    EXPECT_FALSE(chart.connections[3].concurrent);
}

TEST(MscConnections, connectionsOverlappingBetweenDifferentHostsShareTheFirstLane) {
    MscChart chart = parallelSessionsChart();
    chart.lifelines.push_back({"dns", ""});
    // Make the second session run between crepes.fr and dns instead.
    for (MscArrow& arrow : chart.arrows) {
        if (arrow.connection.find(":49153-") == std::string::npos) continue;
        if (arrow.from == 1) arrow.from = 2;
        if (arrow.to == 1) arrow.to = 2;
    }
    assignConnectionLanes(chart);
    EXPECT_EQ(chart.connections[1].lane, 0u);
    EXPECT_FALSE(chart.connections[1].concurrent);
    EXPECT_EQ(chart.connections[2].lane, 1u);  // still beside the first one
}

TEST(MscConnections, aConnectionNamesItsPortsClientFirst) {
    const MscChart chart = parallelSessionsChart();
    EXPECT_EQ(chart.connections[1].ports(), ":49153 \u2192 :25");
}
