#include "simulator/trace/msc_text.hpp"

#include "simulator/trace/msc_layout.hpp"

#include <algorithm>
#include <cctype>
#include <vector>
#include <string_view>

namespace netstage::trace {
namespace {

std::string participantId(std::size_t index) { return "P" + std::to_string(index); }

std::string mermaidArrow(const MscArrow& arrow) {
    if (arrow.kind == MscArrowKind::Segment) return arrow.lost ? "--x" : "-->>";
    if (arrow.lost) return "-x";
    // FTP data connections use the open arrowhead, so they stand apart from the control dialogue.
    return arrow.role == MscConnectionRole::Data ? "-)" : "->>";
}

std::string plantUmlArrow(const MscArrow& arrow) {
    if (arrow.kind == MscArrowKind::Segment) return arrow.lost ? "-->x" : "-->";
    if (arrow.lost) return "->x";
    return arrow.role == MscConnectionRole::Data ? "->>" : "->";
}

// PlantUML's slanted arrows take a vertical drop in pixels: one per millisecond of delay, at most 40.
std::string plantUmlSlant(const MscArrow& arrow) {
    if (arrow.lost || arrow.from == arrow.to) return {};
    const std::int64_t ms = (arrow.received - arrow.sent).nanoseconds() / 1'000'000;
    if (ms <= 0) return {};
    return "(" + std::to_string(std::min<std::int64_t>(ms, 40)) + ")";
}

const MscConnection* concurrentConnection(const MscChart& chart, const MscArrow& arrow) {
    if (arrow.connectionIndex >= chart.connections.size()) return nullptr;
    const MscConnection& connection = chart.connections[arrow.connectionIndex];
    return connection.concurrent ? &connection : nullptr;
}

// Connections that run side by side are told apart by the client's port, as
// in Wireshark's conversation list: "[:49153] EHLO crepes.fr".
std::string tagOf(const MscConnection& connection) {
    const std::string client = connection.id.substr(0, connection.id.find('-'));
    const auto colon = client.rfind(':');
    return "[" + (colon == std::string::npos ? client : client.substr(colon)) + "] ";
}

// Said once, where a concurrent connection starts.
std::string connectionNote(const MscConnection& connection) {
    std::string protocol = connection.protocol;
    std::transform(protocol.begin(), protocol.end(), protocol.begin(),
                   [](unsigned char letter) { return static_cast<char>(std::toupper(letter)); });
    std::string ends = connection.id;
    if (const auto dash = ends.find('-'); dash != std::string::npos) ends.replace(dash, 1, " \u2192 ");
    return tagOf(connection) + protocol + " connection " + ends;
}

std::string noteOver(const MscConnection& connection, bool mermaid) {
    const auto [left, right] = std::minmax(connection.from, connection.to);
    const std::string over = participantId(left) + (left == right ? "" : "," + participantId(right));
    if (mermaid) return "    Note over " + over + ": " + escapeMermaid(connectionNote(connection)) + "\n";
    return "note over " + over + " : " + escapePlantUml(connectionNote(connection)) + "\n";
}

std::string code(unsigned char c, bool mermaid) {
    return (mermaid ? "#" : "&#") + std::to_string(static_cast<unsigned>(c)) + ";";
}

}  // namespace

std::string escapeMermaid(const std::string& text) {
    // ';' and '#' end a message in Mermaid's grammar; '<', '>', '&' and '"' would be read as
    // HTML. Mermaid decodes "#60;" and the like before drawing.
    std::string out;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == ';' || c == '#' || c == '<' || c == '>' || c == '&' || c == '"' || c == '%' || c == '\\') {
            out += code(byte, true);
        } else if (byte < 0x20) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string escapePlantUml(const std::string& text) {
    // Creole markup is a doubled character (**bold**, --strike--, ""mono""...), '~' escapes, '\'
    // starts \n, '<' starts a tag: those become "&#NN;", which PlantUML shows as the character.
    static constexpr std::string_view doubled = "*/-_\"^=#|";
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        const bool doubledMarkup = doubled.find(c) != std::string_view::npos &&
                                   ((i + 1 < text.size() && text[i + 1] == c) || (i > 0 && text[i - 1] == c));
        if (c == '~' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '"' || doubledMarkup) {
            out += code(byte, false);
        } else if (byte < 0x20) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string mscMermaid(const MscChart& chart) {
    std::string out = "sequenceDiagram\n";
    if (!chart.title.empty()) {
        // A Mermaid title cannot hold codes, so the two characters that would end it are dropped.
        std::string title = chart.title;
        std::replace(title.begin(), title.end(), ';', ',');
        title.erase(std::remove(title.begin(), title.end(), '#'), title.end());
        out += "    title " + title + "\n";
    }
    for (std::size_t i = 0; i < chart.lifelines.size(); ++i) {
        const auto& line = chart.lifelines[i];
        std::string label = escapeMermaid(line.host);
        if (!line.application.empty()) label += "<br/>" + escapeMermaid(line.application);
        out += "    participant " + participantId(i) + " as " + label + "\n";
    }
    std::vector<bool> noted(chart.connections.size(), false);
    for (const auto& arrow : chart.arrows) {
        const MscConnection* connection = concurrentConnection(chart, arrow);
        if (connection && !noted[arrow.connectionIndex]) {
            noted[arrow.connectionIndex] = true;
            out += noteOver(*connection, true);
        }
        const std::string tag = connection ? tagOf(*connection) : std::string{};
        out += "    " + participantId(arrow.from) + mermaidArrow(arrow) + participantId(arrow.to) + ": " +
               escapeMermaid(tag + arrow.label) + "\n";
    }
    return out;
}

std::string mscPlantUml(const MscChart& chart) {
    std::string out = "@startuml\n";
    if (!chart.title.empty()) out += "title " + escapePlantUml(chart.title) + "\n";
    for (std::size_t i = 0; i < chart.lifelines.size(); ++i) {
        const auto& line = chart.lifelines[i];
        std::string label = escapePlantUml(line.host);
        if (!line.application.empty()) label += "\\n" + escapePlantUml(line.application);
        out += "participant \"" + label + "\" as " + participantId(i) + "\n";
    }
    std::vector<bool> noted(chart.connections.size(), false);
    for (const auto& arrow : chart.arrows) {
        const MscConnection* connection = concurrentConnection(chart, arrow);
        if (connection && !noted[arrow.connectionIndex]) {
            noted[arrow.connectionIndex] = true;
            out += noteOver(*connection, false);
        }
        std::string shape = plantUmlArrow(arrow);
        // PlantUML colours an arrow given "-[#rrggbb]>": the lane's colour, as in the SVG.
        if (connection && connection->lane > 0) shape.insert(1, "[" + laneColour(connection->lane) + "]");
        const std::string tag = connection ? tagOf(*connection) : std::string{};
        out += participantId(arrow.from) + " " + shape + plantUmlSlant(arrow) + " " + participantId(arrow.to) +
               " : " + escapePlantUml(tag + arrow.label) + "\n";
    }
    out += "@enduml\n";
    return out;
}

}  // namespace netstage::trace
