#include "simulator/trace/msc_svg.hpp"

#include <cmath>
#include <cstdio>
#include <ostream>
#include <sstream>

namespace netstage::trace {
namespace {

// One decimal, never "-0.0": the same geometry always prints the same bytes.
std::string num(double value) {
    if (std::fabs(value) < 0.05) return "0.0";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

struct Style {
    const char* colour;
    const char* dash;  // empty: solid
    const char* width;
    const char* fontSize;
};

Style protocolStyleOf(const MscArrow& arrow) {
    if (arrow.kind == MscArrowKind::Segment) return {"#8c8c8c", "3 3", "1", "11"};
    if (arrow.protocol == "smtp") return {"#1f4e9e", "", "1.5", "12"};
    if (arrow.protocol == "pop3") return {"#1d7a3a", "", "1.5", "12"};
    if (arrow.protocol == "imap") return {"#8a4b08", "", "1.5", "12"};
    if (arrow.protocol == "dns") return {"#7b2d8e", "", "1.5", "12"};
    if (arrow.protocol == "http") return {"#0b7a8a", "", "1.5", "12"};
    if (arrow.protocol == "ftp") {
        // Data connections are dashed so they stand apart from the control dialogue.
        if (arrow.role == MscConnectionRole::Data) return {"#b35900", "8 4", "1.5", "12"};
        return {"#b35900", "", "1.5", "12"};
    }
    return {"#222222", "", "1.5", "12"};
}

// A concurrent connection's lanes other than the first take a colour of their own.
Style styleOf(const MscChart& chart, const MscArrow& arrow, const std::string& laneColourText) {
    Style style = protocolStyleOf(arrow);
    const bool ownLane = arrow.connectionIndex < chart.connections.size() &&
                         chart.connections[arrow.connectionIndex].lane > 0;
    if (ownLane) style.colour = laneColourText.c_str();
    return style;
}

void writeHead(std::ostream& out, MscPoint tip, double dx, double dy, const char* colour) {
    const double length = std::sqrt(dx * dx + dy * dy);
    if (length < 0.001) return;
    const double ux = dx / length;
    const double uy = dy / length;
    constexpr double headLength = 10;
    constexpr double headHalfWidth = 4;
    const MscPoint base{tip.x - ux * headLength, tip.y - uy * headLength};
    const MscPoint left{base.x - uy * headHalfWidth, base.y + ux * headHalfWidth};
    const MscPoint right{base.x + uy * headHalfWidth, base.y - ux * headHalfWidth};
    out << "<polygon points=\"" << num(tip.x) << ',' << num(tip.y) << ' ' << num(left.x) << ',' << num(left.y) << ' '
        << num(right.x) << ',' << num(right.y) << "\" fill=\"" << colour << "\"/>";
}

void writeArrow(std::ostream& out, const MscChart& chart, const MscArrow& arrow, const MscArrowGeometry& geometry,
                std::size_t index) {
    const std::size_t lane =
        arrow.connectionIndex < chart.connections.size() ? chart.connections[arrow.connectionIndex].lane : 0;
    const std::string colour = laneColour(lane);
    const Style style = styleOf(chart, arrow, colour);
    const char* kind = arrow.kind == MscArrowKind::Segment ? "segment" : "message";
    out << "<g class=\"msc-arrow msc-" << kind << " msc-" << escapeXml(arrow.protocol);
    if (arrow.protocol == "ftp") out << " msc-" << toString(arrow.role);
    if (arrow.lost) out << " msc-lost";
    if (lane > 0) out << " msc-lane-" << lane;
    if (!arrow.timed) out << " msc-untimed";
    out << "\" data-index=\"" << index << "\">";
    if (geometry.cut) out << "<title>" << escapeXml(arrow.label) << "</title>";
    const std::string dash = *style.dash ? std::string{" stroke-dasharray=\""} + style.dash + "\"" : std::string{};
    const std::string stroke = std::string{"stroke=\""} + style.colour + "\" stroke-width=\"" + style.width + "\"" + dash;
    MscPoint last = geometry.from;  // start of the final leg, for the arrowhead's direction
    if (geometry.self) {
        const double loopX = geometry.from.x + 30;
        out << "<polyline points=\"" << num(geometry.from.x) << ',' << num(geometry.from.y) << ' ' << num(loopX) << ','
            << num(geometry.from.y) << ' ' << num(loopX) << ',' << num(geometry.to.y);
        if (!arrow.lost) out << ' ' << num(geometry.to.x) << ',' << num(geometry.to.y);
        out << "\" fill=\"none\" " << stroke << "/>";
        last = arrow.lost ? MscPoint{loopX, geometry.from.y} : MscPoint{loopX, geometry.to.y};
    } else {
        out << "<line x1=\"" << num(geometry.from.x) << "\" y1=\"" << num(geometry.from.y) << "\" x2=\""
            << num(geometry.to.x) << "\" y2=\"" << num(geometry.to.y) << "\" " << stroke << "/>";
    }
    if (arrow.lost) {
        const MscPoint c = geometry.to;
        out << "<path d=\"M" << num(c.x - 5) << ',' << num(c.y - 5) << " L" << num(c.x + 5) << ',' << num(c.y + 5)
            << " M" << num(c.x - 5) << ',' << num(c.y + 5) << " L" << num(c.x + 5) << ',' << num(c.y - 5)
            << "\" stroke=\"#c0392b\" stroke-width=\"2\"/>";
    } else {
        writeHead(out, geometry.to, geometry.to.x - last.x, geometry.to.y - last.y, style.colour);
    }
    out << "<text x=\"" << num(geometry.labelAt.x) << "\" y=\"" << num(geometry.labelAt.y) << "\"";
    if (std::fabs(geometry.labelAngle) >= 0.05) {
        out << " transform=\"rotate(" << num(geometry.labelAngle) << ' ' << num(geometry.labelAt.x) << ' '
            << num(geometry.labelAt.y) << ")\"";
    }
    out << " font-size=\"" << style.fontSize << "\" fill=\"" << style.colour << "\" text-anchor=\""
        << (geometry.labelAtStart ? "start" : "end") << "\" xml:space=\"preserve\">" << escapeXml(geometry.label)
        << "</text></g>\n";
}

}  // namespace

std::string escapeXml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (byte < 0x20 && c != '\t') out += "\xEF\xBF\xBD";
                else out += c;
        }
    }
    return out;
}

