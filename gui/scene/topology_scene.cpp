#include "gui/scene/topology_scene.hpp"

#include <QGraphicsSceneContextMenuEvent>
#include <QLineF>
#include <QPixmapCache>
#include <algorithm>

#include "gui/model/topology_layout.hpp"
#include "gui/scene/area_index.hpp"
#include "gui/scene/drop_item.hpp"
#include "gui/scene/link_item.hpp"
#include "gui/scene/node_item.hpp"
#include "gui/scene/packet_item.hpp"
#include "gui/widgets/look.hpp"

namespace netstage::gui {

namespace {
// Packets leave from the edge of the icon, not its centre.
constexpr qreal iconClearance = NodeItem::iconSize / 2 + 10;
// Each direction has its own lane, so a request and its reply never collide.
constexpr qreal laneOffset = 22;
// Bulk data (an FTP data connection beside its control connection) travels
// in an outer lane, so a reply's label never hides the data under it.
constexpr qreal dataLaneOffset = 64;
constexpr int pixmapCacheKilobytes = 128 * 1024;
}  // namespace

TopologyScene::TopologyScene(QObject* parent) : QGraphicsScene{parent} {
    setBackgroundBrush(look::paper());
    // Nodes, links and packets keep their pictures in the pixmap cache
    // (DeviceCoordinateCache); Qt's 10 MB default holds a few dozen, and a
    // cache that thrashes lays out every label again on every frame.
    QPixmapCache::setCacheLimit(std::max(QPixmapCache::cacheLimit(), pixmapCacheKilobytes));
    connect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::onSelectionChanged);
}

void TopologyScene::restyle() {
    setBackgroundBrush(look::paper());
    setPlayback(playback_);
}

void TopologyScene::setPlayback(const Playback* playback) {
    const QString previouslySelected = selectedHost();
    // Forget the items before the scene deletes them: clear() emits
    // selectionChanged, whose handler reads nodes_.
    nodes_.clear();
    links_.clear();
    fixedLabels_ = AreaIndex{};
    packetPool_.clear();
    dropPool_.clear();
    clear();
    playback_ = playback;
    if (playback_ == nullptr) {
        setSceneRect(QRectF{0, 0, 400, 300});
        return;
    }
    const Topology& topology = playback_->topology();
    LayoutMetrics metrics;
    metrics.nodeWidth = [](const NodeInfo& node) { return NodeItem::widthFor(node); };
    metrics.nodeHeight = NodeItem::height();
    metrics.columnGap = 240;
    metrics.rowGap = 40;
    const auto positions = layoutTopology(topology, metrics);

    for (const auto& node : topology.nodes) {
        auto* item = new NodeItem{node};
        const auto& p = positions.at(node.id);
        item->setPos(p.x, p.y);
        addItem(item);
        nodes_[node.id] = item;
    }
    AreaIndex taken;
    for (const auto& [id, item] : nodes_) taken.add(item->mapRectToScene(item->occupiedRect()));
    for (const auto& link : topology.links) {
        const auto a = nodes_.find(link.a);
        const auto b = nodes_.find(link.b);
        if (a == nodes_.end() || b == nodes_.end()) continue;
        auto* item = new LinkItem{link, a->second->pos(), b->second->pos(), taken};
        addItem(item);
        links_[link.id] = item;
    }
    for (const auto& [id, item] : nodes_) fixedLabels_.add(item->mapRectToScene(item->nameRect()));
    for (const auto& [id, item] : links_) fixedLabels_.add(item->reservedRect());
    // Little margin at the sides: width decides the scale, and every pixel
    // of it is type size at the back of the room. Room at the top for the legend.
    setSceneRect(itemsBoundingRect().adjusted(-12, -60, 12, 16));
    if (!previouslySelected.isEmpty()) selectHost(previouslySelected);
    showCursor();
}

TopologyScene::Path TopologyScene::pathFor(std::uint32_t from, std::uint32_t to, qreal lane) const {
    const QPointF a = nodes_.at(from)->pos();
    const QPointF b = nodes_.at(to)->pos();
    QLineF line{a, b};
    if (line.length() < 2 * iconClearance + 1) return {a, b};
    const QPointF unit = (b - a) / line.length();
    // Left of the direction of travel: rightward packets above the line,
    // leftward ones below it, whichever way the link was declared.
    const QPointF shift = QPointF{unit.y(), -unit.x()} * lane;
    return {a + unit * iconClearance + shift, b - unit * iconClearance + shift};
}

QPointF TopologyScene::dropPosition(const DropMark& drop) const {
    const auto link = playback_->topology().findLink(drop.link);
    if (link != nullptr && nodes_.count(link->a) && nodes_.count(link->b)) {
        const std::uint32_t to = link->otherEnd(drop.node);
        const Path path = pathFor(drop.node, to, laneOffset);
        const qreal along = drop.onWire ? 0.5 : 0.12;
        return path.from + (path.to - path.from) * along;
    }
    if (const auto node = nodes_.find(drop.node); node != nodes_.end()) {
        return node->second->pos() + QPointF{0, -NodeItem::iconSize / 2 - 30};
    }
    return {};
}

