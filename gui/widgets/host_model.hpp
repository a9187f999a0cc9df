#pragma once
// The selected host's mailboxes, mail queue and TCP connections as of the
// cursor, as a two-column Qt table model over describeHost().

#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "gui/model/host_summary.hpp"

namespace netstage::gui {

class HostModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1 };

    explicit HostModel(QObject* parent = nullptr);

    void setHost(const QString& host);
    const QString& host() const { return host_; }
    // Re-reads the host from the playback (nullptr: nothing to show).
    void refresh(const Playback* playback);

    int rowCount(const QModelIndex& parent = QModelIndex{}) const override;
    int columnCount(const QModelIndex& parent = QModelIndex{}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QString host_;
    std::vector<HostRow> rows_;
};

}  // namespace netstage::gui
