#include "gui/widgets/narration_bar.hpp"

#include <QFontMetrics>
#include <QPainter>
#include <QTextLayout>
#include <algorithm>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
// A caption longer than this is not read to a class; laying out megabytes of
// text to show three lines of it would only cost time.
constexpr qsizetype longestLaidOut = 4000;
}  // namespace

NarrationBar::NarrationBar(QWidget* parent) : QWidget{parent} {
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    restyle();
    connect(&look::notifier(), &look::Notifier::changed, this, &NarrationBar::restyle);
}

void NarrationBar::restyle() {
    setFont(look::narrationFont());
    QPalette colours = palette();
    colours.setColor(QPalette::Window, look::narrationPaper());
    colours.setColor(QPalette::WindowText, look::narrationInk());
    setPalette(colours);
    updateGeometry();
    update();
}

void NarrationBar::setCaption(const QString& caption) {
    if (caption == text_) return;
    text_ = caption;
    setToolTip(text_.size() > longestLaidOut ? text_.left(longestLaidOut) + QChar{0x2026} : text_);
    updateGeometry();
    update();
}

QStringList NarrationBar::linesFor(int width) const {
    QStringList lines;
    const QString text = text_.left(longestLaidOut);
    const int textWidth = std::max(1, width - 2 * margin_);
    QTextLayout layout{text, font()};
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(textWidth);
        if (lines.size() == maxLines - 1) {
            // The last line takes the rest, cut with an ellipsis if it does not fit.
            const QString rest = text.mid(line.textStart()).simplified();
            const bool cut = text_.size() > text.size();
            lines << QFontMetrics{font()}.elidedText(cut ? rest + QChar{0x2026} : rest, Qt::ElideRight, textWidth);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

QStringList NarrationBar::shownLines() const { return linesFor(width()); }

int NarrationBar::heightForWidth(int width) const {
    // Two lines always, so the layout does not jump from caption to caption.
    const int lines = std::clamp(static_cast<int>(linesFor(width).size()), 2, maxLines);
    return lines * QFontMetrics{font()}.lineSpacing() + 2 * margin_;
}

QSize NarrationBar::sizeHint() const {
    // Never sized from the caption's length: the window decides the width.
    return {400, heightForWidth(width() > 0 ? width() : 400)};
}

QSize NarrationBar::minimumSizeHint() const { return {100, 2 * QFontMetrics{font()}.lineSpacing() + 2 * margin_}; }

void NarrationBar::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter{this};
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::WindowText));
    const QStringList lines = linesFor(width());
    const int spacing = QFontMetrics{font()}.lineSpacing();
    const int used = static_cast<int>(lines.size()) * spacing;
    int y = std::max(margin_, (height() - used) / 2);
    for (const QString& line : lines) {
        painter.drawText(QRect{margin_, y, width() - 2 * margin_, spacing}, Qt::AlignLeft | Qt::AlignVCenter, line);
        y += spacing;
    }
}

}  // namespace netstage::gui
