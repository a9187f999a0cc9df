#pragma once
// The whole run as a bar: a tick per application message (coloured by
// protocol), the cursor as a playhead. Click or drag to seek. Long quiet
// stretches are compressed (TimelineScale), so every burst stays visible.

#include <QColor>
#include <QWidget>
#include <vector>

#include "gui/model/timeline_scale.hpp"

namespace netstage::gui {

class TimelineScrubber : public QWidget {
    Q_OBJECT
public:
    struct Tick {
        qint64 time = 0;  // nanoseconds
        QColor colour;
    };

    explicit TimelineScrubber(QWidget* parent = nullptr);

    void setScale(TimelineScale scale);
    void setTicks(std::vector<Tick> ticks);
    void setPosition(qint64 nanoseconds);
    qint64 position() const { return position_; }
    const TimelineScale& scale() const { return scale_; }
    const std::vector<Tick>& ticks() const { return ticks_; }
    // Where time t is drawn, and which time is at x (tests use both).
    int xForTime(qint64 t) const;
    qint64 timeForX(int x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seekRequested(qint64 nanoseconds);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRect track() const;

    TimelineScale scale_;
    qint64 position_ = 0;
    std::vector<Tick> ticks_;
};

}  // namespace netstage::gui
