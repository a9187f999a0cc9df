#include "simulator/scenario/address_plan.hpp"

#include <map>
#include <set>
#include <string>

namespace netstage::scenario {

namespace {

class Planner {
public:
    explicit Planner(const ScenarioSpec& spec) : spec_{spec} {
        for (const auto& host : spec.hosts) hosts_.emplace(host.name, &host);
        for (const auto& link : spec.links) {
            if (link.addressA) reserved_.insert(link.addressA->value());
            if (link.addressB) reserved_.insert(link.addressB->value());
        }
        for (const auto& host : spec.hosts) reserved_.insert(host.address.value());
    }

    std::vector<LinkAddresses> plan() {
        std::vector<LinkAddresses> out;
        out.reserve(spec_.links.size());
        for (std::size_t i = 0; i < spec_.links.size(); ++i) {
            const LinkSpec& link = spec_.links[i];
            const Ipv4Address a = addressFor(link, link.a, link.b, link.addressA, i, 1);
            const Ipv4Address b = addressFor(link, link.b, link.a, link.addressB, i, 2);
            out.push_back({a, b});
        }
        return out;
    }

private:
    const HostSpec* host(const std::string& name) const {
        const auto found = hosts_.find(name);
        return found == hosts_.end() ? nullptr : found->second;
    }

    Ipv4Address addressFor(const LinkSpec& link, const std::string& node, const std::string& peer,
                           const std::optional<Ipv4Address>& given, std::size_t index, std::uint32_t end) {
        if (given) return claim(link, node, *given);
        if (const HostSpec* h = host(node)) return claim(link, node, h->address);
        return claim(link, node, routerAddress(link, peer, index, end));
    }

    Ipv4Address routerAddress(const LinkSpec& link, const std::string& peer, std::size_t index, std::uint32_t end) {
        if (const HostSpec* h = host(peer)) {
            const std::uint32_t net = h->address.value() & 0xffffff00u;
            for (std::uint32_t last : {1u, 254u, 253u, 252u, 251u, 250u}) {
                if (!reserved_.count(net | last)) {
                    reserved_.insert(net | last);
                    return Ipv4Address{net | last};
                }
            }
        }
        const std::uint32_t preferred = (10u << 24) | (255u << 16) | (static_cast<std::uint32_t>(index & 0xff) << 8) | end;
        if (index < 256 && !reserved_.count(preferred)) {
            reserved_.insert(preferred);
            return Ipv4Address{preferred};
        }
        // More than 256 links between routers: the next free address of 10.255.0.0/16.
        for (; nextSpare_ < 0x10000u; ++nextSpare_) {
            const std::uint32_t last = nextSpare_ & 0xff;
            const std::uint32_t candidate = (10u << 24) | (255u << 16) | nextSpare_;
            if (last == 0 || last == 255 || reserved_.count(candidate)) continue;
            reserved_.insert(candidate);
            return Ipv4Address{candidate};
        }
        throw ScenarioError{link.where, "no free address is left in 10.255.0.0/16 for this link between routers; give it "
                                        "addresses: [first-end, second-end]"};
    }

    Ipv4Address claim(const LinkSpec& link, const std::string& node, Ipv4Address address) {
        const auto [found, inserted] = inUse_.emplace(address.value(), &link);
        if (!inserted) {
            const LinkSpec& other = *found->second;
            if (host(node) && host(node)->address == address) {
                throw ScenarioError{link.where, "the host '" + node + "' is already connected by the link at line " +
                                                    std::to_string(other.where.line) +
                                                    "; a host has one network interface (connect it to a router, or give "
                                                    "this link addresses: [first-end, second-end])"};
            }
            throw ScenarioError{link.where, "the address " + address.toString() + " is already used by the link at line " +
                                                std::to_string(other.where.line)};
        }
        return address;
    }

    const ScenarioSpec& spec_;
    std::map<std::string, const HostSpec*, std::less<>> hosts_;
    std::set<std::uint32_t> reserved_;              // host addresses and every address given or chosen
    std::map<std::uint32_t, const LinkSpec*> inUse_;  // addresses on an interface, and whose
    std::uint32_t nextSpare_ = 1;
};

}  // namespace

std::vector<LinkAddresses> planLinkAddresses(const ScenarioSpec& spec) { return Planner{spec}.plan(); }

}  // namespace netstage::scenario
