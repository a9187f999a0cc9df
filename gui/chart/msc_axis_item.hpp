#pragma once
// The chart's time axis: the vertical line, a tick and label per time point
// and the marks of cut idle stretches. One item that paints only the ticks in
// the exposed rectangle, found by binary search, so a chart with a hundred
// thousand time points costs what its visible part costs.

#include <QGraphicsItem>

#include "simulator/trace/msc_layout.hpp"

namespace netstage::gui {

class MscAxisItem : public QGraphicsItem {
public:
    explicit MscAxisItem(const trace::MscLayout& layout);  // the layout must outlive the item

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // How many ticks the last paint drew: what "only the visible part" means.
    std::size_t ticksLastPainted() const { return ticksLastPainted_; }

private:
    const trace::MscLayout& layout_;
    QRectF bounds_;
    std::size_t ticksLastPainted_ = 0;
};

}  // namespace netstage::gui
