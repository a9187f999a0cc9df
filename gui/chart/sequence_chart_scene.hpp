#pragma once
// The sequence chart as a QGraphicsScene: it draws an MscLayout (the same
// geometry the SVG export writes) and never computes positions of its own.
// One item per arrow, so the scene's index draws and hit-tests only what is
// in view. A horizontal line marks the player's cursor time and the arrow
// of the last record that has happened is highlighted.

#include <QGraphicsScene>
#include <optional>
#include <utility>
#include <vector>

#include "simulator/trace/msc_layout.hpp"

class QGraphicsLineItem;

namespace netstage::gui {

class MscArrowItem;

class SequenceChartScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit SequenceChartScene(QObject* parent = nullptr);

    void setChart(trace::MscChart chart, trace::MscLayout layout);
    void clearChart();
    const trace::MscChart& chart() const { return chart_; }
    const trace::MscLayout& layout() const { return layout_; }

    // Records [0, position) have happened, at `time`.
    void setCursor(std::size_t position, Time time);
    std::optional<std::size_t> currentArrow() const { return current_; }
    double cursorY() const;

    std::size_t arrowCount() const { return arrows_.size(); }
    MscArrowItem* arrowItem(std::size_t arrow) const { return arrows_.at(arrow); }
    // The arrow drawn for a trace record, if there is one.
    std::optional<std::size_t> arrowOfRecord(std::size_t record) const;

    // What a click on an arrow does: reports its record.
    void activateArrow(std::size_t arrow);

signals:
    void arrowClicked(std::size_t record);

private:
    void drawFrame();

    trace::MscChart chart_;
    trace::MscLayout layout_;
    std::vector<MscArrowItem*> arrows_;                       // by arrow index
    std::vector<std::pair<std::size_t, std::size_t>> byRecord_;  // (record, arrow), sorted
    std::optional<std::size_t> current_;
    QGraphicsLineItem* cursorLine_ = nullptr;
};

}  // namespace netstage::gui
