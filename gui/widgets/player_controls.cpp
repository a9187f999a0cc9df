#include "gui/widgets/player_controls.hpp"

#include <QAction>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include "gui/model/playback_clock.hpp"
#include "gui/widgets/look.hpp"
#include "gui/widgets/timeline_scrubber.hpp"

namespace netstage::gui {

namespace {
QToolButton* buttonFor(QAction* action, QWidget* parent) {
    auto* button = new QToolButton{parent};
    // The font first: QToolButton measures its text once, when it gets the action.
    button->setFont(look::panelFont());
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setDefaultAction(action);
    button->setFocusPolicy(Qt::NoFocus);  // keys go to the window's shortcuts
    button->setMinimumHeight(44);
    // Never narrower than its label: a cut label ("Messa") reads as a bug on
    // a projector. When the bar is too narrow for the long labels, it
    // switches to the short ones (setCompact).
    button->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    return button;
}
}  // namespace

PlayerControls::PlayerControls(const PlayerActions& actions, QWidget* parent)
    : QWidget{parent},
      timeline_{new TimelineScrubber{this}},
      live_{new QToolButton{this}},
      speed_{new QSlider{Qt::Horizontal, this}},
      speedLabel_{new QLabel{this}},
      clock_{new QLabel{this}},
      progress_{new QLabel{this}} {
    auto* buttons = new QHBoxLayout;
    row_ = buttons;
    buttons->setSpacing(6);
    live_->setFont(look::labelBoldFont());
    // As wide as its widest text, so the bar does not jump between them.
    live_->setMinimumWidth(QFontMetrics{look::labelBoldFont()}.horizontalAdvance(QStringLiteral("\u25b6| Go live")) + 32);
    live_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    live_->setFocusPolicy(Qt::NoFocus);
    live_->setMinimumHeight(44);
    live_->setAutoRaise(false);
    live_->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    live_->hide();
    connect(live_, &QToolButton::clicked, this, &PlayerControls::goLiveRequested);
    buttons->addWidget(live_);
    for (QAction* action : {actions.home, actions.previousMessage, actions.previousPacket, actions.playPause,
                            actions.nextPacket, actions.nextMessage, actions.end}) {
        if (action != nullptr) buttons->addWidget(buttonFor(action, this));
    }
    // Short labels for a narrow window; Play/Pause is short already.
    const std::pair<QAction*, const char*> shortLabels[] = {
        {actions.home, "|\u25c0"},        {actions.previousMessage, "\u25c0\u25c0"}, {actions.previousPacket, "\u25c0"},
        {actions.nextPacket, "\u25b6"},   {actions.nextMessage, "\u25b6\u25b6"},     {actions.end, "\u25b6|"}};
    for (const auto& [action, label] : shortLabels) {
        if (action != nullptr) shortLabels_.emplace_back(action, QString::fromUtf8(label));
    }
    buttons->addSpacing(20);

    speedCaption_ = new QLabel{tr("Speed"), this};
    speedCaption_->setFont(look::panelFont());
    speed_->setRange(0, speedSteps);
    speed_->setFocusPolicy(Qt::NoFocus);
    speed_->setMinimumWidth(90);
    speed_->setToolTip(tr("Simulated time per wall-clock second, 0.01x to 1000x"));
    speedLabel_->setFont(look::panelFont());
    speedLabel_->setMinimumWidth(QFontMetrics{look::panelFont()}.horizontalAdvance(QStringLiteral("0.000x ")));
    buttons->addWidget(speedCaption_);
    buttons->addWidget(speed_, 1);
    buttons->addWidget(speedLabel_);
    buttons->addSpacing(20);

    progress_->setFont(look::panelFont());
    // Room for the longest progress text, so the bar's minimum holds it.
    progress_->setMinimumWidth(QFontMetrics{look::panelFont()}.horizontalAdvance(QStringLiteral("message 00000 of 00000")));
    buttons->addWidget(progress_);
    buttons->addSpacing(20);
    clock_->setFont(look::clockFont());
    clock_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    clock_->setMinimumWidth(QFontMetrics{look::clockFont()}.horizontalAdvance(QStringLiteral("t = 000000.000 ms")));
    buttons->addWidget(clock_);

    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(10, 6, 10, 8);
    layout->addLayout(buttons);
    layout->addWidget(timeline_);

    measure();

    connect(speed_, &QSlider::valueChanged, this, [this](int value) {
        const double speed = speedForSlider(value, speedSteps);
        speedLabel_->setText(QString::fromStdString(formatSpeed(speed)));
        emit speedRequested(speed);
    });
}

void PlayerControls::measure() {
    // What the bar needs with each set of labels. Its minimum is the short
    // set's, so a narrow window squeezes it and the labels switch, instead of
    // the window growing past the screen.
    const bool wasCompact = compact_;
    setCompact(true);
    row_->invalidate();  // the row caches its minimum; the buttons' new labels changed it
    layout()->invalidate();
    compactWidth_ = layout()->minimumSize().width();
    setCompact(false);
    row_->invalidate();
    layout()->invalidate();
    fullWidth_ = layout()->minimumSize().width();
    setMinimumWidth(compactWidth_);
    setCompact(wasCompact);
    if (width() > 0 && isVisible()) setCompact(width() < fullWidth_);
}

void PlayerControls::setCompact(bool compact) {
    if (compact == compact_) return;
    compact_ = compact;
    // A tool button shows its action's icon text, which is the text when empty.
    for (const auto& [action, label] : shortLabels_) action->setIconText(compact ? label : QString{});
    // The slider's tooltip names it, and the clock says where the cursor is.
    speedCaption_->setVisible(!compact);
    progress_->setVisible(!compact);
}

void PlayerControls::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    setCompact(width() < fullWidth_);
}

