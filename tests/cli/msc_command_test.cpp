// `netstage msc` on scenario 01: the checked-in charts under tests/golden/, the SVG
// read back by an XML parser, the filters, a saved trace giving the same chart,
// and the PNG (with the GUI built) read back by QImage.
// Regenerate the golden files with NETSTAGE_UPDATE_GOLDEN=1 and read the diff.
#include <gtest/gtest.h>

#ifdef NETSTAGE_HAS_PNG_EXPORT
#include <QImage>
#endif

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/msc_command.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/trace/msc_layout.hpp"
#include "tests/support/source_files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace netstage;
using namespace netstage::cli;

namespace {

using test_support::sourceDir;

std::string scenario01() { return test_support::scenarioPath("01-smtp-alice-to-bob"); }

std::filesystem::path tempFile(const std::string& name) {
    return test_support::programTempDir().file(name);
}

using test_support::slurp;

// Scenario 01 is run once for the whole file.
const trace::TraceLog& run01() {
    static const trace::TraceLog log = [] {
        auto loaded = loadRun(scenario01(), std::nullopt);
        if (auto* error = std::get_if<std::string>(&loaded)) throw std::runtime_error{*error};
        return std::get<trace::TraceLog>(std::move(loaded));
    }();
    return log;
}

std::string render(const std::string& format, MscCommandOptions options = {}) {
    options.format = format;
    return renderMsc(run01(), options);
}

void expectGolden(const std::string& actual, const std::string& extension) {
    const auto golden = sourceDir() / "tests" / "golden" / ("01-smtp-alice-to-bob." + extension);
    if (std::getenv("NETSTAGE_UPDATE_GOLDEN")) {
        std::ofstream{golden, std::ios::binary} << actual;
        GTEST_SUCCEED() << "updated " << golden;
        return;
    }
    ASSERT_TRUE(std::filesystem::exists(golden)) << "missing " << golden << " (NETSTAGE_UPDATE_GOLDEN=1 creates it)";
    EXPECT_EQ(actual, slurp(golden));
}

// Lines from the application events of the run: "C HELO crepes.fr", in trace order,
// for the protocols given (all when empty).
std::vector<std::string> applicationLines(const trace::TraceLog& log, const std::vector<std::string>& protocols = {}) {
    std::vector<std::string> lines;
    for (const auto& record : log.records) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (!event || event->type != "line") continue;
        if (!protocols.empty() && std::find(protocols.begin(), protocols.end(), event->layer) == protocols.end()) continue;
        std::string text;
        for (const auto& [key, value] : event->fields) {
            if (key == "text") text = std::get<std::string>(value);
        }
        lines.push_back(text.empty() ? "(empty line)" : text);
    }
    return lines;
}

std::size_t dnsAnswers(const trace::TraceLog& log) {
    std::size_t count = 0;
    for (const auto& record : log.records) {
        const auto* event = std::get_if<trace::Event>(&record);
        if (event && event->layer == "dns" && event->type == "answer") ++count;
    }
    return count;
}

struct ParsedSvg {
    std::string error;
    std::multiset<std::string> messages;  // "protocol|label" of each message arrow
    std::size_t segments = 0;
};

// Reads the SVG with Python's XML parser, the way any other program would.
ParsedSvg parseSvg(const std::string& svg, const std::string& name) {
    const auto svgPath = tempFile(name + ".svg");
    const auto outPath = tempFile(name + ".txt");
    const auto scriptPath = tempFile("read_svg.py");
    std::ofstream{svgPath, std::ios::binary} << svg;
    std::ofstream{scriptPath} << "import sys, xml.etree.ElementTree as ET\n"
                                 "ns = '{http://www.w3.org/2000/svg}'\n"
                                 "out = open(sys.argv[2], 'w', encoding='utf-8')\n"
                                 "try:\n"
                                 "    root = ET.parse(sys.argv[1]).getroot()\n"
                                 "except ET.ParseError as e:\n"
                                 "    out.write('ERROR ' + str(e) + '\\n'); sys.exit(0)\n"
                                 "for g in root.iter(ns + 'g'):\n"
                                 "    c = g.get('class', '').split()\n"
                                 "    if 'msc-segment' in c: out.write('SEGMENT\\n')\n"
                                 "    if 'msc-message' in c:\n"
                                 "        t = g.find(ns + 'text')\n"
                                 "        heads = len(g.findall(ns + 'polygon'))\n"
                                 "        line = g.find(ns + 'line')\n"
                                 "        if t is None or not t.text or heads != 1 or line is None: out.write('BAD\\n')\n"
                                 "        else:\n"
                                 "            full = g.find(ns + 'title')  # a cut label keeps its whole text here\n"
                                 "            text = full.text if full is not None else t.text\n"
                                 "            out.write('MESSAGE ' + c[2][4:] + '|' + text + '\\n')\n";
    const std::string command = "python3 " + scriptPath.string() + " " + svgPath.string() + " " + outPath.string();
    ParsedSvg parsed;
    if (std::system(command.c_str()) != 0) {
        parsed.error = "python3 failed";
        return parsed;
    }
    std::istringstream lines{slurp(outPath)};
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("ERROR", 0) == 0 || line == "BAD") parsed.error += line + "\n";
        else if (line == "SEGMENT") ++parsed.segments;
        else parsed.messages.insert(line.substr(8));
    }
    return parsed;
}

}  // namespace

