#include "gui/widgets/narration_bar.hpp"

#include <QFontMetrics>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

NarrationBar::NarrationBar(QWidget* parent) : QLabel{parent} {
    setWordWrap(true);
    setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setMargin(14);
    setAutoFillBackground(true);
    setTextFormat(Qt::PlainText);
    restyle();
    connect(&look::notifier(), &look::Notifier::changed, this, &NarrationBar::restyle);
}

void NarrationBar::restyle() {
    setFont(look::narrationFont());
    QPalette colours = palette();
    colours.setColor(QPalette::Window, look::narrationPaper());
    colours.setColor(QPalette::WindowText, look::narrationInk());
    setPalette(colours);
    // Two lines of caption always fit, so the layout does not jump.
    setMinimumHeight(2 * QFontMetrics{font()}.height() + 2 * margin());
}

void NarrationBar::setCaption(const QString& caption) {
    if (caption != text()) setText(caption);
}

}  // namespace netstage::gui
