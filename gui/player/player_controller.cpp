#include "gui/player/player_controller.hpp"

#include <QElapsedTimer>

namespace netstage::gui {

namespace {
constexpr double defaultSpeed = 0.02;  // a 10 ms hop takes half a second to watch
}

PlayerController::PlayerController(QObject* parent) : QObject{parent} {
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    wallClock_ = [elapsed] { return elapsed->nsecsElapsed(); };
    clock_.setSpeed(defaultSpeed, 0);
    timer_.setInterval(frameMilliseconds);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &PlayerController::tick);
}

void PlayerController::setWallClock(WallClock clock) { wallClock_ = std::move(clock); }

void PlayerController::setDocument(std::unique_ptr<Playback> playback) {
    pause();
    setLive(false);
    emit documentAboutToChange();
    playback_ = std::move(playback);
    if (playback_) playback_->home();
    emit documentChanged();
    emit cursorChanged();
}

void PlayerController::setLive(bool live) {
    if (live == live_) return;
    live_ = live;
    const bool wasFollowing = following_;
    following_ = live;
    emit liveChanged(live);
    if (wasFollowing != following_) emit followingChanged(following_);
}

void PlayerController::appendRecords(std::vector<trace::Record> records, Time now) {
    if (!playback_) return;
    const Playback::Growth growth = playback_->append(std::move(records), now);
    emit documentGrew(growth);
    if (isFollowing()) {
        playback_->end();
        emit cursorChanged();
    }
}

void PlayerController::play() {
    if (!playback_ || isPlaying()) return;
    if (playback_->atEnd()) playback_->home();
    clock_.anchor(playback_->time(), wallNow());
    timer_.start();
    emit playingChanged(true);
    emit cursorChanged();
}

void PlayerController::pause() {
    if (!isPlaying()) return;
    timer_.stop();
    emit playingChanged(false);
}

void PlayerController::togglePlay() {
    if (isPlaying()) pause();
    else play();
}

template <typename Step>
void PlayerController::step(Step&& move) {
    if (!playback_) return;
    pause();  // a step is a deliberate stop; playing on from here is one key away
    if (following_) {
        following_ = false;
        emit followingChanged(false);
    }
    move(*playback_);
    emit cursorChanged();
}

void PlayerController::nextMessage() { step([](Playback& p) { p.nextMessage(); }); }
void PlayerController::previousMessage() { step([](Playback& p) { p.previousMessage(); }); }
void PlayerController::nextPacket() { step([](Playback& p) { p.nextPacket(); }); }
void PlayerController::previousPacket() { step([](Playback& p) { p.previousPacket(); }); }
void PlayerController::home() { step([](Playback& p) { p.home(); }); }
void PlayerController::end() {
    step([](Playback& p) { p.end(); });
    if (live_ && !following_) {
        following_ = true;
        emit followingChanged(true);
    }
}

void PlayerController::seekMessage(int message) {
    if (message < 0) return;
    step([message](Playback& p) { p.seekMessage(static_cast<std::size_t>(message)); });
}

void PlayerController::seekRecord(qint64 record) {
    if (!playback_ || record < 0 || static_cast<std::size_t>(record) >= playback_->log().records.size()) return;
    step([record](Playback& p) { p.seekPosition(static_cast<std::size_t>(record) + 1); });
}

void PlayerController::seekTime(qint64 nanoseconds) {
    if (!playback_) return;
    if (following_) {
        following_ = false;
        emit followingChanged(false);
    }
    // Scrubbing keeps playing from the new place.
    playback_->seekTime(Time::fromNanoseconds(nanoseconds));
    clock_.anchor(playback_->time(), wallNow());
    emit cursorChanged();
}

void PlayerController::setSpeed(double speed) {
    clock_.setSpeed(speed, wallNow());
    emit speedChanged(clock_.speed());
}

void PlayerController::setSkipIdleTime(bool skip) { skipIdle_ = skip; }

void PlayerController::tick() {
    if (!playback_ || !isPlaying()) return;
    Time t = clock_.simulatedAt(wallNow());
    const Time last = playback_->endTime();
    if (skipIdle_ && playback_->hopsInFlight().empty() && playback_->dropsShown().empty()) {
        // Nothing moves until the next record: jump there instead of
        // showing an empty network for seconds (a retry timer, a think time).
        if (const auto next = playback_->nextRecordTime(); next && *next > t) {
            t = *next;
            clock_.anchor(t, wallNow());
        }
    }
    if (t >= last || !playback_->nextRecordTime()) {
        playback_->end();
        pause();
    } else {
        playback_->seekTime(t);
    }
    emit cursorChanged();
}

}  // namespace netstage::gui
