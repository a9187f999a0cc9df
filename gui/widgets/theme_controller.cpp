#include "gui/widgets/theme_controller.hpp"

#include <QApplication>
#include <QEvent>

namespace netstage::gui {

ThemeController::ThemeController(QObject* parent) : QObject{parent} {
    qApp->installEventFilter(this);
    apply();
}

ThemeController::~ThemeController() {
    if (desktopPalette_) setApplicationPalette(*desktopPalette_);
    look::setLook(look::Theme::Light);
}

void ThemeController::setChoice(ThemeChoice choice) {
    if (choice == choice_) return;
    choice_ = choice;
    apply();
    emit choiceChanged(choice_);
}

void ThemeController::setPresenting(bool presenting) {
    if (presenting == presenting_) return;
    presenting_ = presenting;
    apply();
}

void ThemeController::apply() {
    look::Theme theme = look::Theme::Light;
    switch (choice_) {
    case ThemeChoice::FollowDesktop:
        if (desktopPalette_) {
            const QPalette desktop = *desktopPalette_;
            desktopPalette_.reset();
            setApplicationPalette(desktop);
        }
        theme = isDarkPalette(QApplication::palette()) ? look::Theme::Dark : look::Theme::Light;
        break;
    case ThemeChoice::Light:
    case ThemeChoice::Dark:
        if (!desktopPalette_) desktopPalette_ = QApplication::palette();
        theme = choice_ == ThemeChoice::Dark ? look::Theme::Dark : look::Theme::Light;
        setApplicationPalette(theme == look::Theme::Dark ? darkPalette() : lightPalette());
        break;
    }
    if (presenting_) look::setLook(look::Theme::HighContrast, presentationFontScale);
    else look::setLook(theme);
}

void ThemeController::setApplicationPalette(const QPalette& palette) {
    settingPalette_ = true;
    QApplication::setPalette(palette);
    settingPalette_ = false;
}

bool ThemeController::eventFilter(QObject* watched, QEvent* event) {
    const bool paletteChanged = event->type() == QEvent::ApplicationPaletteChange && watched == qApp;
    if ((paletteChanged || event->type() == QEvent::ThemeChange) && !settingPalette_ &&
        choice_ == ThemeChoice::FollowDesktop) {
        apply();
    }
    return QObject::eventFilter(watched, event);
}

bool ThemeController::isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

namespace {
QPalette paletteOf(QColor window, QColor text, QColor base, QColor alternate, QColor button, QColor disabled,
                   QColor highlight, QColor link) {
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor{0xff, 0x50, 0x50});
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::Light, button.lighter(150));
    p.setColor(QPalette::Midlight, button.lighter(120));
    p.setColor(QPalette::Mid, button.darker(130));
    p.setColor(QPalette::Dark, button.darker(160));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    return p;
}
}  // namespace

QPalette ThemeController::darkPalette() {
    return paletteOf(QColor{0x2a, 0x2e, 0x33}, QColor{0xe6, 0xe8, 0xeb}, QColor{0x1b, 0x1f, 0x24},
                     QColor{0x23, 0x27, 0x2d}, QColor{0x33, 0x38, 0x3e}, QColor{0x70, 0x76, 0x7e},
                     QColor{0x3d, 0x6b, 0xb3}, QColor{0x79, 0xa8, 0xff});
}

QPalette ThemeController::lightPalette() {
    return paletteOf(QColor{0xef, 0xef, 0xef}, QColor{0x10, 0x14, 0x18}, Qt::white, QColor{0xf5, 0xf5, 0xf5},
                     QColor{0xef, 0xef, 0xef}, QColor{0x90, 0x96, 0x9e}, QColor{0x30, 0x8c, 0xc6},
                     QColor{0x15, 0x5f, 0xc7});
}

std::optional<ThemeChoice> ThemeController::parseChoice(const QString& name) {
    if (name == QLatin1String("desktop")) return ThemeChoice::FollowDesktop;
    if (name == QLatin1String("light")) return ThemeChoice::Light;
    if (name == QLatin1String("dark")) return ThemeChoice::Dark;
    return std::nullopt;
}

QString ThemeController::nameOf(ThemeChoice choice) {
    switch (choice) {
    case ThemeChoice::Light: return QStringLiteral("light");
    case ThemeChoice::Dark: return QStringLiteral("dark");
    case ThemeChoice::FollowDesktop: break;
    }
    return QStringLiteral("desktop");
}

}  // namespace netstage::gui
