#pragma once
// Shows the topology scene, scaled to fit the window but never so small that
// labels stop being readable from the back of the room.

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
    void fitScene();
    // Which colour means which protocol, in the view's top-left corner.
    void setLegend(const QList<QPair<QString, QColor>>& entries);
    QString legendText() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void styleLegend();

    QLabel* legend_;
};

}  // namespace netstage::gui
