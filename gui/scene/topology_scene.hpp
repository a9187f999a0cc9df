#pragma once
// The network as a scene: one NodeItem per node, one LinkItem per link, and
// the packets and drops of the cursor's moment. showCursor() redraws the
// moving parts from the Playback; nothing here changes the Playback.

#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <map>
#include <vector>

#include "gui/model/playback.hpp"
#include "gui/scene/area_index.hpp"

namespace netstage::gui {

class DropItem;
class LinkItem;
class NodeItem;
class PacketItem;

class TopologyScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit TopologyScene(QObject* parent = nullptr);

    // Rebuilds every item for a new document (nullptr: empty scene).
    void setPlayback(const Playback* playback);
    // Moves packets, drops and badges to the playback's cursor.
    void showCursor();

    // Draws every item again in the current look: colours, and label sizes
    // that change the layout, as presentation mode's larger type does.
    void restyle();

    void setShowControlSegments(bool show);
    bool showsControlSegments() const { return showControl_; }

    QList<NodeItem*> nodeItems() const;
    QList<LinkItem*> linkItems() const;
    NodeItem* nodeItem(const QString& name) const;
    // Packets and drops currently shown.
    QList<PacketItem*> visiblePackets() const;
    QList<DropItem*> visibleDrops() const;

    // Node names and link labels, in scene coordinates: what a packet's
    // label never covers.
    const AreaIndex& fixedLabels() const { return fixedLabels_; }

    QString selectedHost() const;
    void selectHost(const QString& name);

signals:
    void hostSelected(const QString& name);
    // A right click on a node (selected first): the window offers its programs.
    void hostMenuRequested(const QString& name, const QPoint& screenPos);

protected:
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    struct Path {
        QPointF from;
        QPointF to;
    };
    // From icon edge to icon edge, `lane` to the left of the direction of travel.
    Path pathFor(std::uint32_t from, std::uint32_t to, qreal lane) const;
    QPointF dropPosition(const DropMark& drop) const;
    // Puts the packet at `at` on its path, or beside it where its label
    // covers no name and no label placed before; else draws it compact.
    void placePacket(PacketItem& item, QPointF at, QPointF across, AreaIndex& placed) const;
    void onSelectionChanged();

    const Playback* playback_ = nullptr;
    bool showControl_ = true;
    std::map<std::uint32_t, NodeItem*> nodes_;
    std::map<std::int32_t, LinkItem*> links_;
    std::vector<PacketItem*> packetPool_;
    std::vector<DropItem*> dropPool_;
    AreaIndex fixedLabels_;
};

}  // namespace netstage::gui