void writeMscSvg(const MscChart& chart, const MscLayout& layout, std::ostream& out) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(layout.width) << "\" height=\""
        << num(layout.height) << "\" viewBox=\"0 0 " << num(layout.width) << ' ' << num(layout.height)
        << "\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"12\">\n"
        << "<title>" << escapeXml(chart.title) << "</title>\n"
        << "<rect x=\"0\" y=\"0\" width=\"" << num(layout.width) << "\" height=\"" << num(layout.height)
        << "\" fill=\"#ffffff\"/>\n";
    const double titleY = layout.lifelines.empty() ? 40 : layout.lifelines.front().boxTop - 12;
    out << "<text x=\"24.0\" y=\"" << num(titleY) << "\" font-size=\"16\" font-weight=\"bold\" fill=\"#111111\">"
        << escapeXml(chart.title) << "</text>\n";

    // Time axis.
    out << "<g class=\"msc-axis\" fill=\"#555555\" stroke=\"#555555\">\n"
        << "<text x=\"" << num(layout.axisX) << "\" y=\"" << num(layout.chartTop - 24)
        << "\" font-size=\"11\" stroke=\"none\" text-anchor=\"end\">time</text>\n"
        << "<line x1=\"" << num(layout.axisX) << "\" y1=\"" << num(layout.chartTop - 12) << "\" x2=\""
        << num(layout.axisX) << "\" y2=\"" << num(layout.chartBottom) << "\" stroke-width=\"1\"/>\n";
    for (const auto& tick : layout.ticks) {
        out << "<line x1=\"" << num(layout.axisX - 4) << "\" y1=\"" << num(tick.y) << "\" x2=\"" << num(layout.axisX)
            << "\" y2=\"" << num(tick.y) << "\" stroke-width=\"1\"/>"
            << "<text x=\"" << num(layout.axisX - 6) << "\" y=\"" << num(tick.y + 3.5)
            << "\" font-size=\"10\" stroke=\"none\" text-anchor=\"end\">" << escapeXml(tick.label) << "</text>\n";
    }
    for (double y : layout.breaks) {
        // The usual "axis break" sign: two short parallel strokes across the axis, on a white gap.
        out << "<rect x=\"" << num(layout.axisX - 7) << "\" y=\"" << num(y - 3) << "\" width=\"14\" height=\"6\" "
            << "fill=\"#ffffff\" stroke=\"none\"/><path d=\"M" << num(layout.axisX - 7) << ',' << num(y - 1) << " L"
            << num(layout.axisX + 7) << ',' << num(y - 5) << " M" << num(layout.axisX - 7) << ',' << num(y + 5) << " L"
            << num(layout.axisX + 7) << ',' << num(y + 1) << "\" fill=\"none\" stroke-width=\"1\"/>\n";
    }
    out << "</g>\n";

    // Lifelines.
    for (const auto& line : layout.lifelines) {
        const double boxBottom = line.boxTop + line.boxHeight;
        out << "<g class=\"msc-lifeline\">"
            << "<line x1=\"" << num(line.x) << "\" y1=\"" << num(boxBottom) << "\" x2=\"" << num(line.x) << "\" y2=\""
            << num(line.lineBottom) << "\" stroke=\"#666666\" stroke-width=\"1\" stroke-dasharray=\"5 4\"/>"
            << "<rect x=\"" << num(line.x - line.boxWidth / 2) << "\" y=\"" << num(line.boxTop) << "\" width=\""
            << num(line.boxWidth) << "\" height=\"" << num(line.boxHeight)
            << "\" rx=\"4\" fill=\"#f2f2f2\" stroke=\"#333333\" stroke-width=\"1\"/>"
            << "<text x=\"" << num(line.x) << "\" y=\"" << num(line.boxTop + 18)
            << "\" font-weight=\"bold\" fill=\"#111111\" text-anchor=\"middle\">" << escapeXml(line.host) << "</text>";
        if (!line.application.empty()) {
            out << "<text x=\"" << num(line.x) << "\" y=\"" << num(line.boxTop + 34)
                << "\" fill=\"#333333\" text-anchor=\"middle\">" << escapeXml(line.application) << "</text>";
        }
        out << "</g>\n";
    }

    // Concurrent connections: a bar in each one's lane, and its ports above where it starts.
    for (const auto& lane : layout.lanes) {
        const MscConnection& connection = chart.connections[lane.connection];
        MscArrow sample;
        sample.protocol = connection.protocol;
        const std::string colour = lane.lane > 0 ? laneColour(lane.lane) : std::string{protocolStyleOf(sample).colour};
        out << "<g class=\"msc-lane\" data-connection=\"" << escapeXml(connection.id) << "\">";
        for (double x : {lane.fromX, lane.toX}) {
            out << "<rect x=\"" << num(x - 3) << "\" y=\"" << num(lane.top) << "\" width=\"6\" height=\""
                << num(lane.bottom - lane.top) << "\" fill=\"" << colour << "\" fill-opacity=\"0.25\" stroke=\"" << colour
                << "\" stroke-width=\"1\"/>";
        }
        // On a white card, so it reads over the arrows it may cross (10 px monospace: 6 px a character).
        std::size_t chars = 0;
        for (unsigned char c : lane.label) chars += (c & 0xC0) != 0x80 ? 1 : 0;
        const double width = static_cast<double>(chars) * 6.0 + 4;
        out << "<rect x=\"" << num(lane.labelAt.x - width / 2) << "\" y=\"" << num(lane.labelAt.y - 9)
            << "\" width=\"" << num(width) << "\" height=\"12\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>"
            << "<text x=\"" << num(lane.labelAt.x) << "\" y=\"" << num(lane.labelAt.y)
            << "\" font-size=\"10\" font-weight=\"bold\" fill=\"" << colour << "\" text-anchor=\"middle\">"
            << escapeXml(lane.label) << "</text></g>\n";
    }

    for (std::size_t i = 0; i < layout.arrows.size(); ++i) {
        const MscArrowGeometry& geometry = layout.arrows[i];
        writeArrow(out, chart, chart.arrows[geometry.arrow], geometry, geometry.arrow);
    }
    out << "</svg>\n";
}

std::string mscSvg(const MscChart& chart, const MscLayoutOptions& options) {
    std::ostringstream out;
    writeMscSvg(chart, layoutMsc(chart, options), out);
    return out.str();
}

}  // namespace netstage::trace
