#include "gui/programs/terminal_widget.hpp"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

TerminalWidget::TerminalWidget(QWidget* parent)
    : QWidget{parent},
      output_{new QPlainTextEdit{this}},
      prompt_{new QLabel{this}},
      input_{new QLineEdit{this}},
      feeder_{new QTimer{this}} {
    output_->setReadOnly(true);
    output_->setMaximumBlockCount(maxOutputLines);
    output_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    output_->setUndoRedoEnabled(false);
    output_->setFocusPolicy(Qt::ClickFocus);
    output_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    input_->setMaxLength(maxLineLength);
    input_->setFrame(false);
    input_->setPlaceholderText(tr("type here, then Enter"));
    input_->installEventFilter(this);
    // Paste goes through typeText(), so the context menu's Paste must too.
    input_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(input_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu;
        menu.addAction(tr("Copy"), input_, &QLineEdit::copy)->setEnabled(input_->hasSelectedText());
        menu.addAction(tr("Paste"), this, [this] { typeText(QApplication::clipboard()->text()); })
            ->setEnabled(!closed_);
        menu.exec(input_->mapToGlobal(at));
    });
    connect(input_, &QLineEdit::returnPressed, this, &TerminalWidget::enterLine);

    feeder_->setInterval(0);
    connect(feeder_, &QTimer::timeout, this, &TerminalWidget::feedPending);

    auto* typing = new QHBoxLayout;
    typing->setContentsMargins(6, 2, 6, 4);
    typing->setSpacing(4);
    typing->addWidget(prompt_);
    typing->addWidget(input_, 1);
    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(output_, 1);
    layout->addLayout(typing);
    setFocusProxy(input_);
    prompt_->hide();
    applyLook();
    connect(&look::notifier(), &look::Notifier::changed, this, &TerminalWidget::applyLook);
}

void TerminalWidget::applyLook() {
    // Projected to a lecture hall: the panel font's size, in monospace.
    const QFont mono = look::monoFont();
    output_->setFont(mono);
    input_->setFont(mono);
    prompt_->setFont(mono);
}

void TerminalWidget::appendOutput(const QString& text) {
    if (text.isEmpty()) return;
    QScrollBar* bar = output_->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor{output_->document()};
    cursor.movePosition(QTextCursor::End);
    QString clean = text;
    clean.remove(QLatin1Char('\r'));
    if (clean.size() > longestShownLine) {
        // One line of 100 KB would take the text layout seconds: such lines are shown cut, and say so.
        QStringList lines = clean.split(QLatin1Char('\n'));
        for (auto& line : lines) {
            if (line.size() > longestShownLine) {
                line = line.left(longestShownLine) + tr(" [... %1 more characters]").arg(line.size() - longestShownLine);
            }
        }
        clean = lines.join(QLatin1Char('\n'));
    }
    cursor.insertText(clean);
    if (atBottom) bar->setValue(bar->maximum());
}

QString TerminalWidget::outputText() const { return output_->toPlainText(); }

void TerminalWidget::setPrompt(const QString& prompt) {
    prompt_->setText(prompt);
    prompt_->setVisible(!prompt.isEmpty());
}

void TerminalWidget::setSecret(bool on) {
    if (secret_ == on) return;
    secret_ = on;
    input_->setEchoMode(on ? QLineEdit::Password : QLineEdit::Normal);
}

void TerminalWidget::setClosed(const QString& why) {
    if (closed_) return;
    closed_ = true;
    pending_.clear();
    feeder_->stop();
    appendOutput(QStringLiteral("\n[%1]\n").arg(why));
    input_->clear();
    input_->setEnabled(false);
    input_->setPlaceholderText(why);
    prompt_->hide();
}

void TerminalWidget::typeText(const QString& text) {
    if (closed_ || text.isEmpty()) return;
    QString normal = text;
    normal.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normal.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = normal.split(QLatin1Char('\n'));
    // The last piece has no newline after it: it stays on the typing line.
    const QString rest = lines.takeLast();
    if (lines.isEmpty()) {
        input_->insert(rest.left(maxLineLength - input_->text().size()));
        return;
    }
    lines.front().prepend(input_->text());
    input_->clear();
    for (auto& line : lines) pending_.append(line.left(maxLineLength));
    input_->setText(rest.left(maxLineLength));
    feedPending();
}

void TerminalWidget::feedPending() {
    for (int i = 0; i < pastedLinesPerTurn && !pending_.isEmpty(); ++i) enter(pending_.takeFirst());
    if (pending_.isEmpty()) feeder_->stop();
    else if (!feeder_->isActive()) feeder_->start();
}

void TerminalWidget::enterLine() {
    if (closed_) return;
    const QString line = input_->text();
    input_->clear();
    // Lines still coming from a paste go first.
    if (!pending_.isEmpty()) {
        pending_.append(line);
        return;
    }
    enter(line);
}

void TerminalWidget::enter(const QString& line) {
    if (!secret_ && !line.trimmed().isEmpty() && (history_.isEmpty() || history_.back() != line)) history_.append(line);
    historyIndex_ = static_cast<int>(history_.size());
    draft_.clear();
    if (echo_) appendOutput(line + QLatin1Char('\n'));
    emit lineEntered(line);
}

void TerminalWidget::walkHistory(int step) {
    const int size = static_cast<int>(history_.size());
    const int next = std::clamp(historyIndex_ + step, 0, size);
    if (next == historyIndex_) return;
    if (historyIndex_ == size) draft_ = input_->text();
    historyIndex_ = next;
    input_->setText(next == size ? draft_ : history_.at(next));
}

bool TerminalWidget::eventFilter(QObject* watched, QEvent* event) {
    if (watched == input_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Paste)) {
            typeText(QApplication::clipboard()->text());
            return true;
        }
        // Ctrl+] is telnet's escape; keyboards without a ] key give it as Ctrl+5 too.
        if ((key->modifiers() & Qt::ControlModifier) &&
            (key->key() == Qt::Key_BracketRight || key->text() == QStringLiteral("\x1d"))) {
            if (!closed_) {
                if (echo_) appendOutput(QStringLiteral("^]\n"));
                emit escapeTyped();
            }
            return true;
        }
        if (key->key() == Qt::Key_Up) {
            walkHistory(-1);
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            walkHistory(1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace netstage::gui
