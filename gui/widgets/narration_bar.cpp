#include "gui/widgets/narration_bar.hpp"

#include <QFontMetrics>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

NarrationBar::NarrationBar(QWidget* parent) : QLabel{parent} {
    setFont(look::narrationFont());
    setWordWrap(true);
    setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setMargin(14);
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor{0x0b, 0x25, 0x45});
    colours.setColor(QPalette::WindowText, Qt::white);
    setPalette(colours);
    // Two lines of caption always fit, so the layout does not jump.
    setMinimumHeight(2 * QFontMetrics{font()}.height() + 2 * margin());
    setTextFormat(Qt::PlainText);
}

void NarrationBar::setCaption(const QString& caption) {
    if (caption != text()) setText(caption);
}

}  // namespace netstage::gui
