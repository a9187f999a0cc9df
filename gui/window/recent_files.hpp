#pragma once
// File > Open Recent: the last files opened, newest first, by absolute path,
// kept in the user's settings (QSettings key "recentFiles") unless told not
// to, so that tests and screenshots leave a person's list alone.

#include <QObject>
#include <QString>
#include <QStringList>

class QMenu;

namespace netstage::gui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int maxFiles = 8;

    // Adds the Open Recent submenu at the end of `fileMenu`. `remember`: read
    // the list from the user's settings now and write it back on each change.
    RecentFiles(QMenu& fileMenu, bool remember, QObject* parent = nullptr);

    QStringList files() const { return files_; }
    // Puts `path` first (once), dropping the oldest beyond maxFiles.
    void add(const QString& path);

signals:
    // A file was picked from the submenu.
    void chosen(const QString& path);

private:
    void rebuildMenu();

    QMenu* menu_;
    bool remember_;
    QStringList files_;
};

}  // namespace netstage::gui
