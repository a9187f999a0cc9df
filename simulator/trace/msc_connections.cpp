#include "simulator/trace/msc_connections.hpp"

#include "simulator/trace/connection_key.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace netstage::trace {

std::string MscConnection::ports() const {
    const auto key = ConnectionKey::parse(id);
    if (!key) return id;  // a DNS exchange whose query is not in the trace: "10.0.1.2:5353-dns"
    return ":" + std::to_string(key->client.port) + " \u2192 :" + std::to_string(key->server.port);
}

void assignConnectionLanes(MscChart& chart) {
    chart.connections.clear();
    std::map<std::string, std::size_t> byId;
    for (MscArrow& arrow : chart.arrows) {
        const Time end = arrow.lost ? arrow.sent : std::max(arrow.sent, arrow.received);
        const auto [at, added] = byId.emplace(arrow.connection, chart.connections.size());
        if (added) {
            MscConnection connection;
            connection.id = arrow.connection;
            connection.protocol = arrow.protocol;
            connection.from = arrow.from;
            connection.to = arrow.to;
            connection.first = arrow.sent;
            connection.last = end;
            chart.connections.push_back(std::move(connection));
        }
        MscConnection& connection = chart.connections[at->second];
        connection.first = std::min(connection.first, arrow.sent);
        connection.last = std::max(connection.last, end);
        arrow.connectionIndex = at->second;
    }

    // Per pair of lifelines, in order of opening: the lowest lane whose last
    // connection has ended. Arrows are sorted by send time, so connections are
    // already in order of their first send.
    struct Lane {
        Time freeAfter;
        std::size_t holder;
    };
    std::map<std::pair<std::size_t, std::size_t>, std::vector<Lane>> lanesOf;
    for (std::size_t i = 0; i < chart.connections.size(); ++i) {
        MscConnection& connection = chart.connections[i];
        const auto pair = std::minmax(connection.from, connection.to);
        std::vector<Lane>& lanes = lanesOf[{pair.first, pair.second}];
        std::size_t lane = 0;
        while (lane < lanes.size() && lanes[lane].freeAfter >= connection.first) ++lane;
        for (const Lane& busy : lanes) {
            if (busy.freeAfter >= connection.first) {
                connection.concurrent = true;
                chart.connections[busy.holder].concurrent = true;
            }
        }
        connection.lane = lane;
        if (lane == lanes.size()) lanes.push_back({connection.last, i});
        else lanes[lane] = {connection.last, i};
    }
}

}  // namespace netstage::trace
