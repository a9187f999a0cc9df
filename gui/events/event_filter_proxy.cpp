#include "gui/events/event_filter_proxy.hpp"

#include "gui/events/event_table_model.hpp"

namespace netstage::gui {

EventFilterProxy::EventFilterProxy(QObject* parent) : QSortFilterProxyModel{parent} {
    setSortRole(EventTableModel::sortRole);
}

void EventFilterProxy::setSearchText(const QString& text) {
    if (text == search_) return;
    search_ = text;
    invalidateRowsFilter();
}

void EventFilterProxy::setLayer(const QString& layer) {
    if (layer == layer_) return;
    layer_ = layer;
    invalidateRowsFilter();
}

void EventFilterProxy::setProtocol(const QString& protocol) {
    if (protocol == protocol_) return;
    protocol_ = protocol;
    invalidateRowsFilter();
}

void EventFilterProxy::setConnection(const QString& connection) {
    if (connection == connection_) return;
    connection_ = connection;
    ends_ = trace::ConnectionKey::parse(connection.toStdString());
    invalidateRowsFilter();
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QAbstractItemModel* model = sourceModel();
    const auto cell = [&](int column) { return model->index(sourceRow, column, sourceParent).data().toString(); };
    // The event model answers the filter columns without making the row's text.
    const auto* events = qobject_cast<const EventTableModel*>(model);
    if (events == nullptr) return true;  // this proxy filters event tables only
    if (!layer_.isEmpty() && events->layerOfRow(sourceRow) != layer_) return false;
    if (!protocol_.isEmpty() && events->protocolOfRow(sourceRow) != protocol_) return false;
    if (!connection_.isEmpty() && !(ends_ && events->rowInConnection(sourceRow, *ends_))) return false;
    if (search_.isEmpty()) return true;
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        if (cell(column).contains(search_, Qt::CaseInsensitive)) return true;
    }
    return false;
}

}  // namespace netstage::gui
