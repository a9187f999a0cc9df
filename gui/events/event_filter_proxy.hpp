#pragma once
// What the event list shows of the EventTableModel: rows whose text contains
// the search (any column, case-insensitive), of one layer and one protocol
// when those are chosen. Sorts by the model's sortRole (time numerically).

#include <QSortFilterProxyModel>
#include <QString>

namespace netstage::gui {

class EventFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit EventFilterProxy(QObject* parent = nullptr);

    // Empty means no restriction.
    void setSearchText(const QString& text);
    void setLayer(const QString& layer);
    void setProtocol(const QString& protocol);
    QString searchText() const { return search_; }
    QString layer() const { return layer_; }
    QString protocol() const { return protocol_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString search_;
    QString layer_;
    QString protocol_;
};

}  // namespace netstage::gui
