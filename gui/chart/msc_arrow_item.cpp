#include "gui/chart/msc_arrow_item.hpp"

#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QPainter>
#include <QPainterPathStroker>
#include <QTransform>
#include <cmath>

#include "gui/chart/sequence_chart_scene.hpp"
#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
constexpr double headLength = 10;
constexpr double headHalfWidth = 4;
constexpr double loopWidth = 30;  // as in the SVG export
constexpr double hitWidth = 10;   // clicking near the line is enough

QPointF point(trace::MscPoint p) { return {p.x, p.y}; }
}  // namespace

QColor MscArrowItem::laneColourOf(const std::string& protocol, std::size_t lane) {
    if (lane == 0) return look::chartProtocolColor(protocol);
    const QColor colour{QString::fromStdString(trace::laneColour(lane))};
    return look::isDark() ? colour.lighter(170) : colour;
}

QColor MscArrowItem::colourOf(const trace::MscArrow& arrow, std::size_t lane) {
    if (lane > 0) return laneColourOf(arrow.protocol, lane);
    if (arrow.kind == trace::MscArrowKind::Segment) return look::chartSegmentColor();
    return look::chartProtocolColor(arrow.protocol);
}

MscArrowItem::MscArrowItem(const trace::MscArrow& arrow, const trace::MscArrowGeometry& geometry, std::size_t lane)
    : index_{geometry.arrow},
      record_{arrow.record},
      lost_{arrow.lost},
      segment_{arrow.kind == trace::MscArrowKind::Segment},
      dashed_{arrow.role == trace::MscConnectionRole::Data},
      self_{geometry.self},
      colour_{colourOf(arrow, lane)},
      end_{point(geometry.to)},
      label_{new QGraphicsSimpleTextItem{this}} {
    const QPointF from = point(geometry.from);
    QPointF last = from;  // start of the final leg: the head points along it
    line_.moveTo(from);
    if (self_) {
        const double loopX = from.x() + loopWidth;
        line_.lineTo(loopX, from.y());
        line_.lineTo(loopX, end_.y());
        if (!lost_) line_.lineTo(end_);
        last = lost_ ? QPointF{loopX, from.y()} : QPointF{loopX, end_.y()};
    } else {
        line_.lineTo(end_);
    }
    if (!lost_) {
        const QPointF d = end_ - last;
        const double length = std::hypot(d.x(), d.y());
        if (length > 0.001) {
            const QPointF u = d / length;
            const QPointF base = end_ - u * headLength;
            const QPointF normal{-u.y(), u.x()};
            head_ << end_ << base + normal * headHalfWidth << base - normal * headHalfWidth;
        }
    }

    // The layout measured labels for a 12 px monospace font; draw with that.
    QFont font{QStringLiteral("DejaVu Sans Mono")};
    font.setStyleHint(QFont::Monospace);
    font.setPixelSize(segment_ ? 11 : 12);
    label_->setFont(font);
    label_->setBrush(colour_);
    label_->setText(QString::fromStdString(geometry.label));
    label_->setAcceptedMouseButtons(Qt::NoButton);  // a click on the label is a click on the arrow
    if (geometry.cut) setToolTip(QString::fromStdString(arrow.label));
    const QFontMetricsF metrics{font};
    const double width = metrics.horizontalAdvance(label_->text());
    // Anchor the baseline's start or end at labelAt, then turn about it.
    QTransform place;
    place.translate(geometry.labelAt.x, geometry.labelAt.y);
    place.rotate(geometry.labelAngle);
    place.translate(geometry.labelAtStart ? 0.0 : -width, -metrics.ascent());
    label_->setTransform(place);

    bounds_ = line_.boundingRect().adjusted(-hitWidth, -hitWidth, hitWidth, hitWidth) | head_.boundingRect();
    setZValue(segment_ ? 2 : 3);
}

void MscArrowItem::setCurrent(bool current) {
    if (current == current_) return;
    current_ = current;
    setZValue(current ? 10 : (segment_ ? 2 : 3));
    QFont font = label_->font();
    font.setBold(current);
    label_->setFont(font);
    update();
}

QPointF MscArrowItem::middle() const { return line_.pointAtPercent(0.5); }

QString MscArrowItem::labelText() const { return label_->text(); }

QRectF MscArrowItem::boundingRect() const { return bounds_; }

QPainterPath MscArrowItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(hitWidth);
    QPainterPath path = stroker.createStroke(line_);
    path.addPolygon(head_);
    return path;
}

void MscArrowItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    if (current_) {
        // A wide translucent band under the current arrow: visible from the back row.
        QPen halo{look::currentArrowHalo(), 9 * look::lineScale(), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin};
        painter->setPen(halo);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(line_);
    }
    QPen pen{colour_, (segment_ ? 1.0 : 1.5) * look::lineScale()};
    if (current_) pen.setWidthF(2.5 * look::lineScale());
    if (segment_) pen.setDashPattern({3, 3});
    else if (dashed_) pen.setDashPattern({8.0 / pen.widthF(), 4.0 / pen.widthF()});
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(line_);
    if (lost_) {
        painter->setPen(QPen{look::dropColor(), 2 * look::lineScale()});
        painter->drawLine(end_ + QPointF{-5, -5}, end_ + QPointF{5, 5});
        painter->drawLine(end_ + QPointF{-5, 5}, end_ + QPointF{5, -5});
    } else if (!head_.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour_);
        painter->drawPolygon(head_);
    }
}

void MscArrowItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    event->accept();
    if (auto* chart = qobject_cast<SequenceChartScene*>(scene())) chart->activateArrow(index_);
}

}  // namespace netstage::gui
