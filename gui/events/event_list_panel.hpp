#pragma once
// The event list: every trace record in a table with a text search and
// layer, protocol and connection filters. Clicking a row puts the player's cursor on that
// record; the row of the record at the cursor is marked and kept in view.

#include <QWidget>

class QComboBox;
class QTimer;
class QLineEdit;
class QTableView;

namespace netstage::gui {

class EventFilterProxy;
class EventTableModel;
class PlayerController;

class EventListPanel : public QWidget {
    Q_OBJECT
public:
    explicit EventListPanel(PlayerController& player, QWidget* parent = nullptr);

    EventTableModel& model() { return *model_; }
    EventFilterProxy& proxy() { return *proxy_; }
    QTableView& table() { return *table_; }
    QLineEdit& searchField() { return *search_; }
    QComboBox& layerFilter() { return *layer_; }
    QComboBox& protocolFilter() { return *protocol_; }
    QComboBox& connectionFilter() { return *connection_; }
    // Past this many records the search waits for a pause in typing: each
    // search reads every row's text, about a second for a million rows.
    static constexpr int instantSearchRows = 20000;
    static constexpr int searchPauseMs = 300;

    // Puts the cursor on the record shown in this proxy row.
    void activateRow(const QModelIndex& proxyIndex);

signals:
    // A row was clicked: the record the inspector should show.
    void recordChosen(std::size_t record);

private:
    void onDocumentChanged();
    void onDocumentGrew();
    void fillFilterChoices();
    void onCursorChanged();
    static void fillChoices(QComboBox& box, const QStringList& values);

    PlayerController& player_;
    EventTableModel* model_;
    EventFilterProxy* proxy_;
    QTableView* table_;
    QLineEdit* search_;
    QComboBox* layer_;
    QComboBox* protocol_;
    QComboBox* connection_;
    QTimer* searchPause_;
};

}  // namespace netstage::gui
