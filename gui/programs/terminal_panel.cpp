#include "gui/programs/terminal_panel.hpp"

#include <QVBoxLayout>

#include "gui/player/live_session.hpp"
#include "gui/programs/terminal_widget.hpp"
#include "programs/terminal.hpp"

namespace netstage::gui {

TerminalPanel::TerminalPanel(const QString& host, programs::ProgramHost& programHost, LiveSession& session,
                             const QString& firstLine, QWidget* parent)
    : ProgramPanel{host, parent}, console_{new TerminalWidget{this}}, session_{&session} {
    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(console_);
    setFocusProxy(console_);
    // The terminal shows its prompt and what was typed (never a password).
    console_->setEcho(false);
    terminal_ = std::make_unique<programs::Terminal>(programHost, [this](std::string_view text) {
        console_->appendOutput(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
        showState();
    });
    connect(console_, &TerminalWidget::lineEntered, this, &TerminalPanel::type);
    connect(console_, &TerminalWidget::escapeTyped, this, [this] {
        if (!terminal_) return;
        if (session_ != nullptr && session_->isRunning()) session_->pollOnce();
        terminal_->escape();
        showState();
    });
    showState();
    if (!firstLine.isEmpty()) type(firstLine);
}

TerminalPanel::~TerminalPanel() {
    // The terminal's last words (connections it closes) go nowhere now.
    terminal_.reset();
}

void TerminalPanel::type(const QString& line) {
    if (!terminal_) return;
    // The line enters the world at its present: what was due runs first.
    if (session_ != nullptr && session_->isRunning()) session_->pollOnce();
    terminal_->type(line.toStdString());
    showState();
}

void TerminalPanel::showState() {
    if (!terminal_) return;
    const std::string prompt = terminal_->prompt();
    console_->setSecret(prompt.rfind("Password", 0) == 0);
}

void TerminalPanel::worldEnding(const QString& why) {
    terminal_.reset();
    session_ = nullptr;
    console_->setClosed(why);
}

}  // namespace netstage::gui
