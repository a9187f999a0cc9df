#pragma once
// The sequence chart panel: the chart of the open document with its options
// (lifelines per host or per application, TCP segments without payload) and
// zoom. The chart is rebuilt with trace::buildMsc and trace::layoutMsc when
// the document or an option changes; clicking an arrow puts the player's
// cursor on the arrow's record, and the current arrow follows the cursor.

#include <QWidget>

#include "simulator/trace/msc_model.hpp"

class QCheckBox;
class QLabel;

namespace netstage::gui {

class PlayerController;
class SequenceChartScene;
class SequenceChartView;

class SequenceChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit SequenceChartPanel(PlayerController& player, QWidget* parent = nullptr);

    SequenceChartScene& scene() { return *scene_; }
    SequenceChartView& view() { return *view_; }
    QCheckBox& perApplicationBox() { return *perApplication_; }
    QCheckBox& tcpSegmentsBox() { return *tcpSegments_; }
    trace::MscOptions options() const;

public slots:
    void setPerApplication(bool on);
    void setShowTcpSegments(bool on);
    void rebuild();
    // Scrolls so the current arrow (or the cursor line) is in view.
    void revealCursor();

private:
    void onCursorChanged();

    PlayerController& player_;
    SequenceChartScene* scene_;
    SequenceChartView* view_;
    QCheckBox* perApplication_;
    QCheckBox* tcpSegments_;
    QLabel* zoomLabel_;
};

}  // namespace netstage::gui
