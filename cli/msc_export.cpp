#include "cli/msc_export.hpp"

#include <stdexcept>

#include "simulator/trace/msc_svg.hpp"
#include "simulator/trace/msc_text.hpp"

#ifdef NETSTAGE_HAS_PNG_EXPORT
#include "gui/export/msc_png.hpp"
#endif

namespace netstage::cli {

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

bool pngExportAvailable() {
#ifdef NETSTAGE_HAS_PNG_EXPORT
    return true;
#else
    return false;
#endif
}

std::string exportMsc(const trace::TraceLog& log, const trace::MscOptions& options, MscFormat format) {
    const trace::MscChart chart = trace::buildMsc(log, options);
    switch (format) {
        case MscFormat::Svg: return trace::mscSvg(chart);
        case MscFormat::Mermaid: return trace::mscMermaid(chart);
        case MscFormat::PlantUml: return trace::mscPlantUml(chart);
        case MscFormat::Png:
#ifdef NETSTAGE_HAS_PNG_EXPORT
            gui::ensureGuiApplication();
            return gui::svgToPng(trace::mscSvg(chart));
#else
            throw std::invalid_argument{"PNG needs Qt Svg, and this netstage was built without the GUI "
                                        "(NETSTAGE_BUILD_GUI=OFF); export SVG and convert it"};
#endif
    }
    throw std::invalid_argument{"unknown chart format"};
}

}  // namespace netstage::cli
