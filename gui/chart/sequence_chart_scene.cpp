#include "gui/chart/sequence_chart_scene.hpp"

#include <QBrush>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QPainterPath>
#include <QPen>
#include <algorithm>

#include "gui/chart/msc_arrow_item.hpp"
#include "gui/chart/msc_axis_item.hpp"
#include "gui/widgets/look.hpp"

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
    setBackgroundBrush(look::paper());
    // Few items are ever in the scene at once (those near the view), and a BSP
    // tree over a chart thousands of screens tall costs gigabytes.
    setItemIndexMethod(QGraphicsScene::NoIndex);
}

SequenceChartScene::~SequenceChartScene() {
    // Views scroll when they lose their scene; they must do it while this
    // scene's index still exists.
    for (QGraphicsView* view : views()) view->setScene(nullptr);
}

void SequenceChartScene::clearChart() {
    clear();
    arrows_.clear();
    itemised_.clear();
    extents_.clear();
    tallest_ = 0;
    byRecord_.clear();
    current_.reset();
    cursorLine_ = nullptr;
    axis_ = nullptr;
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
    drawLanes();
    arrows_.assign(chart_.arrows.size(), nullptr);
    byRecord_.reserve(layout_.arrows.size());
    for (const auto& geometry : layout_.arrows) byRecord_.emplace_back(chart_.arrows[geometry.arrow].record, geometry.arrow);
    std::sort(byRecord_.begin(), byRecord_.end());
    indexExtents();
    cursorLine_ = addLine(QLineF{}, QPen{look::cursorLineColor(), 1.5 * look::lineScale(), Qt::SolidLine});
    cursorLine_->setZValue(5);
    cursorLine_->hide();
    emit chartChanged();
}

void SequenceChartScene::indexExtents() {
    extents_.reserve(layout_.arrows.size());
    for (const auto& geometry : layout_.arrows) {
        const QRectF bounds = arrowBounds(geometry.arrow);
        extents_.push_back(Extent{bounds.top(), bounds.bottom(), geometry.arrow});
        tallest_ = std::max(tallest_, bounds.height());
    }
    std::sort(extents_.begin(), extents_.end(), [](const Extent& a, const Extent& b) { return a.top < b.top; });
}

QRectF SequenceChartScene::arrowBounds(std::size_t arrow) const {
    const auto& g = layout_.arrows.at(arrow);
    // The label runs along the arrow from labelAt, at most the arrow's length.
    constexpr double labelRoom = 20;
    constexpr double loopWidth = 30;
    const double left = std::min({g.from.x, g.to.x, g.labelAt.x});
    const double right = std::max({g.from.x, g.to.x, g.labelAt.x}) + (g.self ? loopWidth + 8 * double(g.label.size()) : 0);
    const double top = std::min({g.from.y, g.to.y, g.labelAt.y});
    const double bottom = std::max({g.from.y, g.to.y, g.labelAt.y});
    return QRectF{QPointF{left, top}, QPointF{right, bottom}}.adjusted(-labelRoom, -labelRoom, labelRoom, labelRoom);
}

MscArrowItem* SequenceChartScene::makeItem(std::size_t arrow) {
    const trace::MscArrow& model = chart_.arrows[arrow];
    const std::size_t lane =
        model.connectionIndex < chart_.connections.size() ? chart_.connections[model.connectionIndex].lane : 0;
    auto* item = new MscArrowItem{model, layout_.arrows[arrow], lane};
    item->setCurrent(current_ == arrow);
    addItem(item);
    arrows_[arrow] = item;
    itemised_.push_back(arrow);
    return item;
}

MscArrowItem* SequenceChartScene::arrowItem(std::size_t arrow) {
    MscArrowItem* item = arrows_.at(arrow);
    return item != nullptr ? item : makeItem(arrow);
}

