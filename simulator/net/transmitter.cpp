#include "simulator/net/transmitter.hpp"

#include "simulator/net/link.hpp"
#include "simulator/net/node.hpp"

namespace netstage::net {

Transmitter::Transmitter(Simulator& simulator, trace::Tracer& tracer, const Link& link, Node& from, Node& to,
                         RandomStream loss)
    : simulator_{simulator}, tracer_{tracer}, link_{link}, from_{from}, to_{to}, loss_{loss} {}

void Transmitter::transmit(Packet&& packet, bool forwarded) {
    if (!link_.isUp()) {
        trace(trace::PacketAction::Dropped, "link-down", packet);
        return;
    }
    if (busy_) {
        if (queue_.size() >= link_.config().queueLimitPackets) {
            trace(trace::PacketAction::Dropped, "queue-full", packet);
            return;
        }
        queue_.push(Waiting{std::move(packet), forwarded});
        trace(trace::PacketAction::Enqueued, {}, queue_.back().packet);
        return;
    }
    start(std::move(packet), forwarded);
}

void Transmitter::start(Packet&& packet, bool forwarded) {
    busy_ = true;
    trace(forwarded ? trace::PacketAction::Forwarded : trace::PacketAction::Sent, {}, packet);
    const LinkConfig& config = link_.config();
    const Time serialisation = transmissionTime(static_cast<std::int64_t>(packet.wireSize()), config.bitsPerSecond);
    // Drawn at transmission start, so the stream is consumed in sending order.
    const bool lost = config.lossProbability > 0.0 && loss_.bernoulli(config.lossProbability);
    wire_.push(OnWire{std::move(packet), lost});
    const std::uint32_t generation = generation_;
    simulator_.schedule(serialisation, [this, generation] { finishTransmission(generation); });
    simulator_.schedule(serialisation + config.delay, [this, generation] { arrive(generation); });
}

void Transmitter::finishTransmission(std::uint32_t generation) {
    if (generation != generation_) return;
    busy_ = false;
    if (queue_.empty()) return;
    Waiting next = queue_.pop();
    start(std::move(next.packet), next.forwarded);
}

void Transmitter::arrive(std::uint32_t generation) {
    if (generation != generation_) return;
    OnWire arrived = wire_.pop();
    if (arrived.lost) {
        ++lost_;
        trace(trace::PacketAction::Dropped, "loss", arrived.packet);
        return;
    }
    to_.receive(std::move(arrived.packet), link_.id());
}

void Transmitter::dropAll(std::string_view reason) {
    // What is on the wire left before what is queued, so report it first.
    while (!wire_.empty()) {
        const OnWire dropped = wire_.pop();
        trace(trace::PacketAction::Dropped, reason, dropped.packet);
    }
    while (!queue_.empty()) {
        const Waiting dropped = queue_.pop();
        trace(trace::PacketAction::Dropped, reason, dropped.packet);
    }
    wire_.clear();
    queue_.clear();
    busy_ = false;
    ++generation_;
}

void Transmitter::trace(trace::PacketAction action, std::string_view reason, const Packet& packet) {
    if (!tracer_.wantsPackets()) return;
    tracer_.packet(trace::PacketEvent{simulator_.now(), from_.id(), from_.name(),
                                      static_cast<std::int32_t>(link_.id()), action, reason, packet});
}

}  // namespace netstage::net
