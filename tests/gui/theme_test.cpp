#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QImage>
#include <QTest>
#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <string_view>

#include "gui/chart/sequence_chart_panel.hpp"
#include "gui/chart/sequence_chart_scene.hpp"
#include "gui/player/default_trace_source.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/scene/topology_scene.hpp"
#include "gui/scene/topology_view.hpp"
#include "gui/widgets/look.hpp"
#include "gui/widgets/theme_controller.hpp"
#include "gui/window/analysis_panels.hpp"
#include "gui/window/main_window.hpp"
#include "tests/gui/window_fixture.hpp"
#include "tests/gui/panel_fixtures.hpp"

namespace netstage::gui {
namespace {

constexpr std::array themes{look::Theme::Light, look::Theme::Dark, look::Theme::HighContrast};
constexpr std::array kinds{ProtocolKind::Smtp, ProtocolKind::Pop3,       ProtocolKind::Imap,
                           ProtocolKind::FtpControl, ProtocolKind::Dns, ProtocolKind::Data};
constexpr std::array<std::string_view, 5> chartProtocols{"smtp", "pop3", "imap", "dns", "ftp"};

// Leaves the look and the application palette as the next test expects them.
class LookTest : public ::testing::Test {
protected:
    QPalette original = QApplication::palette();
    void TearDown() override {
        look::setLook(look::Theme::Light);
        QApplication::setPalette(original);
    }
};

TEST_F(LookTest, everyProtocolColourHasAContrastOfAtLeast4point5OnPaperInEveryTheme) {
    for (look::Theme theme : themes) {
        look::setLook(theme);
        for (ProtocolKind kind : kinds) {
            EXPECT_GE(look::contrastRatio(look::protocolColor(kind), look::paper()), 4.5)
                << "theme " << static_cast<int>(theme) << ", protocol " << toString(kind) << " "
                << look::protocolColor(kind).name().toStdString();
            // Packet labels are written on the protocol colour.
            EXPECT_GE(look::contrastRatio(look::protocolColor(kind), look::onColor()), 4.5);
        }
        for (std::string_view protocol : chartProtocols) {
            EXPECT_GE(look::contrastRatio(look::chartProtocolColor(protocol), look::paper()), 4.5)
                << "theme " << static_cast<int>(theme) << ", chart " << protocol;
        }
        EXPECT_GE(look::contrastRatio(look::ink(), look::paper()), 7.0);
        EXPECT_GE(look::contrastRatio(look::dropColor(), look::paper()), 4.5);
    }
}

TEST_F(LookTest, protocolColoursAreDistinctFromEachOtherInEveryTheme) {
    for (look::Theme theme : themes) {
        look::setLook(theme);
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            for (std::size_t j = i + 1; j < kinds.size(); ++j) {
                const QColor a = look::protocolColor(kinds[i]);
                const QColor b = look::protocolColor(kinds[j]);
                const int distance = std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
                                     std::abs(a.blue() - b.blue());
                EXPECT_GT(distance, 80) << toString(kinds[i]) << " and " << toString(kinds[j]);
            }
        }
    }
}

TEST_F(LookTest, theContrastRatioIsTheWcagOne) {
    EXPECT_NEAR(look::contrastRatio(Qt::black, Qt::white), 21.0, 1e-9);
    EXPECT_NEAR(look::contrastRatio(Qt::white, Qt::white), 1.0, 1e-9);
    EXPECT_NEAR(look::contrastRatio(QColor{0x76, 0x76, 0x76}, Qt::white), 4.54, 0.01);
}

TEST_F(LookTest, presentationTypeIsLargerAndChangingTheLookIsAnnounced) {
    int changes = 0;
    const auto connection = QObject::connect(&look::notifier(), &look::Notifier::changed, [&changes] { ++changes; });
    const int before = look::narrationFont().pointSize();
    look::setLook(look::Theme::HighContrast, 1.4);
    EXPECT_EQ(changes, 1);
    EXPECT_GT(look::narrationFont().pointSize(), before);
    EXPECT_GT(look::lineScale(), 1.0);
    look::setLook(look::Theme::HighContrast, 1.4);
    EXPECT_EQ(changes, 1);  // nothing changed, nothing announced
    QObject::disconnect(connection);
}

TEST_F(LookTest, followingTheDesktopPicksDarkFromADarkApplicationPaletteAndReactsToChanges) {
    QApplication::setPalette(ThemeController::lightPalette());
    ThemeController controller;
    EXPECT_EQ(controller.choice(), ThemeChoice::FollowDesktop);
    EXPECT_EQ(look::theme(), look::Theme::Light);
    QApplication::setPalette(ThemeController::darkPalette());
    EXPECT_EQ(look::theme(), look::Theme::Dark);
    QApplication::setPalette(ThemeController::lightPalette());
    EXPECT_EQ(look::theme(), look::Theme::Light);
}

TEST_F(LookTest, aChosenThemeGivesTheWidgetsItsPaletteAndFollowingTheDesktopGivesTheDesktopsBack) {
    QApplication::setPalette(ThemeController::lightPalette());
    const QColor desktopWindow = QApplication::palette().color(QPalette::Window);
    ThemeController controller;
    controller.setChoice(ThemeChoice::Dark);
    EXPECT_TRUE(ThemeController::isDarkPalette(QApplication::palette()));
    EXPECT_EQ(look::theme(), look::Theme::Dark);
    controller.setChoice(ThemeChoice::FollowDesktop);
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), desktopWindow);
    EXPECT_EQ(look::theme(), look::Theme::Light);
}

