#pragma once
// The network a trace ran on, as the trace announced it at time 0: nodes
// (topology/node plus scenario/host for role and position) and links
// (topology/link). Nodes that only appear in packet records are added too,
// so a trace without topology events still has something to draw.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "simulator/core/time.hpp"
#include "simulator/trace/record.hpp"

namespace netstage::gui {

enum class NodeRole { Pc, Laptop, Phone, MailServer, DnsServer, FtpServer, Server, Router };
NodeRole nodeRoleFromString(std::string_view text);  // unknown text -> Pc
std::string_view toString(NodeRole role);

struct ScenePoint {
    double x = 0;
    double y = 0;
    friend bool operator==(const ScenePoint&, const ScenePoint&) = default;
};

struct NodeInfo {
    std::uint32_t id = 0;
    std::string name;
    NodeRole role = NodeRole::Pc;
    std::vector<std::string> addresses;
    std::optional<ScenePoint> position;  // from the scenario, when it gives one
};

struct LinkInfo {
    std::int32_t id = 0;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::string addressA;
    std::string addressB;
    std::int64_t bitsPerSecond = 0;
    Time delay;
    std::string loss;  // as written in the trace, e.g. "0.01"

    // The far end of the link seen from `node`.
    std::uint32_t otherEnd(std::uint32_t node) const { return node == a ? b : a; }
};

struct Topology {
    std::string title;
    std::string description;
    std::vector<NodeInfo> nodes;  // in order of first announcement
    std::vector<LinkInfo> links;

    // Constant time once index() has been called (readTopology does). A
    // topology built or grown by hand without index() is searched from the
    // start; after changing ids or names of an indexed one, call index() again.
    const NodeInfo* findNode(std::uint32_t id) const;
    const NodeInfo* findNode(std::string_view name) const;
    const LinkInfo* findLink(std::int32_t id) const;
    void index();

    // Positions in `nodes` and `links`, by id and name (see index()).
    struct Index {
        std::unordered_map<std::uint32_t, std::size_t> nodeById;
        std::unordered_map<std::string, std::size_t> nodeByName;
        std::unordered_map<std::int32_t, std::size_t> linkById;
    };
    Index lookup;
};

Topology readTopology(const trace::TraceLog& log);

}  // namespace netstage::gui
