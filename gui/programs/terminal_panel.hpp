#pragma once
// A host's terminal in a dock: a TerminalWidget showing a programs::Terminal
// (the shell with telnet, nslookup/dig and ftp) that runs on the host's
// ProgramHost. The FTP panel is the same terminal started with `ftp SERVER`.

#include <QString>
#include <memory>

#include "gui/programs/program_panel.hpp"

namespace netstage::programs {
class ProgramHost;
class Terminal;
}  // namespace netstage::programs

namespace netstage::gui {

class LiveSession;
class TerminalWidget;

class TerminalPanel : public ProgramPanel {
    Q_OBJECT
public:
    // `firstLine`, if not empty, is typed at once ("ftp ftp.school.edu").
    TerminalPanel(const QString& host, programs::ProgramHost& programHost, LiveSession& session,
                  const QString& firstLine = {}, QWidget* parent = nullptr);
    ~TerminalPanel() override;

    void worldEnding(const QString& why) override;

    TerminalWidget& console() { return *console_; }
    // nullptr once the world has ended.
    programs::Terminal* terminal() const { return terminal_.get(); }
    // Types a line as the student would (the world first runs what is due).
    void type(const QString& line);

private:
    void showState();

    TerminalWidget* console_;
    LiveSession* session_;
    std::unique_ptr<programs::Terminal> terminal_;
};

}  // namespace netstage::gui
