#pragma once
// What every host program's panel (terminal, mail, FTP) has in common: the
// host it runs on, and that it lets go of the live world when the world
// stops. The panel then stays, read-only, so what it showed can still be read.

#include <QString>
#include <QWidget>

namespace netstage::gui {

class ProgramPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProgramPanel(QString host, QWidget* parent = nullptr);
    ~ProgramPanel() override;

    const QString& host() const { return host_; }
    // The world is about to go: drop everything that points into it, and say `why`.
    virtual void worldEnding(const QString& why) = 0;

private:
    QString host_;
};

}  // namespace netstage::gui
