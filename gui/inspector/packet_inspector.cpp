#include "gui/inspector/packet_inspector.hpp"

#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "gui/player/player_controller.hpp"
#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
QString text(const std::string& value) { return QString::fromStdString(value); }

QPlainTextEdit* byteView(QWidget* parent) {
    auto* view = new QPlainTextEdit{parent};
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(look::monoFont());
    return view;
}
}  // namespace

PacketInspector::PacketInspector(PlayerController& player, QWidget* parent)
    : QWidget{parent},
      player_{player},
      title_{new QLabel{this}},
      fields_{new QTreeWidget{this}},
      payload_{byteView(this)},
      hex_{byteView(this)} {
    title_->setFont(look::labelBoldFont());
    title_->setWordWrap(true);
    fields_->setColumnCount(2);
    fields_->setHeaderLabels({tr("field"), tr("value")});
    fields_->setFont(look::panelFont());
    fields_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    fields_->setRootIsDecorated(true);
    payload_->setPlaceholderText(tr("no payload"));

    auto* split = new QSplitter{Qt::Vertical, this};
    split->addWidget(fields_);
    split->addWidget(payload_);
    split->addWidget(hex_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 2);
    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title_);
    layout->addWidget(split, 1);

    connect(&player_, &PlayerController::documentChanged, this, [this] {
        details_.reset();  // the same record number in a new document is another packet
        followCursor();
    });
    connect(&player_, &PlayerController::cursorChanged, this, &PacketInspector::followCursor);
    followCursor();
}

void PacketInspector::followCursor() {
    const Playback* playback = player_.playback();
    display(playback != nullptr ? packetRecordBefore(playback->log(), playback->position()) : std::nullopt);
}

void PacketInspector::showRecord(std::size_t record) {
    const Playback* playback = player_.playback();
    display(playback != nullptr ? packetRecordBefore(playback->log(), record + 1) : std::nullopt);
}

void PacketInspector::display(std::optional<std::size_t> record) {
    const Playback* playback = player_.playback();
    if (record == shown_ && details_) return;
    shown_ = record;
    fields_->clear();
    if (!record || playback == nullptr) {
        details_.reset();
        title_->setText(tr("No packet yet: the cursor is before the first one."));
        payload_->clear();
        hex_->clear();
        return;
    }
    details_ = describePacket(playback->log(), *record);
    title_->setText(text(details_->title));
    for (const DetailSection& section : details_->sections) {
        auto* top = new QTreeWidgetItem{fields_, {text(section.title)}};
        top->setFirstColumnSpanned(true);
        QFont bold = look::panelFont();
        bold.setBold(true);
        top->setFont(0, bold);
        for (const DetailField& field : section.fields) new QTreeWidgetItem{top, {text(field.name), text(field.value)}};
        top->setExpanded(section.title != "Trace");
    }
    QString payload = text(details_->payloadText);
    // Without a font that has the control pictures, ␍ and ␊ would be empty
    // boxes; the C escapes say the same thing.
    if (!QFontMetrics{payload_->font()}.inFontUcs4(0x240d)) {
        payload.replace(QChar{0x240d}, QStringLiteral("\\r")).replace(QChar{0x240a}, QStringLiteral("\\n"));
        payload.replace(QChar{0x2409}, QStringLiteral("\\t"));
    }
    payload_->setPlainText(payload);
    hex_->setPlainText(text(details_->hexDump));
}

}  // namespace netstage::gui
