#include "gui/widgets/timeline_scrubber.hpp"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <limits>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
constexpr int sideMargin = 14;
}

TimelineScrubber::TimelineScrubber(QWidget* parent) : QWidget{parent} {
    setFocusPolicy(Qt::NoFocus);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TimelineScrubber::setScale(TimelineScale scale) {
    scale_ = std::move(scale);
    update();
}

void TimelineScrubber::setTicks(std::vector<Tick> ticks) {
    ticks_ = std::move(ticks);
    update();
}

void TimelineScrubber::setPosition(qint64 nanoseconds) {
    if (nanoseconds == position_) return;
    position_ = nanoseconds;
    update();
}

QSize TimelineScrubber::sizeHint() const { return {800, 44}; }
QSize TimelineScrubber::minimumSizeHint() const { return {200, 44}; }

QRect TimelineScrubber::track() const { return rect().adjusted(sideMargin, 8, -sideMargin, -8); }

int TimelineScrubber::xForTime(qint64 t) const {
    const QRect r = track();
    return r.left() + static_cast<int>(scale_.fractionAt(Time::fromNanoseconds(t)) * r.width());
}

qint64 TimelineScrubber::timeForX(int x) const {
    const QRect r = track();
    if (r.width() <= 0) return 0;
    return scale_.timeAt(static_cast<double>(x - r.left()) / r.width()).nanoseconds();
}

void TimelineScrubber::paintEvent(QPaintEvent*) {
    QPainter p{this};
    p.setRenderHint(QPainter::Antialiasing);
    const QRect r = track();
    p.setPen(Qt::NoPen);
    p.setBrush(look::sectionFill());
    p.drawRoundedRect(r, 6, 6);
    p.setBrush(look::trackDone());
    p.drawRoundedRect(QRect{r.left(), r.top(), xForTime(position_) - r.left(), r.height()}, 6, 6);
    // A long trace has a tick per message, hundreds of thousands: draw each
    // pixel column once per colour.
    int lastX = std::numeric_limits<int>::min();
    QColor lastColour;
    for (const Tick& tick : ticks_) {
        const int x = xForTime(tick.time);
        if (x == lastX && tick.colour == lastColour) continue;
        lastX = x;
        lastColour = tick.colour;
        p.setPen(QPen{tick.colour, 3});
        p.drawLine(x, r.top() + 4, x, r.bottom() - 4);
    }
    const int x = xForTime(position_);
    p.setPen(QPen{look::ink(), 2});
    p.setBrush(look::dropColor());
    p.drawPolygon(QPolygon{{QPoint{x - 8, 0}, QPoint{x + 8, 0}, QPoint{x, 10}}});
    p.drawLine(x, 0, x, height());
}

void TimelineScrubber::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) emit seekRequested(timeForX(event->position().toPoint().x()));
}

void TimelineScrubber::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) emit seekRequested(timeForX(event->position().toPoint().x()));
}

}  // namespace netstage::gui