TEST(MscCommand, mermaidOfScenario01MatchesTheCheckedInFile) { expectGolden(render("mermaid"), "mermaid"); }

TEST(MscCommand, plantUmlOfScenario01MatchesTheCheckedInFile) { expectGolden(render("plantuml"), "plantuml"); }

TEST(MscCommand, svgOfScenario01MatchesTheCheckedInFile) { expectGolden(render("svg"), "svg"); }

TEST(MscCommand, svgParsesAsXmlWithOneLabelledArrowPerApplicationMessage) {
    const ParsedSvg svg = parseSvg(render("svg"), "01");
    EXPECT_EQ(svg.error, "");
    const auto lines = applicationLines(run01());
    ASSERT_EQ(lines.size(), 52u);  // the three dialogues of tests/golden/01-smtp-alice-to-bob.transcript
    // Each line once, plus one query and one answer per DNS exchange.
    EXPECT_EQ(svg.messages.size(), lines.size() + 2 * dnsAnswers(run01()));
    EXPECT_EQ(svg.segments, 0u);
    for (const auto& line : lines) EXPECT_GE(svg.messages.count("smtp|" + line) + svg.messages.count("pop3|" + line), 1u) << line;
    EXPECT_EQ(svg.messages.count("smtp|HELO crepes.fr"), 1u);
    EXPECT_EQ(svg.messages.count("smtp|DATA"), 2u);  // Alice to crepes.fr, crepes.fr to hamburger.edu
}

TEST(MscCommand, protocolFilterKeepsExactlyThatProtocolsMessages) {
    MscCommandOptions options;
    options.protocols = {"pop3"};
    const ParsedSvg svg = parseSvg(render("svg", options), "01-pop3");
    EXPECT_EQ(svg.error, "");
    const auto lines = applicationLines(run01(), {"pop3"});
    EXPECT_EQ(svg.messages.size(), lines.size());
    for (const auto& message : svg.messages) EXPECT_EQ(message.rfind("pop3|", 0), 0u) << message;
    const std::string mermaid = render("mermaid", options);
    EXPECT_EQ(mermaid.find("HELO"), std::string::npos);
    EXPECT_NE(mermaid.find("participant P0 as hamburger.edu\n    participant P1 as bob-pc\n"), std::string::npos);
}

TEST(MscCommand, connectionFilterKeepsExactlyThatConnection) {
    MscCommandOptions options;
    options.connections = {"10.0.1.10:49152-10.0.2.10:25"};
    const trace::MscChart chart = trace::buildMsc(run01(), mscOptions(options));
    ASSERT_EQ(chart.arrows.size(), 15u);  // the relay dialogue, as in the transcript
    for (const auto& arrow : chart.arrows) EXPECT_EQ(arrow.connection, "10.0.1.10:49152-10.0.2.10:25");
    ASSERT_EQ(chart.lifelines.size(), 2u);
    EXPECT_EQ(chart.lifelines[0].host, "crepes.fr");
    EXPECT_EQ(chart.lifelines[1].host, "hamburger.edu");
}

TEST(MscCommand, tcpFlagAddsSegmentsWithoutTouchingTheMessages) {
    MscCommandOptions options;
    options.tcp = true;
    const ParsedSvg plain = parseSvg(render("svg"), "01-plain");
    const ParsedSvg withTcp = parseSvg(render("svg", options), "01-tcp");
    EXPECT_EQ(withTcp.error, "");
    EXPECT_EQ(withTcp.messages, plain.messages);
    EXPECT_GE(withTcp.segments, 3u * 7u);  // three connections: 3 to open, at least 4 to close
    const std::string mermaid = render("mermaid", options);
    EXPECT_NE(mermaid.find("-->>P1: SYN\n"), std::string::npos);
    EXPECT_NE(mermaid.find(": SYN, ACK\n"), std::string::npos);
    EXPECT_NE(mermaid.find(": FIN, ACK\n"), std::string::npos);
}

