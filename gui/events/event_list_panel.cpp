#include "gui/events/event_list_panel.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "gui/events/event_filter_proxy.hpp"
#include "gui/events/event_table_model.hpp"
#include "gui/player/player_controller.hpp"
#include "gui/widgets/look.hpp"

namespace netstage::gui {

EventListPanel::EventListPanel(PlayerController& player, QWidget* parent)
    : QWidget{parent},
      player_{player},
      model_{new EventTableModel{this}},
      proxy_{new EventFilterProxy{this}},
      table_{new QTableView{this}},
      search_{new QLineEdit{this}},
      layer_{new QComboBox{this}},
      protocol_{new QComboBox{this}},
      connection_{new QComboBox{this}},
      searchPause_{new QTimer{this}} {
    proxy_->setSourceModel(model_);

    search_->setPlaceholderText(tr("Search (host, layer, text...)"));
    search_->setClearButtonEnabled(true);
    searchPause_->setSingleShot(true);
    searchPause_->setInterval(searchPauseMs);
    connect(searchPause_, &QTimer::timeout, this, [this] { proxy_->setSearchText(search_->text()); });
    connect(search_, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (model_->rowCount() <= instantSearchRows) {
            proxy_->setSearchText(text);
            return;
        }
        searchPause_->start();
    });
    // Enter searches at once, whatever the size.
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        searchPause_->stop();
        proxy_->setSearchText(search_->text());
    });
    connect(layer_, &QComboBox::currentIndexChanged, this,
            [this] { proxy_->setLayer(layer_->currentData().toString()); });
    connect(protocol_, &QComboBox::currentIndexChanged, this,
            [this] { proxy_->setProtocol(protocol_->currentData().toString()); });
    connect(connection_, &QComboBox::currentIndexChanged, this,
            [this] { proxy_->setConnection(connection_->currentData().toString()); });
    connection_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connection_->setMinimumContentsLength(16);
    connection_->setToolTip(tr("Only this connection's packets (both ways) and events"));
    fillChoices(*layer_, {});
    fillChoices(*protocol_, {});
    connection_->addItem(tr("all connections"), QString{});

    table_->setModel(proxy_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(false);
    table_->setShowGrid(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setColumnWidth(EventTableModel::TimeColumn, 100);
    table_->setColumnWidth(EventTableModel::HostColumn, 140);
    table_->setColumnWidth(EventTableModel::LayerColumn, 80);
    table_->setColumnWidth(EventTableModel::ProtocolColumn, 70);
    connect(table_, &QTableView::clicked, this, &EventListPanel::activateRow);
    connect(table_, &QTableView::activated, this, &EventListPanel::activateRow);

    auto* filters = new QHBoxLayout;
    filters->addWidget(search_, 1);
    filters->addWidget(new QLabel{tr("layer"), this});
    filters->addWidget(layer_);
    filters->addWidget(new QLabel{tr("protocol"), this});
    filters->addWidget(protocol_);
    filters->addWidget(new QLabel{tr("connection"), this});
    filters->addWidget(connection_, 1);
    auto* layout = new QVBoxLayout{this};
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(table_, 1);

    connect(&player_, &PlayerController::documentAboutToChange, this, [this] { model_->setLog(nullptr); });
    connect(&player_, &PlayerController::documentChanged, this, &EventListPanel::onDocumentChanged);
    connect(&player_, &PlayerController::cursorChanged, this, &EventListPanel::onCursorChanged);
    connect(&player_, &PlayerController::documentGrew, this, &EventListPanel::onDocumentGrew);
    onDocumentChanged();
}

void EventListPanel::fillChoices(QComboBox& box, const QStringList& values) {
    const QString keep = box.currentData().toString();
    const QSignalBlocker blocker{&box};
    box.clear();
    box.addItem(tr("all"), QString{});
    for (const QString& value : values) box.addItem(value, value);
    // A filter the new document cannot satisfy falls back to "all".
    const int index = box.findData(keep);
    box.setCurrentIndex(index < 0 ? 0 : index);
}

void EventListPanel::onDocumentGrew() {
    const auto layers = model_->layers().size();
    const auto protocols = model_->protocols().size();
    const std::size_t connections = model_->connections().size();
    model_->logGrew();
    // New rows only; the filter choices are made again when the run brought a new one.
    if (model_->layers().size() != layers || model_->protocols().size() != protocols ||
        model_->connections().size() != connections) {
        fillFilterChoices();
    }
}

void EventListPanel::onDocumentChanged() {
    const Playback* playback = player_.playback();
    model_->setLog(playback != nullptr ? &playback->log() : nullptr);
    fillFilterChoices();
    onCursorChanged();
}

void EventListPanel::fillFilterChoices() {
    fillChoices(*layer_, model_->layers());
    fillChoices(*protocol_, model_->protocols());
    {
        const QString keep = connection_->currentData().toString();
        const QSignalBlocker blocker{connection_};
        while (connection_->count() > 1) connection_->removeItem(connection_->count() - 1);
        for (const auto& choice : model_->connections()) connection_->addItem(choice.label, choice.key);
        const int index = connection_->findData(keep);
        connection_->setCurrentIndex(index < 0 ? 0 : index);
    }
    proxy_->setConnection(connection_->currentData().toString());
    proxy_->setLayer(layer_->currentData().toString());
    proxy_->setProtocol(protocol_->currentData().toString());
}

void EventListPanel::onCursorChanged() {
    const Playback* playback = player_.playback();
    std::optional<std::size_t> current;
    if (playback != nullptr && playback->position() > 0) current = playback->position() - 1;
    model_->setCurrentRecord(current);
    if (!current) {
        table_->clearSelection();
        return;
    }
    const QModelIndex index = proxy_->mapFromSource(model_->indexOfRecord(*current));
    if (!index.isValid()) return;  // filtered out: the list keeps its place
    const QSignalBlocker blocker{table_->selectionModel()};
    table_->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->viewport()->update();
    if (isVisible()) table_->scrollTo(index, QAbstractItemView::EnsureVisible);
}

void EventListPanel::activateRow(const QModelIndex& proxyIndex) {
    if (!proxyIndex.isValid()) return;
    const auto record = proxyIndex.data(EventTableModel::recordRole).toULongLong();
    player_.seekRecord(static_cast<qint64>(record));
    emit recordChosen(static_cast<std::size_t>(record));
}

}  // namespace netstage::gui
