#pragma once
// The event list's table: one row per trace record, in trace order, with
// the record at the cursor marked. Rows are copied out of the trace when a
// document is set, so the model never points into a log that may go away.

#include <QAbstractTableModel>
#include <QStringList>
#include <optional>
#include <vector>

#include "gui/events/event_row.hpp"

namespace netstage::gui {

class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, HostColumn, LayerColumn, ProtocolColumn, SummaryColumn, ColumnCount };
    static constexpr int recordRole = Qt::UserRole + 1;  // the row's record index (qulonglong)
    static constexpr int sortRole = Qt::UserRole + 2;    // time in ns for the time column, else the text

    explicit EventTableModel(QObject* parent = nullptr);

    void setLog(const trace::TraceLog* log);
    // The record the cursor is on (the last one that has happened), if any.
    void setCurrentRecord(std::optional<std::size_t> record);
    std::optional<std::size_t> currentRecord() const { return current_; }

    QModelIndex indexOfRecord(std::size_t record, int column = TimeColumn) const;
    const EventRow& row(int index) const { return rows_[static_cast<std::size_t>(index)]; }
    // The distinct layers and protocols present, sorted: the filter choices.
    QStringList layers() const;
    QStringList protocols() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void emitRowChanged(std::optional<std::size_t> record);

    std::vector<EventRow> rows_;  // rows_[i].record == i
    std::optional<std::size_t> current_;
};

}  // namespace netstage::gui
