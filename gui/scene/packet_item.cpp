#include "gui/scene/packet_item.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
constexpr qreal markSize = 16;
constexpr qreal compactSize = 18;

QFont packetFont() {
    QFont font = look::monoFont();
    font.setBold(true);
    return font;
}

QFont markFont() {
    QFont font = look::labelBoldFont();
    font.setPointSize(look::points(14));
    return font;
}

// Opening, closing and resetting are the lecture's story; a bare ACK is not.
bool flagsWorthNaming(std::uint8_t flags) {
    return (flags & (tcp_flags::syn | tcp_flags::fin | tcp_flags::rst)) != 0;
}
}  // namespace

PacketItem::PacketItem() {
    setZValue(3);
    // Moving a packet is a translation: its cached picture is reused until
    // it carries a different hop's label.
    setCacheMode(DeviceCoordinateCache);
    setAcceptedMouseButtons(Qt::NoButton);
}

void PacketItem::setHop(const PacketHop& hop) {
    const Form form = hop.control ? Form::Mark : hop.protocol == ProtocolKind::Data ? Form::Block : Form::Label;
    QString text = QString::fromStdString(hop.label);
    if (form == Form::Mark && !flagsWorthNaming(hop.tcpFlags)) text.clear();
    // Bulk data says what it is: FTP's data connections next to its control
    // connection are the picture the lecture draws.
    if (form == Form::Block) text = QStringLiteral("data ") + text;
    const QString tag = form == Form::Label && hop.protocol == ProtocolKind::FtpControl ? QStringLiteral("control :21")
                                                                                       : QString{};
    const QColor colour = hop.control ? look::linkColor() : look::protocolColor(hop.protocol);
    if (hop.uid != uid_ || toolTip().isEmpty()) setToolTip(QString::fromStdString(hop.summary));
    uid_ = hop.uid;
    if (colour != colour_) {
        colour_ = colour;
        update();
    }
    if (form == form_ && text == text_ && tag == tag_) return;
    prepareGeometryChange();
    form_ = form;
    text_ = text;
    tag_ = tag;
    switch (form_) {
    case Form::Label: {
        const QFontMetricsF metrics{packetFont()};
        const qreal w = metrics.horizontalAdvance(text_) + 20;
        const qreal h = metrics.height() + 8;
        body_ = QRectF{-w / 2, -h / 2, w, h};
        bounds_ = body_;
        if (!tag_.isEmpty()) {
            const QFontMetricsF tagMetrics{markFont()};
            const qreal tagWidth = tagMetrics.horizontalAdvance(tag_) + 12;
            tagRect_ = QRectF{-w / 2, -h / 2 - tagMetrics.height() - 2, tagWidth, tagMetrics.height() + 4};
            bounds_ = bounds_.united(tagRect_);
        }
        break;
    }
    case Form::Mark: {
        const qreal textWidth = text_.isEmpty() ? 0 : QFontMetricsF{markFont()}.horizontalAdvance(text_) + 8;
        const qreal h = text_.isEmpty() ? markSize : QFontMetricsF{markFont()}.height();
        bounds_ = QRectF{-markSize / 2 - 2, -h / 2 - 2, markSize + textWidth + 4, h + 4};
        break;
    }
    case Form::Block: {
        const QFontMetricsF metrics{markFont()};
        const qreal w = std::max(28.0, metrics.horizontalAdvance(text_) + 14);
        const qreal h = metrics.height() + 6;
        bounds_ = QRectF{-w / 2, -h / 2, w, h};
        break;
    }
    }
}

void PacketItem::setCompact(bool compact) {
    if (compact == compact_) return;
    prepareGeometryChange();
    compact_ = compact;
    update();
}

QRectF PacketItem::textRect() const { return text_.isEmpty() ? QRectF{} : bounds_; }

QRectF PacketItem::labelRect() const { return compact_ ? QRectF{} : textRect(); }

QRectF PacketItem::boundingRect() const {
    if (compact_) return QRectF{-compactSize / 2 - 2, -compactSize / 2 - 2, compactSize + 4, compactSize + 4};
    return bounds_;
}

void PacketItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    if (compact_) {
        const qreal s = compactSize / 2;
        painter->setPen(QPen{look::ink(), 1.5 * look::lineScale()});
        painter->setBrush(colour_);
        if (form_ == Form::Mark) painter->drawPolygon(QPolygonF{{{0, -s}, {s, 0}, {0, s}, {-s, 0}}});
        else painter->drawRoundedRect(QRectF{-s, -s, 2 * s, 2 * s}, form_ == Form::Label ? 5 : 0, form_ == Form::Label ? 5 : 0);
        return;
    }
    switch (form_) {
    case Form::Label: {
        const QRectF r = body_.adjusted(1, 1, -1, -1);
        painter->setPen(QPen{look::ink(), 2 * look::lineScale()});
        painter->setBrush(colour_);
        painter->drawRoundedRect(r, 8, 8);
        painter->setFont(packetFont());
        painter->setPen(look::onColor());
        painter->drawText(r, Qt::AlignCenter, text_);
        if (!tag_.isEmpty()) {
            // The control connection's tag sits on the label like a flag.
            painter->setPen(QPen{colour_, 2});
            painter->setBrush(look::paper());
            painter->drawRoundedRect(tagRect_.adjusted(1, 1, -1, 1), 4, 4);
            painter->setFont(markFont());
            painter->setPen(colour_);
            painter->drawText(tagRect_, Qt::AlignCenter, tag_);
        }
        break;
    }
    case Form::Mark: {
        const qreal s = markSize / 2;
        painter->setPen(QPen{look::onColor(), 2});
        painter->setBrush(colour_);
        painter->drawPolygon(QPolygonF{{{0, -s}, {s, 0}, {0, s}, {-s, 0}}});
        if (!text_.isEmpty()) {
            const QRectF textRect{s + 4, bounds_.top(), bounds_.right() - s - 4, bounds_.height()};
            painter->setPen(Qt::NoPen);
            painter->setBrush(look::halo(210));
            painter->drawRoundedRect(textRect, 3, 3);
            painter->setFont(markFont());
            painter->setPen(colour_);
            painter->drawText(textRect, Qt::AlignCenter, text_);
        }
        break;
    }
    case Form::Block:
        // Square corners, unlike a command's label: a different connection.
        painter->setPen(QPen{look::ink(), 1.5 * look::lineScale()});
        painter->setBrush(colour_);
        painter->drawRect(bounds_.adjusted(2, 2, -2, -2));
        painter->setFont(markFont());
        painter->setPen(look::onColor());
        painter->drawText(bounds_, Qt::AlignCenter, text_);
        break;
    }
}

}  // namespace netstage::gui
