#include "gui/widgets/look.hpp"

#include <QFontDatabase>
#include <algorithm>
#include <cmath>

namespace netstage::gui::look {

namespace {

// Every colour of one theme. The light theme is the original look; the dark
// one lifts each protocol colour until it reads on dark paper; the
// high-contrast one is pure black on white with darker, saturated protocols.
struct Palette {
    QRgb smtp, pop3, imap, ftp, dns, data;
    QRgb ink, paper, link, drop, highlight, dimInk, onColor, section, trackDone;
    QRgb narrationPaper, narrationInk;
    QRgb iconBody, iconScreen, iconServer, iconRouter, envelope;
    QRgb chartSmtp, chartPop3, chartImap, chartDns, chartFtp, chartOther, chartSegment;
    QRgb chartAxis, lifeline, lifelineBox, cursorLine;
    QRgb http, chartHttp;  // teal: webmail
};

constexpr Palette light{
    0x155fc7, 0x117f35, 0x7b2fbf, 0xc04f00, 0xc2185b, 0x6b4a2b,
    0x101418, 0xffffff, 0x444c56, 0xd01010, 0xffe05c, 0x90969e, 0xffffff, 0xe6ecf2, 0xb8c8da,
    0x0b2545, 0xffffff,
    0x2d3e50, 0xcfe8ff, 0x3a4a5c, 0x1b4f8a, 0xfff4d6,
    0x1f4e9e, 0x1d7a3a, 0x8a4b08, 0x7b2d8e, 0xb35900, 0x222222, 0x8c8c8c,
    0x555555, 0x666666, 0xf2f2f2, 0xd03030,
    0x00838f, 0x0b7a8a,
};

constexpr Palette dark{
    0x79a8ff, 0x5fcf85, 0xc4a0ff, 0xff9f5a, 0xff80b5, 0xc8b08a,
    0xe6e8eb, 0x1b1f24, 0xa0a9b4, 0xff6b6b, 0x6b5500, 0x8a929c, 0x101418, 0x2b323b, 0x3d5570,
    0x0b2545, 0xffffff,
    0x5a7088, 0xcfe8ff, 0x4f6378, 0x2f6db5, 0xfff4d6,
    0x82aaf0, 0x6cc98a, 0xe0a060, 0xd29be0, 0xffad5c, 0xe6e8eb, 0x7d848c,
    0xa0a9b4, 0x8a929c, 0x2b323b, 0xff6b6b,
    0x4dd0e1, 0x5fc8d6,
};

constexpr Palette highContrast{
    0x0041b8, 0x006622, 0x5c1a99, 0xa33c00, 0xa1003d, 0x4d3319,
    0x000000, 0xffffff, 0x333333, 0xb00000, 0xffe000, 0x595959, 0xffffff, 0xe0e0e0, 0xa0a0a0,
    0x000000, 0xffffff,
    0x1a2633, 0xcfe8ff, 0x26323f, 0x0d3566, 0xfff4d6,
    0x002f80, 0x005c1f, 0x6b3500, 0x5c1070, 0x8a4000, 0x000000, 0x595959,
    0x000000, 0x000000, 0xffffff, 0xc00000,
    0x005f66, 0x004d55,
};

struct State {
    Theme theme = Theme::Light;
    double fontScale = 1.0;
};

State& state() {
    static State current;
    return current;
}

const Palette& palette() {
    switch (state().theme) {
    case Theme::Dark: return dark;
    case Theme::HighContrast: return highContrast;
    case Theme::Light: break;
    }
    return light;
}

QColor rgb(QRgb value) { return QColor::fromRgb(value); }

QFont sized(QFont font, int points, bool bold = false) {
    font.setPointSize(look::points(points));
    font.setBold(bold);
    return font;
}

double linear(double channel) {
    return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c) {
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

}  // namespace

Theme theme() { return state().theme; }
double fontScale() { return state().fontScale; }
double lineScale() { return state().theme == Theme::HighContrast ? 1.6 : 1.0; }
bool isDark() { return state().theme == Theme::Dark; }

void setLook(Theme theme, double fontScale) {
    State& current = state();
    if (current.theme == theme && current.fontScale == fontScale) return;
    current.theme = theme;
    current.fontScale = fontScale;
    emit notifier().changed();
}

Notifier& notifier() {
    static Notifier instance;
    return instance;
}

int points(int base) { return static_cast<int>(std::lround(base * state().fontScale)); }

QFont labelFont() { return sized(QFont{}, 17); }
QFont labelBoldFont() { return sized(QFont{}, 18, true); }
QFont panelFont() { return sized(QFont{}, 14); }
QFont monoFont() { return sized(QFontDatabase::systemFont(QFontDatabase::FixedFont), 16); }
QFont narrationFont() { return sized(QFont{}, 28, true); }
QFont clockFont() { return sized(QFontDatabase::systemFont(QFontDatabase::FixedFont), 20, true); }

QColor protocolColor(ProtocolKind kind) {
    const Palette& p = palette();
    switch (kind) {
    case ProtocolKind::Smtp: return rgb(p.smtp);        // blue
    case ProtocolKind::Pop3: return rgb(p.pop3);        // green
    case ProtocolKind::Imap: return rgb(p.imap);        // purple
    case ProtocolKind::FtpControl: return rgb(p.ftp);   // orange
    case ProtocolKind::Dns: return rgb(p.dns);          // magenta
    case ProtocolKind::Http: return rgb(p.http);        // teal
    case ProtocolKind::Data: break;
    }
    return rgb(p.data);  // brown: FTP data and anything else
}

QColor ink() { return rgb(palette().ink); }
QColor paper() { return rgb(palette().paper); }
QColor linkColor() { return rgb(palette().link); }
QColor dropColor() { return rgb(palette().drop); }
QColor highlight() { return rgb(palette().highlight); }
QColor dimInk() { return rgb(palette().dimInk); }
QColor onColor() { return rgb(palette().onColor); }
QColor halo(int alpha) {
    QColor colour = paper();
    colour.setAlpha(alpha);
    return colour;
}
QColor sectionFill() { return rgb(palette().section); }
QColor trackDone() { return rgb(palette().trackDone); }
QColor narrationPaper() { return rgb(palette().narrationPaper); }
QColor narrationInk() { return rgb(palette().narrationInk); }

QColor iconBody() { return rgb(palette().iconBody); }
QColor iconScreen() { return rgb(palette().iconScreen); }
QColor iconServer() { return rgb(palette().iconServer); }
QColor iconRouter() { return rgb(palette().iconRouter); }
QColor envelope() { return rgb(palette().envelope); }

QColor chartProtocolColor(std::string_view protocol) {
    const Palette& p = palette();
    if (protocol == "smtp") return rgb(p.chartSmtp);
    if (protocol == "pop3") return rgb(p.chartPop3);
    if (protocol == "imap") return rgb(p.chartImap);
    if (protocol == "dns") return rgb(p.chartDns);
    if (protocol == "ftp") return rgb(p.chartFtp);
    if (protocol == "http") return rgb(p.chartHttp);
    return rgb(p.chartOther);
}
QColor chartSegmentColor() { return rgb(palette().chartSegment); }
QColor chartAxisInk() { return rgb(palette().chartAxis); }
QColor lifelineColor() { return rgb(palette().lifeline); }
QColor lifelineBoxFill() { return rgb(palette().lifelineBox); }
QColor cursorLineColor() {
    QColor colour = rgb(palette().cursorLine);
    colour.setAlpha(200);
    return colour;
}
QColor currentArrowHalo() { return isDark() ? QColor{0xff, 0xc8, 0x00, 110} : QColor{0xff, 0xc8, 0x00, 150}; }

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace netstage::gui::look