void SequenceChartScene::showRegion(const QRectF& region) {
    if (extents_.empty()) return;
    const double top = region.top() - region.height();
    const double bottom = region.bottom() + region.height();
    // Out with the items that no longer reach into the band.
    std::erase_if(itemised_, [&](std::size_t arrow) {
        const QRectF bounds = arrowBounds(arrow);
        if (bounds.bottom() >= top && bounds.top() <= bottom) return false;
        delete arrows_[arrow];
        arrows_[arrow] = nullptr;
        return true;
    });
    // In with the ones that do: an arrow reaching into the band starts at
    // most `tallest_` above it.
    const auto first = std::lower_bound(extents_.begin(), extents_.end(), top - tallest_,
                                        [](const Extent& e, double y) { return e.top < y; });
    for (auto e = first; e != extents_.end() && e->top <= bottom; ++e) {
        if (e->bottom >= top && arrows_[e->arrow] == nullptr) makeItem(e->arrow);
    }
}

void SequenceChartScene::drawFrame() {
    setBackgroundBrush(look::paper());  // the look may have changed since the last chart
    const QColor ink = look::ink();
    const QColor axisInk = look::chartAxisInk();
    const double titleY = layout_.lifelines.empty() ? 40 : layout_.lifelines.front().boxTop - 12;
    placeText(*this, QString::fromStdString(chart_.title), 24, titleY, chartFont(16, true), ink);

    // Time axis, ticks and breaks: one item drawing only what is exposed.
    axis_ = new MscAxisItem{layout_};
    addItem(axis_);

    // Lifelines.
    QPen dashed{look::lifelineColor(), look::lineScale()};
    dashed.setDashPattern({5, 4});
    for (const auto& line : layout_.lifelines) {
        const double boxBottom = line.boxTop + line.boxHeight;
        addLine(line.x, boxBottom, line.x, line.lineBottom, dashed);
        QPainterPath box;
        box.addRoundedRect(QRectF{line.x - line.boxWidth / 2, line.boxTop, line.boxWidth, line.boxHeight}, 4, 4);
        auto* boxItem = addPath(box, QPen{axisInk, look::lineScale()}, look::lifelineBoxFill());
        boxItem->setZValue(1);
        placeText(*this, QString::fromStdString(line.host), line.x, line.boxTop + 18, chartFont(12, true), ink,
                Qt::AlignHCenter)
            ->setZValue(1);
        if (!line.application.empty()) {
            placeText(*this, QString::fromStdString(line.application), line.x, line.boxTop + 34, chartFont(12),
                    axisInk, Qt::AlignHCenter)
                ->setZValue(1);
        }
    }
}

void SequenceChartScene::drawLanes() {
    // Concurrent connections: a bar in each one's lane on both lifelines, and its ports, as in the SVG export.
    for (const auto& lane : layout_.lanes) {
        const trace::MscConnection& connection = chart_.connections[lane.connection];
        const QColor colour = MscArrowItem::laneColourOf(connection.protocol, lane.lane);
        QColor fill = colour;
        fill.setAlphaF(0.25);
        for (double x : {lane.fromX, lane.toX}) {
            auto* bar = addRect(QRectF{x - 3, lane.top, 6, lane.bottom - lane.top}, QPen{colour, look::lineScale()}, fill);
            bar->setZValue(1);
        }
        placeText(*this, QString::fromStdString(lane.label), lane.labelAt.x, lane.labelAt.y, chartFont(10, true), colour,
                  Qt::AlignHCenter)
            ->setZValue(4);
    }
}

double SequenceChartScene::cursorY() const { return cursorLine_ != nullptr ? cursorLine_->line().y1() : 0.0; }

void SequenceChartScene::setCursor(std::size_t position, Time time) {
    std::optional<std::size_t> current;
    // The arrow of the last record that has happened: the greatest record below position.
    const auto after = std::lower_bound(byRecord_.begin(), byRecord_.end(), std::make_pair(position, std::size_t{0}));
    if (after != byRecord_.begin()) current = std::prev(after)->second;
    if (current != current_) {
        if (current_ && arrows_[*current_] != nullptr) arrows_[*current_]->setCurrent(false);
        current_ = current;
        if (current_ && arrows_[*current_] != nullptr) arrows_[*current_]->setCurrent(true);
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
