#pragma once
// Where a packet was lost: a red cross with the reason ("loss", "queue-full").

#include <QGraphicsItem>
#include <QString>

namespace netstage::gui {

class DropItem : public QGraphicsItem {
public:
    DropItem();
    void setReason(const QString& reason);
    const QString& reason() const { return reason_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString reason_;
    QRectF bounds_;
};

}  // namespace netstage::gui
