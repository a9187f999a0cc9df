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
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setFont(look::panelFont());
    button->setFocusPolicy(Qt::NoFocus);  // keys go to the window's shortcuts
    button->setMinimumHeight(44);
    button->setMinimumWidth(64);
    return button;
}
}  // namespace

PlayerControls::PlayerControls(const PlayerActions& actions, QWidget* parent)
    : QWidget{parent},
      timeline_{new TimelineScrubber{this}},
      speed_{new QSlider{Qt::Horizontal, this}},
      speedLabel_{new QLabel{this}},
      clock_{new QLabel{this}},
      progress_{new QLabel{this}} {
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    for (QAction* action : {actions.home, actions.previousMessage, actions.previousPacket, actions.playPause,
                            actions.nextPacket, actions.nextMessage, actions.end}) {
        if (action != nullptr) buttons->addWidget(buttonFor(action, this));
    }
    buttons->addSpacing(20);

    auto* speedCaption = new QLabel{tr("Speed"), this};
    speedCaption->setFont(look::panelFont());
    speed_->setRange(0, speedSteps);
    speed_->setFocusPolicy(Qt::NoFocus);
    speed_->setMinimumWidth(180);
    speed_->setToolTip(tr("Simulated time per wall-clock second, 0.01x to 1000x"));
    speedLabel_->setFont(look::panelFont());
    speedLabel_->setMinimumWidth(QFontMetrics{look::panelFont()}.horizontalAdvance(QStringLiteral("0.000x ")));
    buttons->addWidget(speedCaption);
    buttons->addWidget(speed_, 1);
    buttons->addWidget(speedLabel_);
    buttons->addSpacing(20);

    progress_->setFont(look::panelFont());
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

    connect(speed_, &QSlider::valueChanged, this, [this](int value) {
        const double speed = speedForSlider(value, speedSteps);
        speedLabel_->setText(QString::fromStdString(formatSpeed(speed)));
        emit speedRequested(speed);
    });
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
