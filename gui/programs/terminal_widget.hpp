#pragma once
// A console for a simulated host: what the host's programs print above, the
// line being typed below. It knows no commands: a finished line goes out as
// lineEntered(), Ctrl+] as escapeTyped() (telnet's escape, byte 0x1d), and
// the host's programs write back through appendOutput(). A programs::Terminal
// sits behind it (HostPrograms wires the two).
//
// Typed lines are remembered (Up/Down walk back through them). A paste of
// many lines is entered a few lines per turn of the event loop, so a 100 KB
// paste neither freezes the window nor arrives as one line; the output keeps
// its last maxOutputLines lines.

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;

namespace netstage::gui {

class TerminalWidget : public QWidget {
    Q_OBJECT
public:
    static constexpr int maxOutputLines = 5000;
    static constexpr int pastedLinesPerTurn = 20;
    // A line longer than this is cut where it is typed or pasted (a terminal's line discipline has a limit too).
    static constexpr int maxLineLength = 200'000;
    // Output lines longer than this are shown cut (with how much was left out).
    static constexpr int longestShownLine = 4000;

    explicit TerminalWidget(QWidget* parent = nullptr);

    // Text from the host's programs, appended as it comes (partial lines included).
    void appendOutput(const QString& text);
    QString outputText() const;
    // The text left of the typing line ("ftp>", empty while a connection is open).
    void setPrompt(const QString& prompt);
    // Whether an entered line is written to the output (on by default: the
    // host's programs print their prompt, not what was typed after it).
    void setEcho(bool on) { echo_ = on; }
    // Typing a secret (a password): the typing line shows dots and the line is not remembered.
    void setSecret(bool on);
    // A closed terminal (its world stopped) keeps its text but takes no input.
    void setClosed(const QString& why);
    bool isClosed() const { return closed_; }

    // Types `text` as if the user had: its lines are entered one by one, the
    // rest stays on the typing line. Used by paste and by tests.
    void typeText(const QString& text);
    // Lines of a paste not yet entered.
    int pendingLines() const { return static_cast<int>(pending_.size()); }
    QLineEdit& inputLine() { return *input_; }
    QPlainTextEdit& outputView() { return *output_; }
    const QStringList& history() const { return history_; }

signals:
    void lineEntered(const QString& line);
    void escapeTyped();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void enterLine();
    void enter(const QString& line);
    void feedPending();
    void walkHistory(int step);
    void applyLook();

    QPlainTextEdit* output_;
    QLabel* prompt_;
    QLineEdit* input_;
    QTimer* feeder_;
    QStringList pending_;
    QStringList history_;
    int historyIndex_ = 0;  // == history_.size(): the line being typed
    QString draft_;         // what was being typed before walking back
    bool closed_ = false;
    bool echo_ = true;
    bool secret_ = false;
};

}  // namespace netstage::gui
