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
// A datagram engine (DNS) has the same calls, with one datagram per
// receive() and takeOutput() returning whole datagrams.

#include <chrono>
#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

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

}  // namespace netstage::proto
