#pragma once
// The programs a student runs on a simulated host: Host > Terminal, Mail,
// FTP, or a right click on a host in the network. Each opens a panel docked
// beside the network, titled with its host; several can be open at once, on
// different hosts. The programs act on the live world (the LiveSession's
// LiveWorld), so every line typed and every message sent crosses the
// simulated network and is traced like a scripted action.
//
// Programs need a live world. If the window shows a finished run of a
// scenario, opening a program starts a live session of that scenario (no
// loopback ports; File > Stop Serving ends it). A saved trace (.jsonl) has no
// world to act on: the window says so and what to open instead.

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <map>
#include <memory>

class QDockWidget;
class QMenu;
class QMenuBar;
class QPoint;

namespace netstage::programs {
class ProgramHost;
}

namespace netstage::gui {

class LiveActions;
class MainWindow;
class ProgramPanel;

class HostPrograms : public QObject {
    Q_OBJECT
public:
    enum class Program { Terminal, Mail, Ftp };

    HostPrograms(MainWindow& window, LiveActions& live);
    ~HostPrograms() override;

    // The Host menu: the programs for the selected host, and for every other host.
    void addMenu(QMenuBar& bar);
    // The menu a right click on `host` shows.
    void showHostMenu(const QString& host, const QPoint& screenPos);

    // Opens `program` on `host`, starting a live session of the open scenario
    // if there is none. Returns the dock, or nullptr (the reason was shown in
    // the window's error dialog).
    QDockWidget* open(Program program, const QString& host);
    // The program panels open now (their docks' widgets), oldest first.
    QList<ProgramPanel*> panels() const;
    QList<QDockWidget*> docks() const;
    QMenu* hostMenu() const { return menu_; }
    // The programs' side of `host` in the live world (shared by its panels); nullptr if none is open.
    programs::ProgramHost* programHost(const QString& host) const;

    static QString nameOf(Program program);

signals:
    void panelOpened(QDockWidget* dock);

private:
    bool ensureLive(const QString& host);
    ProgramPanel* makePanel(Program program, const QString& host);
    void fillMenu(QMenu& menu, const QString& host);
    void rebuildHostMenu();
    void worldEnding();
    QStringList hostNames() const;

    MainWindow& window_;
    LiveActions& live_;
    QMenu* menu_ = nullptr;
    QList<QPointer<QDockWidget>> docks_;
    // One per host with a program open, for the life of the live world.
    std::map<QString, std::unique_ptr<programs::ProgramHost>> hosts_;
    int opened_ = 0;  // for unique object names (window state)
};

}  // namespace netstage::gui
