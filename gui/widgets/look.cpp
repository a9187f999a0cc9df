#include "gui/widgets/look.hpp"

#include <QFontDatabase>

namespace netstage::gui::look {

namespace {
QFont sized(QFont font, int points, bool bold = false) {
    font.setPointSize(points);
    font.setBold(bold);
    return font;
}
}  // namespace

QFont labelFont() { return sized(QFont{}, 17); }
QFont labelBoldFont() { return sized(QFont{}, 18, true); }
QFont panelFont() { return sized(QFont{}, 14); }
QFont monoFont() { return sized(QFontDatabase::systemFont(QFontDatabase::FixedFont), 16); }
QFont narrationFont() { return sized(QFont{}, 28, true); }
QFont clockFont() { return sized(QFontDatabase::systemFont(QFontDatabase::FixedFont), 20, true); }

QColor protocolColor(ProtocolKind kind) {
    switch (kind) {
    case ProtocolKind::Smtp: return QColor{0x15, 0x5f, 0xc7};        // blue
    case ProtocolKind::Pop3: return QColor{0x12, 0x8a, 0x3a};        // green
    case ProtocolKind::Imap: return QColor{0x7b, 0x2f, 0xbf};        // purple
    case ProtocolKind::FtpControl: return QColor{0xd3, 0x54, 0x00};  // orange
    case ProtocolKind::Dns: return QColor{0xc2, 0x18, 0x5b};         // magenta
    case ProtocolKind::Data: break;
    }
    return QColor{0x8d, 0x5a, 0x1c};  // brown: FTP data and anything else
}

QColor ink() { return QColor{0x10, 0x14, 0x18}; }
QColor paper() { return QColor{0xff, 0xff, 0xff}; }
QColor linkColor() { return QColor{0x44, 0x4c, 0x56}; }
QColor dropColor() { return QColor{0xd0, 0x10, 0x10}; }
QColor highlight() { return QColor{0xff, 0xe0, 0x5c}; }
QColor dimInk() { return QColor{0x90, 0x96, 0x9e}; }

}  // namespace netstage::gui::look
