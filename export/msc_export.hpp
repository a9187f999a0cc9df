#pragma once
// The one way from a run and chart options to the bytes of a chart file, in
// any format. `netstage msc` and the GUI's File > Export Sequence Chart both
// call exportMsc, so the same options give the same file from either.
//
// SVG, Mermaid and PlantUML are text written by simulator/trace. PNG is that
// SVG rasterised, which takes Qt; this library links no Qt, so a program that
// has Qt hands exportMsc the rasteriser from the PNG library
// (export/msc_png.hpp), and one without Qt hands it none.

#include <optional>
#include <string>
#include <string_view>

#include "simulator/trace/msc_model.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::exports {

enum class MscFormat { Svg, Png, Mermaid, PlantUml };

// "svg", "png", "mermaid", "plantuml"; nothing for any other name.
std::optional<MscFormat> parseMscFormat(std::string_view name);
std::string_view toString(MscFormat format);

// The chart's SVG in, the PNG file's bytes out.
using PngRasteriser = std::string (*)(const std::string& svg);

// The chart of `log` under `options`, as the file's bytes (text for all but PNG).
// Throws std::invalid_argument for PNG when `png` is null; whatever `png`
// throws (std::runtime_error if rasterising fails) passes through.
std::string exportMsc(const trace::TraceLog& log, const trace::MscOptions& options, MscFormat format,
                      PngRasteriser png = nullptr);

}  // namespace netstage::exports