void PlayerControls::setLiveMarker(LiveMarker marker) {
    liveMarker_ = marker;
    const bool wasShown = !live_->isHidden();
    live_->setVisible(marker != LiveMarker::Off);
    // Red for "this is happening now", as a broadcast's on-air sign; plain
    // when the cursor is elsewhere, so the difference is seen from the back row.
    const QString onAir = QStringLiteral("QToolButton { background: #c62828; color: white; border-radius: 6px; padding: 4px 12px; }");
    const QString plain = QStringLiteral("QToolButton { border: 2px solid #c62828; border-radius: 6px; padding: 2px 10px; }");
    switch (marker) {
    case LiveMarker::Off: break;
    case LiveMarker::Following:
        live_->setText(tr("\u25cf LIVE"));
        live_->setToolTip(tr("The cursor follows the present: what real clients send is shown as it happens"));
        live_->setStyleSheet(onAir);
        break;
    case LiveMarker::Behind:
        live_->setText(tr("\u25b6| Go live"));
        live_->setToolTip(tr("The cursor is in the past; back to the present (End)"));
        live_->setStyleSheet(plain);
        break;
    case LiveMarker::Paused:
        live_->setText(tr("\u275a\u275a Paused"));
        live_->setToolTip(tr("The world is paused: what clients send waits and enters it on Resume (Space)"));
        live_->setStyleSheet(plain);
        break;
    }
    // The marker's widest text is part of the bar's minimum from when it shows.
    if (wasShown != !live_->isHidden()) measure();
}

void PlayerControls::setClock(const QString& text) { clock_->setText(text); }
QString PlayerControls::clockText() const { return clock_->text(); }
void PlayerControls::setProgress(const QString& text) { progress_->setText(text); }

void PlayerControls::setSpeed(double speed) {
    const QSignalBlocker blocker{speed_};
    speed_->setValue(sliderForSpeed(speed, speedSteps));
    speedLabel_->setText(QString::fromStdString(formatSpeed(speed)));
}

}  // namespace netstage::gui
