#pragma once
// A point-to-point link between two nodes, labelled with its rate and delay
// ("10 Mbit/s · 10 ms"); dashed red while the link is down.

#include <QGraphicsItem>
#include <QLineF>
#include <QList>
#include <QString>

#include "gui/model/topology.hpp"
#include "gui/scene/area_index.hpp"

namespace netstage::gui {

class LinkItem : public QGraphicsItem {
public:
    // `taken`: scene rectangles the label must not cover (nodes and their
    // names, labels placed before); the label's own rectangle is added to it.
    LinkItem(const LinkInfo& link, QPointF a, QPointF b, AreaIndex& taken);

    std::int32_t linkId() const { return id_; }
    const QLineF& line() const { return line_; }
    const QString& label() const { return label_; }
    // Where the label is drawn, in scene coordinates (tests check overlaps).
    QRectF labelRect() const;
    // The room kept for the label, with the " · DOWN" it may get.
    QRectF reservedRect() const { return reservedRect_; }
    void setDown(bool down);
    bool isDown() const { return down_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString shownLabel() const;
    QRectF labelRectFor(const QString& text) const;

    std::int32_t id_;
    QLineF line_;
    QString label_;
    QPointF labelCentre_;
    QRectF labelRect_;
    QRectF reservedRect_;
    bool down_ = false;
};

}  // namespace netstage::gui
