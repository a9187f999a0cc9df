#include "gui/scene/node_item.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

#include "gui/scene/host_icon.hpp"
#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
constexpr qreal labelGap = 6;
constexpr qreal badgeRadius = 17;

qreal lineHeight(bool bold) { return QFontMetricsF{bold ? look::labelBoldFont() : look::labelFont()}.height(); }

void paintBadge(QPainter& p, QPointF centre, const QColor& colour, const QString& text) {
    QFont font = look::labelBoldFont();
    font.setPointSize(look::points(14));
    const qreal width = std::max(2 * badgeRadius, QFontMetricsF{font}.horizontalAdvance(text) + 14);
    const QRectF r{centre.x() - width / 2, centre.y() - badgeRadius, width, 2 * badgeRadius};
    p.setPen(QPen{look::onColor(), 2.5});
    p.setBrush(colour);
    p.drawRoundedRect(r, badgeRadius, badgeRadius);
    p.setFont(font);
    p.setPen(look::onColor());
    p.drawText(r, Qt::AlignCenter, text);
}
}  // namespace

NodeItem::NodeItem(const NodeInfo& node)
    : id_{node.id}, name_{QString::fromStdString(node.name)}, role_{node.role}, lines_{labelLines(node)} {
    const qreal width = widthFor(node);
    // Room above the icon for badges; labels below it.
    const qreal half = std::max(width / 2, iconSize / 2 + 44);  // room for a wide badge
    bounds_ = QRectF{-half - 4, -iconSize / 2 - badgeRadius - 4, 2 * half + 8, height() + badgeRadius + 8};
    qreal labelWidth = iconSize;
    qreal textWidth = 0;
    qreal labelHeight = 0;
    for (int i = 0; i < lines_.size() && i < 4; ++i) {
        const QFontMetricsF metrics{i == 0 ? look::labelBoldFont() : look::labelFont()};
        textWidth = std::max(textWidth, metrics.horizontalAdvance(lines_[i]) + 8);
        labelHeight += metrics.height();
    }
    labelWidth = std::max(labelWidth, textWidth);
    occupied_ = QRectF{-labelWidth / 2, -iconSize / 2, labelWidth, iconSize + labelGap + labelHeight};
    nameRect_ = QRectF{-textWidth / 2, iconSize / 2 + labelGap, textWidth, labelHeight};
    setFlag(ItemIsSelectable);
    // Icon and labels change only with a badge: paint once, blit every frame.
    setCacheMode(DeviceCoordinateCache);
    setCursor(Qt::PointingHandCursor);
    setZValue(1);
    QStringList tip{name_};
    for (const auto& address : node.addresses) tip << QString::fromStdString(address);
    tip << QString::fromStdString(std::string{toString(node.role)});
    setToolTip(tip.join(QLatin1Char('\n')));
}

QStringList NodeItem::labelLines(const NodeInfo& node) {
    QStringList lines{QString::fromStdString(node.name)};
    // Hosts read "hamburger.edu 10.0.2.10" on two lines. A router has an
    // address per interface; listed under it they crowd out its links, so
    // they are in its tooltip and in the host panel instead.
    if (node.role == NodeRole::Router) return lines;
    for (const auto& address : node.addresses) lines << QString::fromStdString(address);
    return lines;
}

qreal NodeItem::widthFor(const NodeInfo& node) {
    qreal width = iconSize + 2 * badgeRadius;
    const QStringList lines = labelLines(node);
    for (int i = 0; i < lines.size(); ++i) {
        const QFontMetricsF metrics{i == 0 ? look::labelBoldFont() : look::labelFont()};
        width = std::max(width, metrics.horizontalAdvance(lines[i]) + 8);
    }
    return width;
}

qreal NodeItem::height() {
    // Icon, then a name line and up to three address lines (routers).
    return iconSize + labelGap + lineHeight(true) + 3 * lineHeight(false);
}

void NodeItem::setMailCounts(int mailbox, int queue) {
    if (mailbox == mailbox_ && queue == queue_) return;
    mailbox_ = mailbox;
    queue_ = queue;
    update();
}

QRectF NodeItem::boundingRect() const { return bounds_; }

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    if (option->state & QStyle::State_Selected) {
        QColor fill = look::protocolColor(ProtocolKind::Smtp);
        fill.setAlpha(40);
        painter->setPen(QPen{look::protocolColor(ProtocolKind::Smtp), 4 * look::lineScale(), Qt::DashLine});
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF{-iconSize / 2 - 8, -iconSize / 2 - 8, iconSize + 16, iconSize + 16}, 12, 12);
    }
    paintHostIcon(*painter, role_, iconSize);

    qreal y = iconSize / 2 + labelGap;
    for (int i = 0; i < lines_.size() && i < 4; ++i) {
        const QFont font = i == 0 ? look::labelBoldFont() : look::labelFont();
        const qreal h = QFontMetricsF{font}.height();
        const QRectF line{bounds_.left(), y, bounds_.width(), h};
        // A plate of paper: no link is drawn through a name.
        painter->setPen(Qt::NoPen);
        painter->setBrush(look::halo(255));
        const qreal w = QFontMetricsF{font}.horizontalAdvance(lines_[i]) + 8;
        painter->drawRoundedRect(QRectF{-w / 2, y, w, h}, 4, 4);
        painter->setFont(font);
        painter->setPen(look::ink());
        painter->drawText(line, Qt::AlignHCenter | Qt::AlignTop, lines_[i]);
        y += h;
    }

    if (mailbox_ > 0) {
        paintBadge(*painter, {iconSize / 2, -iconSize / 2}, look::protocolColor(ProtocolKind::Smtp),
                   QStringLiteral("\u2709 %1").arg(mailbox_));
    }
    if (queue_ > 0) {
        paintBadge(*painter, {-iconSize / 2, -iconSize / 2}, look::protocolColor(ProtocolKind::FtpControl),
                   QStringLiteral("queue %1").arg(queue_));
    }
}

}  // namespace netstage::gui
