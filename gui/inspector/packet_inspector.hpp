#pragma once
// The packet inspector: the header fields, payload and wire bytes of one
// packet record. It follows the player's cursor (the last packet record that
// has happened) unless a record is chosen explicitly, e.g. in the event list.

#include <QWidget>
#include <optional>

#include "gui/inspector/packet_details.hpp"

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace netstage::gui {

class PlayerController;

class PacketInspector : public QWidget {
    Q_OBJECT
public:
    explicit PacketInspector(PlayerController& player, QWidget* parent = nullptr);

    // The record shown, if any.
    std::optional<std::size_t> shownRecord() const { return shown_; }
    const std::optional<PacketDetails>& details() const { return details_; }
    QTreeWidget& fields() { return *fields_; }
    QPlainTextEdit& payload() { return *payload_; }
    QPlainTextEdit& hex() { return *hex_; }

public slots:
    // Shows `record` if it is a packet, else the last packet before it.
    void showRecord(std::size_t record);
    void followCursor();

private:
    void display(std::optional<std::size_t> record);

    PlayerController& player_;
    std::optional<std::size_t> shown_;
    std::optional<PacketDetails> details_;
    QLabel* title_;
    QTreeWidget* fields_;
    QPlainTextEdit* payload_;
    QPlainTextEdit* hex_;
};

}  // namespace netstage::gui
