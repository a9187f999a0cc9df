#pragma once
// Runs the Qt event loop until a condition holds, for tests and the picture
// program that drive a live window: the world advances on the window's
// timers, so a test waits for what it expects instead of sleeping.

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <functional>

namespace netstage::test_support {

// True once `done` says so; false after `limitMs` of wall time.
inline bool processUntil(const std::function<bool()>& done, int limitMs = 20'000) {
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > limitMs) return false;
        QApplication::processEvents(QEventLoop::AllEvents, 5);
        QTest::qWait(1);
    }
    return true;
}

}  // namespace netstage::test_support
