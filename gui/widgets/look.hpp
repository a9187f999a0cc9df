#pragma once
// One place for the projected look: large fonts, high contrast, one colour
// per protocol. The GUI is read from the back of a lecture hall.
//
// The look has a theme (light, dark, or the high-contrast one of presentation
// mode) and a font scale. Everything custom-drawn asks here at paint time, so
// a view follows a change by repainting (or rebuilding its items) when the
// notifier says the look changed.

#include <QColor>
#include <QFont>
#include <QObject>
#include <string_view>

#include "gui/model/packet_hop.hpp"

namespace netstage::gui::look {

enum class Theme { Light, Dark, HighContrast };

// Process-wide, like the application palette it sits beside.
Theme theme();
double fontScale();
// Thicker lines in the high-contrast theme.
double lineScale();
bool isDark();
// Sets the look; the notifier's changed() is emitted if anything changed.
void setLook(Theme theme, double fontScale = 1.0);

class Notifier : public QObject {
    Q_OBJECT
signals:
    void changed();
};
Notifier& notifier();

QFont labelFont();      // node and link labels, >= 14 pt
QFont labelBoldFont();
QFont panelFont();      // transcript and host panel
QFont monoFont();       // protocol lines
QFont narrationFont();  // the caption, >= 24 pt
QFont clockFont();
// A point size scaled like the fonts above, for one-off sizes.
int points(int base);

// Readable on paper() (WCAG contrast >= 4.5:1) and distinct from each other, in every theme.
QColor protocolColor(ProtocolKind kind);
QColor ink();           // text and outlines
QColor paper();         // scene background
QColor linkColor();
QColor dropColor();
QColor highlight();     // the current transcript line
QColor dimInk();        // lines not yet reached
QColor onColor();       // text and rims on a protocol-coloured fill
QColor halo(int alpha = 225);  // paper behind a label drawn over lines
QColor sectionFill();   // section rows of the host panel, the scrubber's track
QColor trackDone();     // the played part of the scrubber
QColor narrationPaper();
QColor narrationInk();

// Host icons.
QColor iconBody();
QColor iconScreen();
QColor iconServer();
QColor iconRouter();
QColor envelope();

// The sequence chart. Arrows by the chart model's protocol name; in the
// light theme exactly the SVG export's colours.
QColor chartProtocolColor(std::string_view protocol);
QColor chartSegmentColor();  // TCP segments without payload: dim on purpose
QColor chartAxisInk();
QColor lifelineColor();
QColor lifelineBoxFill();
QColor cursorLineColor();  // translucent: arrows show through it
QColor currentArrowHalo();

// WCAG 2 contrast ratio between two colours, 1 to 21.
double contrastRatio(const QColor& a, const QColor& b);

}  // namespace netstage::gui::look
