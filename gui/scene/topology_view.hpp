#pragma once
// Shows the topology scene, scaled so the whole network fits the space the
// view has, again whenever that space changes (a panel opened beside it, the
// window resized), until the user zooms (Ctrl+wheel); F fits it again.

#include <QColor>
#include <QGraphicsView>
#include <QList>
#include <QPair>

class QLabel;

namespace netstage::gui {

class TopologyView : public QGraphicsView {
    Q_OBJECT
public:
    explicit TopologyView(QGraphicsScene* scene, QWidget* parent = nullptr);
    // Fits the whole network and forgets the user's zoom.
    void fitScene();
    // Zooms by `factor` around `viewPoint` (the wheel does, with Ctrl); the
    // view then keeps that zoom when resized, and can be dragged.
    void zoomBy(qreal factor, QPoint viewPoint);
    bool userZoomed() const { return userZoomed_; }
    // Which colour means which protocol, in the view's top-left corner.
    void setLegend(const QList<QPair<QString, QColor>>& entries);
    QString legendText() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void styleLegend();

    QLabel* legend_;
    bool userZoomed_ = false;
};

}  // namespace netstage::gui
