#pragma once
// A message sequence chart as a standalone SVG drawing: lines, arrowheads
// and text only (no CSS, no markers, no scripts), so slide programs and
// browsers show it the same and it scales without loss. Draws an MscLayout
// as it is; numbers are printed with one decimal, so the same chart gives
// byte-identical files.

#include <iosfwd>
#include <string>

#include "simulator/trace/msc_layout.hpp"
#include "simulator/trace/msc_model.hpp"

namespace netstage::trace {

void writeMscSvg(const MscChart& chart, const MscLayout& layout, std::ostream& out);
std::string mscSvg(const MscChart& chart, const MscLayoutOptions& options = {});

// XML text and attribute escaping; characters XML 1.0 forbids become U+FFFD.
std::string escapeXml(const std::string& text);

}  // namespace netstage::trace
