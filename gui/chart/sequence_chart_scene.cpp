#include "gui/chart/sequence_chart_scene.hpp"

#include <QBrush>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QPainterPath>
#include <QPen>
#include <algorithm>

#include "gui/chart/msc_arrow_item.hpp"

namespace netstage::gui {

namespace {
QFont chartFont(int pixels, bool bold = false) {
    QFont font{QStringLiteral("DejaVu Sans Mono")};
    font.setStyleHint(QFont::Monospace);
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

// Text whose baseline starts (or, right-aligned, ends; or is centred) at (x, y), as SVG places it.
QGraphicsSimpleTextItem* placeText(QGraphicsScene& scene, const QString& text, double x, double y, const QFont& font,
                                 const QColor& colour, Qt::Alignment align = Qt::AlignLeft) {
    auto* item = scene.addSimpleText(text, font);
    item->setBrush(colour);
    const QFontMetricsF metrics{font};
    double left = x;
    const double width = metrics.horizontalAdvance(text);
    if (align & Qt::AlignRight) left = x - width;
    else if (align & Qt::AlignHCenter) left = x - width / 2;
    item->setPos(left, y - metrics.ascent());
    return item;
}
}  // namespace

SequenceChartScene::SequenceChartScene(QObject* parent) : QGraphicsScene{parent} {
    setBackgroundBrush(Qt::white);
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
}

void SequenceChartScene::clearChart() {
    clear();
    arrows_.clear();
    byRecord_.clear();
    current_.reset();
    cursorLine_ = nullptr;
    chart_ = {};
    layout_ = {};
    setSceneRect(QRectF{});
}

void SequenceChartScene::setChart(trace::MscChart chart, trace::MscLayout layout) {
    clearChart();
    chart_ = std::move(chart);
    layout_ = std::move(layout);
    setSceneRect(0, 0, layout_.width, layout_.height);
    drawFrame();
    arrows_.assign(chart_.arrows.size(), nullptr);
    for (const auto& geometry : layout_.arrows) {
        auto* item = new MscArrowItem{chart_.arrows[geometry.arrow], geometry};
        addItem(item);
        arrows_[geometry.arrow] = item;
        byRecord_.emplace_back(chart_.arrows[geometry.arrow].record, geometry.arrow);
    }
    std::sort(byRecord_.begin(), byRecord_.end());
    cursorLine_ = addLine(QLineF{}, QPen{QColor{0xd0, 0x30, 0x30, 200}, 1.5, Qt::SolidLine});
    cursorLine_->setZValue(5);
    cursorLine_->hide();
}

void SequenceChartScene::drawFrame() {
    const QColor ink{0x11, 0x11, 0x11};
    const QColor axisInk{0x55, 0x55, 0x55};
    const double titleY = layout_.lifelines.empty() ? 40 : layout_.lifelines.front().boxTop - 12;
    placeText(*this, QString::fromStdString(chart_.title), 24, titleY, chartFont(16, true), ink);

    // Time axis, ticks and breaks.
    const QPen axisPen{axisInk, 1};
    placeText(*this, tr("time"), layout_.axisX, layout_.chartTop - 24, chartFont(11), axisInk, Qt::AlignRight);
    addLine(layout_.axisX, layout_.chartTop - 12, layout_.axisX, layout_.chartBottom, axisPen);
    for (const auto& tick : layout_.ticks) {
        addLine(layout_.axisX - 4, tick.y, layout_.axisX, tick.y, axisPen);
        placeText(*this, QString::fromStdString(tick.label), layout_.axisX - 6, tick.y + 3.5, chartFont(10), axisInk,
                Qt::AlignRight);
    }
    for (double y : layout_.breaks) {
        addRect(layout_.axisX - 7, y - 3, 14, 6, Qt::NoPen, Qt::white);
        QPainterPath sign;
        sign.moveTo(layout_.axisX - 7, y - 1);
        sign.lineTo(layout_.axisX + 7, y - 5);
        sign.moveTo(layout_.axisX - 7, y + 5);
        sign.lineTo(layout_.axisX + 7, y + 1);
        addPath(sign, axisPen);
    }

    // Lifelines.
    QPen dashed{QColor{0x66, 0x66, 0x66}, 1};
    dashed.setDashPattern({5, 4});
    for (const auto& line : layout_.lifelines) {
        const double boxBottom = line.boxTop + line.boxHeight;
        addLine(line.x, boxBottom, line.x, line.lineBottom, dashed);
        QPainterPath box;
        box.addRoundedRect(QRectF{line.x - line.boxWidth / 2, line.boxTop, line.boxWidth, line.boxHeight}, 4, 4);
        auto* boxItem = addPath(box, QPen{QColor{0x33, 0x33, 0x33}, 1}, QColor{0xf2, 0xf2, 0xf2});
        boxItem->setZValue(1);
        placeText(*this, QString::fromStdString(line.host), line.x, line.boxTop + 18, chartFont(12, true), ink,
                Qt::AlignHCenter)
            ->setZValue(1);
        if (!line.application.empty()) {
            placeText(*this, QString::fromStdString(line.application), line.x, line.boxTop + 34, chartFont(12),
                    QColor{0x33, 0x33, 0x33}, Qt::AlignHCenter)
                ->setZValue(1);
        }
    }
}

double SequenceChartScene::cursorY() const { return cursorLine_ != nullptr ? cursorLine_->line().y1() : 0.0; }

void SequenceChartScene::setCursor(std::size_t position, Time time) {
    std::optional<std::size_t> current;
    // The arrow of the last record that has happened: the greatest record below position.
    const auto after = std::lower_bound(byRecord_.begin(), byRecord_.end(), std::make_pair(position, std::size_t{0}));
    if (after != byRecord_.begin()) current = std::prev(after)->second;
    if (current != current_) {
        if (current_) arrows_[*current_]->setCurrent(false);
        current_ = current;
        if (current_) arrows_[*current_]->setCurrent(true);
    }
    if (cursorLine_ == nullptr) return;
    if (position == 0 || layout_.timeline.empty()) {
        cursorLine_->hide();
        return;
    }
    const double y = layout_.yAt(time);
    cursorLine_->setLine(layout_.axisX, y, layout_.width - 8, y);
    cursorLine_->show();
}

std::optional<std::size_t> SequenceChartScene::arrowOfRecord(std::size_t record) const {
    const auto at = std::lower_bound(byRecord_.begin(), byRecord_.end(), std::make_pair(record, std::size_t{0}));
    if (at == byRecord_.end() || at->first != record) return std::nullopt;
    return at->second;
}

void SequenceChartScene::activateArrow(std::size_t arrow) {
    if (arrow >= chart_.arrows.size()) return;
    emit arrowClicked(chart_.arrows[arrow].record);
}

}  // namespace netstage::gui
