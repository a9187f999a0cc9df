#pragma once
// Icons for node roles, drawn with painter paths (no image files): a PC, a
// laptop, a phone, a server tower marked for mail, DNS or FTP, and a router.

#include <QPainter>
#include <QRectF>

#include "gui/model/topology.hpp"

namespace netstage::gui {

// Draws the icon for `role` centred in a square of `size` at the origin.
void paintHostIcon(QPainter& painter, NodeRole role, qreal size);

}  // namespace netstage::gui
