#pragma once
// A view on the sequence chart that zooms with Ctrl+wheel, + and - (0 goes
// back to 100 %) and pans by dragging the background.

#include <QGraphicsView>

namespace netstage::gui {

class SequenceChartView : public QGraphicsView {
    Q_OBJECT
public:
    explicit SequenceChartView(QGraphicsScene* scene, QWidget* parent = nullptr);

    double zoom() const { return zoom_; }
    static constexpr double minZoom = 0.1;
    static constexpr double maxZoom = 8.0;

public slots:
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();

signals:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    double zoom_ = 1.0;
};

}  // namespace netstage::gui
