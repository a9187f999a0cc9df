#pragma once
// A sequence chart as PNG: our own SVG (trace::mscSvg) rasterised by Qt Svg,
// so the bitmap is exactly the vector drawing, only in pixels. This is the
// PngRasteriser a program with Qt hands exportMsc (export/msc_export.hpp):
// `netstage msc --format png` where the GUI is built, and the GUI's export.
// Library netstage::msc_png: Qt Gui and Qt Svg, no widgets.

#include <string>

namespace netstage::exports {

inline constexpr double pngScale = 2.0;  // twice the SVG's size: crisp on a projected slide

// The PNG file's bytes: `svg` drawn on white (never transparent) at pngScale
// times its width and height, rounded to whole pixels. Qt draws text only
// inside a QGuiApplication: in a program without one (the command line) this
// creates one, on the offscreen platform unless QT_QPA_PLATFORM says
// otherwise, so no display is needed; it lives until the process ends.
// Throws std::runtime_error if Qt Svg cannot read the drawing or the image
// cannot be encoded.
std::string svgToPng(const std::string& svg);

}  // namespace netstage::exports
