#pragma once
// Owns the document being played (a Playback) and moves its cursor: by
// steps (application message, packet), by seeking, or by playing, where a
// timer maps wall time to simulated time through a PlaybackClock. The timer
// runs only while playing. Views listen to cursorChanged() and redraw.

#include <QObject>
#include <QTimer>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "gui/model/playback.hpp"
#include "gui/model/playback_clock.hpp"

namespace netstage::gui {

class PlayerController : public QObject {
    Q_OBJECT
public:
    using WallClock = std::function<std::int64_t()>;  // monotonic nanoseconds

    explicit PlayerController(QObject* parent = nullptr);

    // Tests drive time themselves; the default is a monotonic wall clock.
    void setWallClock(WallClock clock);

    void setDocument(std::unique_ptr<Playback> playback);
    const Playback* playback() const { return playback_.get(); }

    bool isPlaying() const { return timer_.isActive(); }

    // Live mode (a LiveSession feeds the document as the world runs). While
    // following, the cursor stays on the present; any step or seek leaves
    // follow mode, and end() returns to it.
    void setLive(bool live);
    bool isLive() const { return live_; }
    bool isFollowing() const { return live_ && following_; }
    // Records that happened since the last call; the present is `now`.
    void appendRecords(std::vector<trace::Record> records, Time now);
    double speed() const { return clock_.speed(); }
    bool skipsIdleTime() const { return skipIdle_; }
    static constexpr int frameMilliseconds = 16;

public slots:
    void play();
    void pause();
    void togglePlay();
    void nextMessage();
    void previousMessage();
    void nextPacket();
    void previousPacket();
    void home();
    void end();
    void seekTime(qint64 nanoseconds);
    void seekMessage(int message);
    // Puts the cursor just after trace record `record` (it has happened):
    // how the sequence chart and the event list jump to what was clicked.
    void seekRecord(qint64 record);
    void setSpeed(double speed);
    void setSkipIdleTime(bool skip);
    // One frame of playback; the timer calls it, tests may too.
    void tick();

signals:
    // Views that point into the current document let go of it here.
    void documentAboutToChange();
    void documentChanged();
    void cursorChanged();
    void playingChanged(bool playing);
    void speedChanged(double speed);
    // A live document grew (the cursor may not have moved).
    void documentGrew(const Playback::Growth& growth);
    void liveChanged(bool live);
    void followingChanged(bool following);

private:
    template <typename Step>
    void step(Step&& move);
    std::int64_t wallNow() const { return wallClock_(); }

    std::unique_ptr<Playback> playback_;
    QTimer timer_;
    WallClock wallClock_;
    PlaybackClock clock_;
    bool skipIdle_ = true;
    bool live_ = false;
    bool following_ = false;
};

}  // namespace netstage::gui
