#pragma once
// A packet on a link. A packet carrying an application line is a coloured
// label with that line; a TCP control segment is a small mark (with its
// flags when they are SYN, FIN or RST); bulk data is a block saying "data"
// and its size. FTP commands and replies carry a "control :21" tag. The
// scene moves it; the item only draws.

#include <QColor>
#include <QGraphicsItem>
#include <QString>

#include "gui/model/packet_hop.hpp"

namespace netstage::gui {

class PacketItem : public QGraphicsItem {
public:
    enum class Form { Label, Mark, Block };

    PacketItem();

    void setHop(const PacketHop& hop);
    Form form() const { return form_; }
    const QString& text() const { return text_; }
    // "control :21" on an FTP command or reply: its connection, beside the data ones.
    const QString& tag() const { return tag_; }
    std::uint64_t uid() const { return uid_; }

    // Drawn as a small box in its colour, without its text, where the text
    // would cover a node's name or another label (the scene decides; the
    // text stays in the tooltip).
    void setCompact(bool compact);
    bool isCompact() const { return compact_; }
    // The box of its text as drawn, in item coordinates; empty when compact
    // or when it has no text (a bare control mark).
    QRectF labelRect() const;
    // The box its text takes when drawn in full, compact or not.
    QRectF textRect() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    Form form_ = Form::Block;
    QString text_;
    QString tag_;
    QRectF body_;     // a label's box, without its tag
    QRectF tagRect_;
    QColor colour_;
    QRectF bounds_;
    std::uint64_t uid_ = 0;
    bool compact_ = false;
};

}  // namespace netstage::gui
