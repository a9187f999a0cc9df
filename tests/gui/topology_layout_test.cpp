#include "gui/model/topology_layout.hpp"

#include <gtest/gtest.h>

#include "tests/gui/sample_trace.hpp"

namespace netstage::gui {
namespace {

struct Box {
    double left, top, right, bottom;
    bool overlaps(const Box& o) const { return left < o.right && o.left < right && top < o.bottom && o.top < bottom; }
};

LayoutMetrics metrics() {
    LayoutMetrics m;
    // Long names make wide labels: the layout must make room for them.
    m.nodeWidth = [](const NodeInfo& n) { return 12.0 * static_cast<double>(n.name.size()); };
    m.nodeHeight = 150;
    m.columnGap = 100;
    m.rowGap = 30;
    return m;
}

Box boxOf(const NodeInfo& node, ScenePoint p, const LayoutMetrics& m) {
    const double w = m.nodeWidth(node);
    return {p.x - w / 2, p.y, p.x + w / 2, p.y + m.nodeHeight};
}

Topology star(int hosts) {
    Topology t;
    t.nodes.push_back(NodeInfo{0, "the-central-router", NodeRole::Router, {}, std::nullopt});
    for (int i = 1; i <= hosts; ++i) {
        t.nodes.push_back(NodeInfo{static_cast<std::uint32_t>(i), "host-number-" + std::to_string(i) + ".example.org",
                                   NodeRole::Pc, {}, std::nullopt});
        t.links.push_back(LinkInfo{i, 0, static_cast<std::uint32_t>(i), "", "", 1000, Time::zero(), ""});
    }
    return t;
}

TEST(TopologyLayout, aChainReadsLeftToRight) {
    const auto log = testing::smtpSampleTrace();
    const Topology t = readTopology(log);
    const auto p = layoutTopology(t, metrics());
    ASSERT_EQ(p.size(), 4u);
    EXPECT_LT(p.at(0).x, p.at(1).x) << "crepes.fr left of the router";
    EXPECT_LT(p.at(1).x, p.at(2).x) << "the router left of hamburger.edu";
    EXPECT_EQ(p.at(2).x, p.at(3).x) << "hamburger.edu and the DNS server share a column";
}

TEST(TopologyLayout, labelsNeverOverlap) {
    for (int hosts = 1; hosts <= 8; ++hosts) {
        const Topology t = star(hosts);
        const LayoutMetrics m = metrics();
        const auto p = layoutTopology(t, m);
        ASSERT_EQ(p.size(), t.nodes.size()) << hosts << " hosts: every node gets a place";
        for (const auto& a : t.nodes) {
            for (const auto& b : t.nodes) {
                if (a.id >= b.id) continue;
                EXPECT_FALSE(boxOf(a, p.at(a.id), m).overlaps(boxOf(b, p.at(b.id), m)))
                    << a.name << " and " << b.name << " with " << hosts << " hosts";
            }
        }
    }
}

TEST(TopologyLayout, isDeterministic) {
    const Topology t = star(5);
    EXPECT_EQ(layoutTopology(t, metrics()), layoutTopology(t, metrics()));
}

TEST(TopologyLayout, scenarioPositionsAreKeptAndOthersGoBelowThem) {
    Topology t = star(2);
    t.nodes[0].position = ScenePoint{500, 40};
    t.nodes[1].position = ScenePoint{100, 300};
    const LayoutMetrics m = metrics();
    const auto p = layoutTopology(t, m);
    EXPECT_EQ(p.at(0), (ScenePoint{500, 40}));
    EXPECT_EQ(p.at(1), (ScenePoint{100, 300}));
    EXPECT_GE(p.at(2).y, 300 + m.nodeHeight);
}

TEST(TopologyLayout, crowdedScenarioPositionsAreStretchedApartKeepingTheirOrder) {
    Topology t = star(3);
    t.nodes[0].position = ScenePoint{0, 0};
    t.nodes[1].position = ScenePoint{50, 0};
    t.nodes[2].position = ScenePoint{100, 10};
    t.nodes[3].position = ScenePoint{0, 40};
    const LayoutMetrics m = metrics();
    const auto p = layoutTopology(t, m);
    for (const auto& a : t.nodes) {
        for (const auto& b : t.nodes) {
            if (a.id >= b.id) continue;
            EXPECT_FALSE(boxOf(a, p.at(a.id), m).overlaps(boxOf(b, p.at(b.id), m))) << a.name << " " << b.name;
        }
    }
    EXPECT_LT(p.at(0).x, p.at(1).x);
    EXPECT_LT(p.at(1).x, p.at(2).x);
    EXPECT_LT(p.at(0).y, p.at(3).y);
}

TEST(TopologyLayout, disconnectedPartsAreStackedWithoutOverlap) {
    Topology t;
    t.nodes.push_back(NodeInfo{0, "alone-a", NodeRole::Pc, {}, std::nullopt});
    t.nodes.push_back(NodeInfo{1, "alone-b", NodeRole::Pc, {}, std::nullopt});
    const LayoutMetrics m = metrics();
    const auto p = layoutTopology(t, m);
    ASSERT_EQ(p.size(), 2u);
    EXPECT_FALSE(boxOf(t.nodes[0], p.at(0), m).overlaps(boxOf(t.nodes[1], p.at(1), m)));
}


TEST(TopologyIndex, findsEveryNodeAndLinkOfAReadTopologyByIdAndNameAndNothingElse) {
    const Topology t = readTopology(testing::smtpSampleTrace());
    ASSERT_EQ(t.nodes.size(), 4u);
    for (const auto& node : t.nodes) {
        EXPECT_EQ(t.findNode(node.id), &node) << node.name;
        EXPECT_EQ(t.findNode(node.name), &node) << node.name;
    }
    for (const auto& link : t.links) EXPECT_EQ(t.findLink(link.id), &link);
    EXPECT_EQ(t.findNode(std::uint32_t{99}), nullptr);
    EXPECT_EQ(t.findNode("nobody"), nullptr);
    EXPECT_EQ(t.findLink(-1), nullptr);
}

TEST(TopologyIndex, aTopologyBuiltByHandIsSearchedWithoutAnIndex) {
    Topology t = star(3);
    EXPECT_EQ(t.findNode(std::uint32_t{2})->name, "host-number-2.example.org");
    t.nodes.push_back(NodeInfo{7, "late", NodeRole::Pc, {}, std::nullopt});
    EXPECT_EQ(t.findNode("late")->id, 7u);
    t.index();
    EXPECT_EQ(t.findNode(std::uint32_t{7})->name, "late");
    EXPECT_EQ(t.findLink(3)->b, 3u);
}

TEST(TopologyLayout, manyHostsWithoutLinksEachGetARowOfTheirOwn) {
    Topology t;
    for (std::uint32_t i = 0; i < 300; ++i) t.nodes.push_back(NodeInfo{i, "h" + std::to_string(i), NodeRole::Pc, {}, std::nullopt});
    const auto m = metrics();
    const auto p = layoutTopology(t, m);
    ASSERT_EQ(p.size(), 300u);
    for (std::uint32_t i = 1; i < 300; ++i) {
        EXPECT_DOUBLE_EQ(p.at(i).x, m.nodeWidth(t.nodes[i]) / 2) << "a column of its own, from the left";
        EXPECT_DOUBLE_EQ(p.at(i).y - p.at(i - 1).y, m.nodeHeight + m.rowGap) << "in announcement order";
    }
}

}  // namespace
}  // namespace netstage::gui
