// Three messages relayed at once, as a sequence chart: the three SMTP
// sessions from alice-pc to crepes.fr (and those crepes.fr opens to
// hamburger.edu) overlap in time, and the chart keeps each apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "simulator/trace/msc_layout.hpp"
#include "simulator/trace/msc_svg.hpp"
#include "simulator/trace/msc_text.hpp"
#include "tests/scenario/scenario_support.hpp"

using namespace netstage;
using namespace netstage::test_support;

namespace {

trace::TraceLog threeAtOnce() {
    scenario::RunOptions options;
    options.keepLog = true;
    const auto path = (sourceDir() / "tests/scenario/data/three-relayed-at-once.yaml").string();
    return scenario::runScenario(scenario::loadScenarioFile(path), options).log;
}

std::size_t lifeline(const trace::MscChart& chart, const std::string& host) {
    for (std::size_t i = 0; i < chart.lifelines.size(); ++i) {
        if (chart.lifelines[i].host == host) return i;
    }
    ADD_FAILURE() << "no lifeline " << host;
    return 0;
}

}  // namespace

TEST(MscParallelSessions, theThreeSubmissionsEachGetALaneAColourAndTheirPorts) {
    const trace::MscChart chart = trace::buildMsc(threeAtOnce());
    const std::size_t alice = lifeline(chart, "alice-pc");
    const std::size_t crepes = lifeline(chart, "crepes.fr");
    std::set<std::size_t> lanes;
    std::set<std::string> ports;
    for (const auto& connection : chart.connections) {
        if (connection.protocol != "smtp" || std::minmax(connection.from, connection.to) != std::minmax(alice, crepes)) {
            continue;
        }
        EXPECT_TRUE(connection.concurrent) << connection.id;
        lanes.insert(connection.lane);
        ports.insert(connection.ports());
    }
    EXPECT_EQ(lanes, (std::set<std::size_t>{0, 1, 2}));
    EXPECT_EQ(ports, (std::set<std::string>{":49152 \u2192 :25", ":49153 \u2192 :25", ":49154 \u2192 :25"}));

    const trace::MscLayout layout = trace::layoutMsc(chart);
    std::set<double> greetingEnds;
    for (const auto& geometry : layout.arrows) {
        const auto& arrow = chart.arrows[geometry.arrow];
        if (arrow.to == alice && arrow.label.rfind("220 ", 0) == 0) greetingEnds.insert(geometry.to.x);
    }
    EXPECT_EQ(greetingEnds.size(), 3u) << "each greeting arrives in its own lane";

    const std::string svg = trace::mscSvg(chart);
    for (const char* label : {"SMTP :49152 \u2192 :25</text>", "SMTP :49153 \u2192 :25</text>", "SMTP :49154 \u2192 :25</text>"}) {
        EXPECT_NE(svg.find(label), std::string::npos) << label;
    }
    const std::string mermaid = trace::mscMermaid(chart);
    EXPECT_NE(mermaid.find("[:49153] SMTP connection 10.0.1.2:49153 \u2192 10.0.1.10:25"), std::string::npos);
    EXPECT_NE(mermaid.find(": [:49154] EHLO alice-pc"), std::string::npos);
}

TEST(MscParallelSessions, everyLostSegmentEndsBetweenItsSenderAndItsDestinationWithALabel) {
    trace::MscOptions options;
    options.tcpSegments = true;
    const trace::MscChart chart = trace::buildMsc(threeAtOnce(), options);
    const trace::MscLayout layout = trace::layoutMsc(chart);
    std::size_t lost = 0;
    for (const auto& geometry : layout.arrows) {
        const auto& arrow = chart.arrows[geometry.arrow];
        if (!arrow.lost || arrow.from == arrow.to) continue;
        ++lost;
        const double from = layout.lifelines[arrow.from].x;
        const double to = layout.lifelines[arrow.to].x;
        EXPECT_GT(std::fabs(geometry.to.x - from), 24);
        EXPECT_GT(std::fabs(to - geometry.to.x), 24);
        for (const auto& line : layout.lifelines) EXPECT_GT(std::fabs(line.x - geometry.to.x), 20) << geometry.label;
        EXPECT_NE(geometry.label.find("\u2192 " + chart.lifelines[arrow.to].host), std::string::npos) << geometry.label;
    }
    EXPECT_GT(lost, 0u) << "the scenario's links lose packets";
}
