#pragma once
// Which theme the look uses, and why: the teacher's choice (follow the
// desktop, light, dark) and presentation mode, which overrides it with the
// high-contrast theme and larger type.
//
// Following the desktop: Qt 6.4 has no colour-scheme query, so the desktop
// counts as dark when its palette's window is darker than its text, and that
// is decided again whenever the application palette or the platform theme
// changes. A chosen light or dark theme also gives the application's widgets a
// matching palette; following the desktop leaves the desktop's palette alone.

#include <QObject>
#include <QPalette>
#include <QString>
#include <optional>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

enum class ThemeChoice { FollowDesktop, Light, Dark };

class ThemeController : public QObject {
    Q_OBJECT
public:
    explicit ThemeController(QObject* parent = nullptr);
    // Gives the application its own palette back and the look its defaults.
    ~ThemeController() override;

    ThemeChoice choice() const { return choice_; }
    void setChoice(ThemeChoice choice);
    bool isPresenting() const { return presenting_; }
    // Presentation: high contrast, fonts `presentationFontScale` times larger.
    void setPresenting(bool presenting);

    static constexpr double presentationFontScale = 1.4;

    static bool isDarkPalette(const QPalette& palette);
    static QPalette darkPalette();
    static QPalette lightPalette();
    // "desktop", "light", "dark" and back; nullopt for anything else.
    static std::optional<ThemeChoice> parseChoice(const QString& name);
    static QString nameOf(ThemeChoice choice);

signals:
    void choiceChanged(netstage::gui::ThemeChoice choice);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply();
    void setApplicationPalette(const QPalette& palette);

    ThemeChoice choice_ = ThemeChoice::FollowDesktop;
    bool presenting_ = false;
    std::optional<QPalette> desktopPalette_;  // saved while a chosen theme overrides it
    bool settingPalette_ = false;             // our own change is not the desktop's
};

}  // namespace netstage::gui
