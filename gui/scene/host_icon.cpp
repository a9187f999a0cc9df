#include "gui/scene/host_icon.hpp"

#include <QPainterPath>
#include <QPolygonF>

#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
QPen outline() { return QPen{look::ink(), 2.5 * look::lineScale()}; }

void paintScreenDevice(QPainter& p, const QRectF& frame, qreal radius, qreal bezel) {
    p.setPen(outline());
    p.setBrush(look::iconBody());
    p.drawRoundedRect(frame, radius, radius);
    p.setBrush(look::iconScreen());
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(frame.adjusted(bezel, bezel, -bezel, -bezel), radius / 2, radius / 2);
}

void paintPc(QPainter& p) {
    paintScreenDevice(p, {-42, -40, 84, 58}, 6, 6);
    p.setPen(outline());
    p.setBrush(look::iconBody());
    p.drawRect(QRectF{-8, 18, 16, 12});
    p.drawRoundedRect(QRectF{-28, 30, 56, 9}, 3, 3);
}

void paintLaptop(QPainter& p) {
    paintScreenDevice(p, {-34, -38, 68, 48}, 5, 5);
    p.setPen(outline());
    p.setBrush(look::iconBody());
    p.drawPolygon(QPolygonF{{{-38, 12}, {38, 12}, {48, 28}, {-48, 28}}});
}

void paintPhone(QPainter& p) {
    paintScreenDevice(p, {-22, -44, 44, 88}, 9, 5);
    p.setBrush(look::iconBody());
    p.setPen(Qt::NoPen);
    p.drawRect(QRectF{-17, 30, 34, 9});
    p.setBrush(look::iconScreen());
    p.drawEllipse(QPointF{0, 35}, 3.5, 3.5);
}

void paintTower(QPainter& p) {
    p.setPen(outline());
    p.setBrush(look::iconServer());
    p.drawRoundedRect(QRectF{-32, -44, 64, 88}, 5, 5);
    p.setPen(QPen{look::iconScreen(), 3});
    for (qreal y : {-32.0, -22.0, -12.0}) p.drawLine(QPointF{-22, y}, QPointF{12, y});
    p.setPen(Qt::NoPen);
    p.setBrush(QColor{0x3c, 0xe0, 0x6a});
    p.drawEllipse(QPointF{22, -32}, 3.5, 3.5);
}

void paintEnvelope(QPainter& p) {
    const QRectF r{-22, 2, 44, 30};
    p.setPen(QPen{look::ink(), 2});
    p.setBrush(look::envelope());
    p.drawRect(r);
    QPainterPath flap;
    flap.moveTo(r.topLeft());
    flap.lineTo(r.center().x(), r.top() + 17);
    flap.lineTo(r.topRight());
    p.setBrush(Qt::NoBrush);
    p.drawPath(flap);
}

void paintTag(QPainter& p, const QString& text) {
    QFont font = look::labelBoldFont();
    font.setPointSize(look::points(13));
    p.setFont(font);
    p.setPen(Qt::NoPen);
    p.setBrush(look::paper());
    p.drawRoundedRect(QRectF{-26, 4, 52, 28}, 4, 4);
    p.setPen(look::ink());
    p.drawText(QRectF{-26, 4, 52, 28}, Qt::AlignCenter, text);
}

void paintRouter(QPainter& p) {
    p.setPen(outline());
    p.setBrush(look::iconRouter());
    p.drawEllipse(QPointF{0, 0}, 40, 40);
    // Four arrows: two in, two out, the usual router symbol.
    p.setPen(QPen{Qt::white, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin});
    p.setBrush(Qt::white);
    const auto arrow = [&p](QPointF from, QPointF to) {
        p.drawLine(from, to);
        const QPointF d = (to - from) / 4.0;
        const QPointF n{-d.y(), d.x()};
        p.drawPolygon(QPolygonF{{to + d * 0.6, to - d * 0.4 + n * 0.8, to - d * 0.4 - n * 0.8}});
    };
    arrow({-6, -6}, {-22, -22});
    arrow({6, 6}, {22, 22});
    arrow({-26, 22}, {-10, 6});
    arrow({26, -22}, {10, -6});
}
}  // namespace

void paintHostIcon(QPainter& painter, NodeRole role, qreal size) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 96.0, size / 96.0);
    switch (role) {
    case NodeRole::Pc: paintPc(painter); break;
    case NodeRole::Laptop: paintLaptop(painter); break;
    case NodeRole::Phone: paintPhone(painter); break;
    case NodeRole::MailServer:
        paintTower(painter);
        paintEnvelope(painter);
        break;
    case NodeRole::DnsServer:
        paintTower(painter);
        paintTag(painter, QStringLiteral("DNS"));
        break;
    case NodeRole::FtpServer:
        paintTower(painter);
        paintTag(painter, QStringLiteral("FTP"));
        break;
    case NodeRole::Server: paintTower(painter); break;
    case NodeRole::Router: paintRouter(painter); break;
    }
    painter.restore();
}

}  // namespace netstage::gui