TEST(MscCommand, perApplicationChartHasTheLecturesFiveParticipants) {
    MscCommandOptions options;
    options.perApplication = true;
    const trace::MscChart chart = trace::buildMsc(run01(), mscOptions(options));
    std::vector<std::string> names;
    for (const auto& line : chart.lifelines) names.push_back(line.label());
    EXPECT_EQ(names, (std::vector<std::string>{"alice-pc user agent", "crepes.fr mail server", "dns DNS server",
                                               "hamburger.edu mail server", "bob-pc user agent"}));
}

TEST(MscCommand, arrowsAcrossTheInternetSlantByTheirRealDelay) {
    const trace::MscChart chart = trace::buildMsc(run01());
    for (const auto& arrow : chart.arrows) {
        EXPECT_TRUE(arrow.timed) << arrow.label;
        EXPECT_FALSE(arrow.lost) << arrow.label;
        EXPECT_GT(arrow.received, arrow.sent) << arrow.label;
        if (arrow.connection == "10.0.1.10:49152-10.0.2.10:25") {
            // Two 10 ms links and two 1 ms links between crepes.fr and hamburger.edu.
            EXPECT_GT(arrow.received - arrow.sent, Time::fromMilliseconds(22)) << arrow.label;
        }
    }
}

TEST(MscCommand, aSavedTraceGivesTheSameChartAsTheLiveRun) {
    const auto tracePath = tempFile("01.trace.jsonl");
    scenario::RunOptions run;
    run.tracePath = tracePath.string();
    scenario::runScenario(scenario::loadScenarioFile(scenario01()), run);
    auto loaded = loadRun(tracePath.string(), std::nullopt);
    ASSERT_TRUE(std::holds_alternative<trace::TraceLog>(loaded)) << std::get<std::string>(loaded);
    MscCommandOptions options;
    options.tcp = true;
    options.perApplication = true;
    for (const std::string format : {"svg", "mermaid", "plantuml"}) {
        options.format = format;
        EXPECT_EQ(renderMsc(std::get<trace::TraceLog>(loaded), options), renderMsc(run01(), options)) << format;
    }
}

TEST(MscCommand, writesTheChartToTheOutputFile) {
    const auto output = tempFile("01.mermaid");
    std::filesystem::remove(output);
    MscCommandOptions options;
    options.input = scenario01();
    options.format = "mermaid";
    options.outputPath = output.string();
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(runMscCommand(options, out, err), 0) << err.str();
    EXPECT_EQ(out.str(), "");
    EXPECT_EQ(slurp(output), render("mermaid"));
}

#ifdef NETSTAGE_HAS_PNG_EXPORT

namespace {

struct SvgSize {
    double width = 0;
    double height = 0;
};

// The width and height attributes of the <svg> element.
SvgSize svgSize(const std::string& svg) {
    const auto attribute = [&svg](const std::string& name) {
        const std::string key = " " + name + "=\"";
        const std::size_t at = svg.find(key);
        return at == std::string::npos ? 0.0 : std::stod(svg.substr(at + key.size()));
    };
    return {attribute("width"), attribute("height")};
}

bool near(QRgb pixel, QRgb colour, int tolerance) {
    return std::abs(qRed(pixel) - qRed(colour)) <= tolerance && std::abs(qGreen(pixel) - qGreen(colour)) <= tolerance &&
           std::abs(qBlue(pixel) - qBlue(colour)) <= tolerance;
}

MscCommandOptions pngOptions(const std::filesystem::path& output, bool tcp) {
    MscCommandOptions options;
    options.input = scenario01();
    options.format = "png";
    options.tcp = tcp;
    options.outputPath = output.string();
    return options;
}

}  // namespace

TEST(MscPng, isThePngOfTheSvgAtTwiceItsSizeOnWhite) {
    for (const bool tcp : {false, true}) {
        const auto output = tempFile(tcp ? "01-tcp.png" : "01.png");
        std::filesystem::remove(output);
        std::ostringstream out;
        std::ostringstream err;
        ASSERT_EQ(runMscCommand(pngOptions(output, tcp), out, err), 0) << err.str();
        EXPECT_EQ(out.str(), "");
        const std::string bytes = slurp(output);
        ASSERT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));

        const QImage image = QImage::fromData(reinterpret_cast<const uchar*>(bytes.data()), static_cast<int>(bytes.size()), "PNG");
        ASSERT_FALSE(image.isNull());
        MscCommandOptions svgOptions;
        svgOptions.tcp = tcp;
        const SvgSize size = svgSize(render("svg", svgOptions));
        ASSERT_GT(size.width, 100.0);
        EXPECT_EQ(image.width(), std::lround(size.width * 2));
        EXPECT_EQ(image.height(), std::lround(size.height * 2));
        EXPECT_FALSE(image.hasAlphaChannel());  // opaque: a slide's background never shows through
        EXPECT_EQ(image.pixel(0, 0), qRgb(255, 255, 255));
        EXPECT_EQ(image.pixel(image.width() - 1, image.height() - 1), qRgb(255, 255, 255));
    }
}

