#pragma once
// The one way from a run and chart options to the bytes of a chart file, in
// any format. `netstage msc` and the GUI's File > Export Sequence Chart both
// call exportMsc, so the same options give the same file from either.

#include <optional>
#include <string>
#include <string_view>

#include "simulator/trace/msc_model.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::cli {

enum class MscFormat { Svg, Png, Mermaid, PlantUml };

// "svg", "png", "mermaid", "plantuml"; nothing for any other name.
std::optional<MscFormat> parseMscFormat(std::string_view name);
std::string_view toString(MscFormat format);

// PNG is drawn with Qt Svg, which is there only when the GUI is built.
bool pngExportAvailable();

// The chart of `log` under `options`, as the file's bytes (text for all but PNG).
// PNG is the SVG rasterised at twice its size on white; it creates an offscreen
// QGuiApplication if the process has none. Throws std::invalid_argument for PNG
// when pngExportAvailable() is false, std::runtime_error if rasterising fails.
std::string exportMsc(const trace::TraceLog& log, const trace::MscOptions& options, MscFormat format);

}  // namespace netstage::cli
