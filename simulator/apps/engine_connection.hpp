#pragma once
// A sans-IO engine (protocols/common/engine.hpp) on a simulated TCP
// connection. ServerConnection and ClientConnection do the TCP side; these
// two templates drive any engine through the one engine API, so a protocol's
// connection says only what its events mean:
//
//   class Pop3ServerConnection final : public ServerConnectionFor<pop3::ServerSession> {
//       void onEvent(pop3::ServerEvent& event) override;   // everything but NeedData
//   };
//
// The engine asks to close by becoming closed(); the connection then closes
// once what the engine wrote has been sent.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "protocols/common/engine.hpp"
#include "simulator/apps/client_connection.hpp"
#include "simulator/apps/server_connection.hpp"
#include "simulator/apps/world_clock.hpp"

namespace netstage::apps {

template <proto::Engine E>
using EngineEvent = decltype(std::declval<E&>().nextEvent());

// What both templates share: the engine behind the connection's hooks.
template <proto::Engine E, typename Connection>
class EngineDriven : public Connection {
protected:
    using Connection::Connection;

    E& engine() { return *engine_; }
    const E& engine() const { return *engine_; }
    proto::EngineTime now() { return engineTime(this->host().simulator().now()); }

    // One event from the engine, never its NeedData.
    virtual void onEvent(EngineEvent<E>& event) = 0;

    // Called once, by the template's constructor: the engine is made after
    // the connection it sits on, as a member would be.
    template <typename... EngineArgs>
    void makeEngine(EngineArgs&&... engineArgs) {
        engine_.emplace(std::forward<EngineArgs>(engineArgs)...);
    }

private:
    void engineStart() final { engine_->start(now()); }
    void engineReceive(std::string_view bytes) final { engine_->receive(bytes, now()); }
    void engineEof() final { engine_->receiveEof(now()); }
    void engineTimeout() final { engine_->handleTimeout(now()); }
    bool engineEvents() final {
        for (auto event = engine_->nextEvent(); !proto::isNeedData(event); event = engine_->nextEvent()) onEvent(event);
        return engine_->closed();
    }
    std::string engineOutput() final { return engine_->takeOutput(); }
    std::optional<Time> engineDeadline() const final {
        const auto deadline = engine_->nextTimeout();
        return deadline ? std::optional<Time>{simulatedTime(*deadline)} : std::nullopt;
    }

    std::optional<E> engine_;
};

template <proto::Engine E>
class ServerConnectionFor : public EngineDriven<E, ServerConnection> {
protected:
    // The connection's arguments, then the engine's.
    template <typename... EngineArgs>
    ServerConnectionFor(HostStack& host, std::shared_ptr<tcp::TcpConnection> connection, const std::string& protocol,
                        const std::string& client, EngineArgs&&... engineArgs)
        : EngineDriven<E, ServerConnection>{host, std::move(connection), protocol, client} {
        this->makeEngine(std::forward<EngineArgs>(engineArgs)...);
    }
};

template <proto::Engine E>
class ClientConnectionFor : public EngineDriven<E, ClientConnection> {
protected:
    // The host, then the engine's arguments.
    template <typename... EngineArgs>
    explicit ClientConnectionFor(HostStack& host, EngineArgs&&... engineArgs)
        : EngineDriven<E, ClientConnection>{host} {
        this->makeEngine(std::forward<EngineArgs>(engineArgs)...);
    }
};

}  // namespace netstage::apps
