#include "export/msc_export.hpp"

#include <stdexcept>

#include "simulator/trace/msc_svg.hpp"
#include "simulator/trace/msc_text.hpp"

namespace netstage::exports {

std::optional<MscFormat> parseMscFormat(std::string_view name) {
    if (name == "svg") return MscFormat::Svg;
    if (name == "png") return MscFormat::Png;
    if (name == "mermaid") return MscFormat::Mermaid;
    if (name == "plantuml") return MscFormat::PlantUml;
    return std::nullopt;
}

std::string_view toString(MscFormat format) {
    switch (format) {
        case MscFormat::Svg: return "svg";
        case MscFormat::Png: return "png";
        case MscFormat::Mermaid: return "mermaid";
        case MscFormat::PlantUml: return "plantuml";
    }
    return "svg";
}

std::string exportMsc(const trace::TraceLog& log, const trace::MscOptions& options, MscFormat format,
                      PngRasteriser png) {
    // Refused before the chart is built: the answer does not depend on it.
    if (format == MscFormat::Png && png == nullptr) {
        throw std::invalid_argument{"PNG needs Qt Svg, and this netstage was built without the GUI "
                                    "(NETSTAGE_BUILD_GUI=OFF); export SVG and convert it"};
    }
    const trace::MscChart chart = trace::buildMsc(log, options);
    switch (format) {
        case MscFormat::Svg: return trace::mscSvg(chart);
        case MscFormat::Mermaid: return trace::mscMermaid(chart);
        case MscFormat::PlantUml: return trace::mscPlantUml(chart);
        case MscFormat::Png: return png(trace::mscSvg(chart));
    }
    throw std::invalid_argument{"unknown chart format"};
}

}  // namespace netstage::exports
