#pragma once
// Shared helpers for the SMTP engine tests: run a server over chunks, print
// events as transcript lines, record what the server stored through its
// policy, pump a client against a server in memory.

#include <chrono>
#include <string>
#include <variant>
#include <vector>

#include "protocols/smtp/client_session.hpp"
#include "protocols/smtp/server_session.hpp"

namespace netstage::smtp::testing {

inline std::string describe(const ServerEvent& event) {
    struct Visitor {
        std::string operator()(const NeedData&) const { return "NeedData"; }
        std::string operator()(const CommandReceived& e) const { return "C: " + e.rawLine; }
        std::string operator()(const DataLineReceived& e) const {
            return "C: " + e.rawLine + (e.bareLf ? " [LF]" : "") + (e.terminator ? " [end]" : "");
        }
        std::string operator()(const ReplySent& e) const {
            std::string out;
            for (const auto& line : e.lines) out += (out.empty() ? "S: " : "\nS: ") + line;
            return out;
        }
        std::string operator()(const ProtocolError& e) const {
            return "ProtocolError " + std::to_string(e.code) + " " + e.what;
        }
    };
    return std::visit(Visitor{}, event);
}

struct StoredMessage {
    Envelope envelope;
    std::string data;
};

inline std::string describe(const StoredMessage& stored) {
    std::string out = "from=<" + stored.envelope.reversePath + "> to=";
    for (const auto& r : stored.envelope.recipients) out += "<" + r + ">";
    return out + " data=" + stored.data;
}

// Passes every question on to `decider` (or says yes) and keeps each message
// the answer stored: the host's side of acceptMessage.
class RecordingPolicy final : public ServerPolicy {
public:
    explicit RecordingPolicy(ServerPolicy* decider = nullptr) : decider_{decider} {}
    Decision checkSender(const std::string& reversePath) override {
        return decider_ ? decider_->checkSender(reversePath) : Decision{};
    }
    Decision checkRecipient(const std::string& address) override {
        return decider_ ? decider_->checkRecipient(address) : Decision{};
    }
    Decision authenticate(const std::string& user, const std::string& password) override {
        return decider_ ? decider_->authenticate(user, password) : ServerPolicy::authenticate(user, password);
    }
    Decision acceptMessage(const Envelope& envelope, const std::string& data) override {
        const Decision decision = decider_ ? decider_->acceptMessage(envelope, data) : Decision{};
        if (decision.code == 250) stored.push_back({envelope, data});
        return decision;
    }
    std::vector<StoredMessage> stored;

private:
    ServerPolicy* decider_;
};

struct ServerRun {
    std::vector<std::string> events;  // described
    std::vector<ServerEvent> raw;
    std::string output;
    std::vector<std::string> stored;  // described, in the order the policy stored them
    bool closed = false;
};

inline void drain(ServerSession& server, ServerRun& run) {
    for (;;) {
        ServerEvent event = server.nextEvent();
        if (std::holds_alternative<NeedData>(event)) break;
        run.events.push_back(describe(event));
        run.raw.push_back(std::move(event));
    }
    run.output += server.takeOutput();
}

inline ServerRun runServer(const ServerConfig& config, ServerPolicy* policy, const std::vector<std::string>& chunks) {
    RecordingPolicy recorder{policy};
    ServerSession server{config, &recorder};
    ServerRun run;
    server.start(std::chrono::nanoseconds{0});
    drain(server, run);
    for (const std::string& chunk : chunks) {
        server.receive(chunk, std::chrono::nanoseconds{0});
        drain(server, run);
    }
    for (const StoredMessage& stored : recorder.stored) run.stored.push_back(describe(stored));
    run.closed = server.closed();
    return run;
}

inline ServerRun runServer(const ServerConfig& config, const std::string& input) {
    return runServer(config, nullptr, {input});
}

// Only the transcript lines ("C: ..." and "S: ..."), one per wire line.
inline std::vector<std::string> transcript(const std::vector<std::string>& described) {
    std::vector<std::string> lines;
    for (const std::string& text : described) {
        if (text.rfind("C: ", 0) != 0 && text.rfind("S: ", 0) != 0) continue;
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t end = text.find('\n', start);
            lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    return lines;
}

inline bool contains(const std::vector<std::string>& lines, const std::string& wanted) {
    for (const auto& line : lines) {
        if (line == wanted) return true;
    }
    return false;
}

inline ServerConfig lectureServerConfig() {
    ServerConfig config;
    config.domain = "hamburger.edu";
    config.texts.greeting = "{domain}";
    config.texts.helo = "Hello {client}, pleased to meet you";
    config.texts.mailOk = "{address}... Sender ok";
    config.texts.rcptOk = "{address} ... Recipient ok";
    config.texts.dataStart = "Enter mail, end with \".\" on a line by itself";
    config.texts.messageAccepted = "Message accepted for delivery";
    config.texts.quit = "{domain} closing connection";
    return config;
}

inline ClientConfig lectureClientConfig() {
    ClientConfig config;
    config.heloDomain = "crepes.fr";
    config.useEhlo = false;
    config.style = CommandStyle::SpaceAfterColon;
    return config;
}

inline std::string describe(const ClientEvent& event) {
    struct Visitor {
        static std::string outcome(Outcome o) {
            switch (o) {
                case Outcome::Accepted: return "accepted";
                case Outcome::TemporaryFailure: return "temporary";
                case Outcome::PermanentFailure: return "permanent";
                case Outcome::Unknown: return "unknown";
            }
            return "?";
        }
        std::string operator()(const NeedData&) const { return "NeedData"; }
        std::string operator()(const CommandSent& e) const { return "C: " + e.line; }
        std::string operator()(const DataLineSent& e) const { return "C: " + e.line; }
        std::string operator()(const ReplyReceived& e) const {
            std::string out;
            for (const auto& line : e.lines) out += (out.empty() ? "S: " : "\nS: ") + line;
            return out;
        }
        std::string operator()(const RecipientResult& e) const {
            return "Recipient " + std::to_string(e.item) + " " + e.recipient + " " + outcome(e.outcome) + " " +
                   std::to_string(e.code);
        }
        std::string operator()(const ItemResult& e) const {
            return "Item " + std::to_string(e.item) + " " + outcome(e.outcome) + " " + std::to_string(e.code);
        }
        std::string operator()(const ProtocolError& e) const { return "ProtocolError " + e.what; }
        std::string operator()(const Done&) const { return "Done"; }
    };
    return std::visit(Visitor{}, event);
}

inline std::vector<std::string> drain(ClientSession& client) {
    std::vector<std::string> out;
    for (;;) {
        ClientEvent event = client.nextEvent();
        if (std::holds_alternative<NeedData>(event)) break;
        out.push_back(describe(event));
    }
    return out;
}

struct PairRun {
    std::vector<std::string> serverEvents;
    std::vector<std::string> clientEvents;
};

// Pumps bytes both ways until neither side has anything to say. What the
// server stored is in the RecordingPolicy it was given, if any.
inline PairRun pump(ClientSession& client, ServerSession& server) {
    PairRun run;
    const std::chrono::nanoseconds now{0};
    client.start(now);
    server.start(now);
    for (int round = 0; round < 10000; ++round) {
        for (;;) {
            ServerEvent event = server.nextEvent();
            if (std::holds_alternative<NeedData>(event)) break;
            run.serverEvents.push_back(describe(event));
        }
        for (auto& line : drain(client)) run.clientEvents.push_back(std::move(line));
        const std::string toClient = server.takeOutput();
        const std::string toServer = client.takeOutput();
        if (toClient.empty() && toServer.empty()) break;
        if (!toClient.empty()) client.receive(toClient, now);
        if (!toServer.empty()) server.receive(toServer, now);
    }
    if (server.closed()) client.receiveEof(now);
    for (auto& line : drain(client)) run.clientEvents.push_back(std::move(line));
    return run;
}

}  // namespace netstage::smtp::testing
