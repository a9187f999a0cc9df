#pragma once
// What the event list shows of the EventTableModel: rows whose text contains
// the search (any column, case-insensitive), of one layer, one protocol and
// one connection when those are chosen. Sorts by the model's sortRole (time numerically).

#include <QSortFilterProxyModel>
#include <QString>
#include <optional>

#include "gui/events/event_row.hpp"

namespace netstage::gui {

class EventFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit EventFilterProxy(QObject* parent = nullptr);

    // Empty means no restriction.
    void setSearchText(const QString& text);
    void setLayer(const QString& layer);
    void setProtocol(const QString& protocol);
    // A connection key ("10.0.1.2:49152-10.0.1.10:25"): its packets, both
    // ways, and the events naming it. An unreadable key matches nothing.
    void setConnection(const QString& connection);
    QString connection() const { return connection_; }
    QString searchText() const { return search_; }
    QString layer() const { return layer_; }
    QString protocol() const { return protocol_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString search_;
    QString layer_;
    QString protocol_;
    QString connection_;
    std::optional<trace::ConnectionKey> ends_;
};

}  // namespace netstage::gui
