#include "simulator/scenario/visitor.hpp"

#include <map>
#include <set>

#include "simulator/scenario/address_plan.hpp"

namespace netstage::scenario {

namespace {

bool isRouter(const ScenarioSpec& spec, const std::string& name) {
    for (const auto& router : spec.routers) {
        if (router.name == name) return true;
    }
    return false;
}

std::string attachmentPoint(const ScenarioSpec& spec) {
    if (!spec.routers.empty()) {
        std::map<std::string, std::pair<int, int>> score;  // router -> (router neighbours, links)
        for (const auto& link : spec.links) {
            for (const auto& [end, other] : {std::pair{link.a, link.b}, std::pair{link.b, link.a}}) {
                if (!isRouter(spec, end)) continue;
                auto& [routers, links] = score[end];
                ++links;
                if (isRouter(spec, other)) ++routers;
            }
        }
        const RouterSpec* best = &spec.routers.front();
        for (const auto& router : spec.routers) {
            if (score[router.name] > score[best->name]) best = &router;
        }
        return best->name;
    }
    if (!spec.mailServers.empty()) return spec.mailServers.front().host;
    if (!spec.ftpServers.empty()) return spec.ftpServers.front().host;
    return spec.hosts.front().name;
}

Ipv4Address freeAddress(const ScenarioSpec& spec, const std::string& name) {
    std::set<std::uint32_t> usedNets;
    const auto use = [&usedNets](Ipv4Address address) { usedNets.insert(address.value() >> 8); };
    for (const auto& host : spec.hosts) use(host.address);
    for (const auto& planned : planLinkAddresses(spec)) {
        use(planned.a);
        use(planned.b);
    }
    for (std::uint32_t third = 99; third < 256; ++third) {
        const Ipv4Address candidate{10, 0, static_cast<std::uint8_t>(third), 2};
        if (!usedNets.contains(candidate.value() >> 8)) return candidate;
    }
    throw ScenarioError{{spec.file, 0, 0}, "no free 10.0.x.0/24 network is left for the host '" + name + "'"};
}

}  // namespace

VisitorPlan addVisitor(ScenarioSpec& spec, const std::string& name) {
    if (spec.hosts.empty()) throw ScenarioError{{spec.file, 0, 0}, "the scenario has no host to connect '" + name + "' to"};
    if (spec.hasNode(name)) {
        throw ScenarioError{{spec.file, 0, 0}, "the scenario already has a host or router named '" + name +
                                                   "'; choose another name for the visitor, or connect from that host"};
    }
    VisitorPlan plan{attachmentPoint(spec), freeAddress(spec, name)};
    HostSpec host;
    host.name = name;
    host.role = HostRole::Pc;
    host.address = plan.address;
    spec.hosts.push_back(host);
    LinkSpec link;
    link.a = name;
    link.b = plan.attachedTo;
    link.bitsPerSecond = 100'000'000;
    link.delay = Time::fromMilliseconds(1);
    if (!isRouter(spec, plan.attachedTo)) {
        // A host's own address belongs to its first link; this one gets a second interface, .1 on the new network.
        link.addressA = plan.address;
        link.addressB = Ipv4Address{(plan.address.value() & 0xffffff00u) | 1u};
    }
    spec.links.push_back(link);
    (void)planLinkAddresses(spec);  // the new link must fit the plan like any other
    return plan;
}

}  // namespace netstage::scenario
