#pragma once
// Draws an item view's text wrapped to the room it has: between words where
// it can, anywhere where it cannot (a base64 line, an address:port, a long
// mail address), and never elided. Qt's own delegate wraps only between
// words, so one long word made its row as wide as the word, and every row
// after it was laid out at that width: cut off instead of wrapped.
//
// In a list view every row wraps at the viewport's width. In a table view
// the `wrapColumn` wraps at its width; the other columns keep their natural
// width up to two fifths of the viewport, and wrap beyond it, so the names
// in the wrapping column keep most of the room.

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace netstage::gui {

class WrappingDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit WrappingDelegate(QAbstractItemView& view, int wrapColumn = 0);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The lines `text` takes in `font` at `width` pixels.
    static QStringList wrap(const QString& text, const QFont& font, int width);

    static constexpr int margin = 3;

private:
    bool wraps() const;  // the view's wordWrap: off for a very long transcript
    int textWidth(const QStyleOptionViewItem& option, const QModelIndex& index) const;

    QAbstractItemView& view_;
    int wrapColumn_;
};

}  // namespace netstage::gui
