#pragma once
// A main window playing scenario 01 on the light palette, for tests that
// change the window's mode or theme; the application's palette is put back
// afterwards, so no test leaks its theme into the next.

#include <QApplication>
#include <QPalette>
#include <QTest>
#include <gtest/gtest.h>

#include <memory>

#include "gui/model/playback.hpp"
#include "gui/player/default_trace_source.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/widgets/theme_controller.hpp"
#include "gui/window/main_window.hpp"
#include "tests/gui/panel_fixtures.hpp"

namespace netstage::gui::testing {

class WindowOnScenario01 : public ::testing::Test {
protected:
    QPalette original = QApplication::palette();
    std::unique_ptr<MainWindow> window;

    void openWindow(int width, int height) {
        QApplication::setPalette(ThemeController::lightPalette());
        window = std::make_unique<MainWindow>(defaultTraceSource(), MainWindow::Options{false});
        window->resize(width, height);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        window->player().setDocument(std::make_unique<Playback>(scenario01Log()));
    }

    void TearDown() override {
        window.reset();
        QApplication::setPalette(original);
    }
};

}  // namespace netstage::gui::testing
