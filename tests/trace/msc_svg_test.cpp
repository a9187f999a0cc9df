#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "simulator/trace/msc_svg.hpp"
#include "tests/trace/msc_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::time_literals;
using namespace netstage::trace;
using namespace netstage::trace::testing_support;

namespace {

std::filesystem::path tempPath(const std::string& name) { return test_support::programTempDir().file(name); }

// Parses the SVG with Python's XML parser and returns, one per line, the label of
// every message arrow, or "ERROR ..." when the document is not well-formed XML.
std::string messageLabelsByXmlParser(const std::string& svg, const std::string& name) {
    const auto svgPath = tempPath(name + ".svg");
    const auto outPath = tempPath(name + ".labels");
    std::ofstream{svgPath, std::ios::binary} << svg;
    const std::string script =
        "import sys, xml.etree.ElementTree as ET\n"
        "ns = '{http://www.w3.org/2000/svg}'\n"
        "out = open(sys.argv[2], 'w', encoding='utf-8')\n"
        "try:\n"
        "    root = ET.parse(sys.argv[1]).getroot()\n"
        "except ET.ParseError as e:\n"
        "    out.write('ERROR ' + str(e)); sys.exit(0)\n"
        "for g in root.iter(ns + 'g'):\n"
        "    if 'msc-message' in g.get('class', '').split():\n"
        "        out.write(g.find(ns + 'text').text + '\\n')\n";
    const auto scriptPath = tempPath(name + ".py");
    std::ofstream{scriptPath} << script;
    const std::string command = "python3 " + scriptPath.string() + " " + svgPath.string() + " " + outPath.string();
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    std::ifstream in{outPath, std::ios::binary};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST(MscSvg, escapesTheFiveXmlSpecialCharacters) {
    EXPECT_EQ(escapeXml("MAIL FROM: <a&b@c> \"x\" 'y'"), "MAIL FROM: &lt;a&amp;b@c&gt; &quot;x&quot; &apos;y&apos;");
}

TEST(MscSvg, replacesControlCharactersXmlForbids) {
    EXPECT_EQ(escapeXml(std::string{"a\x01" "b\tc"}), "a\xEF\xBF\xBD" "b\tc");
}

TEST(MscSvg, isWellFormedXmlWithOneLabelledArrowPerLine) {
    const std::string svg = mscSvg(buildMsc(smtpChart()));
    EXPECT_EQ(messageLabelsByXmlParser(svg, "fixture"),
              "220 crepes.fr\nHELO alice-pc\n250 ok\n250 more\nQUIT\n221 bye\n");
}

TEST(MscSvg, keepsSpecialCharactersOfALineIntact) {
    MscChart chart;
    chart.title = "a <title> & more";
    chart.lifelines = {{"a&b", ""}, {"<c>", "mail server"}};
    MscArrow arrow;
    arrow.from = 0;
    arrow.to = 1;
    arrow.sent = 1_ms;
    arrow.received = 2_ms;
    arrow.protocol = "smtp";
    arrow.label = "FROM: <a@crepes.fr> \"quoted\" 'single' & ]]> \x01";
    chart.arrows = {arrow};
    EXPECT_EQ(messageLabelsByXmlParser(mscSvg(chart), "special"),
              "FROM: <a@crepes.fr> \"quoted\" 'single' & ]]> \xEF\xBF\xBD\n");
}

TEST(MscSvg, drawsLinesArrowheadsAndTextOnly) {
    MscOptions options;
    options.tcpSegments = true;
    const std::string svg = mscSvg(buildMsc(smtpChart(), options));
    EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
    EXPECT_EQ(svg.find("<style"), std::string::npos);
    EXPECT_EQ(svg.find("<marker"), std::string::npos);
    EXPECT_EQ(svg.find("<image"), std::string::npos);
    std::size_t heads = 0;
    for (auto at = svg.find("<polygon"); at != std::string::npos; at = svg.find("<polygon", at + 1)) ++heads;
    EXPECT_EQ(heads, 12u);  // every arrow arrived (the lost 221 was retransmitted)
    EXPECT_NE(svg.find("class=\"msc-arrow msc-segment msc-smtp\""), std::string::npos);
}

TEST(MscSvg, theSameChartGivesTheSameBytes) {
    EXPECT_EQ(mscSvg(buildMsc(smtpChart())), mscSvg(buildMsc(smtpChart())));
}

TEST(MscSvg, aLostArrowEndsInACrossInsteadOfAHead) {
    MscChart chart;
    chart.lifelines = {{"a", ""}, {"b", ""}};
    MscArrow arrow;
    arrow.from = 0;
    arrow.to = 1;
    arrow.lost = true;
    arrow.kind = MscArrowKind::Segment;
    arrow.label = "SYN";
    arrow.protocol = "smtp";
    chart.arrows = {arrow};
    const std::string svg = mscSvg(chart);
    EXPECT_EQ(svg.find("<polygon"), std::string::npos);
    EXPECT_NE(svg.find("msc-lost"), std::string::npos);
    EXPECT_NE(svg.find("stroke=\"#c0392b\""), std::string::npos);
}

TEST(MscSvg, concurrentConnectionsAreDrawnInLanesAndColoursOfTheirOwn) {
    const MscChart chart = parallelSessionsChart();
    const std::string svg = mscSvg(chart);
    std::size_t bars = 0;
    for (auto at = svg.find("class=\"msc-lane\""); at != std::string::npos; at = svg.find("class=\"msc-lane\"", at + 1)) ++bars;
    EXPECT_EQ(bars, 3u);
    EXPECT_NE(svg.find("SMTP :49153 \u2192 :25</text>"), std::string::npos);
    EXPECT_NE(svg.find("msc-lane-1\""), std::string::npos);
    EXPECT_NE(svg.find("msc-lane-2\""), std::string::npos);
    EXPECT_NE(svg.find("stroke=\"" + laneColour(1) + "\""), std::string::npos);
    EXPECT_NE(svg.find("stroke=\"" + laneColour(2) + "\""), std::string::npos);
    EXPECT_EQ(messageLabelsByXmlParser(svg, "parallel").find("ERROR"), std::string::npos);
}
