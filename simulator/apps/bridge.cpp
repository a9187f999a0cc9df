#include "simulator/apps/bridge.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "protocols/common/base64.hpp"
#include "simulator/apps/bridge_lookups.hpp"
#include "simulator/apps/client_connection.hpp"

namespace netstage::apps {

// One bridged connection: a client connection whose engine passes bytes
// through, from outside to the server and back.
class Bridge::Connection final : public ClientConnection {
public:
    Connection(Bridge& bridge, BridgeId id) : ClientConnection{bridge.host_}, bridge_{&bridge}, id_{id} {}

    void start(Endpoint server, std::shared_ptr<Connection> self) { connect(server, std::move(self)); }
    void take(std::shared_ptr<tcp::TcpConnection> accepted, std::shared_ptr<Connection> self) {
        adopt(std::move(accepted), std::move(self));
    }
    void write(std::string_view bytes) {
        if (closeWanted_) return;
        pending_ += bytes;
        if (reached()) pump();
    }
    void closeSending() {
        if (closeWanted_) return;
        closeWanted_ = true;
        if (reached()) pump();
    }
    // The bridge is going away before TCP is done: no more callbacks into it.
    void detach() { bridge_ = nullptr; }
    std::size_t backlog() const { return pending_.size() + unsentBytes(); }
    void setReading(bool reading) {
        if (reading) {
            resumeReading();
        } else {
            pauseReading();
        }
    }

private:
    void engineStart() override {
        if (bridge_ != nullptr && bridge_->callbacks_.connected) bridge_->callbacks_.connected(id_);
    }
    void engineReceive(std::string_view bytes) override {
        if (bridge_ != nullptr && bridge_->callbacks_.received) bridge_->callbacks_.received(id_, bytes);
    }
    void engineEof() override {
        if (peerClosed_) return;
        peerClosed_ = true;
        if (bridge_ != nullptr && bridge_->callbacks_.peerClosed) bridge_->callbacks_.peerClosed(id_);
    }
    bool engineEvents() override { return closeWanted_; }
    std::string engineOutput() override { return std::exchange(pending_, {}); }
    std::string closedOutcome() const override { return "closed"; }
    void finished(bool, const std::string& outcome) override {
        if (bridge_ != nullptr) bridge_->ended(id_, outcome);
    }

