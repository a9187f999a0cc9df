#include "gui/events/event_table_model.hpp"

#include <QBrush>
#include <QFont>
#include <set>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
QString text(const std::string& value) { return QString::fromStdString(value); }
}  // namespace

EventTableModel::EventTableModel(QObject* parent) : QAbstractTableModel{parent} {}

void EventTableModel::setLog(const trace::TraceLog* log) {
    beginResetModel();
    rows_.clear();
    current_.reset();
    if (log != nullptr) {
        rows_.reserve(log->records.size());
        for (std::size_t i = 0; i < log->records.size(); ++i) rows_.push_back(describeRecord(log->records[i], i));
    }
    endResetModel();
}

void EventTableModel::setCurrentRecord(std::optional<std::size_t> record) {
    if (record && *record >= rows_.size()) record.reset();
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
    if (record >= rows_.size()) return {};
    return index(static_cast<int>(record), column);
}

QStringList EventTableModel::layers() const {
    std::set<std::string> names;
    for (const auto& row : rows_) names.insert(row.layer);
    QStringList list;
    for (const auto& name : names) list << text(name);
    return list;
}

QStringList EventTableModel::protocols() const {
    std::set<std::string> names;
    for (const auto& row : rows_) {
        if (!row.protocol.empty()) names.insert(row.protocol);
    }
    QStringList list;
    for (const auto& name : names) list << text(name);
    return list;
}

int EventTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const EventRow& entry = rows_[static_cast<std::size_t>(index.row())];
    const bool current = current_ && *current_ == entry.record;
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
        case recordRole: return QVariant::fromValue<qulonglong>(entry.record);
        case sortRole:
            if (index.column() == TimeColumn) return QVariant::fromValue<qlonglong>(entry.time.nanoseconds());
            return data(index, Qt::DisplayRole);
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