TEST(MscPng, drawsEachArrowWhereTheLayoutPutsIt) {
    const auto output = tempFile("01-arrows.png");
    std::ostringstream out;
    std::ostringstream err;
    ASSERT_EQ(runMscCommand(pngOptions(output, false), out, err), 0) << err.str();
    const QImage image{QString::fromStdString(output.string()), "PNG"};
    ASSERT_FALSE(image.isNull());
    const trace::MscChart chart = trace::buildMsc(run01());
    const trace::MscLayout layout = trace::layoutMsc(chart);
    const QRgb smtpBlue = qRgb(0x1f, 0x4e, 0x9e);  // msc_svg.cpp's colour for SMTP
    std::size_t smtpArrows = 0;
    for (const auto& geometry : layout.arrows) {
        if (chart.arrows[geometry.arrow].protocol != "smtp" || geometry.self) continue;
        ++smtpArrows;
        // Along the shaft, clear of the arrowhead, at twice the SVG's coordinates.
        int onArrow = 0;
        constexpr int samples = 20;
        for (int i = 2; i < samples - 2; ++i) {
            const double t = static_cast<double>(i) / samples;
            const int x = static_cast<int>(std::lround(2 * (geometry.from.x + t * (geometry.to.x - geometry.from.x))));
            const int y = static_cast<int>(std::lround(2 * (geometry.from.y + t * (geometry.to.y - geometry.from.y))));
            bool hit = false;
            for (int dy = -1; dy <= 1 && !hit; ++dy) {
                for (int dx = -1; dx <= 1 && !hit; ++dx) hit = near(image.pixel(x + dx, y + dy), smtpBlue, 24);
            }
            if (hit) ++onArrow;
        }
        EXPECT_EQ(onArrow, samples - 4) << chart.arrows[geometry.arrow].label;
    }
    EXPECT_GT(smtpArrows, 20u);
    // And not that colour where nothing is drawn: the middle of each lifeline box.
    for (const auto& line : layout.lifelines) {
        const QRgb box = image.pixel(static_cast<int>(2 * (line.x - line.boxWidth / 2 + 3)),
                                     static_cast<int>(2 * (line.boxTop + line.boxHeight - 3)));
        EXPECT_EQ(box, qRgb(0xf2, 0xf2, 0xf2)) << line.host;
    }
}

TEST(MscPng, isNotWrittenToStandardOutput) {
    for (const std::string output : {"", "-"}) {
        MscCommandOptions options;
        options.input = scenario01();
        options.format = "png";
        options.outputPath = output;
        std::ostringstream out;
        std::ostringstream err;
        EXPECT_EQ(runMscCommand(options, out, err), 2);
        EXPECT_EQ(out.str(), "");
        EXPECT_NE(err.str().find("-o FILE"), std::string::npos) << err.str();
    }
}

TEST(MscPng, anUnwritablePathIsReported) {
    MscCommandOptions options = pngOptions("/nonexistent-netstage-dir/chart.png", false);
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(runMscCommand(options, out, err), 1);
    EXPECT_EQ(err.str(), "netstage msc: /nonexistent-netstage-dir/chart.png: cannot open for writing\n");
}

#else

TEST(MscCommand, pngIsRefusedWithAnExplanation) {
    MscCommandOptions options;
    options.input = scenario01();
    options.format = "png";
    options.outputPath = tempFile("refused.png").string();
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(runMscCommand(options, out, err), 2);
    EXPECT_NE(err.str().find("PNG"), std::string::npos);
    EXPECT_FALSE(pngExportAvailable());
}

#endif

TEST(MscCommand, aCorruptTraceIsReportedWithItsLine) {
    const auto tracePath = tempFile("corrupt.jsonl");
    std::ofstream{tracePath, std::ios::binary} << "{\"not\": \"a trace\"}\n";
    MscCommandOptions options;
    options.input = tracePath.string();
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(runMscCommand(options, out, err), 2);
    EXPECT_NE(err.str().find("corrupt.jsonl: line 1: "), std::string::npos) << err.str();
}

TEST(MscCommand, aMissingScenarioIsReported) {
    MscCommandOptions options;
    options.input = tempFile("no-such-scenario.yaml").string();
    std::ostringstream out;
    std::ostringstream err;
    EXPECT_EQ(runMscCommand(options, out, err), 2);
    EXPECT_NE(err.str().find("no-such-scenario.yaml"), std::string::npos) << err.str();
}
