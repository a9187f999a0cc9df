#include "gui/widgets/host_model.hpp"

#include <QBrush>
#include <QFont>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

HostModel::HostModel(QObject* parent) : QAbstractTableModel{parent} {}

void HostModel::setHost(const QString& host) { host_ = host; }

void HostModel::refresh(const Playback* playback) {
    std::vector<HostRow> rows;
    if (playback != nullptr && !host_.isEmpty()) rows = describeHost(*playback, host_.toStdString());
    if (rows == rows_) return;
    if (rows.size() == rows_.size()) {
        rows_ = std::move(rows);
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

int HostModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int HostModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : 2; }

QVariant HostModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const HostRow& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        const std::string& text = index.column() == 0 ? row.text : row.value;
        const bool indent = row.kind == HostRow::Kind::Detail || row.kind == HostRow::Kind::Empty;
        return QString::fromStdString(index.column() == 0 && indent ? "    " + text : text);
    }
    case Qt::FontRole: {
        QFont font = look::panelFont();
        if (row.kind == HostRow::Kind::Title) font = look::labelBoldFont();
        if (row.kind == HostRow::Kind::Section) font.setBold(true);
        if (row.kind == HostRow::Kind::Empty) font.setItalic(true);
        return font;
    }
    case Qt::ForegroundRole:
        return QBrush{row.kind == HostRow::Kind::Empty ? look::dimInk() : look::ink()};
    case Qt::BackgroundRole:
        if (row.kind == HostRow::Kind::Section) return QBrush{look::sectionFill()};
        return {};
    case KindRole: return static_cast<int>(row.kind);
    default: return {};
    }
}

Qt::ItemFlags HostModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

}  // namespace netstage::gui