TEST_F(LookTest, aChosenThemeIgnoresTheDesktop) {
    ThemeController controller;
    controller.setChoice(ThemeChoice::Light);
    QApplication::setPalette(ThemeController::darkPalette());
    EXPECT_EQ(look::theme(), look::Theme::Light);
}

TEST(ThemeChoiceNames, roundTripAndRejectUnknownNames) {
    for (ThemeChoice choice : {ThemeChoice::FollowDesktop, ThemeChoice::Light, ThemeChoice::Dark}) {
        EXPECT_EQ(ThemeController::parseChoice(ThemeController::nameOf(choice)), choice);
    }
    EXPECT_FALSE(ThemeController::parseChoice(QStringLiteral("purple")).has_value());
}

class ThemeInWindowTest : public testing::WindowOnScenario01 {
protected:
    void SetUp() override {
        openWindow(1600, 1000);
        if (HasFatalFailure()) return;
        window->player().seekMessage(3);
        window->panels().showPanel(QStringLiteral("chart"));
        QApplication::processEvents();
    }

    // Lightness of the topology view's top-right corner, where no item is drawn.
    int networkLightness() {
        const QImage image = window->topologyView().viewport()->grab().toImage();
        return image.pixelColor(image.width() - 3, image.height() - 3).lightness();
    }
    int chartLightness() { return window->panels().chart().scene().backgroundBrush().color().lightness(); }
};

TEST_F(ThemeInWindowTest, choosingDarkDarkensTheNetworkAndTheChartAndLightBringsThemBack) {
    EXPECT_GT(networkLightness(), 200);
    EXPECT_GT(chartLightness(), 200);
    window->themeAction(ThemeChoice::Dark)->trigger();
    QApplication::processEvents();
    EXPECT_TRUE(window->themeAction(ThemeChoice::Dark)->isChecked());
    EXPECT_LT(networkLightness(), 60);
    EXPECT_LT(chartLightness(), 60);
    EXPECT_LT(window->scene().backgroundBrush().color().lightness(), 60);
    // The chart was drawn again, and still shows the cursor's arrow.
    EXPECT_TRUE(window->panels().chart().scene().currentArrow().has_value());

    window->themeAction(ThemeChoice::Light)->trigger();
    QApplication::processEvents();
    EXPECT_GT(networkLightness(), 200);
    EXPECT_GT(chartLightness(), 200);
}

TEST_F(ThemeInWindowTest, followingTheDesktopRepaintsWhenTheDesktopTurnsDark) {
    ASSERT_TRUE(window->themeAction(ThemeChoice::FollowDesktop)->isChecked());
    QApplication::setPalette(ThemeController::darkPalette());
    QApplication::processEvents();
    EXPECT_LT(networkLightness(), 60);
    EXPECT_LT(chartLightness(), 60);
}

TEST_F(ThemeInWindowTest, theThemeMenuFollowsAChoiceMadeElsewhere) {
    window->themes().setChoice(ThemeChoice::Dark);
    EXPECT_TRUE(window->themeAction(ThemeChoice::Dark)->isChecked());
    EXPECT_FALSE(window->themeAction(ThemeChoice::FollowDesktop)->isChecked());
}

}  // namespace
}  // namespace netstage::gui
