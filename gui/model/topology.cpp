#include "gui/model/topology.hpp"

#include <array>
#include <utility>


namespace netstage::gui {

namespace {
constexpr std::array<std::pair<NodeRole, std::string_view>, 8> roleNames{{
    {NodeRole::Pc, "pc"},
    {NodeRole::Laptop, "laptop"},
    {NodeRole::Phone, "phone"},
    {NodeRole::MailServer, "mail-server"},
    {NodeRole::DnsServer, "dns-server"},
    {NodeRole::FtpServer, "ftp-server"},
    {NodeRole::Server, "server"},
    {NodeRole::Router, "router"},
}};

std::vector<std::string> splitAddresses(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text) {
        if (c == ',') {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else if (c != ' ') {
            current += c;
        }
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

// Adds a node and keeps the index in step, so reading stays linear.
NodeInfo& addNode(Topology& topology, NodeInfo node) {
    topology.lookup.nodeById.emplace(node.id, topology.nodes.size());
    topology.lookup.nodeByName.emplace(node.name, topology.nodes.size());
    topology.nodes.push_back(std::move(node));
    return topology.nodes.back();
}

NodeInfo& nodeNamed(Topology& topology, const std::string& name) {
    if (const auto found = topology.lookup.nodeByName.find(name); found != topology.lookup.nodeByName.end()) {
        return topology.nodes[found->second];
    }
    NodeInfo added;
    added.name = name;
    // Placeholder id until topology/node gives the real one; far from real ids.
    added.id = 0x8000'0000u + static_cast<std::uint32_t>(topology.nodes.size());
    return addNode(topology, std::move(added));
}

void readNode(Topology& topology, const trace::Event& event) {
    const auto id = event.integer("id");
    const std::string name = event.text("name");
    if (!id || name.empty()) return;
    NodeInfo& node = nodeNamed(topology, name);
    node.id = static_cast<std::uint32_t>(*id);
    topology.lookup.nodeById.emplace(node.id, static_cast<std::size_t>(&node - topology.nodes.data()));
    node.addresses = splitAddresses(event.text("addresses"));
    if (event.text("kind") == "router") node.role = NodeRole::Router;
}

void readHost(Topology& topology, const trace::Event& event) {
    const std::string name = event.text("name");
    if (name.empty()) return;
    NodeInfo& node = nodeNamed(topology, name);
    const std::string role = event.text("role");
    if (!role.empty()) node.role = nodeRoleFromString(role);
    const auto x = event.integer("x");
    const auto y = event.integer("y");
    if (x && y) node.position = ScenePoint{static_cast<double>(*x), static_cast<double>(*y)};
}

void readLink(Topology& topology, const trace::Event& event) {
    const auto id = event.integer("id");
    const auto a = event.integer("a");
    const auto b = event.integer("b");
    if (!id || !a || !b) return;
    LinkInfo link;
    link.id = static_cast<std::int32_t>(*id);
    link.a = static_cast<std::uint32_t>(*a);
    link.b = static_cast<std::uint32_t>(*b);
    link.addressA = event.text("addressA");
    link.addressB = event.text("addressB");
    link.bitsPerSecond = event.integer("rate_bps").value_or(0);
    link.delay = Time::fromNanoseconds(event.integer("delay_ns").value_or(0));
    link.loss = event.text("loss");
    topology.lookup.linkById.emplace(link.id, topology.links.size());
    topology.links.push_back(link);
}
}  // namespace

NodeRole nodeRoleFromString(std::string_view text) {
    for (const auto& [role, name] : roleNames) {
        if (name == text) return role;
    }
    return NodeRole::Pc;
}

std::string_view toString(NodeRole role) {
    for (const auto& [r, name] : roleNames) {
        if (r == role) return name;
    }
    return "pc";
}

void Topology::index() {
    lookup = {};
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        lookup.nodeById.emplace(nodes[i].id, i);
        lookup.nodeByName.emplace(nodes[i].name, i);
    }
    for (std::size_t i = 0; i < links.size(); ++i) lookup.linkById.emplace(links[i].id, i);
}

const NodeInfo* Topology::findNode(std::uint32_t id) const {
    if (const auto found = lookup.nodeById.find(id); found != lookup.nodeById.end() && found->second < nodes.size() &&
                                                     nodes[found->second].id == id) {
        return &nodes[found->second];
    }
    if (lookup.nodeById.size() == nodes.size()) return nullptr;  // indexed, and not there
    for (const auto& node : nodes) {
        if (node.id == id) return &node;
    }
    return nullptr;
}

const NodeInfo* Topology::findNode(std::string_view name) const {
    if (const auto found = lookup.nodeByName.find(std::string{name});
        found != lookup.nodeByName.end() && found->second < nodes.size() && nodes[found->second].name == name) {
        return &nodes[found->second];
    }
    if (lookup.nodeByName.size() == nodes.size()) return nullptr;
    for (const auto& node : nodes) {
        if (node.name == name) return &node;
    }
    return nullptr;
}

const LinkInfo* Topology::findLink(std::int32_t id) const {
    if (const auto found = lookup.linkById.find(id); found != lookup.linkById.end() && found->second < links.size() &&
                                                     links[found->second].id == id) {
        return &links[found->second];
    }
    if (lookup.linkById.size() == links.size()) return nullptr;
    for (const auto& link : links) {
        if (link.id == id) return &link;
    }
    return nullptr;
}

Topology readTopology(const trace::TraceLog& log) {
    Topology topology;
    for (const auto& record : log.records) {
        if (const auto* event = std::get_if<trace::Event>(&record)) {
            if (event->is("topology", "node")) readNode(topology, *event);
            else if (event->is("topology", "link")) readLink(topology, *event);
            else if (event->is("scenario", "host")) readHost(topology, *event);
            else if (event->is("scenario", "title")) {
                topology.title = event->text("title");
                topology.description = event->text("description");
            }
        } else {
            const auto& packet = std::get<trace::PacketRecord>(record);
            if (topology.findNode(packet.node) == nullptr && !packet.nodeName.empty() &&
                topology.findNode(packet.nodeName) == nullptr) {
                NodeInfo node;
                node.id = packet.node;
                node.name = packet.nodeName;
                addNode(topology, std::move(node));
            }
        }
    }
    topology.index();  // placeholder ids and duplicates out of the index
    return topology;
}

}  // namespace netstage::gui
