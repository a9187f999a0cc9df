#include "gui/scene/area_index.hpp"

#include <cmath>

namespace netstage::gui {

namespace {
quint64 keyOf(qint64 column, qint64 row) {
    return (static_cast<quint64>(static_cast<quint32>(column)) << 32) | static_cast<quint32>(row);
}
}  // namespace

template <typename Visit>
void AreaIndex::forCells(const QRectF& rect, Visit visit) const {
    const auto first = [this](qreal v) { return static_cast<qint64>(std::floor(v / cell_)); };
    const qint64 left = first(rect.left());
    const qint64 right = first(rect.right());
    const qint64 top = first(rect.top());
    const qint64 bottom = first(rect.bottom());
    // A rectangle spanning a huge area (a label of absurd length) is one
    // entry in many cells; bound the walk by what exists.
    if ((right - left + 1) * (bottom - top + 1) > 4 * static_cast<qint64>(cells_.size()) + 64) {
        for (auto it = cells_.begin(); it != cells_.end(); ++it) visit(it.key());
        return;
    }
    for (qint64 column = left; column <= right; ++column) {
        for (qint64 row = top; row <= bottom; ++row) visit(keyOf(column, row));
    }
}

void AreaIndex::add(const QRectF& rect) {
    if (rect.isEmpty()) return;
    const int at = static_cast<int>(rects_.size());
    rects_.push_back(rect);
    const auto first = [this](qreal v) { return static_cast<qint64>(std::floor(v / cell_)); };
    for (qint64 column = first(rect.left()); column <= first(rect.right()); ++column) {
        for (qint64 row = first(rect.top()); row <= first(rect.bottom()); ++row) cells_[keyOf(column, row)].append(at);
    }
}

bool AreaIndex::intersectsAny(const QRectF& rect) const {
    bool found = false;
    forCells(rect, [&](quint64 key) {
        if (found) return;
        const auto cell = cells_.constFind(key);
        if (cell == cells_.constEnd()) return;
        for (int i : *cell) {
            if (!rects_[static_cast<std::size_t>(i)].intersected(rect).isEmpty()) {
                found = true;
                return;
            }
        }
    });
    return found;
}

qreal AreaIndex::coveredArea(const QRectF& rect) const {
    qreal area = 0;
    QList<int> seen;
    forCells(rect, [&](quint64 key) {
        const auto found = cells_.constFind(key);
        if (found == cells_.constEnd()) return;
        for (int i : *found) {
            const QRectF overlap = rects_[static_cast<std::size_t>(i)].intersected(rect);
            if (overlap.isEmpty() || seen.contains(i)) continue;
            seen.append(i);
            area += overlap.width() * overlap.height();
        }
    });
    return area;
}

}  // namespace netstage::gui
