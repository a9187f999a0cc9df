#pragma once
// The event list's table: one row per trace record, in trace order, with
// the record at the cursor marked. A trace may hold a million records, so a
// row's text is made from its record only when a view asks for it; the model
// keeps just each row's layer and protocol (two bytes each) for the filters.
// It reads the log it was given until setLog() is called again: the panel
// lets go before the player replaces its document.

#include <QAbstractTableModel>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <string>
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
    // The log given gained records at its end (a live run): they become new rows.
    void logGrew();
    // The record the cursor is on (the last one that has happened), if any.
    void setCurrentRecord(std::optional<std::size_t> record);
    std::optional<std::size_t> currentRecord() const { return current_; }

    QModelIndex indexOfRecord(std::size_t record, int column = TimeColumn) const;
    const EventRow& row(int index) const;
    // The filter columns without making the row's text.
    const QString& layerOfRow(int index) const { return layerNames_[layerOf_[static_cast<std::size_t>(index)]]; }
    const QString& protocolOfRow(int index) const {
        return protocolNames_[protocolOf_[static_cast<std::size_t>(index)]];
    }
    // The distinct layers and protocols present, sorted: the filter choices.
    QStringList layers() const;
    QStringList protocols() const;
    // The application connections, in the order they opened: the trace's key
    // ("10.0.1.2:49152-10.0.1.10:25", client first) and a name for people
    // ("SMTP  alice-pc:49152 → crepes.fr:25").
    struct ConnectionChoice {
        QString key;
        QString label;
    };
    const std::vector<ConnectionChoice>& connections() const { return connections_; }
    bool rowInConnection(int row, const trace::ConnectionKey& key) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void emitRowChanged(std::optional<std::size_t> record);
    // Files records [from, end) under their layer and protocol.
    void classify(std::size_t from);

    const trace::TraceLog* log_ = nullptr;
    std::vector<std::uint16_t> layerOf_;     // index into layerNames_, per record
    std::vector<std::uint16_t> protocolOf_;  // index into protocolNames_ (0: none), per record
    std::vector<QString> layerNames_;       // in order of first appearance
    std::vector<QString> protocolNames_;
    std::vector<std::string> layerSeen_;     // the same names, as the trace spells them
    std::vector<std::string> protocolSeen_;
    std::vector<ConnectionChoice> connections_;
    mutable std::optional<EventRow> lastRow_;  // views ask for one row many times in a row
    std::optional<std::size_t> current_;
};

}  // namespace netstage::gui
