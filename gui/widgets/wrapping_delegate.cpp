#include "gui/widgets/wrapping_delegate.hpp"

#include <QAbstractItemView>
#include <QApplication>
#include <QFontMetrics>
#include <QListView>
#include <QPainter>
#include <QTableView>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

namespace netstage::gui {

WrappingDelegate::WrappingDelegate(QAbstractItemView& view, int wrapColumn)
    : QStyledItemDelegate{&view}, view_{view}, wrapColumn_{wrapColumn} {}

QStringList WrappingDelegate::wrap(const QString& text, const QFont& font, int width) {
    QStringList lines;
    QTextLayout layout{text, font};
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(std::max(1, width));
        lines << text.mid(line.textStart(), line.textLength());
    }
    layout.endLayout();
    if (lines.isEmpty()) lines << QString{};
    return lines;
}

bool WrappingDelegate::wraps() const {
    if (const auto* list = qobject_cast<const QListView*>(&view_)) return list->wordWrap();
    if (const auto* table = qobject_cast<const QTableView*>(&view_)) return table->wordWrap();
    return true;
}

int WrappingDelegate::textWidth(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const int viewport = view_.viewport()->width();
    if (const auto* table = qobject_cast<const QTableView*>(&view_)) {
        if (index.column() == wrapColumn_) return table->columnWidth(index.column()) - 2 * margin;
        // Rounded up: a column exactly as wide as its text must not wrap it.
        const int natural = static_cast<int>(std::ceil(QFontMetricsF{option.font}.horizontalAdvance(option.text))) + 1;
        return std::min(natural, viewport * 2 / 5 - 2 * margin);
    }
    int spacing = 0;
    if (const auto* list = qobject_cast<const QListView*>(&view_)) spacing = list->spacing();
    return viewport - 2 * margin - 2 * spacing;
}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QFontMetrics metrics{item.font};
    if (!wraps()) return {metrics.horizontalAdvance(item.text) + 2 * margin, metrics.height() + 2 * margin};
    const int width = textWidth(item, index);
    const QStringList lines = wrap(item.text, item.font, width);
    int widest = 0;
    for (const QString& line : lines) {
        widest = std::max(widest, static_cast<int>(std::ceil(QFontMetricsF{item.font}.horizontalAdvance(line))) + 1);
    }
    return {std::min(widest, std::max(width, 1)) + 2 * margin,
            static_cast<int>(lines.size()) * metrics.lineSpacing() + 2 * margin};
}

void WrappingDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QString text = item.text;
    item.text.clear();
    // Background, selection and focus as the style draws them; the text is ours.
    const QStyle* style = item.widget ? item.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);

    painter->save();
    painter->setFont(item.font);
    painter->setPen(item.palette.color(QPalette::Text));
    const QRect area = item.rect.adjusted(margin, margin, -margin, -margin);
    const QStringList lines = wraps() ? wrap(text, item.font, area.width()) : QStringList{text};
    const int spacing = QFontMetrics{item.font}.lineSpacing();
    int y = area.top();
    for (const QString& line : lines) {
        if (y > area.bottom()) break;
        painter->drawText(QRect{area.left(), y, area.width(), spacing}, Qt::AlignLeft | Qt::AlignVCenter, line);
        y += spacing;
    }
    painter->restore();
}

}  // namespace netstage::gui
