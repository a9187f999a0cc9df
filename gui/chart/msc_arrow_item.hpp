#pragma once
// One arrow of the sequence chart, drawn exactly where the MscLayout puts it:
// line (or self loop), head or loss cross, and its label along the arrow.
// Clicking it asks the scene to move the cursor to the arrow's record.

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>

#include "simulator/trace/msc_layout.hpp"

class QGraphicsSimpleTextItem;

namespace netstage::gui {

class MscArrowItem : public QGraphicsItem {
public:
    // lane: the lane of the arrow's connection (MscConnection::lane); lanes after the first take colours of their own.
    MscArrowItem(const trace::MscArrow& arrow, const trace::MscArrowGeometry& geometry, std::size_t lane = 0);

    std::size_t arrowIndex() const { return index_; }
    std::size_t record() const { return record_; }
    bool isCurrent() const { return current_; }
    void setCurrent(bool current);
    // A point on the arrow's line, for tests and "scroll to".
    QPointF middle() const;
    QString labelText() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // The colour of an arrow, the same as the SVG export's.
    static QColor colourOf(const trace::MscArrow& arrow, std::size_t lane = 0);
    // The colour of a concurrent connection's lane, in the look's theme.
    static QColor laneColourOf(const std::string& protocol, std::size_t lane);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    std::size_t index_;
    std::size_t record_;
    bool lost_;
    bool segment_;
    bool dashed_;
    bool self_;
    QColor colour_;
    QPainterPath line_;   // the stroke
    QPolygonF head_;      // empty when lost
    QPointF end_;
    QGraphicsSimpleTextItem* label_;
    QRectF bounds_;
    bool current_ = false;
};

}  // namespace netstage::gui
