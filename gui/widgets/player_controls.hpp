#pragma once
// The transport bar under the topology: step and play buttons (they show the
// window's actions, so keys and buttons are one thing), the logarithmic speed
// slider, the simulated clock and the timeline.

#include <QString>
#include <QWidget>
#include <utility>
#include <vector>

class QAction;
class QLabel;
class QSlider;
class QToolButton;
class QHBoxLayout;

namespace netstage::gui {

class TimelineScrubber;

struct PlayerActions {
    QAction* playPause = nullptr;
    QAction* previousMessage = nullptr;
    QAction* nextMessage = nullptr;
    QAction* previousPacket = nullptr;
    QAction* nextPacket = nullptr;
    QAction* home = nullptr;
    QAction* end = nullptr;
};

class PlayerControls : public QWidget {
    Q_OBJECT
public:
    static constexpr int speedSteps = 500;

    PlayerControls(const PlayerActions& actions, QWidget* parent = nullptr);

    TimelineScrubber* timeline() const { return timeline_; }
    QSlider* speedSlider() const { return speed_; }
    void setClock(const QString& text);
    QString clockText() const;
    void setProgress(const QString& text);  // "message 3 of 14"
    void setSpeed(double speed);            // moves the slider without re-emitting
    // Short button labels ("◀◀" for "◀ Message"), and no "Speed" caption or
    // "message 3 of 14", when the bar is too narrow for the long ones;
    // switched by the bar's width.
    void setCompact(bool compact);
    bool isCompact() const { return compact_; }

    // Live mode's marker, left of the buttons: hidden for a recorded trace;
    // "● LIVE" while the cursor follows the present; "▶| Go live" (which
    // returns to it) when the cursor was moved back; "❚❚ LIVE paused" while
    // the world is paused.
    enum class LiveMarker { Off, Following, Behind, Paused };
    void setLiveMarker(LiveMarker marker);
    LiveMarker liveMarker() const { return liveMarker_; }
    QToolButton* liveButton() const { return live_; }

signals:
    void speedRequested(double speed);
    void goLiveRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void measure();

    TimelineScrubber* timeline_;
    QHBoxLayout* row_ = nullptr;
    QToolButton* live_;
    LiveMarker liveMarker_ = LiveMarker::Off;
    QSlider* speed_;
    QLabel* speedLabel_;
    QLabel* speedCaption_ = nullptr;
    QLabel* clock_;
    QLabel* progress_;
    std::vector<std::pair<QAction*, QString>> shortLabels_;
    bool compact_ = false;
    int fullWidth_ = 0;     // the bar's minimum width with the long labels
    int compactWidth_ = 0;  // and with the short ones
};

}  // namespace netstage::gui
