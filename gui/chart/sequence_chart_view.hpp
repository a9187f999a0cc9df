#pragma once
// A view on the sequence chart that zooms with Ctrl+wheel, + and - (0 goes
// back to 100 %) and pans by dragging the background. Whenever what it shows
// changes (scroll, zoom, resize, a new chart) it tells the scene, which keeps
// items only for the arrows near it. Once the lifeline boxes have scrolled
// out of sight, a copy of them stays pinned at the top of the view, so the
// middle of a long chart still says which line is which host.

#include <QGraphicsView>

namespace netstage::gui {

class SequenceChartScene;

class SequenceChartView : public QGraphicsView {
    Q_OBJECT
public:
    explicit SequenceChartView(SequenceChartScene* scene, QWidget* parent = nullptr);

    // The part of the scene on screen.
    QRectF visibleSceneRect() const;
    // Whether the lifeline boxes are drawn pinned at the top (scrolled past them).
    bool headerPinned() const;

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
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    void showRegion();

    SequenceChartScene* chartScene_;
    bool wasPinned_ = false;
    double zoom_ = 1.0;
};

}  // namespace netstage::gui
