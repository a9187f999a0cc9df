#include "gui/checklist/checklist_panel.hpp"

#include <QFontMetrics>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QListWidget>
#include <QVBoxLayout>

#include "gui/player/player_controller.hpp"
#include "gui/widgets/look.hpp"
#include "simulator/expect/run_view.hpp"

namespace netstage::gui {

namespace {

QString stateName(EntryState state) {
    switch (state) {
        case EntryState::Passed: return ChecklistPanel::tr("Passed");
        case EntryState::Failed: return ChecklistPanel::tr("Failed");
        case EntryState::Pending: break;
    }
    return ChecklistPanel::tr("Pending");
}

QColor colour(EntryState state) {
    // Dark enough on white, light enough on the dark theme's paper.
    const bool dark = look::isDark();
    switch (state) {
        case EntryState::Passed: return dark ? QColor{0x7c, 0xd9, 0x92} : QColor{0x1b, 0x6e, 0x34};
        case EntryState::Failed: return dark ? QColor{0xff, 0x8a, 0x80} : QColor{0xb0, 0x1c, 0x1c};
        case EntryState::Pending: break;
    }
    return look::dimInk();
}

// A tick or a cross on a disc of the verdict's colour, an empty ring while
// pending: as an icon, so an entry's wrapped lines stay clear of the mark.
QIcon markIcon(EntryState state, int size) {
    const qreal ratio = 2.0;  // sharp on high-density screens and in screenshots
    QPixmap pixmap{QSize{size, size} * ratio};
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter{&pixmap};
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF disc{1.5, 1.5, size - 3.0, size - 3.0};
    const QColor fill = colour(state);
    if (state == EntryState::Pending) {
        painter.setPen(QPen{fill, 2.0});
        painter.drawEllipse(disc);
        return QIcon{pixmap};
    }
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawEllipse(disc);
    painter.setPen(QPen{look::isDark() ? QColor{Qt::black} : QColor{Qt::white}, size / 8.0, Qt::SolidLine, Qt::RoundCap,
                        Qt::RoundJoin});
    const qreal s = size;
    if (state == EntryState::Passed) {
        painter.drawPolyline(QPolygonF{{QPointF{s * 0.28, s * 0.52}, QPointF{s * 0.44, s * 0.68}, QPointF{s * 0.72, s * 0.34}}});
    } else {
        painter.drawLine(QPointF{s * 0.34, s * 0.34}, QPointF{s * 0.66, s * 0.66});
        painter.drawLine(QPointF{s * 0.66, s * 0.34}, QPointF{s * 0.34, s * 0.66});
    }
    return QIcon{pixmap};
}

CursorAt cursorOf(const PlayerController& player) {
    const Playback* p = player.playback();
    if (p == nullptr) return {};
    return {p->position(), p->time(), p->atEnd()};
}

}  // namespace

ChecklistPanel::ChecklistPanel(PlayerController& player, QWidget* parent)
    : QWidget{parent}, player_{player}, summary_{new QLabel{this}}, list_{new QListWidget{this}} {
    list_->setWordWrap(true);
    list_->setSelectionMode(QAbstractItemView::NoSelection);  // a click jumps; nothing stays chosen
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list_->setSpacing(4);
    // Docked first on the left, the list would take the window's first focus
    // and mark its top entry as current, as if the class should look there.
    list_->setFocusPolicy(Qt::ClickFocus);
    summary_->setWordWrap(true);
    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary_);
    layout->addWidget(list_, 1);

    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { jumpTo(list_->row(item)); });
    connect(list_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { jumpTo(list_->row(item)); });
    connect(&player_, &PlayerController::cursorChanged, this, &ChecklistPanel::refresh);
    // A new document is not the run the checklist judged, until told otherwise.
    connect(&player_, &PlayerController::documentAboutToChange, this, [this] { setChecklist(std::nullopt); });
    connect(&look::notifier(), &look::Notifier::changed, this, &ChecklistPanel::restyle);
    restyle();
    rebuild();
}

void ChecklistPanel::setChecklist(std::optional<Checklist> checklist) {
    checklist_ = std::move(checklist);
    const Playback* p = player_.playback();
    if (checklist_ && p != nullptr && checklist_->records != p->log().records.size()) {
        // Not the run that was judged: its record numbers point elsewhere.
        for (auto& entry : checklist_->entries) entry.result.record.reset();
    }
    rebuild();
}

void ChecklistPanel::rebuild() {
    list_->clear();
    states_.clear();
    if (!checklist_) {
        summary_->setText(tr("No expectations: open a scenario with an expect: list."));
        return;
    }
    for (std::size_t i = 0; i < checklist_->entries.size(); ++i) {
        list_->addItem(new QListWidgetItem{});
        states_.push_back(EntryState::Pending);
    }
    for (int row = 0; row < list_->count(); ++row) showEntry(row);
    refresh();
}

void ChecklistPanel::refresh() {
    if (!checklist_) return;
    const CursorAt cursor = cursorOf(player_);
    int passed = 0;
    int failed = 0;
    for (std::size_t i = 0; i < checklist_->entries.size(); ++i) {
        const EntryState state = stateAt(checklist_->entries[i], cursor);
        if (state == EntryState::Passed) ++passed;
        if (state == EntryState::Failed) ++failed;
        if (state == states_[i]) continue;
        states_[i] = state;
        showEntry(static_cast<int>(i));
    }
    const int total = static_cast<int>(checklist_->entries.size());
    summary_->setText(tr("%1 passed, %2 failed, %3 pending (of %4)")
                          .arg(passed)
                          .arg(failed)
                          .arg(total - passed - failed)
                          .arg(total));
}

void ChecklistPanel::showEntry(int row) {
    const ChecklistEntry& entry = checklist_->entries[static_cast<std::size_t>(row)];
    const EntryState state = states_[static_cast<std::size_t>(row)];
    QString text = QString::fromStdString(entry.text);
    if (!entry.note.empty()) text += QStringLiteral("\n\u2014 ") + QString::fromStdString(entry.note);
    // The verdict in words only once the run has reached it: before that, it would give the answer away.
    if (state != EntryState::Pending) text += QStringLiteral("\n\u2192 ") + QString::fromStdString(entry.result.actual);
    QListWidgetItem* item = list_->item(row);
    item->setText(text);
    item->setForeground(colour(state));
    item->setIcon(markIcon(state, list_->iconSize().width()));
    item->setData(Qt::AccessibleTextRole, stateName(state) + QStringLiteral(": ") + text);
    QString tip = QString::fromStdString(entry.origin);
    if (entry.result.time) tip += tr("\nDecided at %1").arg(QString::fromStdString(expect::formatTime(*entry.result.time)));
    tip += entry.result.record ? tr("\nClick to go to that event.") : tr("\nClick to go to the end of the run.");
    item->setToolTip(tip);
}

void ChecklistPanel::jumpTo(int row) {
    if (!checklist_ || row < 0 || row >= static_cast<int>(checklist_->entries.size())) return;
    const auto& result = checklist_->entries[static_cast<std::size_t>(row)].result;
    if (result.record) {
        player_.seekRecord(static_cast<qint64>(*result.record));
    } else if (result.time) {
        player_.seekTime(result.time->nanoseconds());
    } else {
        player_.end();
    }
}

void ChecklistPanel::restyle() {
    setFont(look::panelFont());
    list_->setFont(look::panelFont());
    const int mark = QFontMetrics{look::panelFont()}.height();
    list_->setIconSize(QSize{mark, mark});
    if (!checklist_) return;
    for (int row = 0; row < list_->count(); ++row) showEntry(row);
}

}  // namespace netstage::gui
