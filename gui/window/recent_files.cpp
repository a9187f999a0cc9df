#include "gui/window/recent_files.hpp"

#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace netstage::gui {

namespace {
const char* const settingsKey = "recentFiles";
}  // namespace

RecentFiles::RecentFiles(QMenu& fileMenu, bool remember, QObject* parent)
    : QObject{parent}, menu_{fileMenu.addMenu(tr("Open &Recent"))}, remember_{remember} {
    if (remember_) files_ = QSettings{}.value(QLatin1String(settingsKey)).toStringList();
    rebuildMenu();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo{path}.absoluteFilePath();
    files_.removeAll(absolute);
    files_.prepend(absolute);
    while (files_.size() > maxFiles) files_.removeLast();
    if (remember_) QSettings{}.setValue(QLatin1String(settingsKey), files_);
    rebuildMenu();
}

void RecentFiles::rebuildMenu() {
    menu_->clear();
    for (const QString& path : files_) {
        QAction* action = menu_->addAction(QFileInfo{path}.fileName());
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { emit chosen(path); });
    }
    menu_->setEnabled(!files_.isEmpty());
}

}  // namespace netstage::gui
