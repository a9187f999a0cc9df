#pragma once
// Rectangles already taken in the network's scene (node icons and names,
// link labels), kept in a grid of square cells so that asking whether a new
// label would cover one of them looks at a few neighbours, not at every node:
// placing the labels of a network of thousands of hosts stays linear.

#include <QHash>
#include <QList>
#include <QRectF>
#include <vector>

namespace netstage::gui {

class AreaIndex {
public:
    explicit AreaIndex(qreal cellSize = 400) : cell_{cellSize} {}

    void add(const QRectF& rect);
    // How much of `rect` the rectangles added so far cover (overlaps summed).
    qreal coveredArea(const QRectF& rect) const;
    bool intersectsAny(const QRectF& rect) const;
    std::size_t size() const { return rects_.size(); }

private:
    template <typename Visit>
    void forCells(const QRectF& rect, Visit visit) const;

    qreal cell_;
    std::vector<QRectF> rects_;
    QHash<quint64, QList<int>> cells_;
};

}  // namespace netstage::gui
