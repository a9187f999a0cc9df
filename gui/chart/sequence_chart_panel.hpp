#pragma once
// The sequence chart panel: the chart of the open document with its options
// (lifelines per host or per application), its filters (layer: application
// messages and/or TCP segments without payload; protocol; connection) and
// zoom. options() is exactly what the File menu's export draws. The chart is rebuilt with trace::buildMsc and trace::layoutMsc when
// the document or an option changes; clicking an arrow puts the player's
// cursor on the arrow's record, and the current arrow follows the cursor.

#include <QWidget>

#include "simulator/trace/msc_model.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QTimer;

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
    QCheckBox& applicationMessagesBox() { return *applicationMessages_; }
    // "all" first, then each protocol or connection of the document; the
    // item data is what MscOptions takes ("smtp", "10.0.1.10:49152-10.0.2.10:25").
    QComboBox& protocolFilter() { return *protocol_; }
    QComboBox& connectionFilter() { return *connection_; }
    trace::MscOptions options() const;
    static constexpr int growMilliseconds = 250;

public slots:
    void setPerApplication(bool on);
    void setShowTcpSegments(bool on);
    void setShowApplicationMessages(bool on);
    // Empty: all. Unknown values select "all".
    void setProtocolFilter(const QString& protocol);
    void setConnectionFilter(const QString& connection);
    void rebuild();
    // The rows of check boxes, filters and zoom buttons; presentation mode
    // hides them (the filters still apply, and the keys still zoom).
    void setOptionBarsVisible(bool visible);
    bool optionBarsVisible() const;
    // Scrolls so the current arrow (or the cursor line) is in view.
    void revealCursor();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onCursorChanged();
    void onDocumentChanged();
    void onDocumentGrew();
    void fillProtocols(const trace::MscChart& chart);
    void fillConnections(const trace::MscChart& chart);

    PlayerController& player_;
    SequenceChartScene* scene_;
    SequenceChartView* view_;
    QCheckBox* perApplication_;
    QCheckBox* tcpSegments_;
    QCheckBox* applicationMessages_;
    QComboBox* protocol_;
    QComboBox* connection_;
    QLabel* zoomLabel_;
    QWidget* optionBars_ = nullptr;
    // A live run grows many times a second: the chart is laid out again at
    // most every growInterval, and not while hidden.
    QTimer* grow_;
    bool stale_ = false;
};

}  // namespace netstage::gui
