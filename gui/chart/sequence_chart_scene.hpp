#pragma once
// The sequence chart as a QGraphicsScene: it draws an MscLayout (the same
// geometry the SVG export writes) and never computes positions of its own.
// A trace of a million records gives a chart of a hundred thousand arrows, so
// arrows become items only near the region a view shows (showRegion) or when
// asked for (arrowItem); items far out of view are deleted again. The time
// axis is one item that paints only its visible ticks. A horizontal line
// marks the player's cursor time and the arrow of the last record that has
// happened is highlighted.

#include <QGraphicsScene>
#include <optional>
#include <utility>
#include <vector>

#include "simulator/trace/msc_layout.hpp"

class QGraphicsLineItem;

namespace netstage::gui {

class MscArrowItem;
class MscAxisItem;

class SequenceChartScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit SequenceChartScene(QObject* parent = nullptr);
    ~SequenceChartScene() override;

    void setChart(trace::MscChart chart, trace::MscLayout layout);
    void clearChart();
    const trace::MscChart& chart() const { return chart_; }
    const trace::MscLayout& layout() const { return layout_; }

    // Records [0, position) have happened, at `time`.
    void setCursor(std::size_t position, Time time);
    std::optional<std::size_t> currentArrow() const { return current_; }
    double cursorY() const;

    std::size_t arrowCount() const { return arrows_.size(); }
    // The item of an arrow, made now if it is not in the scene yet. It stays
    // until a showRegion() far from it.
    MscArrowItem* arrowItem(std::size_t arrow);
    // Where an arrow is drawn (line, head and label), without making its item.
    QRectF arrowBounds(std::size_t arrow) const;
    // Makes items of the arrows that reach into `region` or within one region
    // height of it, and deletes the others. Views call it when they scroll,
    // zoom or resize.
    void showRegion(const QRectF& region);
    std::size_t itemisedArrowCount() const { return itemised_.size(); }
    bool isItemised(std::size_t arrow) const { return arrows_.at(arrow) != nullptr; }
    const MscAxisItem* axisItem() const { return axis_; }
    // The arrow drawn for a trace record, if there is one.
    std::optional<std::size_t> arrowOfRecord(std::size_t record) const;

    // What a click on an arrow does: reports its record.
    void activateArrow(std::size_t arrow);

signals:
    void arrowClicked(std::size_t record);
    // A new chart (or none): views tell the scene again what they show.
    void chartChanged();

private:
    struct Extent {
        double top = 0;
        double bottom = 0;
        std::size_t arrow = 0;
    };

    void drawFrame();
    void drawLanes();  // bars and port labels of concurrent connections
    void indexExtents();
    MscArrowItem* makeItem(std::size_t arrow);

    trace::MscChart chart_;
    trace::MscLayout layout_;
    std::vector<MscArrowItem*> arrows_;                       // by arrow index; null while not an item
    std::vector<std::size_t> itemised_;                       // arrows that are items now
    std::vector<Extent> extents_;                             // by top
    double tallest_ = 0;                                      // largest bottom - top
    MscAxisItem* axis_ = nullptr;
    std::vector<std::pair<std::size_t, std::size_t>> byRecord_;  // (record, arrow), sorted
    std::optional<std::size_t> current_;
    QGraphicsLineItem* cursorLine_ = nullptr;
};

}  // namespace netstage::gui
