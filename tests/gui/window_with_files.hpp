#pragma once
// A main window on the default trace, and a temporary folder for the files a
// test writes and then opens in it.

#include <QString>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "gui/player/default_trace_source.hpp"
#include "gui/window/main_window.hpp"

namespace netstage::gui::testing {

class WindowWithFiles : public ::testing::Test {
protected:
    QTemporaryDir dir;
    MainWindow window{defaultTraceSource(), MainWindow::Options{false}};

    // Writes `text` to `name` in the folder; returns its path.
    QString write(const QString& name, const std::string& text) {
        const QString path = dir.filePath(name);
        std::ofstream{path.toStdString(), std::ios::binary} << text;
        return path;
    }
};

}  // namespace netstage::gui::testing
