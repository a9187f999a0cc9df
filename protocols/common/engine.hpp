#pragma once
// The one API every protocol engine has, servers and clients alike (sans-IO,
// as h11 shapes it). A host drives an engine like this:
//
//   engine.start(now);                       // a server queues its greeting
//   engine.receive(bytes, now);              // any split of the stream
//   engine.receiveEof(now);                  // the peer closed its side
//   while (!isNeedData(event = engine.nextEvent())) ...;   // the host answers events
//   socket.write(engine.takeOutput());       // bytes to send, in order
//   timer.set(engine.nextTimeout());         // when to call handleTimeout(now)
//   if (engine.closed()) socket.close();     // after what it wrote is out
//
// Time always comes in as an argument; an engine never reads a clock.
// nextEvent() returns the protocol's event variant, whose first alternative is
// its NeedData ("nothing more until you give me bytes or time").
//
// A datagram engine (DNS, below) has the same calls where they apply: one
// datagram per receive(), and takeOutput() returns whole datagrams. It has no
// stream to start, end or close, so no start(), receiveEof() or closed().

#include <chrono>
#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace netstage::proto {

using EngineTime = std::chrono::nanoseconds;

// True when `event` is the "nothing more" alternative (always the first).
template <typename Variant>
constexpr bool isNeedData(const Variant& event) {
    return event.index() == 0;
}

template <typename E>
concept Engine = requires(E engine, const E& constEngine, std::string_view bytes, EngineTime now) {
    engine.start(now);
    engine.receive(bytes, now);
    engine.receiveEof(now);
    { engine.nextEvent() };
    { engine.takeOutput() } -> std::same_as<std::string>;
    { constEngine.nextTimeout() } -> std::same_as<std::optional<EngineTime>>;
    engine.handleTimeout(now);
    { constEngine.closed() } -> std::same_as<bool>;
    requires std::variant_size_v<decltype(engine.nextEvent())> >= 1;
};

// One datagram's bytes, as they go on the wire.
using Datagram = std::vector<std::uint8_t>;

// The engine API over datagrams (UDP) instead of a byte stream:
//
//   engine.receive(datagram, now);           // one whole datagram
//   while (!isNeedData(event = engine.nextEvent())) ...;
//   for (auto& d : engine.takeOutput()) socket.send(d);   // whole datagrams, in order
//   timer.set(engine.nextTimeout());         // when to call handleTimeout(now)
//
// Where each datagram goes is the host's business: a server's output after
// receive() answers that datagram's sender; a client's goes to its server.
template <typename E>
concept DatagramEngine = requires(E engine, const E& constEngine, std::span<const std::uint8_t> datagram,
                                  EngineTime now) {
    engine.receive(datagram, now);
    { engine.nextEvent() };
    { engine.takeOutput() } -> std::same_as<std::vector<Datagram>>;
    { constEngine.nextTimeout() } -> std::same_as<std::optional<EngineTime>>;
    engine.handleTimeout(now);
    requires std::variant_size_v<decltype(engine.nextEvent())> >= 1;
};

}  // namespace netstage::proto
