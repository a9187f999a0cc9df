#pragma once
// Telling parallel connections apart. Three SMTP sessions from crepes.fr to
// hamburger.edu at once would otherwise be one tangle of arrows of one
// colour. Each connection of a chart is listed once; connections that
// overlap in time between the same two lifelines are marked concurrent and
// given lanes 0, 1, 2, ... (the lowest lane free when it opens, as rooms are
// given to meetings), so the layout offsets and colours each apart and the
// text exports can name each one. A connection alone on its lifelines keeps
// lane 0 and is drawn as before.

#include "simulator/trace/msc_model.hpp"

namespace netstage::trace {

// Fills chart.connections and each arrow's connectionIndex from the arrows.
void assignConnectionLanes(MscChart& chart);

}  // namespace netstage::trace
