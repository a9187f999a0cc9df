#pragma once
// A sequence chart as PNG: our own SVG (trace::mscSvg) rasterised by Qt Svg,
// so the bitmap is exactly the vector drawing, only in pixels. Used by
// `netstage msc --format png` and by the GUI's export, through cli::exportMsc.

#include <string>

namespace netstage::gui {

inline constexpr double defaultPngScale = 2.0;  // twice the SVG's size: crisp on a projected slide

// The PNG file's bytes: `svg` drawn on white (never transparent) at `scale`
// times its width and height, rounded to whole pixels. Text needs a
// QGuiApplication (see ensureGuiApplication). Throws std::runtime_error if
// Qt Svg cannot read the drawing or the image cannot be encoded.
std::string svgToPng(const std::string& svg, double scale = defaultPngScale);

// For a command-line program: creates a QGuiApplication if none exists, on the
// offscreen platform unless QT_QPA_PLATFORM says otherwise, so no display is
// needed. It lives until the process ends. A no-op inside the GUI.
void ensureGuiApplication();

}  // namespace netstage::gui
