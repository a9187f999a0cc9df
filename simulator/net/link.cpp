#include "simulator/net/link.hpp"

#include <string>

#include "simulator/net/node.hpp"

namespace netstage::net {

namespace {
RandomStream lossStream(const RandomStreams& streams, LinkId id, std::string_view direction) {
    return streams.stream("link/" + std::to_string(id) + "/" + std::string{direction} + "/loss");
}
}  // namespace

Link::Link(LinkId id, Node& a, Ipv4Address addressA, Node& b, Ipv4Address addressB, const LinkConfig& config,
           Simulator& simulator, trace::Tracer& tracer, const RandomStreams& streams)
    : id_{id},
      a_{a.id()},
      b_{b.id()},
      addressA_{addressA},
      addressB_{addressB},
      config_{config},
      aToB_{std::make_unique<Transmitter>(simulator, tracer, *this, a, b, lossStream(streams, id, "a-to-b"))},
      bToA_{std::make_unique<Transmitter>(simulator, tracer, *this, b, a, lossStream(streams, id, "b-to-a"))} {}

void Link::setUp(bool up) {
    if (up == up_) return;
    up_ = up;
    if (!up) {
        aToB_->dropAll("link-down");
        bToA_->dropAll("link-down");
    }
}

}  // namespace netstage::net
