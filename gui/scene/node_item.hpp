#pragma once
// A host or router: its icon, its name and address below, and badges for
// the mail it holds (mailboxes, queue) as of the cursor.

#include <QGraphicsItem>
#include <QString>
#include <QStringList>

#include "gui/model/topology.hpp"

namespace netstage::gui {

class NodeItem : public QGraphicsItem {
public:
    static constexpr qreal iconSize = 96;

    explicit NodeItem(const NodeInfo& node);

    std::uint32_t nodeId() const { return id_; }
    const QString& name() const { return name_; }
    NodeRole role() const { return role_; }
    // Width of icon and label, for the layout (before the item exists).
    static qreal widthFor(const NodeInfo& node);
    static qreal height();

    // Icon and label as drawn, in item coordinates: what link labels avoid.
    QRectF occupiedRect() const { return occupied_; }
    // The name and address lines under the icon, in item coordinates.
    QRectF nameRect() const { return nameRect_; }

    void setMailCounts(int mailbox, int queue);
    int mailboxCount() const { return mailbox_; }
    int queueCount() const { return queue_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    static QStringList labelLines(const NodeInfo& node);

    std::uint32_t id_;
    QString name_;
    NodeRole role_;
    QStringList lines_;  // name, then addresses
    QRectF bounds_;
    QRectF occupied_;
    QRectF nameRect_;
    int mailbox_ = 0;
    int queue_ = 0;
};

}  // namespace netstage::gui