    Bridge* bridge_;
    BridgeId id_;
    std::string pending_;
    bool closeWanted_ = false;
    bool peerClosed_ = false;
};

Bridge::Bridge(HostStack& from, BridgeCallbacks callbacks) : host_{from}, callbacks_{std::move(callbacks)} {}

Bridge::~Bridge() {
    for (auto& [id, connection] : connections_) connection->detach();
    for (const auto& [port, id] : listening_) host_.tcp().stopListening(port);
    if (lookups_) lookups_->detach();
}

const std::string& Bridge::hostName() const { return host_.node().name(); }

void Bridge::open(BridgeId id, Endpoint server) {
    if (connections_.contains(id)) throw std::invalid_argument{"bridge connection " + std::to_string(id) + " is already open"};
    traceInput("open", id, {}, server.toString());
    auto connection = std::make_shared<Connection>(*this, id);
    connections_.emplace(id, connection);
    keeper_.keep(connection);
    connection->start(server, connection);
}

void Bridge::listen(BridgeId id, std::uint16_t port) {
    if (connections_.contains(id) || std::any_of(listening_.begin(), listening_.end(), [id](const auto& entry) { return entry.second == id; })) {
        throw std::invalid_argument{"bridge connection " + std::to_string(id) + " is already open"};
    }
    if (host_.tcp().isListening(port)) throw std::invalid_argument{"port " + std::to_string(port) + " is already listening"};
    traceInput("listen", id, {}, {}, port);
    listening_.emplace(port, id);
    host_.tcp().listen(port, [this, port](std::shared_ptr<tcp::TcpConnection> accepted) {
        const auto found = listening_.find(port);
        if (found == listening_.end()) return;
        const BridgeId acceptedId = found->second;
        listening_.erase(found);
        host_.tcp().stopListening(port);  // one connection per listen, as an FTP client's data port
        auto connection = std::make_shared<Connection>(*this, acceptedId);
        connections_.emplace(acceptedId, connection);
        keeper_.keep(connection);
        connection->take(std::move(accepted), connection);
    });
}

void Bridge::send(BridgeId id, std::string_view bytes) {
    const auto found = connections_.find(id);
    if (found == connections_.end() || bytes.empty()) return;
    traceInput("input", id, bytes);
    found->second->write(bytes);
}

void Bridge::pauseReading(BridgeId id) {
    const auto found = connections_.find(id);
    if (found == connections_.end()) return;
    traceInput("pause", id, {});
    found->second->setReading(false);
}

void Bridge::resumeReading(BridgeId id) {
    const auto found = connections_.find(id);
    if (found == connections_.end()) return;
    traceInput("resume", id, {});
    found->second->setReading(true);
}

void Bridge::noteRewrite(BridgeId id, bool towardServer, const std::string& original, const std::string& rewritten) {
    trace::Tracer& tracer = host_.node().network().tracer();
    if (!tracer.wantsEvents()) return;
    trace::Fields fields{{"id", static_cast<std::int64_t>(id)},
                         {"toward", std::string{towardServer ? "server" : "client"}},
                         {"original", original},
                         {"rewritten", rewritten}};
    tracer.event(trace::Event{host_.simulator().now(), host_.node().name(), "bridge", "rewrite", std::move(fields)});
}

std::size_t Bridge::backlog(BridgeId id) const {
    const auto found = connections_.find(id);
    return found == connections_.end() ? 0 : found->second->backlog();
}

void Bridge::close(BridgeId id) {
    const auto found = connections_.find(id);
    if (found == connections_.end()) return;
    traceInput("close", id, {});
    found->second->closeSending();
}

void Bridge::ended(BridgeId id, const std::string& outcome) {
    const auto found = connections_.find(id);
    if (found == connections_.end()) return;
    // The connection object keeps itself alive until TCP is done with it.
    connections_.erase(found);
    if (callbacks_.ended) callbacks_.ended(id, outcome);
}

void Bridge::traceInput(std::string type, BridgeId id, std::string_view bytes, std::string server, std::uint16_t port) {
    trace::Tracer& tracer = host_.node().network().tracer();
    if (!tracer.wantsEvents()) return;
    trace::Fields fields{{"id", static_cast<std::int64_t>(id)}};
    if (!server.empty()) fields.emplace_back("server", std::move(server));
    if (port != 0) fields.emplace_back("port", static_cast<std::int64_t>(port));
    if (!bytes.empty()) {
        BridgeBytes encoded = encodeBridgeBytes(bytes);
        fields.emplace_back(std::move(encoded.field), std::move(encoded.value));
    }
    tracer.event(trace::Event{host_.simulator().now(), host_.node().name(), "bridge", std::move(type), std::move(fields)});
}

namespace {

// Valid UTF-8 without control characters other than tab, CR and LF.
bool printable(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) return false;
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t codePoint = 0;
        if ((c & 0xe0) == 0xc0) {
            length = 2;
            codePoint = c & 0x1fu;
        } else if ((c & 0xf0) == 0xe0) {
            length = 3;
            codePoint = c & 0x0fu;
        } else if ((c & 0xf8) == 0xf0) {
            length = 4;
            codePoint = c & 0x07u;
        } else {
            return false;
        }
        if (i + length > bytes.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if ((next & 0xc0) != 0x80) return false;
            codePoint = (codePoint << 6) | (next & 0x3fu);
        }
        const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (codePoint < smallest[length] || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
            return false;
        }
        i += length;
    }
    return true;
}

}  // namespace

BridgeBytes encodeBridgeBytes(std::string_view bytes) {
    if (printable(bytes)) return {"text", std::string{bytes}};
    return {"base64", proto::base64Encode(bytes)};
}

std::optional<std::string> decodeBridgeBytes(std::string_view field, std::string_view value) {
    if (field == "text") return std::string{value};
    if (field == "base64") return proto::base64Decode(value);
    return std::nullopt;
}

}  // namespace netstage::apps
