#pragma once
// The transport bar under the topology: step and play buttons (they show the
// window's actions, so keys and buttons are one thing), the logarithmic speed
// slider, the simulated clock and the timeline.

#include <QWidget>

class QAction;
class QLabel;
class QSlider;

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

signals:
    void speedRequested(double speed);

private:
    TimelineScrubber* timeline_;
    QSlider* speed_;
    QLabel* speedLabel_;
    QLabel* clock_;
    QLabel* progress_;
};

}  // namespace netstage::gui
