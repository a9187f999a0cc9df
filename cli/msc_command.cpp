#include "cli/msc_command.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>
#include <stdexcept>

#include "cli/output_paths.hpp"
#include "simulator/scenario/run_scenario.hpp"
#include "simulator/scenario/scenario_loader.hpp"
#include "simulator/trace/json_lines_reader.hpp"

#ifdef NETSTAGE_HAS_PNG_EXPORT
#include "export/msc_png.hpp"
#endif

namespace netstage::cli {
namespace {

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::variant<trace::TraceLog, std::string> loadRun(const std::string& path, std::optional<std::uint64_t> seed) {
    if (endsWith(path, ".jsonl")) {
        std::ifstream in{path, std::ios::binary};
        if (!in) return path + ": cannot open the trace";
        trace::TraceReadResult result = trace::JsonLinesReader::read(in);
        if (!result) return path + ": " + result.error().toString();
        return std::move(result).log();
    }
    try {
        const scenario::ScenarioSpec spec = scenario::loadScenarioFile(path);
        scenario::RunOptions run;
        run.seed = seed;
        run.keepLog = true;
        return std::move(scenario::runScenario(spec, run).log);
    } catch (const std::exception& e) {
        return std::string{e.what()};
    }
}

exports::PngRasteriser pngRasteriser() {
#ifdef NETSTAGE_HAS_PNG_EXPORT
    return &exports::svgToPng;
#else
    return nullptr;
#endif
}

bool pngExportAvailable() { return pngRasteriser() != nullptr; }

trace::MscOptions mscOptions(const MscCommandOptions& options) {
    trace::MscOptions msc;
    msc.lifelines = options.perApplication ? trace::MscLifelines::PerApplication : trace::MscLifelines::PerHost;
    msc.applicationMessages = !options.tcpOnly;
    msc.tcpSegments = options.tcp || options.tcpOnly;
    msc.protocols = options.protocols;
    msc.connections = options.connections;
    return msc;
}

std::string renderMsc(const trace::TraceLog& log, const MscCommandOptions& options) {
    const std::optional<exports::MscFormat> format = exports::parseMscFormat(options.format);
    if (!format) throw std::invalid_argument{"unknown format '" + options.format + "' (svg, png, mermaid, plantuml)"};
    return exports::exportMsc(log, mscOptions(options), *format, pngRasteriser());
}

int runMscCommand(const MscCommandOptions& options, std::ostream& out, std::ostream& err) {
    const bool toStandardOutput = options.outputPath.empty() || options.outputPath == "-";
    // Refused before the run, which may take a while: the answer does not depend on it.
    if (options.format == "png") {
        if (!pngExportAvailable()) {
            err << "netstage msc: PNG needs Qt Svg, and this netstage was built without the GUI; "
                   "export SVG and convert it\n";
            return 2;
        }
        if (toStandardOutput) {
            err << "netstage msc: a PNG is binary and is not written to standard output; give a file with -o FILE\n";
            return 2;
        }
    }
    if (!toStandardOutput) {
        if (const auto collision = outputCollision({{"input", options.input}}, {{"-o", options.outputPath}})) {
            err << "netstage msc: " << *collision << '\n';
            return 2;
        }
    }
    auto loaded = loadRun(options.input, options.seed);
    if (const auto* error = std::get_if<std::string>(&loaded)) {
        err << *error << '\n';
        return 2;
    }
    std::string text;
    try {
        text = renderMsc(std::get<trace::TraceLog>(loaded), options);
    } catch (const std::invalid_argument& e) {
        err << "netstage msc: " << e.what() << '\n';
        return 2;
    } catch (const std::runtime_error& e) {
        err << "netstage msc: " << e.what() << '\n';
        return 1;
    }
    if (toStandardOutput) {
        out << text;
        return 0;
    }
    std::ofstream file{options.outputPath, std::ios::binary};
    if (!file) {
        err << "netstage msc: " << options.outputPath << ": cannot open for writing\n";
        return 1;
    }
    errno = 0;
    file << text;
    file.close();
    if (!file) {
        err << "netstage msc: " << options.outputPath << ": cannot write: " << (errno != 0 ? std::strerror(errno) : "write failed")
            << '\n';
        return 1;
    }
    return 0;
}

}  // namespace netstage::cli
