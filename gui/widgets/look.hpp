#pragma once
// One place for the projected look: large fonts, high contrast, one colour
// per protocol. The GUI is read from the back of a lecture hall.

#include <QColor>
#include <QFont>

#include "gui/model/packet_hop.hpp"

namespace netstage::gui::look {

QFont labelFont();      // node and link labels, >= 14 pt
QFont labelBoldFont();
QFont panelFont();      // transcript and host panel
QFont monoFont();       // protocol lines
QFont narrationFont();  // the caption, >= 24 pt
QFont clockFont();

QColor protocolColor(ProtocolKind kind);
QColor ink();           // text and outlines
QColor paper();         // scene background
QColor linkColor();
QColor dropColor();
QColor highlight();     // the current transcript line
QColor dimInk();        // lines not yet reached

}  // namespace netstage::gui::look
