// exportMsc, the one function from a run and chart options to a chart file:
// the text formats are the trace's own writers on the chart of those options,
// and PNG is whatever rasteriser the program hands it, or a refusal.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "export/msc_export.hpp"
#include "simulator/trace/msc_svg.hpp"
#include "simulator/trace/msc_text.hpp"
#include "tests/trace/msc_fixture.hpp"

using namespace netstage;
using namespace netstage::exports;
using netstage::trace::testing_support::smtpChart;

namespace {

trace::MscOptions withTcp() {
    trace::MscOptions options;
    options.tcpSegments = true;
    return options;
}

// A stand-in for the PNG library: remembers the SVG it was given.
std::string lastSvg;
std::string fakePng(const std::string& svg) {
    lastSvg = svg;
    return "PNG of " + std::to_string(svg.size()) + " bytes";
}

std::string failingPng(const std::string&) { throw std::runtime_error{"cannot encode"}; }

}  // namespace

TEST(MscExport, formatNamesAreTheCommandLinesAndGoBothWays) {
    for (const MscFormat format : {MscFormat::Svg, MscFormat::Png, MscFormat::Mermaid, MscFormat::PlantUml}) {
        EXPECT_EQ(parseMscFormat(toString(format)), format) << toString(format);
    }
    EXPECT_EQ(toString(MscFormat::PlantUml), "plantuml");
    EXPECT_EQ(parseMscFormat("mermaid"), MscFormat::Mermaid);
    for (const char* name : {"", "SVG", "jpeg", "puml", "svg "}) EXPECT_EQ(parseMscFormat(name), std::nullopt) << name;
}

TEST(MscExport, textFormatsAreTheTraceWritersOnTheChartOfTheOptions) {
    const trace::TraceLog log = smtpChart();
    for (const trace::MscOptions& options : {trace::MscOptions{}, withTcp()}) {
        const trace::MscChart chart = trace::buildMsc(log, options);
        EXPECT_EQ(exportMsc(log, options, MscFormat::Svg), trace::mscSvg(chart));
        EXPECT_EQ(exportMsc(log, options, MscFormat::Mermaid), trace::mscMermaid(chart));
        EXPECT_EQ(exportMsc(log, options, MscFormat::PlantUml), trace::mscPlantUml(chart));
    }
    // The options reach the chart: segments make a different file.
    EXPECT_NE(exportMsc(log, withTcp(), MscFormat::Mermaid), exportMsc(log, {}, MscFormat::Mermaid));
    EXPECT_NE(exportMsc(log, withTcp(), MscFormat::Mermaid).find("SYN"), std::string::npos);
}

TEST(MscExport, pngWithoutARasteriserIsRefusedWithAnExplanation) {
    try {
        exportMsc(smtpChart(), {}, MscFormat::Png);
        FAIL() << "PNG without a rasteriser was written";
    } catch (const std::invalid_argument& e) {
        const std::string why = e.what();
        EXPECT_NE(why.find("PNG needs Qt Svg"), std::string::npos) << why;
        EXPECT_NE(why.find("export SVG"), std::string::npos) << why;
    }
    // A rasteriser is only asked for PNG.
    lastSvg.clear();
    EXPECT_EQ(exportMsc(smtpChart(), {}, MscFormat::Svg, &fakePng), trace::mscSvg(trace::buildMsc(smtpChart())));
    EXPECT_EQ(lastSvg, "");
}

TEST(MscExport, pngIsTheRasterisersPictureOfTheChartsSvg) {
    const trace::TraceLog log = smtpChart();
    const std::string svg = trace::mscSvg(trace::buildMsc(log, withTcp()));
    lastSvg.clear();
    EXPECT_EQ(exportMsc(log, withTcp(), MscFormat::Png, &fakePng), "PNG of " + std::to_string(svg.size()) + " bytes");
    EXPECT_EQ(lastSvg, svg);
}

TEST(MscExport, theRasterisersFailureReachesTheCaller) {
    EXPECT_THROW(exportMsc(smtpChart(), {}, MscFormat::Png, &failingPng), std::runtime_error);
}