void TopologyScene::showCursor() {
    if (playback_ == nullptr) return;
    const WorldState& state = playback_->state();
    for (auto& [id, item] : nodes_) {
        const HostState* host = state.host(item->name().toStdString());
        item->setMailCounts(host ? static_cast<int>(host->mailHeld()) : 0,
                            host ? static_cast<int>(host->queueCount()) : 0);
    }
    for (auto& [id, item] : links_) item->setDown(state.isLinkDown(id));

    std::size_t used = 0;
    struct Spot {
        PacketItem* item;
        QPointF at;
        QPointF across;
    };
    std::vector<Spot> toPlace;
    const Time now = playback_->time();
    for (const PacketHop* hop : playback_->hopsInFlight()) {
        if (hop->control && !showControl_) continue;
        if (!nodes_.count(hop->from) || !nodes_.count(hop->to)) continue;
        const double progress = hop->progressAt(now);
        if (hop->lost && progress >= 0.5) continue;  // it vanished mid-link
        if (used == packetPool_.size()) {
            packetPool_.push_back(new PacketItem);
            addItem(packetPool_.back());
        }
        PacketItem* item = packetPool_[used++];
        item->setHop(*hop);
        const Path path = pathFor(hop->from, hop->to,
                                  item->form() == PacketItem::Form::Block ? dataLaneOffset : laneOffset);
        const QLineF along{path.from, path.to};
        const QPointF across = along.length() > 0 ? QPointF{along.dy(), -along.dx()} / along.length() : QPointF{0, -1};
        toPlace.push_back({item, path.from + (path.to - path.from) * progress, across});
        item->setVisible(true);
    }
    for (std::size_t i = used; i < packetPool_.size(); ++i) packetPool_[i]->setVisible(false);
    // Application lines first: they are what the lecture reads; then marks and data.
    std::stable_partition(toPlace.begin(), toPlace.end(),
                          [](const Spot& spot) { return spot.item->form() == PacketItem::Form::Label; });
    AreaIndex placed;
    for (const Spot& spot : toPlace) placePacket(*spot.item, spot.at, spot.across, placed);

    used = 0;
    for (const DropMark* drop : playback_->dropsShown()) {
        if (used == dropPool_.size()) {
            dropPool_.push_back(new DropItem);
            addItem(dropPool_.back());
        }
        DropItem* item = dropPool_[used++];
        item->setReason(QString::fromStdString(drop->reason));
        item->setPos(dropPosition(*drop));
        item->setVisible(true);
    }
    for (std::size_t i = used; i < dropPool_.size(); ++i) dropPool_[i]->setVisible(false);
}

void TopologyScene::placePacket(PacketItem& item, QPointF at, QPointF across, AreaIndex& placed) const {
    // Each property is set once a frame, to its final value: an item whose
    // look does not change keeps its cached picture.
    const qreal labelZ = item.form() == PacketItem::Form::Label ? 4 : 3;  // lines above blocks
    const QRectF label = item.textRect();
    if (label.isEmpty()) {
        item.setCompact(false);
        item.setZValue(labelZ);
        item.setPos(at);
        return;
    }
    // On its lane if it can; else a little to either side of it.
    const qreal step = label.height() * 0.75;
    for (const qreal k : {0.0, 1.0, -1.0, 2.0, -2.0}) {
        const QPointF spot = at + across * step * k;
        const QRectF rect = label.translated(spot);
        if (fixedLabels_.intersectsAny(rect) || placed.intersectsAny(rect)) continue;
        item.setCompact(false);
        item.setZValue(labelZ);
        item.setPos(spot);
        placed.add(rect);
        return;
    }
    // Under the links' ends and the nodes' name plates, under every label:
    // a box that shows where a packet is without hiding any text.
    item.setCompact(true);
    item.setZValue(0.5);
    item.setPos(at);
}

void TopologyScene::setShowControlSegments(bool show) {
    if (show == showControl_) return;
    showControl_ = show;
    showCursor();
}

QList<NodeItem*> TopologyScene::nodeItems() const {
    QList<NodeItem*> out;
    for (const auto& [id, item] : nodes_) out << item;
    return out;
}

QList<LinkItem*> TopologyScene::linkItems() const {
    QList<LinkItem*> out;
    for (const auto& [id, item] : links_) out << item;
    return out;
}

NodeItem* TopologyScene::nodeItem(const QString& name) const {
    for (const auto& [id, item] : nodes_) {
        if (item->name() == name) return item;
    }
    return nullptr;
}

QList<PacketItem*> TopologyScene::visiblePackets() const {
    QList<PacketItem*> out;
    for (PacketItem* item : packetPool_) {
        if (item->isVisible()) out << item;
    }
    return out;
}

QList<DropItem*> TopologyScene::visibleDrops() const {
    QList<DropItem*> out;
    for (DropItem* item : dropPool_) {
        if (item->isVisible()) out << item;
    }
    return out;
}

QString TopologyScene::selectedHost() const {
    for (const auto& [id, item] : nodes_) {
        if (item->isSelected()) return item->name();
    }
    return {};
}

void TopologyScene::selectHost(const QString& name) {
    NodeItem* item = nodeItem(name);
    if (item == nullptr || item->isSelected()) return;
    clearSelection();
    item->setSelected(true);
}

void TopologyScene::onSelectionChanged() {
    const QString host = selectedHost();
    if (!host.isEmpty()) emit hostSelected(host);
}

void TopologyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event) {
    for (QGraphicsItem* item : items(event->scenePos())) {
        // A packet or label may lie over the node; the node underneath counts.
        auto* node = dynamic_cast<NodeItem*>(item);
        if (node == nullptr) continue;
        selectHost(node->name());
        emit hostMenuRequested(node->name(), event->screenPos());
        event->accept();
        return;
    }
    QGraphicsScene::contextMenuEvent(event);
}

}  // namespace netstage::gui
