#include "gui/events/event_table_model.hpp"

#include <QBrush>
#include <QFont>
#include <set>

#include "gui/model/format.hpp"
#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
QString text(const std::string& value) { return QString::fromStdString(value); }

EventTableModel::ConnectionChoice connectionChoice(const trace::Event& open) {
    const std::string key = open.text("connection");
    return {text(key), text(formatConnectionChoice(open.layer, open.text("role"), key, open.text("client"),
                                                   open.text("server")))};
}
}  // namespace

EventTableModel::EventTableModel(QObject* parent) : QAbstractTableModel{parent} {}

void EventTableModel::classify(std::size_t from) {
    // Few distinct names (a dozen layers, five protocols): a linear search beats a map.
    const auto idOf = [](std::vector<QString>& names, std::vector<std::string>& seen, const std::string& name) {
        for (std::size_t i = 0; i < seen.size(); ++i) {
            if (seen[i] == name) return static_cast<std::uint16_t>(i);
        }
        if (seen.size() > 0xfffe) return std::uint16_t{0};  // a hostile trace: filed under the first name
        seen.push_back(name);
        names.push_back(text(name));
        return static_cast<std::uint16_t>(seen.size() - 1);
    };
    const auto& records = log_->records;
    if (from == 0) {
        layerOf_.reserve(records.size());
        protocolOf_.reserve(records.size());
    }
    for (std::size_t index = from; index < records.size(); ++index) {
        const auto& record = records[index];
        const RecordClass kind = classifyRecord(record);
        layerOf_.push_back(idOf(layerNames_, layerSeen_, kind.layer));
        protocolOf_.push_back(idOf(protocolNames_, protocolSeen_, kind.protocol));
        const auto* event = std::get_if<trace::Event>(&record);
        if (event != nullptr && event->type == "open" && !kind.protocol.empty() && kind.protocol == event->layer) {
            connections_.push_back(connectionChoice(*event));
        }
    }
}

void EventTableModel::logGrew() {
    if (log_ == nullptr || log_->records.size() <= layerOf_.size()) return;
    const std::size_t from = layerOf_.size();
    beginInsertRows({}, static_cast<int>(from), static_cast<int>(log_->records.size()) - 1);
    classify(from);
    endInsertRows();
}

void EventTableModel::setLog(const trace::TraceLog* log) {
    beginResetModel();
    log_ = log;
    layerOf_.clear();
    protocolOf_.clear();
    layerNames_.clear();
    protocolNames_ = {QString{}};
    lastRow_.reset();
    current_.reset();
    connections_.clear();
    layerSeen_.clear();
    protocolSeen_ = {std::string{}};
    if (log != nullptr) classify(0);
    endResetModel();
}

bool EventTableModel::rowInConnection(int row, const trace::ConnectionKey& key) const {
    return log_ != nullptr && recordInConnection(log_->records.at(static_cast<std::size_t>(row)), key);
}

const EventRow& EventTableModel::row(int index) const {
    const auto record = static_cast<std::size_t>(index);
    if (!lastRow_ || lastRow_->record != record) lastRow_ = describeRecord(log_->records.at(record), record);
    return *lastRow_;
}

void EventTableModel::setCurrentRecord(std::optional<std::size_t> record) {
    if (record && *record >= layerOf_.size()) record.reset();
    if (record == current_) return;
    const auto previous = current_;
    current_ = record;
    emitRowChanged(previous);
    emitRowChanged(current_);
}

void EventTableModel::emitRowChanged(std::optional<std::size_t> record) {
    if (!record) return;
    const int row = static_cast<int>(*record);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::FontRole, Qt::BackgroundRole});
}

QModelIndex EventTableModel::indexOfRecord(std::size_t record, int column) const {
    if (record >= layerOf_.size()) return {};
    return index(static_cast<int>(record), column);
}

QStringList EventTableModel::layers() const {
    QStringList list{layerNames_.begin(), layerNames_.end()};
    list.sort();
    return list;
}

QStringList EventTableModel::protocols() const {
    QStringList list;
    for (const QString& name : protocolNames_) {
        if (!name.isEmpty()) list << name;
    }
    list.sort();
    return list;
}

int EventTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(layerOf_.size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto record = static_cast<std::size_t>(index.row());
    const bool current = current_ && *current_ == record;
    switch (role) {
        case recordRole: return QVariant::fromValue<qulonglong>(record);
        case Qt::TextAlignmentRole:
            if (index.column() == TimeColumn) return QVariant{Qt::AlignRight | Qt::AlignVCenter};
            return {};
        case Qt::FontRole: {
            QFont font = index.column() == SummaryColumn ? look::monoFont() : look::panelFont();
            font.setBold(current);
            return font;
        }
        case Qt::BackgroundRole:
            if (current) return QBrush{look::highlight()};
            return {};
        default: break;
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        if (index.column() == LayerColumn) return layerOfRow(index.row());
        if (index.column() == ProtocolColumn) return protocolOfRow(index.row());
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != sortRole) return {};
    const EventRow& entry = row(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            switch (index.column()) {
                case TimeColumn: return text(entry.timeText);
                case HostColumn: return text(entry.host);
                case LayerColumn: return text(entry.layer);
                case ProtocolColumn: return text(entry.protocol);
                case SummaryColumn: return text(entry.summary);
                default: return {};
            }
        case sortRole:
            if (index.column() == TimeColumn) return QVariant::fromValue<qlonglong>(entry.time.nanoseconds());
            return data(index, Qt::DisplayRole);
        default: return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
        case TimeColumn: return tr("time (ms)");
        case HostColumn: return tr("host");
        case LayerColumn: return tr("layer");
        case ProtocolColumn: return tr("protocol");
        case SummaryColumn: return tr("summary");
        default: return {};
    }
}

}  // namespace netstage::gui
