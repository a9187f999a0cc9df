#pragma once
// The current narration caption, in type large enough for a lecture hall.
// The caption is wrapped to the bar's width (between words where it can,
// anywhere where it cannot) and cut with an ellipsis after a few lines: a
// caption never widens the window or pushes the network aside, however long.

#include <QString>
#include <QWidget>

namespace netstage::gui {

class NarrationBar : public QWidget {
    Q_OBJECT
public:
    // Lines shown before the rest is cut with "…" (the whole text is the tooltip).
    static constexpr int maxLines = 3;

    explicit NarrationBar(QWidget* parent = nullptr);
    void setCaption(const QString& caption);
    QString text() const { return text_; }
    // The lines drawn at the current width, as laid out (for tests).
    QStringList shownLines() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    // Font and colours from the current look.
    void restyle();
    QStringList linesFor(int width) const;

    QString text_;
    int margin_ = 14;
};

}  // namespace netstage::gui
